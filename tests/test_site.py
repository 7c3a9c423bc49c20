"""The built site in real headless Chromium: offline, error-free, widgets and quizzes alive."""
from __future__ import annotations

import pytest

import book_contents
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT
from widgets import quiz



def _pages():
    """Every page of the site: the table of contents plus the pages Sphinx adds."""
    return ["index.html", "genindex.html", "search.html"] + sorted(
        f"{file}.html" for file in book_contents.toc_files())


def _pages_whose_source_contains(marker):
    """Built pages whose notebook or MyST source calls ``marker`` (found before the build)."""
    found = []
    for page in _pages():
        stem = ROOT / page.removesuffix(".html")
        sources = [stem.with_suffix(suffix) for suffix in (".ipynb", ".md")]
        if any(source.exists() and marker in source.read_text(encoding="utf-8")
               for source in sources):
            found.append(page)
    return tuple(found)


WIDGET_PAGES = _pages_whose_source_contains("from widgets.panels import")
QUIZ_PAGES = _pages_whose_source_contains("quiz.show(")


def test_interactive_pages_are_the_pages_of_the_panels_and_of_the_questions():
    """The browser visits one page per declared panel, and every page that asks questions:
    the pages the banks' questions test and each chapter's quiz page."""
    from widgets.panels import declared_panels

    assert set(WIDGET_PAGES) == {f"{page}.html" for page in book_contents.panel_pages()}
    assert len(WIDGET_PAGES) == len(declared_panels())
    files = set(book_contents.toc_files())

    def shown_on(chapter, page):   # the chapter quiz is on quiz.ipynb, or on a one-page chapter's index
        if page == quiz.bank.CHAPTER_QUIZ and f"chapters/{chapter}/{page}" not in files:
            page = "index"
        return f"chapters/{chapter}/{page}.html"

    tested = {shown_on(chapter, question["page"]) for chapter in quiz.chapters()
              for question in quiz.load_bank(chapter)["questions"]}
    assert set(QUIZ_PAGES) == tested


def _watch(page, url, problems):
    """Record on ``page`` every console error, page error, failed or off-site request."""
    origin = "/".join(url.split("/", 3)[:3])
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 else None)
    page.on("request", lambda r: problems.append(f"request leaves the site: {r.url}")
            if not r.url.startswith((origin, "blob:", "data:")) else None)


def _open(browser, url, mode=None, init_scripts=(), **context_options):
    """A new page in a fresh context (nothing remembered in localStorage), opened at ``url``.

    ``mode`` ("light" or "dark") is stored as the reader's colour mode before the page loads;
    ``init_scripts`` run first in every page; ``context_options`` go to Playwright's
    ``new_context`` (viewport, touch, ...).
    """
    context = browser.new_context(**context_options)
    for script in init_scripts:
        context.add_init_script(script)
    if mode is not None:
        context.add_init_script(f"window.localStorage.setItem('mode', '{mode}')")
    page = context.new_page()
    problems = []
    _watch(page, url, problems)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, problems


def test_built_site_has_every_page(built_site):
    for page in _pages():
        assert (built_site / page).is_file(), page
    built = {str(p.relative_to(built_site)) for p in built_site.rglob("*.html")
             if not str(p.relative_to(built_site)).startswith(("_static", "reports"))}
    assert built == set(_pages()), "pages built but not visited by the browser tests"


SERIOUS_VIOLATIONS = """async () => (await axe.run(document)).violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => v.id + " (" + v.impact + "): " + v.nodes.map(n => n.target.join(" ")).join(", "))"""
PAGES_AT_ONCE = 4


