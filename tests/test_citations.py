"""Citations as a reader meets them: labels that match the text, previews, the way back."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import book_contents
from test_site import PHONE, SERIOUS_VIOLATIONS, _open

BIBLIOGRAPHY = "reference/bibliography.html"
CITATION = ".bibtex-citation > a"
GO = "Go to the bibliography entry"
BACK = "Back to the text"
CITE_ROLE = re.compile(r"\{cite:[pt]\}`([^`]+)`")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path):
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def _labels(site: Path) -> dict[str, str]:
    """The bibliography's label of each entry, by entry id, without the brackets."""
    entries = _soup(site / BIBLIOGRAPHY).select('div.citation[role="doc-biblioentry"]')
    return {entry["id"]: entry.select_one("span.label").get_text().strip("[]") for entry in entries}


def _in_text(span):
    """(authors, year, entry id) of each work an in-text citation names.

    Parenthetical citations link the authors and the year: "[Wu et al., 2021, Kim, 2011]";
    textual ones link only the year: "Wu et al. [2021], Kim [2011]".
    """
    links = span.select(":scope > a[href]")
    if span.get_text().startswith("["):
        named = [link.get_text().rsplit(", ", 1) for link in links]
    else:
        authors = re.findall(r"(?:^|\], )(.+?) \[", span.get_text())
        assert len(authors) == len(links), span
        named = [(author, link.get_text()) for author, link in zip(authors, links)]
    return [(authors, year, link["href"].split("#")[1]) for (authors, year), link in zip(named, links)]


def _citations(site: Path):
    """Every in-text citation of the site: (page, authors, year, entry id)."""
    for page in _pages(site):
        for span in _soup(page).select("span.bibtex-citation"):
            for authors, year, entry in _in_text(span):
                yield page.relative_to(site), authors, year, entry


def _cited_in_the_sources() -> set[str]:
    """The keys the pages of the contents cite: in their text, and in the tables their code
    draws from ``data/`` (:mod:`widgets.tables`)."""
    from widgets import tables

    texts = []
    for file in book_contents.toc_files():
        texts.append(book_contents.source(file).read_text(encoding="utf-8"))
        texts += [eval(call, {"tables": tables}) for cell in book_contents.code_cells(file)
                  for call in re.findall(r"\btables\.\w+\([^()]*\)", cell)]
    return {key.strip() for text in texts for group in CITE_ROLE.findall(text)
            for key in group.split(",") if key.strip()}


def test_every_label_reads_as_the_text_cites_the_work(built_site):
    """Every in-text citation matches its entry's label, and every entry is cited somewhere."""
    labels = _labels(built_site)
    checked = set()
    for page, authors, year, entry in _citations(built_site):
        assert labels[entry] == f"{authors}, {year}", (str(page), authors, year)
        checked.add(entry)
    assert checked == set(labels), "entries no citation of the site was found to point at"


def test_labels_are_unique_never_empty_and_say_et_al_not_others(built_site):
    """One entry per work the pages cite (in their text or their data tables), each labelled."""
    labels = list(_labels(built_site).values())
    assert len(labels) == len(_cited_in_the_sources())
    assert len(set(labels)) == len(labels)
    for label in labels:
        authors, year = label.rsplit(", ", 1)
        assert authors.strip() and re.fullmatch(r"\d{4}[a-z]?|n\.d\.", year), label
        assert "others" not in label, label


def test_works_without_authors_are_named_by_the_start_of_their_title(built_site):
    labels = _labels(built_site).values()
    assert "Abstract 2825: Regorafenib and sorafenib…, 2012" in labels
    assert "Citrus sinensis peel extract synergistically…, n.d." in labels


def test_the_bibliography_is_alphabetical_by_author_then_year(built_site):
    def key(label):
        authors, year = label.rsplit(", ", 1)
        plain = unicodedata.normalize("NFKD", authors).encode("ascii", "ignore").decode()
        return plain.casefold(), year

    keys = [key(label) for label in _labels(built_site).values()]
    assert keys == sorted(keys)


def test_no_link_on_the_bibliography_points_to_a_missing_anchor(built_site):
    page = built_site / BIBLIOGRAPHY
    for link in _soup(page).select("a[href*='#']"):
        address, anchor = link["href"].split("#", 1)
        if address.startswith(("http:", "https:")) or not anchor:
            continue
        target = (page.parent / address).resolve() if address else page
        assert _soup(target).find(id=anchor), link


def _phone(browser, url, mode="light"):
    """A touch-screen phone (390 px) in ``mode`` at ``url``, with its problems recorded."""
    return _open(browser, url, mode, viewport=PHONE, has_touch=True, is_mobile=True)


def _tap_citation(page, selector=CITATION):
    """Tap the first citation ``selector`` finds; return it and its in-text citation's id."""
    link = page.locator(selector).first
    link.scroll_into_view_if_needed()
    link.tap()
    return link, link.evaluate("a => a.closest('.bibtex-citation').id")


def _within_window(box, size):
    return (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= size["width"]
            and box["y"] + box["height"] <= size["height"])


@pytest.mark.parametrize("page_path, selector", [
    ("chapters/machinery/initiation.html", CITATION),
    ("chapters/drugs/dose_response.html", CITATION),  # a notebook
    ("reference/model.html", f"table {CITATION}"),
])
def test_a_tap_opens_the_preview_on_the_page_inside_a_phone_screen(browser, site_url, built_site,
                                                                   page_path, selector):
    reference = _soup(built_site / page_path).select_one(selector)["title"]
    url = f"{site_url}/{page_path}"
    page, problems = _phone(browser, url)
    link, _ = _tap_citation(page, selector)
    preview = page.get_by_role("dialog", name="Reference")
    assert preview.is_visible()
    assert page.url == url
    assert reference in preview.inner_text()
    assert preview.get_by_role("link", name=GO).get_attribute("href") == link.get_attribute("href")
    assert link.get_attribute("title") is None, "a native tooltip would show the reference twice"
    assert link.get_attribute("aria-expanded") == "true"
    assert _within_window(preview.bounding_box(), PHONE), preview.bounding_box()
    page.locator("article h1").tap()
    assert preview.count() == 0
    assert not problems, "\n".join(problems)
    page.context.close()


