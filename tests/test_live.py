"""The third life of a panel: the static site's panels run live in the reader's browser.

Fast tier: each declaration exports what the browser's front end needs and is declared again
from its origin; the in-browser entry points draw what ``panel.draw`` draws; the runtime's
recipe (custom sections, stored zips, font list). The browser tier (``test_live_site.py``)
runs every panel in Chromium.
"""
from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys
import zipfile
import io

import pytest

from _ext import live_runtime
from widgets.panels import browser_build, declared_panels
from widgets.figures.rendering import Description, StaticFigure, new_figure
from widgets.model.data_files import clear_data_caches, data_cache
from widgets.panels.declaration import Origin, Panel, SlowResults, choice, panel_factory
from widgets.panels.ipywidgets_build import build_precomputed

DECLARATIONS = declared_panels()
IDS = [make.__name__ for make in DECLARATIONS]


@pytest.fixture(scope="module", params=DECLARATIONS, ids=IDS)
def declared(request) -> Panel:
    return request.param()


def test_every_declared_panel_knows_the_function_and_arguments_that_declared_it(declared):
    origin = declared.origin
    assert origin is not None
    again = Origin.from_json(origin.to_json()).declare()
    assert again.origin == origin
    assert [c.name for c in again.controls] == [c.name for c in declared.controls]
    assert [c.options for c in again.controls] == [c.options for c in declared.controls]


def test_the_spec_lists_every_control_with_every_option(declared):
    spec = json.loads(json.dumps(browser_build.panel_spec(declared)))   # as the browser reads it
    assert [c["name"] for c in spec["controls"]] == [c.name for c in declared.controls]
    for entry, control in zip(spec["controls"], declared.controls):
        assert entry["labels"] == [label for label, _ in control.options]
        assert entry["kind"] == control.widget_kind in ("toggle", "dropdown", "slider")
        assert control.options[entry["default"]][1] == control.default
        assert [control.options[i][1] for i in entry["static"]] == list(control.static)
        if control.follows is not None:
            leader = declared.control(entry["follows"]["control"])
            rule = control.follows[1]
            assert [control.options[i][1] for i in entry["follows"]["choose"]] == \
                [rule(value) for value in leader.values]
    assert spec["caption"].startswith(declared.shows) and "your browser" in spec["caption"]


def test_the_precomputed_panel_carries_its_spec(declared):
    box = build_precomputed(declared)
    carried = [child.value for child in box.children
               if browser_build.LIVE_CLASS in getattr(child, "value", "")]
    assert len(carried) == 1
    attribute = re.search(r'data-panel="([^"]*)"', carried[0]).group(1)
    assert json.loads(html.unescape(attribute)) == json.loads(json.dumps(
        browser_build.panel_spec(declared)))


def test_the_browser_entry_draws_what_the_declaration_draws(declared, tmp_path):
    """Default and random combinations, drawn through ``serve`` as the worker asks for them."""
    spec = browser_build.panel_spec(declared)
    key = declared.origin.factory
    browser_build.serve(json.dumps({"op": "open", "key": key, "origin": spec["origin"]}),
                        str(tmp_path))
    assert json.loads((tmp_path / "answer.json").read_text())["ok"]
    artists = declared.make_figure()
    chosen = random.Random(key)
    combinations = [[c["default"] for c in spec["controls"]]] + [
        [chosen.randrange(len(c["labels"])) for c in spec["controls"]] for _ in range(2)]
    for indices in combinations:
        browser_build.serve(json.dumps({"op": "draw", "key": key, "indices": indices}),
                            str(tmp_path))
        answer = json.loads((tmp_path / "answer.json").read_text())
        assert answer["ok"], answer
        expected = declared.draw(artists, browser_build.values_at(declared, indices))
        assert (answer["alt"], answer["numbers"]) == (expected.alt, expected.numbers)
        pixels = (tmp_path / "figure.rgba").read_bytes()
        assert len(pixels) == answer["width"] * answer["height"] * 4
        assert pixels[3::4] == b"\xff" * (answer["width"] * answer["height"]), "opaque figure"


