"""The printed book: every chapter, a figure where a widget is, the quizzes' questions."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest
import yaml

from conftest import ROOT
from test_book import _widget_pages

pypdf = pytest.importorskip("pypdf")


WIDGET_REPRS = ("VBox(", "HBox(", "Tab(", "Stack(", "IntSlider(", "<IPython.core.display")
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _squeezed(text: str) -> str:
    """Text as compared with the PDF's: no white space, hyphens or Markdown marks.

    LaTeX breaks lines and hyphenates words, prints quotes curly and may join letters
    into ligatures; Markdown's ``*`` and backticks are not printed.
    """
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    return re.sub(r"[\s\-‐‑–—*`]", "", text)


@pytest.fixture(scope="module")
def reader(built_pdf):
    return pypdf.PdfReader(built_pdf)


@pytest.fixture(scope="module")
def text(reader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture(scope="module")
def printed(text) -> str:
    return _squeezed(text)


def _raster_images(reader) -> int:
    """How many distinct image XObjects (the figures' PNGs) the pages draw."""
    seen = set()
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        seen.update(xobjects.raw_get(name).idnum for name in xobjects
                    if xobjects[name].get("/Subtype") == "/Image")
    return len(seen)


def test_every_chapter_of_the_table_of_contents_is_printed(printed):
    parts = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["parts"]
    missing = [part["caption"] for part in parts if _squeezed(part["caption"]) not in printed]
    assert not missing, missing


def test_every_widget_prints_as_a_figure(reader):
    """At least one image per widget page (one per declared panel): each prints its opening frame."""
    from widgets.panels import declared_panels

    pages = _widget_pages()
    assert len(pages) == len(declared_panels())  # one page per panel: tests/test_panels.py
    assert _raster_images(reader) >= len(pages), pages


def test_no_widget_or_display_object_prints_as_its_repr(text):
    found = [marker for marker in WIDGET_REPRS if marker in text]
    assert not found, found


@pytest.mark.parametrize("bank", sorted(path.stem for path in
                                        (ROOT / "data" / "quizzes").glob("*.json")))
def test_every_quiz_prints_its_questions(printed, bank):
    first = json.loads((ROOT / "data" / "quizzes" / f"{bank}.json").read_text(
        encoding="utf-8"))["questions"][0]["question"]
    assert _squeezed(first) in printed, first
