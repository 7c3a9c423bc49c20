"""``python -m widgets.figures.diagrams``: redraw the book's diagrams into book_assets/diagrams."""
from . import SVG_FOLDER, write_drawings

if __name__ == "__main__":
    written = write_drawings()
    print(f"{len(written)} drawing(s) redrawn in {SVG_FOLDER}" if written else
          f"every diagram in {SVG_FOLDER} is up to date")
