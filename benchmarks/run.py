"""Speed and size of the model, the widgets, the book and the site, each beside its budget.

Run from the repository root::

    python -m benchmarks.run           # everything (about five minutes on 2 cores)
    python -m benchmarks.run --quick   # model and widgets only (under a minute)
    python -m benchmarks.run --live    # the built site's live panels in Chromium (about 4 minutes)

Figures are medians (and 95th percentiles for widget responses) over repeated
runs on this machine. The script prints; it never fails a build. The full run
clones the repository into a temporary folder to time a cold build, a rebuild
and the README's test command as a new user would meet them.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

import widgets
from widgets.model import make_experiment, simulate_many
from widgets.panels.declaration import STATIC_ENV

ROWS: list[tuple[str, str, str, str]] = []


def samples_ms(function, repeats: int) -> np.ndarray:
    """Wall-clock times of ``function()`` in milliseconds, after one warm-up call."""
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000.0)
    return np.array(times)


def report(name: str, value: str, budget: str, spread: str = "") -> None:
    ROWS.append((name, value, spread, budget))
    print(f"{name:58s} {value:>12s} {spread:>16s}   budget {budget}", flush=True)


def median_row(name: str, times_ms: np.ndarray, budget_ms: float) -> None:
    q1, median, q3 = np.percentile(times_ms, [25, 50, 75])
    flag = "ok" if median <= budget_ms else "OVER"
    report(name, f"{median:.2f} ms", f"<= {budget_ms:g} ms ({flag})", f"IQR {q3 - q1:.2f} ms")


def model_figures() -> None:
    median_row("simulate, one 72 h scenario (median)",
               samples_ms(lambda: widgets.simulate({"sorafenib": 5.0}, hours=72.0), 200), 1.0)
    from widgets.model.pharmacology import clear_cache

    doses = np.geomspace(0.01, 100.0, 50)

    def fresh_dose_response():
        clear_cache()  # time the simulation, not the cache a widget would hit
        widgets.dose_response("sorafenib", doses, cell_line="Huh7")
    median_row("dose_response, 50 doses x 72 h, uncached (median)",
               samples_ms(fresh_dose_response, 50), 20.0)

    def fresh_ic50():
        clear_cache()
        widgets.ic50("sorafenib", cell_line="Huh7")
    median_row("ic50, one drug and line, uncached (median)", samples_ms(fresh_ic50, 30), 20.0)
    median_row("simulate_populations, stem and other cells x 10 days (median)",
               samples_ms(lambda: widgets.simulate_populations({"sorafenib": 5.0}, 240.0,
                                                               "Huh7"), 100), 5.0)
    rng = np.random.default_rng(1)
    population = [make_experiment({"sorafenib": float(d), "chloroquine": float(c)},
                                  {"ATG7": float(k)}, "Huh7")
                  for d, c, k in zip(rng.uniform(0, 20, 10_000), rng.uniform(0, 50, 10_000),
                                     rng.uniform(0, 1, 10_000))]
    median_row("simulate_many, 10,000 scenarios x 72 h (median)",
               samples_ms(lambda: simulate_many(population, 72.0), 5), 1000.0)
    trial_arms = {"sorafenib": {"sorafenib": 1.0},
                  "sorafenib + HCQ": {"sorafenib": 1.0, "hydroxychloroquine": 1.0}}
    widgets.virtual_trial(trial_arms, 300)  # the arms' cell-model tables, cached once
    median_row("virtual_trial, 2 x 300 patients with KM, HR, log-rank (median)",
               samples_ms(lambda: widgets.virtual_trial(trial_arms, 300), 50), 20.0)
    median_row("trial_power, 1,000 trials of 2 x 34 patients (median)",
               samples_ms(lambda: widgets.trial_power(trial_arms, 34, 1000), 10), 1000.0)


def reference_solver_comparison(n_scenarios: int = 20) -> None:
    """The same scenarios solved by SciPy's LSODA at tight tolerances."""
    from scipy.integrate import solve_ivp

    from widgets.model.api import initial_pools, pool_trajectories, time_grid
    from widgets.model.flux import rate_system

    rng = np.random.default_rng(2)
    experiments = [make_experiment({"sorafenib": float(d), "chloroquine": float(c)},
                                   {"ATG7": float(k)}, line)
                   for d, c, k, line in zip(rng.uniform(0, 20, n_scenarios),
                                            rng.uniform(0, 50, n_scenarios),
                                            rng.uniform(0, 1, n_scenarios),
                                            rng.choice(widgets.CELL_LINES, n_scenarios))]
    t = time_grid(72.0)
    ours = samples_ms(lambda: pool_trajectories(experiments, t), 20)
    pools, steps = pool_trajectories(experiments, t)
    rates, inflow = rate_system(steps)
    start = initial_pools(experiments)

    def lsoda():
        return [solve_ivp(lambda _, x, m=m, b=b: m @ x + b, (0.0, 72.0), x0, method="LSODA",
                          t_eval=t, rtol=1e-10, atol=1e-12).y.T
                for m, b, x0 in zip(rates, inflow, start)]

    theirs = samples_ms(lsoda, 3)
    reference = np.array(lsoda())
    difference = np.max(np.abs(pools - reference) / np.maximum(np.abs(reference), 1e-9))
    report(f"LSODA (rtol 1e-10) on the same {n_scenarios} scenarios, 72 h",
           f"{np.median(theirs):.1f} ms", "for comparison",
           f"ours {np.median(ours):.2f} ms")
    report("  speed ratio LSODA / exact solver", f"{np.median(theirs) / np.median(ours):.0f}x",
           "for comparison")
    report("  largest relative difference of the pools", f"{difference:.1e}",
           "<= 1e-6 (correctness check)")