def test_a_bad_request_is_answered_with_its_error(tmp_path):
    browser_build.serve(json.dumps({"op": "draw", "key": "nothing open", "indices": []}),
                        str(tmp_path))
    answer = json.loads((tmp_path / "answer.json").read_text())
    assert not answer["ok"] and "nothing open" in answer["error"]
    panel = DECLARATIONS[0]()
    with pytest.raises(ValueError, match="one index per control"):
        browser_build.values_at(panel, [0])
    with pytest.raises(ValueError, match="option index must be a whole number"):
        browser_build.values_at(panel, [99] * len(panel.controls))


def test_a_panel_without_an_origin_or_with_odd_arguments_is_refused():
    plain = DECLARATIONS[0]()
    import dataclasses

    with pytest.raises(ValueError, match="@panel_factory"):
        browser_build.panel_spec(dataclasses.replace(plain, origin=None))

    @panel_factory
    def odd(values=(1, 2)):
        return dataclasses.replace(plain)

    with pytest.raises(ValueError, match="strings, numbers or booleans"):
        browser_build.panel_spec(odd())


def test_the_declarations_and_the_browser_entry_import_without_ipywidgets():
    """The in-browser Python has no ipywidgets: every panel module but its builder imports there."""
    code = ("import importlib, pkgutil, sys\n"
            "import widgets.panels as package\n"
            "for module in pkgutil.iter_modules(package.__path__):\n"
            "    if module.name != 'ipywidgets_build':\n"
            "        importlib.import_module(f'widgets.panels.{module.name}')\n"
            "package.declared_panels()\n"
            "print(sorted(m for m in ('ipywidgets', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_custom_sections_are_dropped_and_the_rest_kept():
    def section(kind: int, payload: bytes) -> bytes:
        return bytes([kind, len(payload)]) + payload

    header = b"\0asm\x01\0\0\0"
    names = section(0, b"\x04name" + b"x" * 20)
    types = section(1, b"\x01\x60\x00\x00")
    assert live_runtime.strip_custom_sections(header + names + types + names) == header + types
    with pytest.raises(ValueError, match="not a WebAssembly module"):
        live_runtime.strip_custom_sections(b"PK\x03\x04")


def test_runtime_zips_are_stored_and_reproducible():
    files = {"b.txt": b"bee", "a/c.py": b"print(1)\n"}
    made = live_runtime.stored_zip(files)
    assert made == live_runtime.stored_zip(dict(reversed(files.items())))
    archive = zipfile.ZipFile(io.BytesIO(made))
    assert archive.namelist() == ["a/c.py", "b.txt"]
    assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}


def test_the_font_list_keeps_only_the_fonts_the_site_serves():
    prefix = live_runtime.MPL_DATA_GUEST
    listed = {"_version": 390, "ttflist": [{"fname": f"{prefix}/fonts/ttf/DejaVuSans.ttf"},
                                          {"fname": f"{prefix}/fonts/ttf/cmr10.ttf"}],
              "afmlist": [{"fname": f"{prefix}/fonts/afm/pagd8a.afm"}]}
    kept = json.loads(live_runtime.font_list(json.dumps(listed).encode(),
                                             {"fonts/ttf/DejaVuSans.ttf"}))
    assert kept["ttflist"] == listed["ttflist"][:1] and kept["afmlist"] == []
    assert kept["_version"] == 390


def test_the_book_sources_put_data_inside_the_package(tmp_path):
    from conftest import ROOT

    sources = live_runtime.book_sources(ROOT)
    assert "widgets/panels/browser_build.py" in sources
    assert "widgets/data/parameters.csv" in sources and "widgets/data/__init__.py" in sources
    assert not any("__pycache__" in name for name in sources)


def test_a_code_cell_prints_shows_its_last_value_and_its_figures(tmp_path):
    code = ("import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
            "shared = 41\nprint('hello')\nplt.plot([1, 2], [2, 1])\nshared + 1")
    browser_build.run_cell(code, str(tmp_path))
    answer = json.loads((tmp_path / "answer.json").read_text())
    assert answer["output"] == "hello\n42\n" and not answer["error"]
    assert answer["figures"] == ["cell-figure-0.png"]
    assert (tmp_path / "cell-figure-0.png").read_bytes().startswith(b"\x89PNG")
    browser_build.run_cell("shared = shared + 1\nshared", str(tmp_path))   # one namespace
    assert json.loads((tmp_path / "answer.json").read_text())["output"] == "42\n"
    browser_build.run_cell("x = 1\nraise SystemExit(3)", str(tmp_path))
    answer = json.loads((tmp_path / "answer.json").read_text())
    assert answer["error"] and "line 2: raise SystemExit(3)" in answer["output"]
    assert answer["figures"] == []


