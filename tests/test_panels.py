"""Panels: live controls redraw the figure; static panels carry one frame per choice."""
import ipywidgets as W
import pytest

from widgets import panels


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


@pytest.mark.parametrize("make_panel, control, value", [
    (panels.flux_explorer, "drug", "rapamycin"),
    (panels.turnover_assay, "knockdown", "ATG7"),
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
