"""Panels: live controls redraw the figure; static panels carry one frame per choice."""
import re

import ipywidgets as W
import pytest

from widgets import drug_panels, panels


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _figures(panel):
    """The HTML widgets that carry a figure image."""
    return [w for w in _walk(panel) if isinstance(w, W.HTML) and w.value.startswith("<img")]


@pytest.mark.parametrize("make_panel, control, value", [
    (panels.flux_explorer, "drug", "rapamycin"),
    (panels.turnover_assay, "knockdown", "ATG7"),
    (drug_panels.dose_response_explorer, "drug", "doxorubicin"),
    (drug_panels.dose_response_explorer, "knockdown", "ATG7"),
    (drug_panels.accomplice_or_antagonist, "intervention", 2),
    (drug_panels.drug_blot_time_course, "cell line", "Hep3B"),
    (drug_panels.immune_toy_model, "intervention", 4),
])
def test_live_panel_redraws_when_a_control_moves(monkeypatch, make_panel, control, value):
    monkeypatch.delenv(panels.STATIC_ENV, raising=False)
    panel = make_panel()
    image = _figures(panel)[0]
    dropdown = next(w for w in _walk(panel)
                    if isinstance(w, W.Dropdown) and w.description == control)
    before = image.value
    dropdown.value = value
    assert image.value != before


def test_static_flux_explorer_has_a_distinct_frame_for_every_choice(monkeypatch):
    monkeypatch.setenv(panels.STATIC_ENV, "1")
    panel = panels.flux_explorer()
    frames = [w.value for w in _figures(panel)]
    assert len(frames) == len(panels.PRESETS) * len(panels.STATIC_INHIBITORS)
    assert len(set(frames)) == len(frames)



@pytest.mark.parametrize("make_panel, expected_frames", [
    (drug_panels.dose_response_explorer, len(drug_panels.DRUGS) * len(drug_panels.PARENTAL_LINES)),
    (drug_panels.accomplice_or_antagonist, len(drug_panels.INTERVENTIONS)),
    (drug_panels.drug_blot_time_course, len(drug_panels.DRUGS) * 3),
    (drug_panels.immune_toy_model, len(drug_panels.IMMUNE_INTERVENTIONS)),
])
def test_static_drug_panels_carry_one_distinct_frame_per_choice(monkeypatch, make_panel,
                                                                expected_frames):
    monkeypatch.setenv(panels.STATIC_ENV, "1")
    frames = [w.value for w in _figures(make_panel())]
    assert len(frames) == expected_frames
    assert len(set(frames)) == len(frames)


def test_drug_blot_rejects_an_unknown_inhibitor():
    with pytest.raises(ValueError, match="bafilomycin_a1"):
        drug_panels.drug_blot_time_course(inhibitor="aspirin")


ALL_PANELS = (panels.flux_explorer, panels.turnover_assay, drug_panels.dose_response_explorer,
              drug_panels.accomplice_or_antagonist, drug_panels.drug_blot_time_course,
              drug_panels.immune_toy_model)


@pytest.mark.parametrize("live", (True, False), ids=("live", "static"))
@pytest.mark.parametrize("make_panel", ALL_PANELS)
def test_every_figure_has_alt_text_that_states_what_it_shows(monkeypatch, make_panel, live):
    if live:
        monkeypatch.delenv(panels.STATIC_ENV, raising=False)
    else:
        monkeypatch.setenv(panels.STATIC_ENV, "1")
    for figure in _figures(make_panel()):
        alt = re.search(r'alt="([^"]+)"', figure.value).group(1)
        assert len(alt) > 80 and re.search(r"\d\.\d\d", alt), alt  # says what and how much


def test_benchmark_widget_measurements_run(monkeypatch, capsys):
    """The benchmark's widget section drives every live panel (a few events, not timed here)."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "benchmarks" / "run.py")
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    benchmark.widget_figures(events=3)
    assert capsys.readouterr().out.count("widget response") == 5