def widget_figures(events: int = 40) -> None:
    """From a control's change to the new PNG in the panel's image, in a live kernel.

    Every declared panel is built live; each event moves the next control (in
    turn) to its next choice, as a student trying the controls would. As in a kernel,
    the changes run in an event loop: the figure goes out at once (timed against the
    budget) and its phone rendering follows when the loop is free (timed and reported).
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from widgets.panels import declared_panels
    from widgets.panels.ipywidgets_build import build_live

    async def measure(panel, box) -> tuple[list[float], list[float]]:
        image = box.images[()]
        shown, followed = [], []
        for i in range(events):
            control = panel.controls[i % len(panel.controls)]
            widget = box.controls[control.name]
            values = control.values
            start = time.perf_counter()
            widget.value = values[(values.index(widget.value) + 1) % len(values)]
            shown.append((time.perf_counter() - start) * 1000.0)
            start = time.perf_counter()
            while "<picture>" not in image.value:
                await asyncio.sleep(0)
            followed.append((time.perf_counter() - start) * 1000.0)
        return shown, followed

    for make_panel in declared_panels():
        panel = make_panel()
        box = build_live(panel)
        with ThreadPoolExecutor(1) as own_loop:   # its own thread: the caller may run a loop
            times, phone = own_loop.submit(asyncio.run, measure(panel, box)).result()
        assert box.images[()].value, f"{make_panel.__name__}: no figure"
        p95, median = np.percentile(times, 95), np.median(times)
        flag = "ok" if p95 <= 50.0 else "OVER"
        report(f"widget response, {make_panel.__name__} (p95)", f"{p95:.1f} ms",
               f"<= 50 ms ({flag})", f"median {median:.1f} ms")
        report("  its phone rendering follows (p95)", f"{np.percentile(phone, 95):.1f} ms",
               "reported")


def run_timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def book_figures() -> None:
    """Cold build, rebuild and the README's test command (the fast tier), in a fresh clone."""
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "book"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        build = ["jupyter-book", "build", ".", "-W", "-n", "--keep-going"]
        cold = run_timed(build, clone)
        report("cold build, every notebook executed (fresh clone)", f"{cold:.0f} s",
               f"<= 180 s ({'ok' if cold <= 180 else 'OVER'})")
        warm = run_timed(build, clone)
        report("rebuild with nothing changed", f"{warm:.1f} s",
               f"<= 20 s ({'ok' if warm <= 20 else 'OVER'})")
        env = dict(os.environ)
        tests = run_timed([sys.executable, "-m", "pytest", "-q"], clone, env)
        report("README test command, fast tier (python -m pytest)", f"{tests:.0f} s",
               f"<= 240 s ({'ok' if tests <= 240 else 'OVER'})")
        site_figures(clone / "_build" / "html")


