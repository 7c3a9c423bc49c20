"""Sphinx extension: redraw the book's Graphviz diagrams, and let each builder pick a format.

The drawings are declared in ``widgets.figures.diagrams`` and land in
``book_assets/diagrams``, where the pages' ``{figure}`` directives find them. Without
Graphviz the committed drawings are used as they are (a test checks that they match
their declarations).

Pages name a diagram's SVG (which JupyterLab shows too); as each page is read, such a
name becomes ``<name>.*``, so that Sphinx offers every drawn format and each builder
takes the one it supports: the SVG for the site, the PDF for the printed book.
"""
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from widgets.figures.diagrams import FORMATS, SVG_FOLDER, dot_command, write_drawings

logger = logging.getLogger(__name__)
#: Before Sphinx's image collector (priority 500) reads the pages' image names.
BEFORE_IMAGE_COLLECTOR = 400


def _redraw(app):
    try:
        dot_command()
    except RuntimeError as missing:
        logger.info(f"{missing}; using the drawings committed in {SVG_FOLDER}")
        return
    written = write_drawings()
    logger.info(f"diagrams: {len(written)} drawing(s) redrawn in {SVG_FOLDER}")


def _drawn_in_every_format(path: Path) -> bool:
    """True for an SVG in the diagrams folder that has a drawing in each of ``FORMATS``."""
    return (path.suffix == ".svg" and path.parent == SVG_FOLDER
            and all(path.with_suffix(f".{fmt}").exists() for fmt in FORMATS))


def _any_format(app, doctree):
    """Point each diagram's image at ``<name>.*``: every builder picks a format it supports."""
    for image in doctree.findall(nodes.image):
        _, full_path = app.env.relfn2path(image["uri"], app.env.docname)
        if _drawn_in_every_format(Path(full_path).resolve()):
            image["uri"] = image["uri"][:-len(".svg")] + ".*"


def setup(app):
    app.connect("builder-inited", _redraw)
    app.connect("doctree-read", _any_format, priority=BEFORE_IMAGE_COLLECTOR)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