@pytest.fixture(scope="session")
def visits(browser, site_url, axe_source):
    """Every page opened once, a few at a time, for the offline and accessibility checks.

    Returns ``{page: (problems, violations)}``: what went wrong while the page loaded, and
    axe-core's serious or critical violations. Loading is mostly waiting, so pages are
    visited concurrently (Playwright's async API, in a thread of its own).
    """
    import asyncio
    import threading

    from playwright.async_api import async_playwright

    results, failures = {}, []

    async def visit(instance, gate, page_path):
        async with gate:
            context = await instance.new_context()
            page, problems = await context.new_page(), []
            url = f"{site_url}/{page_path}"
            _watch(page, url, problems)
            await page.goto(url)
            await page.wait_for_load_state("networkidle")
            if await page.locator(".widget-box").count():
                await page.locator(".widget-box img").first.wait_for(timeout=15000)
            await page.wait_for_timeout(300)
            seen = list(problems)  # what the page itself did; axe's stylesheet reads are not
            await page.add_script_tag(content=axe_source)
            results[page_path] = (seen, await page.evaluate(SERIOUS_VIOLATIONS))
            await context.close()

    async def visit_all():
        async with async_playwright() as playwright:
            instance = await playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                        args=CHROMIUM_ARGS)
            gate = asyncio.Semaphore(PAGES_AT_ONCE)
            await asyncio.gather(*(visit(instance, gate, p) for p in _pages()))
            await instance.close()

    def run():
        try:
            asyncio.run(visit_all())
        except Exception as error:  # reported in the test thread
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]
    return results


@pytest.mark.parametrize("page_path", _pages())
def test_page_loads_offline_without_errors(visits, page_path):
    problems, _ = visits[page_path]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page_path", _pages())
def test_page_has_no_serious_accessibility_violation(visits, page_path):
    _, violations = visits[page_path]
    assert not violations, "\n".join(violations)


MATHS = "math notranslate nohighlight"  # Sphinx's class of a formula (span) or equation (div)
ALL_MATHS_TYPESET = ("() => Array.from(document.querySelectorAll('.math'))"
                     ".every(e => e.querySelector('mjx-container'))")


def test_maths_is_typeset(browser, site_url, built_site):
    """Every formula and equation of the model reference is drawn by MathJax."""
    formulas = (built_site / "reference" / "model.html").read_text(encoding="utf-8").count(
        f'class="{MATHS}"')
    page, problems = _open(browser, f"{site_url}/reference/model.html")
    page.wait_for_function(ALL_MATHS_TYPESET, timeout=15000)
    assert page.locator(".math mjx-container").count() == formulas > 0
    assert not problems
    page.context.close()


@pytest.mark.parametrize("width", [900, 1280])
def test_long_equations_fit_the_text_column(browser, site_url, built_site, width):
    equations = (built_site / "reference" / "model.html").read_text(encoding="utf-8").count(
        f'<div class="{MATHS}"')
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{site_url}/reference/model.html")
    page.wait_for_function(ALL_MATHS_TYPESET, timeout=15000)
    widths = page.evaluate("""() => Array.from(document.querySelectorAll(
        'mjx-container[display="true"]')).map(c => [c.querySelector('mjx-math')
        .getBoundingClientRect().width, c.getBoundingClientRect().width])""")
    assert len(widths) == equations > 0  # every equation of the page
    for equation, column in widths:
        assert equation <= column + 1, (equation, column)
    page.close()


def _visible_image_source(page):
    images = page.locator(".widget-box img:visible")
    assert images.count() >= 1
    return images.first.get_attribute("src")


def _keyboard_actions(page):
    """One keyboard action for every control of the page: sliders, drop-downs, toggle buttons."""
    actions = []
    for i in range(page.locator(".noUi-handle").count()):
        handle = page.locator(".noUi-handle").nth(i)
        actions.append((f"slider {i + 1}", lambda handle=handle: (handle.focus(),
                                                                   page.keyboard.press("ArrowRight"))))
    for i in range(page.locator(".widget-dropdown select").count()):
        select = page.locator(".widget-dropdown select").nth(i)
        actions.append((f"drop-down {i + 1}", lambda select=select: (
            select.focus(), page.keyboard.press(  # to the next choice, or back from the last
                "ArrowUp" if select.evaluate("s => s.selectedIndex === s.options.length - 1")
                else "ArrowDown"))))
    for group in range(page.locator(".widget-toggle-buttons").count()):
        other = (page.locator(".widget-toggle-buttons").nth(group)
                 .locator("button:not(.mod-active)").first)
        actions.append((f"toggle group {group + 1}",
                        lambda other=other: (other.focus(), page.keyboard.press("Enter"))))
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
    page.context.close()


