"""The book's diagrams: declared once, drawn in one style, on every prose page, legible on a phone."""
from __future__ import annotations

import re

import pytest

import book_contents
from conftest import ROOT
from test_site import PHONE, _pages
from widgets.figures import diagrams
from widgets.figures.diagrams import Diagram, Edge, Node

FIGURE = re.compile(r"/book_assets/diagrams/([a-z0-9_]+)\.svg")


# Reference lists and the teacher's pages, not pages that teach: no diagram is asked of them.
LISTS = ("reference/bibliography.html", "reference/glossary.html", "reference/execution_status.html")


def _prose_pages():
    """Pages written as MyST text (``.md``), plus the model reference; not the lists or the guide."""
    pages = [page for page in _pages() if (ROOT / page.replace(".html", ".md")).exists()]
    return [page for page in pages if page not in LISTS
            and not page.startswith("reference/instructor/")] + ["reference/model.html"]


def _sources():
    return {path: path.read_text(encoding="utf-8")
            for pattern in ("*.md", "chapters/**/*.md", "reference/*.md", "**/*.ipynb")
            for path in ROOT.glob(pattern) if ".venv" not in path.parts and "_build" not in path.parts}


def test_every_declared_diagram_appears_on_a_page_and_every_page_diagram_is_declared():
    shown = {name for text in _sources().values() for name in FIGURE.findall(text)}
    assert shown == set(diagrams.declared_diagrams())


def test_committed_drawings_match_their_declarations(tmp_path, graphviz):
    """The SVGs and PDFs in book_assets/diagrams are what the declarations draw.

    JupyterLab and the site show the SVGs, the printed book the PDFs; both are committed.
    """
    written = diagrams.write_drawings(tmp_path)
    assert len(written) == len(diagrams.declared_diagrams()) * len(diagrams.FORMATS)
    for path in written:
        committed = diagrams.SVG_FOLDER / path.name
        assert committed.exists() and committed.read_bytes() == path.read_bytes(), \
            f"{path.name} is stale: run python -m widgets.figures.diagrams"
    assert diagrams.write_drawings(tmp_path) == [], "a redrawing must give the same bytes"


def test_no_drawing_is_left_from_a_diagram_no_longer_declared():
    names = set(diagrams.declared_diagrams())
    for fmt in diagrams.FORMATS:
        assert {path.stem for path in diagrams.SVG_FOLDER.glob(f"*.{fmt}")} == names, fmt


def test_every_drawing_fits_a_phone_column():
    for name in diagrams.declared_diagrams():
        svg = (diagrams.SVG_FOLDER / f"{name}.svg").read_text()
        assert diagrams.svg_width_pt(svg) <= diagrams.MAX_WIDTH_PT, name


def test_one_drawing_style_colours_every_role_from_the_palette():
    for diagram in diagrams.declared_diagrams().values():
        dot = diagrams.to_dot(diagram)
        for node in diagram.nodes:
            fill, border = diagrams.ROLES[node.role]
            assert f'fillcolor="{fill}", color="{border}"' in dot
        assert f'fontname="{diagrams.FONT}"' in dot


@pytest.mark.parametrize("make, words", [
    (lambda: Node("x", "X", "enzyme"), ["'enzyme'", "'protein'", "'drug'"]),
    (lambda: Edge("a", "b", "represses"), ["'represses'", "'inhibits'", "'activates'"]),
    (lambda: Diagram("d", (Node("a", "A"),), (Edge("a", "b"),)), ["['b']", "['a']"]),
    (lambda: Diagram("d", (Node("a", "A"), Node("a", "B")), ()), ["['a']", "twice"]),
    (lambda: Diagram("d", (Node("a", "A"),), (), direction="BT"), ["'BT'", "'TB'", "'LR'"]),
])
def test_a_bad_declaration_names_the_value_and_the_choices(make, words):
    with pytest.raises(ValueError) as error:
        make()
    for word in words:
        assert word in str(error.value)


DRAWN_FONT_PX = diagrams.FONT_SIZE_PT * 4 / 3
SMALLEST_TEXT_PX = 10


def test_every_prose_page_has_a_legible_diagram_with_alt_text_and_a_sourced_caption(browser,
                                                                                   site_url):
    page = browser.new_page(viewport=PHONE)
    shown = {}
    for page_path in _prose_pages():
        page.goto(f"{site_url}/{page_path}")
        page.wait_for_load_state("load")
        figures = page.evaluate("""() => Array.from(document.querySelectorAll(
            'figure.hcc-diagram')).map(f => {
                const img = f.querySelector('img');
                const box = img.getBoundingClientRect();
                return {name: img.getAttribute('src').split('/').pop().replace(/\\.svg.*$/, ''),
                        alt: img.alt, natural: img.naturalWidth, shown: box.width,
                        right: box.right, caption: f.querySelector('figcaption') ?
                        f.querySelector('figcaption').innerText : '',
                        sources: f.querySelectorAll('figcaption a.reference').length};
            })""")
        shown[page_path] = sorted(figure["name"] for figure in figures)
        for figure in figures:
            assert len(figure["alt"]) >= 80, (page_path, figure["alt"])
            assert figure["caption"] and figure["sources"] >= 1, (page_path, figure)
            assert figure["natural"] > 0, (page_path, "the drawing did not load")
            assert DRAWN_FONT_PX * figure["shown"] / figure["natural"] >= SMALLEST_TEXT_PX, \
                (page_path, figure["caption"][:60], figure)
            assert figure["right"] <= PHONE["width"], (page_path, figure)
    page.close()
    assert all(shown.values()), [p for p, names in shown.items() if not names]
    in_sources = {page_path: sorted(FIGURE.findall(book_contents.source(
        page_path.removesuffix(".html")).read_text(encoding="utf-8"))) for page_path in shown}
    assert shown == in_sources  # each page draws the diagrams its source places, no other