CALLS: list = []


@data_cache
def _slow_square(x: float) -> float:
    CALLS.append(x)
    return x * x


@panel_factory
def _slow_panel() -> Panel:
    def draw(artists, values):
        value = _slow_square(float(values["x"]))
        return Description(f"x squared is {value:g}", f"{value:g}")

    return Panel((choice("x", "x", [("1", 1.0), ("2", 2.0), ("3", 3.0)], 1.0, [1.0, 3.0]),),
                 lambda: StaticFigure(new_figure(1, 1, (2.0, 2.0))[0]), draw, "A square.",
                 slow_results=SlowResults(_slow_square, ((1.0,), (2.0,), (3.0,))))


def test_the_browser_is_handed_the_builds_slow_results_and_computes_none_of_them(tmp_path):
    """A panel's slow results travel in its spec; with them, no choice runs the model again."""
    spec = browser_build.panel_spec(_slow_panel())
    assert "results" in spec and "results" not in browser_build.panel_spec(
        _slow_panel(), with_results=False)
    clear_data_caches()
    CALLS.clear()
    browser_build.serve(json.dumps({"op": "open", "key": "slow", "origin": spec["origin"],
                                    "results": spec["results"]}), str(tmp_path))
    for index in range(3):
        browser_build.serve(json.dumps({"op": "draw", "key": "slow", "indices": [index]}),
                            str(tmp_path))
        answer = json.loads((tmp_path / "answer.json").read_text())
        assert answer["alt"] == f"x squared is {(index + 1) ** 2:g}"
    assert CALLS == []
    clear_data_caches()   # forgets what it was handed, as it forgets what it computed
    browser_build.serve(json.dumps({"op": "draw", "key": "slow", "indices": [2]}), str(tmp_path))
    assert CALLS == [3.0]


def test_slow_results_need_one_result_per_argument_tuple():
    with pytest.raises(ValueError, match=r"one result per argument tuple \(3\), got 2"):
        _slow_panel().slow_results.remember([1.0, 4.0])


# Panels whose slow results the build computes, and the model function each would otherwise run.
SLOW_PANELS = (("trials", "virtual_trial_panel", "replicate_hazard_ratios"),
               ("trials", "power_panel", "power_curve"),
               ("drugs", "accomplice_panel", "compare_with_intervention"))


@pytest.mark.parametrize("chapter, factory, model_function", SLOW_PANELS,
                         ids=[factory for _, factory, _ in SLOW_PANELS])
def test_a_slow_panel_draws_every_choice_from_the_builds_results_as_a_kernel_does(
        chapter, factory, model_function, monkeypatch):
    """In the browser no choice runs the slow model (the build did), and the figures are the
    kernel's: the 120 seeded trials of a virtual-trial design, power's thousands, the
    accomplice panel's two dose-response comparisons with their IC50 searches."""
    import importlib

    module = importlib.import_module(f"widgets.panels.{chapter}")
    panel = getattr(module, factory)()
    spec = browser_build.panel_spec(panel)
    chosen = random.Random(7)
    choices = [[chosen.randrange(len(c.options)) for c in panel.controls] for _ in range(6)]
    clear_data_caches()
    browser_build.open_panel("kernel", spec["origin"])
    in_kernel = [browser_build.draw("kernel", indices)[1] for indices in choices]
    clear_data_caches()
    browser_build.open_panel("browser", spec["origin"], spec["results"])

    def not_on_a_click(*args, **kwargs):
        raise AssertionError(f"{model_function} ran on a click")

    monkeypatch.setattr(module, model_function, not_on_a_click)
    assert [browser_build.draw("browser", indices)[1] for indices in choices] == in_kernel
    clear_data_caches()


def test_a_kernel_computes_on_open_only_the_slow_results_that_are_slow_natively(monkeypatch):
    from widgets.panels import ipywidgets_build, trials

    from widgets.panels import drugs

    computed = []
    monkeypatch.setattr(SlowResults, "compute", lambda self: computed.append(self.function))
    for panel in (trials.virtual_trial_panel(), drugs.accomplice_panel(), trials.power_panel()):
        ipywidgets_build.build_live(panel)
    assert computed == [drugs.accomplice_comparison, trials.power_results]
