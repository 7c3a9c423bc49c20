"""Sphinx extension for this book's build.

* Marks the build, so notebook kernels started by the build (which inherit
  this process's environment) render panels from precomputed frames that
  keep working on the static site; see ``widgets.panels.declaration``.
* Drops the Thebe scripts: the book launches live notebooks through Binder
  or Colab instead, and sphinx-thebe declares its loader URL twice (a console
  error) and points it at a CDN. Launch buttons stay on notebook pages only:
  the prose pages are MyST text files, which Colab cannot open.
* Prints an author list that ends in BibTeX's ``and others`` as "*et al.*", in the text and
  in the bibliography (pybtex and sphinxcontrib-bibtex print the word "others").
* Keeps a rebuild honest. myst-nb's execution cache is keyed on each
  notebook's code, not on the ``widgets`` package or ``data/`` it calls, so
  after a change there the cache is cleared and every page executes again.
  Sphinx also keeps an older copy of a changed static file, so the book's own
  static files are copied again after the build wherever they differ.
"""
import hashlib
import os
import shutil
from pathlib import Path

from pybtex.richtext import Tag, Text
from pybtex.style import template as pybtex_template
from sphinxcontrib.bibtex.style import template as bibtex_template

from widgets.panels.declaration import STATIC_ENV

INPUTS = ("widgets", "data", "_ext")
STAMP_NAME = "widgets-and-data.sha256"


def inputs_digest(root: Path) -> str:
    """SHA-256 over the files of ``INPUTS`` (paths and contents)."""
    digest = hashlib.sha256()
    for folder in INPUTS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _refresh_caches(app):
    cache = Path(app.srcdir) / ".jupyter_cache"
    stamp = cache / STAMP_NAME
    digest = inputs_digest(Path(app.srcdir))
    app.inputs_changed = not stamp.exists() or stamp.read_text() != digest
    if cache.exists() and app.inputs_changed:
        shutil.rmtree(cache)
    cache.mkdir(exist_ok=True)
    stamp.write_text(digest)


def _refresh_static_files(app, exception):
    """Copy the book's own static files over any older copy Sphinx left in place."""
    if exception is not None or app.builder.format != "html":
        return
    assets = Path(app.srcdir) / "book_assets"
    for source in assets.rglob("*"):
        target = Path(app.outdir) / "_static" / source.relative_to(assets)
        if source.is_file() and (not target.exists()
                                 or target.read_bytes() != source.read_bytes()):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def _read_everything_again(app, env, added, changed, removed):
    """After a change in ``widgets/`` or ``data/``, every page is read (and executed) again."""
    return sorted(env.found_docs) if getattr(app, "inputs_changed", False) else []


def _launch_notebooks_only(app, pagename, templatename, context, doctree):
    """Binder and Colab open notebooks; prose pages (MyST text with a quiz cell) get none."""
    if context.get("page_source_suffix") == ".md" and "header_buttons" in context:
        context["header_buttons"][:] = [button for button in context["header_buttons"]
                                        if button.get("label") != "launch-buttons"]


def _drop_thebe(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if scripts is None:
        return
    kept = [s for s in scripts
            if "thebe" not in str(getattr(s, "filename", s) or "")
            and "THEBE_JS_URL" not in str(getattr(s, "attributes", {}).get("body", ""))]
    scripts[:] = kept


def _et_al_for_others(module) -> None:
    """Make ``module.join`` end a name list whose last name is "others" with *et al.*"""
    plain_join = module.join

    @pybtex_template.node
    def join(children, data, *args, **options):
        parts = [part for part in pybtex_template._format_list(children, data) if part]
        if len(parts) >= 2 and str(parts[-1]) == "others":
            if options.get("other") is not None:  # an in-text label: "First et al."
                return Text(parts[0], options["other"])
            named = plain_join(*args, **options)[parts[:-1]].format_data(data)
            return Text(named, " ", Tag("em", "et al."))
        return plain_join(*args, **options)[parts].format_data(data)

    module.join = join


def setup(app):
    _et_al_for_others(pybtex_template)
    _et_al_for_others(bibtex_template)
    os.environ[STATIC_ENV] = "1"
    app.connect("builder-inited", _refresh_caches)
    app.connect("env-get-outdated", _read_everything_again)
    app.connect("build-finished", _refresh_static_files)
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("html-page-context", _launch_notebooks_only, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