def _fresh_quiz_page(browser, url):
    """A page with its quiz rendered and no answers remembered from earlier tests."""
    page, problems = _open(browser, url)
    page.wait_for_selector(".bq-question", timeout=15000)
    return page, problems


def _option_index(options, correct):
    return [i for i in range(options.count())
            if options.nth(i).get_attribute("data-correct") == str(correct).lower()][0]


@pytest.mark.parametrize("page_path", QUIZ_PAGES)
def test_quiz_answers_show_their_feedback_and_score(browser, site_url, page_path):
    page, problems = _fresh_quiz_page(browser, f"{site_url}/{page_path}")
    question = page.locator(".bq-question").first
    kind = question.get_attribute("data-type")
    if kind == "numeric":
        question.locator(".bq-input").fill("0")
        question.locator(".bq-input").press("Enter")
        assert "Not quite" in question.locator(".bq-feedback").inner_text()
    else:
        options = question.locator(".bq-option")
        wrong = _option_index(options, False)
        options.nth(wrong).focus()
        page.keyboard.press("Enter")
        if kind == "multiple":
            question.locator(".bq-check").focus()
            page.keyboard.press("Enter")
        feedback = question.locator(".bq-feedback").inner_text()
        assert "Not quite" in feedback
        assert options.nth(wrong).get_attribute("data-feedback") in feedback
    assert not problems, "\n".join(problems)
    page.context.close()


def test_quiz_score_counts_first_tries_and_persists_across_pages(browser, site_url):
    """A page's score stays with it; the chapter quiz asks questions of its own and keeps its own."""
    page, problems = _fresh_quiz_page(browser, f"{site_url}/chapters/machinery/western_blot.html")
    question = page.locator(".bq-question[data-type=single]").first
    options = question.locator(".bq-option")
    options.nth(_option_index(options, True)).click()
    assert "Correct." in question.locator(".bq-feedback").inner_text()
    assert page.locator(".bq-score").first.inner_text().startswith("Score: 1 of ")
    page.goto(f"{site_url}/chapters/machinery/quiz.html")
    page.wait_for_selector(".bq-score", timeout=15000)
    total = page.locator(".bq-question").count()
    assert total == len(quiz.questions_for("machinery"))
    assert page.locator(".bq-score").inner_text().startswith(f"Score: 0 of {total}")
    question = page.locator(".bq-question[data-type=single]").first
    options = question.locator(".bq-option")
    options.nth(_option_index(options, True)).click()
    assert page.locator(".bq-score").inner_text().startswith(f"Score: 1 of {total}")
    page.locator(".bq-reset").click()
    assert page.locator(".bq-score").inner_text().startswith(f"Score: 0 of {total}")
    page.goto(f"{site_url}/chapters/machinery/western_blot.html")
    page.wait_for_selector(".bq-score", timeout=15000)
    assert page.locator(".bq-score").first.inner_text().startswith("Score: 1 of ")
    assert not problems, "\n".join(problems)
    page.context.close()


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("page_path", WIDGET_PAGES)
def test_widget_controls_fit_a_phone_and_show_the_chosen_value(browser, site_url, page_path):
    """At 390 px every control stays inside the text column and its chosen value is on screen."""
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/{page_path}")
    page.locator(".hcc-panel img:visible").first.wait_for(timeout=15000)
    column = page.locator("article.bd-article").bounding_box()
    right = min(column["x"] + column["width"], PHONE["width"]) + 1
    controls = page.locator(".hcc-controls > *")
    assert controls.count() >= 1
    for i in range(controls.count()):
        box = controls.nth(i).bounding_box()
        assert box["x"] >= column["x"] - 1 and box["x"] + box["width"] <= right, \
            (controls.nth(i).inner_text(), box, column)
    chosen = page.locator(".hcc-controls .mod-active, .hcc-controls select, "
                          ".hcc-controls .hcc-readout .widget-html:visible")
    assert chosen.count() >= 1
    for i in range(chosen.count()):
        box = chosen.nth(i).bounding_box()
        assert box and box["width"] > 0 and box["x"] + box["width"] <= right, \
            (chosen.nth(i).inner_text(), box)
    for i in range(page.locator(".hcc-controls select").count()):
        select = page.locator(".hcc-controls select").nth(i)
        label, fits = select.evaluate("""s => {
            const text = s.options[s.selectedIndex].text;
            const context = document.createElement("canvas").getContext("2d");
            context.font = getComputedStyle(s).font;
            return [text, context.measureText(text).width <= s.clientWidth - 20];
        }""")
        assert fits, f"the chosen option {label!r} is cut off"
    notes = page.locator(".hcc-panel .hcc-stacked-note")
    for i in range(notes.count()):   # side-by-side panels stand stacked here: say so
        assert notes.nth(i).is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    for i in range(notes.count()):
        assert not notes.nth(i).is_visible()
    page.context.close()


