"""Panels: one declaration, two lives that show the same thing for the same choices."""
import base64
import html
import math
import re
from itertools import product

import ipywidgets as W
import pytest

import book_contents
from widgets.panels import declaration, declared_panels, drugs, machinery
from widgets.panels.controls import NONE
from widgets.panels.declaration import Panel, choice, rounded_values
from widgets.panels.ipywidgets_build import build_live, build_precomputed

DECLARATIONS = declared_panels()
IDS = [make.__name__ for make in DECLARATIONS]


def _described(image: W.HTML) -> tuple[str, str]:
    """The alternative text and the printed key numbers of a figure image."""
    alt = re.search(r'alt="([^"]+)"', image.value).group(1)
    numbers = re.search(r'class="hcc-numbers"[^>]*>(.*?)</p>', image.value, re.S).group(1)
    return html.unescape(alt), html.unescape(numbers)


def _live_image(box) -> W.HTML:
    return box.images[()]


@pytest.fixture(scope="module", params=DECLARATIONS, ids=IDS)
def declared(request) -> Panel:
    return request.param()


@pytest.fixture(scope="module")
def static_box(declared):
    return build_precomputed(declared)


def _name(declaration) -> str:
    return f"{declaration.__module__}.{declaration.__qualname__}"


def test_each_declared_panel_is_shown_on_one_page_of_its_own_chapter():
    """The pages that show a panel (found in the sources) and the declarations match one to one.

    A panel declared in ``widgets/panels/<chapter>.py`` is shown in ``chapters/<chapter>/``.
    """
    shown = book_contents.panel_pages()
    on_pages = [_name(panel.func) if hasattr(panel, "func") else repr(panel)
                for panel in shown.values()]
    assert sorted(on_pages) == sorted(map(_name, DECLARATIONS)), shown
    for page, panel in shown.items():
        assert page.split("/")[1] == panel.func.__module__.rsplit(".", 1)[1], (page, panel)


def test_static_panel_has_one_distinct_frame_per_combination_of_its_choices(declared, static_box):
    expected = math.prod(len(c.static) for c in declared.static_controls)
    assert len(static_box.images) == expected >= 5
    frames = [image.value for image in static_box.images.values()]
    assert len(set(frames)) == len(frames)
    assert set(static_box.controls) == {c.name for c in declared.static_controls}


def test_static_frame_and_live_figure_describe_the_same_experiment(declared, static_box):
    """For every static choice, the live panel set to the same values draws the same figure."""
    live = build_live(declared)
    statics = declared.static_controls
    for indices in product(*(range(len(c.static)) for c in statics)):
        for control, i in zip(statics, indices):
            live.controls[control.name].value = control.static[i]
        assert _described(_live_image(live)) == _described(static_box.images[indices]), indices


def test_both_lives_open_on_the_same_experiment(declared, static_box):
    live = build_live(declared)
    for name, widget in static_box.controls.items():
        assert widget.value == live.controls[name].value == declared.control(name).default
    opening = tuple(c.static.index(c.default) for c in declared.static_controls)
    assert _described(_live_image(live)) == _described(static_box.images[opening])


def test_every_live_control_changes_the_figure(declared):
    live = build_live(declared)
    image = _live_image(live)
    for control in declared.controls:
        widget = live.controls[control.name]
        before = _described(image)
        widget.value = next(v for v in control.values if v != widget.value)
        if _described(image) == before:  # e.g. a dose while its compound is "none"
            for other in declared.controls:
                if other.name != control.name and live.controls[other.name].value == NONE:
                    live.controls[other.name].value = other.values[1]
            before = _described(image)
            widget.value = next(v for v in control.values if v != widget.value)
        assert _described(image) != before, f"{control.name} moved but the figure stayed"


def test_a_dose_follows_its_compound_to_the_compounds_usual_dose():
    live = build_live(machinery.flux_explorer_panel())
    live.controls["treatment"].value = "sorafenib"
    assert live.controls["dose"].value == 5.0
    live.controls["treatment"].value = "rapamycin"
    assert live.controls["dose"].value == 0.1
    assert "Rapamycin 100 nM" in _described(_live_image(live))[0]


@pytest.mark.parametrize("live", (True, False), ids=("live", "static"))
def test_every_figure_has_alt_text_and_key_numbers(declared, static_box, live):
    images = [_live_image(build_live(declared))] if live else list(static_box.images.values())
    for image in images:
        alt, numbers = _described(image)
        assert len(alt) > 80 and re.search(r"\d\.\d\d", alt), alt  # says what and how much
        assert re.search(r"\d", numbers) and len(numbers) < len(alt), numbers


