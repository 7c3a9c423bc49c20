"""Sphinx extension for this book's build.

Marks the build, so notebook kernels started by the build (which inherit this
process's environment) render panels from precomputed frames that keep
working on the static site; see ``widgets.panels``.
"""
import os


def setup(app):
    os.environ["HCC_BOOK_STATIC"] = "1"
    return {"parallel_read_safe": True, "parallel_write_safe": True}
