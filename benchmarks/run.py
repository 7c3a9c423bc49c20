"""Speed and size figures of the model and the site (medians over repeated runs).

Run with ``python benchmarks/run.py`` after building the book. Prints figures;
it never fails a build.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

import numpy as np

import widgets
from widgets.model import make_experiment, simulate_many

ROOT = Path(__file__).resolve().parents[1]


def timed(function, repeats: int) -> tuple[float, float]:
    """Median and interquartile range of ``function()`` in milliseconds."""
    function()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000.0)
    q1, median, q3 = np.percentile(samples, [25, 50, 75])
    return float(median), float(q3 - q1)


def main() -> None:
    rows = []
    rows.append(("simulate, one 72 h scenario", *timed(
        lambda: widgets.simulate({"sorafenib": 5.0}, hours=72.0), 200)))
    doses = [make_experiment({"sorafenib": d}, {}, "HepG2")
                          for d in np.geomspace(0.1, 100.0, 50)]
    rows.append(("simulate_many, 50 doses x 72 h", *timed(lambda: simulate_many(doses, 72.0), 30)))
    rng = np.random.default_rng(1)
    population = [make_experiment({"sorafenib": float(d), "chloroquine": float(c)},
                                  {"ATG7": float(k)}, "Huh7")
                  for d, c, k in zip(rng.uniform(0, 20, 10_000), rng.uniform(0, 50, 10_000),
                                     rng.uniform(0, 1, 10_000))]
    rows.append(("simulate_many, 10,000 scenarios x 72 h", *timed(
        lambda: simulate_many(population, 72.0), 3)))

    from widgets import figures
    artists = figures.time_course_figure()
    result, control = widgets.simulate({"rapamycin": 0.1}, 24.0), widgets.simulate({}, 24.0)

    def redraw():
        figures.update_time_course(artists, result, control, "benchmark")
        figures.png_bytes(artists.figure)
    rows.append(("figure update + PNG render (widget response)", *timed(redraw, 20)))

    print(f"{'measure':48s} {'median ms':>10s} {'IQR ms':>8s}")
    for name, median, spread in rows:
        print(f"{name:48s} {median:10.2f} {spread:8.2f}")

    site = ROOT / "_build" / "html"
    if site.exists():
        pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
        largest = max(pages, key=lambda p: p.stat().st_size)
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"site: {len(pages)} pages, largest {largest.relative_to(site)} "
              f"{largest.stat().st_size / 1e6:.2f} MB, total {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
