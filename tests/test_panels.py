"""Panels: live controls redraw the figure; static panels carry one frame per choice."""
import ipywidgets as W

from widgets import panels


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_live_flux_explorer_redraws_when_a_control_moves(monkeypatch):
    monkeypatch.delenv(panels.STATIC_ENV, raising=False)
    panel = panels.flux_explorer()
    image = next(w for w in _walk(panel) if isinstance(w, W.Image))
    drug = next(w for w in _walk(panel) if isinstance(w, W.Dropdown) and w.description == "drug")
    before = image.value
    drug.value = "rapamycin"
    assert image.value != before


def test_live_turnover_assay_redraws_when_the_knockdown_changes(monkeypatch):
    monkeypatch.delenv(panels.STATIC_ENV, raising=False)
    panel = panels.turnover_assay()
    image = next(w for w in _walk(panel) if isinstance(w, W.Image))
    gene = next(w for w in _walk(panel) if isinstance(w, W.Dropdown) and w.description == "knockdown")
    before = image.value
    gene.value = "ATG7"
    assert image.value != before


def test_static_flux_explorer_has_a_distinct_frame_for_every_choice(monkeypatch):
    monkeypatch.setenv(panels.STATIC_ENV, "1")
    panel = panels.flux_explorer()
    frames = [w.value for w in _walk(panel) if isinstance(w, W.Image)]
    assert len(frames) == len(panels.PRESETS) * len(panels.STATIC_INHIBITORS)
    assert len(set(frames)) == len(frames)