PHONE_CONTROLS = (".hcc-controls .widget-toggle-button, .hcc-controls select, "
                  ".hcc-controls .widget-hslider, .hcc-live-button, .bq-option, .bq-check, "
                  ".bq-reset, .bq-input")
PHONE_LAYOUT = """(selector) => {
    const shown = (e) => e.offsetParent !== null && e.getBoundingClientRect().width > 0;
    const figures = [...document.querySelectorAll(".hcc-panel img")].filter(shown);
    const controls = [...document.querySelectorAll(selector)].filter(shown);
    return {
      scrollWidth: document.scrollingElement.scrollWidth, innerWidth,
      figures: figures.map((i) => [i.naturalWidth, i.clientWidth / i.naturalWidth]),
      controls: controls.map((c) => [c.className || c.tagName, (c.textContent || "").trim().slice(0, 30),
                                     c.getBoundingClientRect().height]),
      sliders: [...document.querySelectorAll(".hcc-controls .noUi-handle")].filter(shown).map((h) =>
        [h.getAttribute("aria-valuetext"),
         [...h.closest(".widget-hbox").querySelectorAll(".hcc-readout .widget-html")].find(shown)
           ?.textContent.trim()]),
    };
}"""


@pytest.mark.parametrize("page_path", WIDGET_PAGES)
def test_a_phone_shows_the_page_without_sideways_scrolling_at_full_size_with_large_controls(
        browser, site_url, page_path):
    """At 390 px: nothing scrolls sideways, each figure is its narrow rendering shown at 90 % or
    more (its text is then 9 px or more, tests/test_panels.py), every control is 44 px or
    taller, and a slider announces the value it shows."""
    from widgets.figures.rendering import DPI, NARROW_WIDTH_IN, PHONE_DISPLAY_SCALE

    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/{page_path}")
    page.locator(".hcc-panel img:visible").first.wait_for(timeout=15000)
    page.wait_for_timeout(500)
    found = page.evaluate(PHONE_LAYOUT, PHONE_CONTROLS)
    assert found["scrollWidth"] <= found["innerWidth"], found["scrollWidth"]
    assert found["figures"]
    for natural, scale in found["figures"]:
        assert natural == NARROW_WIDTH_IN * DPI and scale >= PHONE_DISPLAY_SCALE, found["figures"]
    assert found["controls"]
    for name, text, height in found["controls"]:
        assert height >= 44, (name, text, height)
    for announced, shown in found["sliders"]:
        assert announced == shown
    page.context.close()


