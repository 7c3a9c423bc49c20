"""The book builds cleanly with warnings as errors, and the static panels carry their frames."""
import json
import re

import book_contents


def test_book_builds_with_warnings_as_errors(built_site):
    assert (built_site / "index.html").exists() or (built_site / "intro.html").exists()


def _widget_pages():
    """The built pages that show a panel of ``widgets.panels`` (found in the pages' code)."""
    return sorted(f"{file}.html" for file in book_contents.widget_pages())


WIDGET_STATE = re.compile(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>',
                          re.S)


def _built_pages(site):
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html")
                  if "_static" not in path.parts)


def test_widget_pages_embed_precomputed_frames_with_alt_text_and_links(built_site):
    """The pages with a panel, and only they, carry its frames: one per static combination."""
    import math

    pages = _widget_pages()
    with_state = [page for page in _built_pages(built_site)
                  if WIDGET_STATE.search((built_site / page).read_text(encoding="utf-8"))]
    assert with_state == pages
    panels = book_contents.panel_pages()
    for page in pages:
        html = (built_site / page).read_text(encoding="utf-8")
        models = list(json.loads(WIDGET_STATE.search(html).group(1))["state"].values())
        names = [m["model_name"] for m in models]
        images = [m["state"]["value"] for m in models if m["model_name"] == "HTMLModel"
                  and m["state"].get("value", "").startswith(("<img", "<picture"))]
        panel = panels[page.removesuffix(".html")]()
        assert len(images) == math.prod(len(c.static) for c in panel.static_controls), page
        assert all(re.search(r'alt="[^"]{80,}"', image) and "hcc-numbers" in image
                   for image in images), page
        assert "LinkModel" in names and "StackModel" in names, page


def test_no_page_points_at_a_content_delivery_network(built_site):
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for host in ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com"):
            assert f"src=\"https://{host}" not in text, (path, host)


def test_model_reference_tables_are_rendered_with_citations(built_site):
    """Every table the page's code draws from ``data/`` is on the page (counted in its Markdown)."""
    from widgets import tables

    drawn = 0
    for cell in book_contents.code_cells("reference/model"):
        for call in re.findall(r"\btables\.\w+\([^()]*\)", cell):
            markdown = eval(call, {"tables": tables})
            drawn += len(re.findall(r"^\|(?: *:?-+:? *\|)+ *$", markdown, re.M))  # header rules
    html = (built_site / "reference" / "model.html").read_text(encoding="utf-8")
    assert html.count("<table") == drawn > 0
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

    notebooks = sorted(f"{file}.html" for file in book_contents.toc_files()
                       if book_contents.source(file).suffix == ".ipynb")
    offering = [page for page in _built_pages(built_site) if re.search(
        r'href="[^"]*_sources/[^"]+\.ipynb"', (built_site / page).read_text(encoding="utf-8"))]
    assert offering == notebooks  # the notebook pages of the contents, and only they
    for page in notebooks:
        html = (built_site / page).read_text(encoding="utf-8")
        up = "../" * page.count("/")
        assert f'href="{up}_sources/{page.removesuffix(".html")}.ipynb"' in html, page
        assert f'href="{up}hcc-autophagy-book.zip"' in html, page  # the whole book beside it
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
    """Every page of the contents with code: the notebooks, and the MyST pages with a code cell
    (run in a kernel, or rendered at build time when their only code is their quiz)."""
    return [book_contents.source(file).relative_to(book_contents.ROOT)
            for file in book_contents.toc_files() if book_contents.code_cells(file)]


def test_the_build_executes_every_page_once_in_a_fresh_kernel_without_error(built_site):
    """Notebooks run once, in the build (with -W an error fails it); their outputs are checked here.

    The pages come from the contents; the pages that show a quiz are exactly those whose code
    calls ``quiz.show``. The claims each notebook makes are checked on the model in
    ``tests/test_claims_<chapter>.py``. The built pages are read (not
    ``_build/jupyter_execute``, which a cached rebuild leaves empty).
    """
    pages = _executable_pages()
    quizzes = set()
    for page in pages:
        html = (built_site / page.with_suffix(".html")).read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" not in html, page
        assert 'class="output traceback' not in html and "ansi-red-fg" not in html, page
        code = "\n".join(book_contents.code_cells(page.with_suffix("").as_posix()))
        if "quiz.show(" in code:
            quizzes.add(page.with_suffix(".html").as_posix())
        if "tables." in code:
            assert "<table" in html, page  # the data table rendered
    with_quiz = {page for page in _built_pages(built_site)
                 if 'class="bq-quiz"' in (built_site / page).read_text(encoding="utf-8")}
    assert with_quiz == quizzes  # each quiz rendered, and no page shows one it does not call


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
