"""The glossary: enough terms, each linked from the chapters, and no link to a missing term."""
from __future__ import annotations

import json
import re

import book_contents
from conftest import ROOT

GLOSSARY = ROOT / "reference" / "glossary.md"
TERM_ROLE = re.compile(r"\{term\}`([^`]+)`")
# Terms the glossary defines although no chapter mentions them yet; once a chapter does, the
# test below fails until the mention is linked and the term is taken off this list.
NOT_YET_IN_THE_CHAPTERS = {"cancer-associated fibroblast"}


def _entries() -> list[list[str]]:
    """The glossary's entries, each the list of its names (the first, then the aliases)."""
    text = GLOSSARY.read_text(encoding="utf-8")
    body = re.search(r"^```\{glossary\}\n(.*?)^```$", text, re.S | re.M).group(1)
    entries, names = [], []
    for line in body.splitlines():
        if not line.strip() or line.startswith(":"):
            continue
        if line[0].isspace():  # a definition line ends the entry's list of names
            if names:
                entries.append(names)
            names = []
        else:
            names.append(line.strip())
    assert not names, f"names without a definition: {names}"
    return entries


def _target(role_text: str) -> str:
    """The term a ``{term}`` role points at, lower-cased as Sphinx looks it up."""
    explicit = re.fullmatch(r"(?s).*<(.+)>\s*", role_text)
    return (explicit.group(1) if explicit else role_text).strip().lower()


def _markdown(path) -> str:
    """A page's MyST text: the whole .md file, or the markdown cells of a notebook."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def _chapter_pages():
    return [ROOT / "intro.md"] + sorted(p for p in (ROOT / "chapters").glob("*/*")
                                        if p.suffix in (".md", ".ipynb"))


def _book_pages():
    return [p for p in ROOT.rglob("*") if p.suffix in (".md", ".ipynb")
            and not {"_build", ".venv", "venv", ".jupyter_cache", "node_modules"} & set(p.parts)
            and ".ipynb_checkpoints" not in p.parts and p.name != "README.md"]


def _names() -> dict[str, str]:
    """Every name (lower-cased) of every term, mapped to its entry's first name."""
    return {name.lower(): entry[0] for entry in _entries() for name in entry}


def test_the_glossary_has_at_least_45_terms_with_unique_names():
    entries = _entries()
    assert len(entries) >= 45
    names = [name.lower() for entry in entries for name in entry]
    assert len(names) == len(set(names)), "a term name is used twice"


def test_every_term_role_in_the_book_names_an_existing_term():
    names = _names()
    for page in _book_pages():
        for role in TERM_ROLE.findall(_markdown(page)):
            assert _target(role) in names, (str(page.relative_to(ROOT)), role)


def test_every_term_is_linked_from_a_chapter_page():
    names = _names()
    linked = {names[_target(role)] for page in _chapter_pages()
              for role in TERM_ROLE.findall(_markdown(page)) if _target(role) in names}
    unlinked = {entry[0] for entry in _entries()} - linked
    assert unlinked == NOT_YET_IN_THE_CHAPTERS, sorted(unlinked)


def test_terms_waiting_for_a_chapter_are_really_not_mentioned():
    prose = "\n".join(TERM_ROLE.sub("", _markdown(page)) for page in _chapter_pages()).lower()
    for entry in _entries():
        if entry[0] in NOT_YET_IN_THE_CHAPTERS:
            for name in entry:
                assert not re.search(rf"\b{re.escape(name.lower())}s?\b", prose), name


def test_every_chapter_links_at_least_three_terms():
    names = _names()
    for chapter in book_contents.chapters():
        linked = {names[_target(role)] for page in (ROOT / "chapters" / chapter).glob("*")
                  if page.suffix in (".md", ".ipynb")
                  for role in TERM_ROLE.findall(_markdown(page)) if _target(role) in names}
        assert len(linked) >= 3, (chapter, sorted(linked))


def test_the_glossary_is_in_the_table_of_contents():
    assert "- file: reference/glossary" in (ROOT / "_toc.yml").read_text(encoding="utf-8")


# Term previews: a term's definition on tap, hover and keyboard focus, as citations have.

TERM = "a.reference.internal:has(> .std-term)"
GO = "Go to the glossary entry"
PAGE = "chapters/exosomes/index.html"


def _definition(built_site, anchor: str) -> str:
    """The glossary's definition of the term at ``anchor``, as plain text without citations."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_site / "reference" / "glossary.html").read_text(encoding="utf-8"),
                         "html.parser")
    definition = soup.find(id=anchor).find_next("dd")
    for citation in definition.select(".bibtex-citation"):
        citation.decompose()
    return " ".join(definition.get_text(" ").split())


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", text)


def test_every_term_link_carries_its_definition(built_site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_site / PAGE).read_text(encoding="utf-8"), "html.parser")
    links = [span.parent for span in soup.select("a.reference.internal > span.std-term")]
    assert len(links) >= 5
    for link in links:
        anchor = link["href"].split("#")[1]
        assert _words(link["title"]) == _words(_definition(built_site, anchor)), anchor


def test_a_tap_shows_the_definition_and_a_second_tap_follows_the_term(browser, site_url, built_site):
    from test_site import PHONE, _open

    url = f"{site_url}/{PAGE}"
    page, problems = _open(browser, url, "light", viewport=PHONE, has_touch=True, is_mobile=True)
    link = page.locator(f"article {TERM}", has_text="GW4869").first
    anchor = link.get_attribute("href").split("#")[1]
    link.scroll_into_view_if_needed()
    link.tap()
    preview = page.get_by_role("dialog", name="Definition")
    assert preview.is_visible() and page.url == url
    assert _words(_definition(built_site, anchor))[:12] == _words(preview.inner_text())[:12]
    assert preview.get_by_role("link", name=GO).get_attribute("href") == link.get_attribute("href")
    assert link.get_attribute("title") is None, "a native tooltip would show it twice"
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    link.tap()
    page.wait_for_url("**/reference/glossary.html#term-*")
    assert not problems, "\n".join(problems)
    page.context.close()


def test_keyboard_focus_and_hover_show_the_definition(browser, site_url):
    from test_site import _open

    page, problems = _open(browser, f"{site_url}/{PAGE}")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{TERM}')"):
            break
    else:
        raise AssertionError("no term reached with Tab")
    preview = page.get_by_role("dialog", name="Definition")
    assert preview.is_visible()
    page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text() == GO
    page.keyboard.press("Escape")
    assert preview.count() == 0
    page.mouse.move(0, 0)
    page.locator(f"article {TERM}").nth(1).hover()
    preview.wait_for(timeout=2000)
    page.mouse.move(0, 0)
    preview.wait_for(state="detached", timeout=2000)
    assert not problems, "\n".join(problems)
    page.context.close()