@pytest.mark.parametrize("live", (True, False), ids=("live", "static"))
def test_a_panel_carries_a_still_for_print_beside_its_widget_view(declared, static_box, live):
    """The site shows the widget view; the PDF the opening frame, and words instead of a repr."""
    box = build_live(declared) if live else static_box
    bundle = box._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == box.model_id
    png = base64.b64decode(bundle["image/png"])
    assert png.startswith(b"\x89PNG") and png == box.opening
    opening = box.images[()] if live else \
        box.images[tuple(c.static.index(c.default) for c in declared.static_controls)]
    alt, _ = _described(opening)
    assert bundle["text/plain"] == f"{alt}\n\n{declared.caption(live)}"
    assert "Box(" not in bundle["text/plain"]


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


@pytest.mark.parametrize("live", (True, False), ids=("live", "static"))
def test_controls_are_consistent_and_their_read_outs_cannot_be_typed_into(declared, static_box,
                                                                           live):
    box = build_live(declared) if live else static_box
    for widget in box.controls.values():
        assert isinstance(widget, (W.Dropdown, W.ToggleButtons, W.SelectionSlider)), widget
        if isinstance(widget, W.SelectionSlider):
            assert not widget.readout
            assert all(re.match(r"^[\d.]+ ?(nM|µM|mM|h|%|days|cycles|× IC50|× basal|per arm|log10|pH)$", label)
                       for label in widget._options_labels), widget._options_labels
    assert not any(isinstance(w, (W.FloatSlider, W.FloatLogSlider, W.IntSlider, W.Text))
                   for w in _walk(box))


@pytest.mark.parametrize("live", (True, False), ids=("live", "static"))
def test_caption_says_what_each_life_offers(declared, live):
    caption = declared.caption(live)
    assert caption.startswith(declared.shows)
    site, more = (("On the website you can choose", "here you can also set") if live
                  else ("On this page you can choose", "in a running notebook you can also set"))
    offered = caption.split(site)[1]
    for control in declared.controls:
        assert control.caption_name in offered, control.name
        if not control.static:
            assert more in offered and control.caption_name in offered.split(more)[1]


def test_drug_blot_rejects_an_unknown_inhibitor():
    with pytest.raises(ValueError, match="bafilomycin_a1"):
        drugs.drug_blot_time_course(inhibitor="aspirin")


def test_a_declaration_whose_static_choices_leave_out_its_default_is_refused():
    with pytest.raises(ValueError, match="must include the default 'b'"):
        choice("x", "x", [("a", "a"), ("b", "b"), ("c", "c")], "b", static=("a", "c"))
    with pytest.raises(ValueError, match="valid choices are: 'a', 'b'"):
        choice("x", "x", [("a", "a"), ("b", "b")], "z")


def test_rounded_values_are_round_and_span_the_range():
    assert rounded_values(0.1, 10.0) == (0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 2.0, 3.0, 5.0, 7.0, 10.0)
    with pytest.raises(ValueError, match="low=0"):
        rounded_values(0, 1.0)


def test_building_follows_the_environment(monkeypatch):
    monkeypatch.setenv(declaration.STATIC_ENV, "1")
    combinations = math.prod(len(c.static) for c in machinery.turnover_assay_panel().static_controls)
    assert len(machinery.turnover_assay().images) == combinations > 1
    monkeypatch.delenv(declaration.STATIC_ENV)
    assert list(machinery.turnover_assay().images) == [()]


