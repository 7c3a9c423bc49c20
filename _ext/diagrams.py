"""Sphinx extension: redraw the book's Graphviz diagrams before the pages are read.

The drawings are declared in ``widgets.figures.diagrams`` and land in
``book_assets/diagrams``, where the pages' ``{figure}`` directives find them. Without
Graphviz the committed drawings are used as they are (a test checks that they match
their declarations).
"""
from sphinx.util import logging

from widgets.figures.diagrams import SVG_FOLDER, dot_command, write_svgs

logger = logging.getLogger(__name__)


def _redraw(app):
    try:
        dot_command()
    except RuntimeError as missing:
        logger.info(f"{missing}; using the drawings committed in {SVG_FOLDER}")
        return
    written = write_svgs()
    logger.info(f"diagrams: {len(written)} redrawn in {SVG_FOLDER}")


def setup(app):
    app.connect("builder-inited", _redraw)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
