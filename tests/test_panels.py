"""Panels: live controls redraw the figure; static panels carry one frame per choice."""
import ipywidgets as W
import pytest

from widgets import drug_panels, panels


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


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
    image = next(w for w in _walk(panel) if isinstance(w, W.Image))
    dropdown = next(w for w in _walk(panel)
                    if isinstance(w, W.Dropdown) and w.description == control)
    before = image.value
    dropdown.value = value
    assert image.value != before


def test_static_flux_explorer_has_a_distinct_frame_for_every_choice(monkeypatch):
    monkeypatch.setenv(panels.STATIC_ENV, "1")
    panel = panels.flux_explorer()
    frames = [w.value for w in _walk(panel) if isinstance(w, W.Image)]
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
    frames = [w.value for w in _walk(make_panel()) if isinstance(w, W.Image)]
    assert len(frames) == expected_frames
    assert len(set(frames)) == len(frames)


def test_drug_blot_rejects_an_unknown_inhibitor():
    with pytest.raises(ValueError, match="bafilomycin_a1"):
        drug_panels.drug_blot_time_course(inhibitor="aspirin")