def test_benchmark_widget_measurements_run(capsys):
    """The benchmark's widget section drives every live panel (a few events, not timed here)."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "benchmarks" / "run.py")
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    benchmark.widget_figures(events=3)
    assert capsys.readouterr().out.count("widget response") == len(DECLARATIONS)


SMALLEST_TEXT_PX = 9.0   # CSS px, on a phone


def _texts(figure):
    from matplotlib.text import Text

    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    for ax in figure.axes:
        texts += [t for axis in (ax.xaxis, ax.yaxis) for t in axis.get_ticklabels(which="both")
                  if t.get_visible() and t.get_text().strip()]
    return texts


def test_every_frame_drawn_for_a_phone_has_text_of_9_css_px_or_more(declared):
    """Every static choice, drawn in the narrow layout: one column 352 px wide, whose smallest
    text is at least 9 CSS px where a phone shows it (points × DPI / 72 × display scale; the
    browser tier checks the scale, tests/test_site.py)."""
    from widgets.figures.rendering import DPI, NARROW_WIDTH_IN, PHONE_DISPLAY_SCALE, render_png

    narrow = declared.figure("narrow")
    statics = declared.static_controls
    for indices in product(*(range(len(c.static)) for c in statics)):
        declared.draw(narrow, declared.values({c.name: c.static[i] for c, i in zip(statics, indices)}))
        render_png(narrow)
        smallest = min(_texts(narrow.figure), key=lambda t: t.get_fontsize())
        assert smallest.get_fontsize() * DPI / 72 * PHONE_DISPLAY_SCALE >= SMALLEST_TEXT_PX, \
            (indices, smallest.get_text(), smallest.get_fontsize())
    assert narrow.figure.bbox.width == NARROW_WIDTH_IN * DPI
    columns = {round(ax.get_position().x0, 2) for ax in narrow.figure.axes if ax.get_visible()}
    assert len(columns) == 1, f"the panels of a phone's figure stand in one column, not {columns}"


def test_the_page_offers_the_narrow_rendering_of_every_frame_on_a_phone(declared, static_box):
    from widgets.figures.rendering import NARROW_MEDIA

    for image in static_box.images.values():
        narrow = re.search(r'<picture><source media="([^"]+)" srcset="data:image/png;base64,([^"]+)"',
                           image.value)
        assert narrow and narrow.group(1) == NARROW_MEDIA
        wide = re.search(r'<img src="data:image/png;base64,([^"]+)"', image.value).group(1)
        assert base64.b64decode(narrow.group(2)) != base64.b64decode(wide)
    assert "<picture>" in _live_image(build_live(declared)).value


@pytest.mark.parametrize("live", (True, False), ids=("live", "static"))
def test_a_phone_reader_learns_where_left_and_right_went(declared, static_box, live):
    """A phone stacks side-by-side panels; a caption that says "left" or "right" then carries
    a note, shown on narrow screens only, that the left panel comes first."""
    from widgets.figures.rendering import stacks_side_by_side_panels
    from widgets.panels.ipywidgets_build import STACKED_NOTE

    box = build_live(declared) if live else static_box
    shown = "".join(child.value for child in box.children if isinstance(child, W.HTML))
    stacked = stacks_side_by_side_panels(declared.figure("narrow").figure)
    assert (STACKED_NOTE in shown) == stacked
    if re.search(r"\b(left|right)\b", declared.shows, re.I):
        assert stacked, "a caption that speaks of left and right panels needs the phone's note"


@pytest.mark.parametrize("live", (True, False), ids=("live", "static"))
def test_a_control_offering_two_choices_is_a_pair_of_toggle_buttons(declared, static_box, live):
    box = build_live(declared) if live else static_box
    for name, widget in box.controls.items():
        control = declared.control(name)
        offered = control.values if live else control.static
        assert isinstance(widget, W.ToggleButtons) == (
            len(offered) == 2 or control.widget_kind_for(offered) == "toggle"), (name, widget)
        if len(offered) == 2:
            assert [value for _, value in widget.options] == list(offered)


def test_a_panel_declared_again_for_a_phone_draws_narrow():
    from widgets.figures.rendering import DPI, NARROW_WIDTH_IN, figure_layout
    from widgets.panels.declaration import Origin

    panel = machinery.flux_explorer_panel()
    origin = Origin.from_json(panel.origin.to_json().replace('"layout": "wide"', '"layout": "narrow"'))
    again = origin.declare()
    assert again.make_figure().figure.bbox.width == NARROW_WIDTH_IN * DPI
    assert panel.make_figure().figure.bbox.width > NARROW_WIDTH_IN * DPI
    with pytest.raises(ValueError, match="'tablet'.*wide, narrow"):
        Origin(origin.module, origin.factory, origin.arguments, "tablet")
    with pytest.raises(ValueError, match="'tablet'"):
        with figure_layout("tablet"):
            pass


def test_in_a_kernel_the_figure_goes_out_at_once_and_its_phone_rendering_follows():
    """Inside an event loop (as in a kernel) a change sends the wide figure straight away; the
    narrow one follows when the loop is free, drawn once for the latest of quick changes."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    panel = machinery.flux_explorer_panel()
    box = build_live(panel)
    image = _live_image(box)
    control = panel.controls[0]
    widget = box.controls[control.name]
    narrow_draws = []

    async def change_twice():
        for value in [v for v in control.values if v != widget.value][:2]:
            widget.value = value
            assert "<picture>" not in image.value and "<img" in image.value
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    original = panel.draw
    try:
        object.__setattr__(panel, "draw", lambda artists, values: (
            narrow_draws.append(values) if artists.figure.get_figwidth() < 5 else None,
            original(artists, values))[1])
        with ThreadPoolExecutor(1) as own_loop:   # the session may hold a loop (Playwright's)
            own_loop.submit(asyncio.run, change_twice()).result()
    finally:
        object.__setattr__(panel, "draw", original)
    assert "<picture>" in image.value
    assert len(narrow_draws) == 1 and narrow_draws[0][control.name] == widget.value