def test_a_second_tap_follows_the_citation(browser, site_url):
    page, _ = _phone(browser, f"{site_url}/chapters/machinery/initiation.html")
    link, _ = _tap_citation(page)
    link.tap()
    page.wait_for_url(f"**/{BIBLIOGRAPHY}#*")
    assert page.url.endswith(link.get_attribute("href").split("/")[-1])
    page.context.close()


def _tab_to_a_citation(page):
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{CITATION}')"):
            return page.locator(":focus")
    raise AssertionError("no citation reached with Tab")


def test_keyboard_focus_shows_the_preview_escape_hides_it_enter_follows(browser, site_url):
    page, problems = _open(browser, f"{site_url}/chapters/machinery/initiation.html")
    link = _tab_to_a_citation(page)
    href = link.get_attribute("href")
    preview = page.get_by_role("dialog", name="Reference")
    assert preview.is_visible()
    description = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert description.inner_text() and description.inner_text() in preview.inner_text()
    page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text() == GO
    page.keyboard.press("Escape")
    assert preview.count() == 0
    assert page.locator(":focus").get_attribute("href") == href
    assert link.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{BIBLIOGRAPHY}#*")
    assert not problems, "\n".join(problems)
    page.context.close()


def test_the_mouse_opens_the_preview_on_hover(browser, site_url):
    page, _ = _open(browser, f"{site_url}/chapters/machinery/initiation.html")
    page.locator(CITATION).first.hover()
    preview = page.get_by_role("dialog", name="Reference")
    preview.wait_for(timeout=2000)
    page.mouse.move(0, 0)
    preview.wait_for(state="detached", timeout=2000)
    page.context.close()


def _background(locator):
    return locator.evaluate("e => getComputedStyle(e).backgroundColor")


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_entry_is_highlighted_below_the_header_and_leads_back(browser, site_url, mode):
    origin = f"{site_url}/chapters/machinery/initiation.html"
    page, problems = _phone(browser, origin, mode)
    link, citation_id = _tap_citation(page)
    entry_id = link.get_attribute("href").split("#")[1]
    page.get_by_role("link", name=GO).tap()
    page.wait_for_url(f"**/{BIBLIOGRAPHY}#{entry_id}")
    entry = page.locator(f"#{entry_id}")
    other = page.locator('div.citation[role="doc-biblioentry"]:not(:target)').first
    assert _background(entry) != _background(other)
    header = page.locator(".bd-header-article").bounding_box()
    box = entry.bounding_box()
    assert header["y"] + header["height"] <= box["y"] < PHONE["height"], (header, box)
    back = entry.get_by_role("link", name=BACK)
    assert back.get_attribute("href") == f"{origin}#{citation_id}"
    back.tap()
    page.wait_for_url(f"{origin}#{citation_id}")
    assert page.locator(f"#{citation_id} a[href$='#{entry_id}']").count() == 1
    assert not problems, "\n".join(problems)
    page.context.close()


def test_the_highlight_follows_the_hash(browser, site_url):
    page, _ = _open(browser, f"{site_url}/{BIBLIOGRAPHY}")
    ids = page.locator('div.citation[role="doc-biblioentry"]').evaluate_all(
        "entries => entries.map(e => e.id)")
    for entry_id in (ids[3], ids[40]):
        page.evaluate(f"location.hash = '{entry_id}'")
        assert page.locator(".citation-target").evaluate_all("es => es.map(e => e.id)") == [entry_id]
    page.context.close()


def test_without_a_remembered_citation_the_way_back_is_the_history(browser, site_url):
    origin = f"{site_url}/chapters/machinery/initiation.html"
    page, _ = _open(browser, origin)
    entry_id = page.locator(CITATION).first.get_attribute("href").split("#")[1]
    page.goto(f"{site_url}/{BIBLIOGRAPHY}#{entry_id}")
    page.locator(f"#{entry_id}").get_by_role("button", name=BACK).click()
    page.wait_for_url(origin)
    page.context.close()


def test_the_way_back_works_from_the_files_without_a_server(browser, built_site):
    origin = (built_site / "chapters" / "machinery" / "initiation.html").as_uri()
    page = browser.new_context(viewport=PHONE, has_touch=True).new_page()
    page.goto(origin)
    _, citation_id = _tap_citation(page)
    page.get_by_role("link", name=GO).tap()
    page.wait_for_url(f"**/{BIBLIOGRAPHY}#*")
    page.locator(".citation-target").get_by_role("link", name=BACK).tap()
    page.wait_for_url(f"{origin}#{citation_id}")
    page.context.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_an_open_preview_and_a_highlighted_entry_pass_axe(browser, site_url, axe_source, mode):
    page, _ = _phone(browser, f"{site_url}/chapters/machinery/initiation.html", mode)
    _tap_citation(page)
    page.add_script_tag(content=axe_source)
    assert not page.evaluate(SERIOUS_VIOLATIONS)
    page.get_by_role("link", name=GO).tap()
    page.wait_for_url(f"**/{BIBLIOGRAPHY}#*")
    page.locator(".citation-target").wait_for()
    page.add_script_tag(content=axe_source)
    assert not page.evaluate(SERIOUS_VIOLATIONS)
    page.context.close()