def _open_drawers(page, width):
    """Tap the visible table-of-contents and page-contents buttons; return what opened."""
    opened = {}
    primary = page.locator(".primary-toggle:visible").first
    primary.click()
    page.wait_for_timeout(250)
    if width < 992:  # phones and tablets: the sidebar opens as a dialog
        opened["contents"] = page.evaluate(
            "() => document.querySelector('#pst-primary-sidebar-modal').open")
        page.keyboard.press("Escape")
    else:  # desktop: the button collapses and restores the sidebar
        hidden = page.evaluate("() => document.querySelector('#pst-primary-sidebar')"
                               ".classList.contains('pst-sidebar-hidden')")
        primary.click()
        opened["contents"] = hidden
    secondary = page.locator(".secondary-toggle:visible")
    if secondary.count():
        secondary.first.click()
        page.wait_for_timeout(250)
        opened["on this page"] = page.evaluate(
            "() => document.querySelector('#pst-secondary-sidebar-modal').open")
        page.keyboard.press("Escape")
    return opened


def _visible_search_fields(page):
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        'form.bd-search, .search-button-field')).filter(e => e.offsetParent !== null).length""")


@pytest.mark.parametrize("width, mode", [(390, "light"), (390, "dark"), (900, "light"),
                                         (900, "dark"), (1280, "light"), (1280, "dark")])
def test_visible_buttons_open_the_table_of_contents_and_page_contents(browser, site_url, width,
                                                                      mode):
    """pydata-sphinx-theme issue #2451: the visible toggles must work at every width.

    Every page at phone width in light mode (``index.html`` only redirects to the landing
    page); three kinds of page at the other widths and in dark mode.
    """
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(f"window.localStorage.setItem('mode', '{mode}')")
    page = context.new_page()
    pages = [p for p in _pages() if p != "index.html"] if (width, mode) == (390, "light") else \
        ["intro.html", "chapters/machinery/initiation.html", "chapters/drugs/dose_response.html"]
    for page_path in pages:
        page.goto(f"{site_url}/{page_path}")
        page.wait_for_load_state("domcontentloaded")
        assert page.evaluate("document.documentElement.dataset.theme") == mode
        opened = _open_drawers(page, width)
        assert opened.get("contents"), (page_path, opened)
        if width < 1200 and page.locator("#pst-secondary-sidebar-modal").count() and \
                page.locator(".bd-sidebar-secondary .toc-entry").count():
            assert opened.get("on this page"), (page_path, opened)
        assert _visible_search_fields(page) <= 1, page_path
    context.close()


def test_landing_page_shows_disclaimer_start_button_and_path_on_a_phone_first_screen(browser,
                                                                                    site_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/intro.html")
    page.wait_for_load_state("load")
    first_screen = ["text=Educational material, not clinical advice", ".hcc-start",
                    ".hcc-path li >> nth=0", ".hcc-path li >> nth=-1"]
    for selector in first_screen:
        box = page.locator(selector).first.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], (selector, box)
    page.locator(".hcc-start").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("chapters/machinery/index.html")
    page.go_back()
    page.get_by_role("link", name="what this means").click()
    assert page.locator("#not-clinical-advice .admonition").first.is_visible()
    page.close()


def test_tapping_a_solution_title_on_a_phone_opens_the_solution(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    url = f"{site_url}/chapters/machinery/initiation.html"
    page.goto(url)
    page.wait_for_load_state("load")
    solution = page.locator(".solution.dropdown").first
    body = solution.locator("section").first
    assert not body.is_visible()
    title = solution.locator(".admonition-title")
    title.scroll_into_view_if_needed()
    link = title.locator("a.reference").bounding_box()
    page.touchscreen.tap(link["x"] + link["width"] / 2, link["y"] + link["height"] / 2)
    page.wait_for_timeout(300)
    assert page.url == url
    assert body.is_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_mode_follows_the_readers_system_preference(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/chapters/machinery/initiation.html")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    context.close()


def test_the_sidebar_opens_with_the_current_chapter_expanded(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}/chapters/drugs/sorafenib.html")
    page.wait_for_load_state("load")
    current = page.locator("#pst-primary-sidebar li.toctree-l1.current")
    assert current.locator("details").first.get_attribute("open") is not None
    assert current.locator("a.current", has_text="Sorafenib").first.is_visible()
    other = page.locator("#pst-primary-sidebar li.toctree-l1:not(.current) details")
    assert other.count() and all(other.nth(i).get_attribute("open") is None
                                 for i in range(other.count()))
    page.close()
