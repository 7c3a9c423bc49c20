"""The built site in real headless Chromium: offline, error-free, widgets and quizzes alive."""
from __future__ import annotations

import pytest

import yaml

from conftest import ROOT

pytestmark = pytest.mark.browser


def _pages():
    """Every page of the site: the table of contents plus the pages Sphinx adds."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    pending = list(toc.get("parts", []))
    while pending:
        entry = pending.pop(0)
        if "file" in entry:
            files.append(entry["file"])
        pending.extend(entry.get("chapters", []) + entry.get("sections", []))
    return ["index.html", "genindex.html", "search.html"] + sorted(f"{f}.html" for f in files)


WIDGET_PAGES = ("chapters/machinery/flux_explorer.html", "chapters/machinery/western_blot.html",
                "chapters/drugs/dose_response.html", "chapters/drugs/drug_flux.html",
                "chapters/drugs/accomplice_or_antagonist.html",
                "chapters/drugs/immune_model.html")
QUIZ_PAGES = WIDGET_PAGES


def _open(browser, url):
    page = browser.new_page()
    problems = []
    origin = url.split("/", 3)[:3]
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 else None)
    page.on("request", lambda r: problems.append(f"request leaves the site: {r.url}")
            if not r.url.startswith(("/".join(origin), "blob:", "data:")) else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, problems


def test_built_site_has_every_page(built_site):
    for page in _pages():
        assert (built_site / page).is_file(), page
    built = {str(p.relative_to(built_site)) for p in built_site.rglob("*.html")
             if not str(p.relative_to(built_site)).startswith(("_static", "reports"))}
    assert built == set(_pages()), "pages built but not visited by the browser tests"


@pytest.mark.parametrize("page_path", _pages())
def test_page_loads_offline_without_errors(browser, site_url, page_path):
    page, problems = _open(browser, f"{site_url}/{page_path}")
    page.wait_for_timeout(500)
    assert not problems, "\n".join(problems)
    page.close()


def test_maths_is_typeset(browser, site_url):
    page, problems = _open(browser, f"{site_url}/reference/model.html")
    page.wait_for_selector("mjx-container", timeout=15000)
    assert page.locator("mjx-container").count() > 5
    assert not problems
    page.close()


def _visible_image_source(page):
    images = page.locator(".widget-box img:visible")
    assert images.count() >= 1
    return images.first.get_attribute("src")


def _keyboard_actions(page):
    """One keyboard action per kind of control the page has: slider, drop-down, toggle buttons."""
    actions = []
    if page.locator(".noUi-handle").count():
        actions.append(("slider", lambda: (page.locator(".noUi-handle").first.focus(),
                                           page.keyboard.press("ArrowRight"))))
    if page.locator(".widget-dropdown select").count():
        actions.append(("drop-down", lambda: (page.locator(".widget-dropdown select").first.focus(),
                                              page.keyboard.press("ArrowDown"))))
    for group in range(page.locator(".widget-toggle-buttons").count()):
        buttons = page.locator(".widget-toggle-buttons").nth(group).locator("button")
        actions.append((f"toggle group {group + 1}",
                        lambda buttons=buttons: (buttons.nth(1).focus(),
                                                 page.keyboard.press("Enter"))))
    return actions


@pytest.mark.parametrize("page_path", WIDGET_PAGES)
def test_every_control_changes_the_figure_from_the_keyboard(browser, site_url, page_path):
    page, problems = _open(browser, f"{site_url}/{page_path}")
    page.locator(".widget-box img:visible").first.wait_for(timeout=15000)
    actions = _keyboard_actions(page)
    assert actions, "no keyboard-operable control found"
    for name, act in actions:
        before = _visible_image_source(page)
        act()
        page.wait_for_timeout(300)
        assert _visible_image_source(page) != before, f"the {name} moved but the figure stayed"
    assert not problems, "\n".join(problems)
    page.close()


@pytest.mark.parametrize("page_path", QUIZ_PAGES)
def test_quiz_answers_show_their_feedback(browser, site_url, page_path):
    page, problems = _open(browser, f"{site_url}/{page_path}")
    page.wait_for_selector(".MCButton", timeout=15000)
    for index in (0, 1):
        button = page.locator(".MCButton").nth(index)
        feedback = button.get_attribute("data-feedback")
        button.click()
        page.wait_for_timeout(200)
        assert feedback.split(".")[0] in page.inner_text("body")
    assert not problems
    page.close()
