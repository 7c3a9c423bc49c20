"""Driving a live panel's controls in Chromium as a reader would (the live tests and benchmarks)."""
from __future__ import annotations


def set_live_control(root, place: int, kind: str, index: int) -> None:
    """Set the ``place``-th live control of the panel ``root`` to its option ``index``.

    ``kind`` is the control's kind in the exported declaration: a drop-down is a ``select``,
    toggles are radio buttons, and a slider is a range input moved to the option's index.
    """
    box = root.locator(".hcc-live-control").nth(place)
    if kind == "dropdown":
        box.locator("select").select_option(index=index)
    elif kind == "toggle":
        box.locator("input[type=radio]").nth(index).check(force=True)
    else:
        box.locator("input[type=range]").evaluate(
            "(slider, at) => { slider.value = String(at); "
            "slider.dispatchEvent(new Event('input', {bubbles: true})); }", index)
