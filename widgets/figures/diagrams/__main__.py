"""``python -m widgets.figures.diagrams``: redraw the book's diagrams into book_assets/diagrams."""
from . import SVG_FOLDER, write_svgs

if __name__ == "__main__":
    written = write_svgs()
    print(f"{len(written)} diagram(s) redrawn in {SVG_FOLDER}" if written else
          f"every diagram in {SVG_FOLDER} is up to date")
