"""Sphinx extension for this book's build.

* Marks the build, so notebook kernels started by the build (which inherit
  this process's environment) render panels from precomputed frames that
  keep working on the static site; see ``widgets.panels``.
* Drops the Thebe scripts: the book launches live notebooks through Binder
  or Colab instead, and sphinx-thebe declares its loader URL twice (a console
  error) and points it at a CDN.
"""
import os


def _drop_thebe(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if scripts is None:
        return
    kept = [s for s in scripts
            if "thebe" not in str(getattr(s, "filename", s) or "")
            and "THEBE_JS_URL" not in str(getattr(s, "attributes", {}).get("body", ""))]
    scripts[:] = kept


def setup(app):
    os.environ["HCC_BOOK_STATIC"] = "1"
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
