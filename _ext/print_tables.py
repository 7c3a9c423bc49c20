"""Sphinx extension: the printed book's tables break across pages and size their columns.

Sphinx typesets a table of up to 30 rows with ``tabulary``, which cannot break across
pages, and shares its width out by its own measure; the book's data tables, with a long
note in every row, then run off the page. For the LaTeX builder every table becomes a
``longtable`` whose columns are as wide as their longest cell, within bounds.
"""
from docutils import nodes

#: Bounds, in characters, of a column's share of the width: a number column stays
#: readable, and a column of long notes does not squeeze the others into syllables.
NARROWEST, WIDEST = 9, 60


def column_widths(table: nodes.table) -> list[int]:
    """Each column's longest cell, in characters, within ``NARROWEST`` and ``WIDEST``."""
    widths: list[int] = []
    for row in table.findall(nodes.row):
        for index, entry in enumerate(row.children):
            if index == len(widths):
                widths.append(NARROWEST)
            widths[index] = max(widths[index], min(len(entry.astext()), WIDEST))
    return widths


def _long_tables(app, doctree, docname):
    if app.builder.format != "latex":
        return
    for table in doctree.findall(nodes.table):
        colspecs = list(table.findall(nodes.colspec))
        widths = column_widths(table)
        if len(colspecs) != len(widths):  # a cell spans columns: Sphinx's sizing stays
            continue
        for colspec, width in zip(colspecs, widths):
            colspec["colwidth"] = width
        table["classes"] = [c for c in table["classes"] if c != "colwidths-auto"] + \
            ["longtable", "colwidths-given"]


def setup(app):
    app.connect("doctree-resolved", _long_tables)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