def site_figures(site: Path) -> None:
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    largest = max(pages, key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    size = largest.stat().st_size / 1e6
    report("site pages", f"{len(pages)}", "reported")
    report(f"largest page ({largest.relative_to(site)})", f"{size:.2f} MB",
           f"<= 5 MB ({'ok' if size <= 5 else 'OVER'})")
    report("whole site", f"{total / 1e6:.1f} MB", "reported")


LIVE_FIRST_PAGE = "chapters/machinery/flux_explorer.html"
LIVE_SECOND_PAGE = "chapters/drugs/dose_response.html"
LIVE_THIRD_PAGE = "chapters/machinery/western_blot.html"
LIVE_EVENTS = 12


def live_figures(site: Path, events: int = LIVE_EVENTS) -> None:
    """The static site's live panels in headless Chromium, served on 127.0.0.1, cache cold.

    The runtime's download as served (compressed), the first live figure after the button,
    a second page from the browser's cache (Python started in the background, as for a reader
    who ran a panel live before), then every panel page: the time from a control's change to
    the new figure on screen, for ``events`` changes of a random control to a random option.
    """
    import functools
    import http.server
    import json
    import random
    import socketserver
    import threading

    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    if not (site / "_static" / "live" / "runtime" / "runtime.json").exists():
        report("live panels", "not built", "needs requirements-site.txt")
        return

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    ready = "r => ['ready', 'unavailable'].includes(r.dataset.live)"

    def go_live(page, path, prepared=False):
        """Open ``path``; click its live button as soon as it shows (or, ``prepared``, once
        Python has started in the background); seconds to the figure, from the click and
        from the start of loading."""
        loaded = time.perf_counter()
        page.goto(f"{origin}/{path}")
        button = page.locator(".hcc-live-button").first
        button.wait_for(timeout=60_000)
        root = page.locator(".hcc-panel[data-live]").first
        if prepared:
            page.wait_for_function("r => r.dataset.livePrepared", arg=root.element_handle(),
                                   timeout=300_000)
        start = time.perf_counter()
        button.click()
        page.wait_for_function(ready, arg=root.element_handle(), timeout=300_000)
        if root.get_attribute("data-live") != "ready":
            raise RuntimeError(f"{path}: {root.locator('.hcc-live-status').inner_text()}")
        done = time.perf_counter()
        return root, done - start, done - loaded

    from widgets.panels import browser_build
    from tests import book_contents
    from tests.live_controls import set_live_control

    panels = {f"{page}.html": make for page, make in book_contents.panel_pages().items()}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        served = []
        page.on("requestfinished", lambda request: served.append(
            request.sizes()["responseBodySize"]) if "/_static/live/" in request.url else None)
        _, cold, _ = go_live(page, LIVE_FIRST_PAGE)
        download = sum(served) / 1e6
        report("live: download, runtime as served (brotli) and front end", f"{download:.1f} MB",
               f"<= 25 MB ({'ok' if download <= 25 else 'OVER'})")
        report("live: first figure after the button, cold cache", f"{cold:.1f} s",
               f"<= 6 s ({'ok' if cold <= 6 else 'OVER'})")
        page.close()
        page = context.new_page()
        _, _, from_load = go_live(page, LIVE_SECOND_PAGE)
        report("live: second page, from loading, button clicked at once", f"{from_load:.2f} s",
               "reported")
        page.close()
        page = context.new_page()   # a reader who reads for a moment before clicking
        _, warm, _ = go_live(page, LIVE_THIRD_PAGE, prepared=True)
        report("live: third page, button to figure (from cache)", f"{warm:.2f} s",
               f"<= 2 s ({'ok' if warm <= 2 else 'OVER'})")
        page.close()
        chosen = random.Random(0)
        for path, make in sorted(panels.items()):
            spec = browser_build.panel_spec(make())
            page = context.new_page()
            root, _, _ = go_live(page, path)
            times = []
            for _ in range(events):
                place = chosen.randrange(len(spec["controls"]))
                control = spec["controls"][place]
                current = json.loads(root.get_attribute("data-live-indices"))[place]
                target = chosen.choice([i for i in range(len(control["labels"])) if i != current])
                draws = int(root.get_attribute("data-live-draws"))
                set_live_control(root, place, control["kind"], target)
                page.wait_for_function("([r, n]) => Number(r.dataset.liveDraws) > n",
                                       arg=[root.element_handle(), draws], timeout=300_000)
                times.append(float(root.get_attribute("data-live-draw-ms")))
            p95, median = np.percentile(times, 95), np.median(times)
            report(f"live: control change to figure, {make.func.__name__} (p95)", f"{p95:.0f} ms",
                   f"<= 300 ms ({'ok' if p95 <= 300 else 'OVER'})", f"median {median:.0f} ms")
            page.close()
        browser.close()
    server.shutdown()


def classroom_figures() -> None:
    """Each chapter page run top to bottom in a fresh kernel, as in class (live panels)."""
    import nbclient

    from tools.student_notebooks import chapter_pages, read_page

    os.environ.pop(STATIC_ENV, None)  # kernels inherit it: a person's kernel is live
    slowest = 0.0
    for page in chapter_pages():
        notebook = read_page(ROOT / page)
        if not any(cell.cell_type == "code" for cell in notebook.cells):
            continue
        start = time.perf_counter()
        nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str((ROOT / page).parent)}}).execute()
        seconds = time.perf_counter() - start
        slowest = max(slowest, seconds)
        report(f"fresh-kernel run, {page}", f"{seconds:.1f} s",
               f"<= 60 s ({'ok' if seconds <= 60 else 'OVER'})")
    report("slowest chapter page in a fresh kernel", f"{slowest:.1f} s",
           f"<= 60 s ({'ok' if slowest <= 60 else 'OVER'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="model, solver comparison and widgets only (no book build)")
    parser.add_argument("--live", action="store_true",
                        help="only the static site's live panels in Chromium (needs a built site)")
    parser.add_argument("--classroom", action="store_true",
                        help="only each chapter page's run time in a fresh kernel")
    arguments = parser.parse_args()
    quick = arguments.quick
    print(f"{'measure':58s} {'value':>12s} {'spread':>16s}   budget")
    if arguments.classroom:
        classroom_figures()
        return
    if arguments.live:
        live_figures(ROOT / "_build" / "html")
        return
    model_figures()
    reference_solver_comparison()
    widget_figures()
    if not quick:
        classroom_figures()
        book_figures()
    elif (ROOT / "_build" / "html").exists():
        site_figures(ROOT / "_build" / "html")
    if not quick and (ROOT / "_build" / "html").exists():
        live_figures(ROOT / "_build" / "html")


if __name__ == "__main__":
    main()
