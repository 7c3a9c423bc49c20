"""The book builds cleanly with warnings as errors, and the static panels carry their frames."""
import json
import re


def test_book_builds_with_warnings_as_errors(built_site):
    assert (built_site / "index.html").exists() or (built_site / "intro.html").exists()


def _widget_pages():
    from conftest import ROOT

    return sorted(str(p.relative_to(ROOT).with_suffix(".html"))
                  for p in ROOT.glob("chapters/*/*.ipynb")
                  if "widgets.panels" in p.read_text(encoding="utf-8"))


def test_widget_pages_embed_precomputed_frames_with_alt_text_and_links(built_site):
    pages = _widget_pages()
    assert len(pages) >= 6
    for page in pages:
        html = (built_site / page).read_text(encoding="utf-8")
        state = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>',
                          html, re.S)
        assert state, page
        models = list(json.loads(state.group(1))["state"].values())
        names = [m["model_name"] for m in models]
        images = [m["state"]["value"] for m in models if m["model_name"] == "HTMLModel"
                  and m["state"].get("value", "").startswith("<img")]
        assert len(images) >= 5, page  # one per combination of the static choices
        assert all(re.search(r'alt="[^"]{80,}"', image) and "hcc-numbers" in image
                   for image in images), page
        assert "LinkModel" in names and "StackModel" in names, page


def test_no_page_points_at_a_content_delivery_network(built_site):
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for host in ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com"):
            assert f"src=\"https://{host}" not in text, (path, host)


def test_model_reference_tables_are_rendered_with_citations(built_site):
    html = (built_site / "reference" / "model.html").read_text(encoding="utf-8")
    assert html.count("<table") >= 4
    assert "Autophagosome-lysosome fusion rate constant" in html


def test_no_unrendered_markup_reaches_the_reader(built_site):
    for path in built_site.rglob("*.html"):
        if "_static" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "{cite:p}" not in text and "{cite:t}" not in text, path
        assert "{doc}`" not in text, path


def test_a_change_in_widgets_or_data_invalidates_the_execution_cache(tmp_path):
    """The build hook re-executes every page when the code or data the notebooks call change."""
    from _ext import book_build

    for folder in book_build.INPUTS:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("1")
    before = book_build.inputs_digest(tmp_path)
    assert book_build.inputs_digest(tmp_path) == before
    (tmp_path / "data" / "a.txt").write_text("2")
    assert book_build.inputs_digest(tmp_path) != before


def test_notebook_pages_offer_their_download_and_the_whole_book_and_no_button_to_nowhere(built_site):
    """No repository is set in _config.yml: no repository, Binder or Colab button leads nowhere."""
    import zipfile

    from conftest import ROOT

    notebooks = sorted(p.relative_to(ROOT).with_suffix(".html")
                       for p in (ROOT / "chapters").glob("*/*.ipynb"))
    assert len(notebooks) >= 8
    for page in notebooks:
        html = (built_site / page).read_text(encoding="utf-8")
        assert f"_sources/{page.with_suffix('.ipynb')}" in html, page  # download the notebook
        assert "../../hcc-autophagy-book.zip" in html, page  # and the whole book beside it
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for nowhere in ("mybinder.org", "colab.research.google.com", "github.com/hcc-autophagy-book"):
            assert nowhere not in html, (path, nowhere)
    with zipfile.ZipFile(built_site / "hcc-autophagy-book.zip") as archive:
        names = set(archive.namelist())
    for needed in ("widgets/__init__.py", "data/parameters.csv", "requirements.txt",
                   "chapters/machinery/flux_explorer.ipynb", "_config.yml"):
        assert f"hcc-autophagy-book/{needed}" in names, needed
    assert not any("/_build/" in name or "/.venv/" in name for name in names)


def _executable_pages():
    """Every page with code: the widget and quiz notebooks, and the MyST pages with a quiz cell."""
    from conftest import ROOT

    pages = sorted(p for p in [*ROOT.glob("chapters/*/*.ipynb"), *ROOT.glob("reference/*.ipynb")])
    pages += sorted(p for p in [*ROOT.glob("chapters/*/*.md"), *ROOT.glob("reference/*.md")]
                    if "```{code-cell}" in p.read_text(encoding="utf-8"))
    return [p.relative_to(ROOT) for p in pages]


def test_the_build_executes_every_page_once_in_a_fresh_kernel_without_error(built_site):
    """Notebooks run once, in the build (with -W an error fails it); their outputs are checked here.

    The claims each notebook makes are checked on the model in ``tests/test_claims_<chapter>.py``.
    The built pages are read (not ``_build/jupyter_execute``, which a cached rebuild leaves empty).
    """
    from conftest import ROOT

    pages = _executable_pages()
    assert len(pages) >= 18
    for page in pages:
        html = (built_site / page.with_suffix(".html")).read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" not in html, page
        assert 'class="output traceback' not in html and "ansi-red-fg" not in html, page
        source = (ROOT / page).read_text(encoding="utf-8")
        if "quiz.show(" in source:
            assert 'class="bq-quiz"' in html, page  # the quiz rendered
        if "tables." in source:
            assert "<table" in html, page  # the data table rendered


WORKING_NOTES = ("from memory", "not verified", "not in the corpus", "abstract verified",
                 "and others")


def test_bibliography_and_citation_previews_read_as_a_reader_expects(built_site):
    """Entries print authors, year, journal and title; no working note; *et al.*, not 'others'."""
    for path in built_site.rglob("*.html"):
        if "_static" in path.parts:
            continue
        text = path.read_text(encoding="utf-8").lower()
        for phrase in WORKING_NOTES:
            assert phrase not in text, (path, phrase)
        assert "et al.</em> <em>et al." not in text and "et al. et al." not in text, path
