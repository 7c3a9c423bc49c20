"""Interactive panels for the notebooks: the same widget, two lives.

In a running kernel a panel recomputes the model whenever a control moves.
When the book is built, ``HCC_BOOK_STATIC=1`` is set (by ``_ext/book_build.py``)
and each panel is built instead from precomputed frames: every choice of its
one or two controls is rendered once, with the same figure code, into an
``<img>`` (with alternative text that states what the frame shows) inside a
``Stack``, and the controls are ``jslink``-ed to the stacks. The saved widget
state then keeps working in the browser with no kernel.
"""
from __future__ import annotations

import base64
import html
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import ipywidgets as W

from . import figures
from .model import CELL_LINES, KNOCKDOWN_GENES, simulate
from .model.assays import LYSOSOMAL_INHIBITORS, turnover_blot
from .model.data_files import read_table

STATIC_ENV = "HCC_BOOK_STATIC"


def running_live() -> bool:
    """True in a kernel a person is using; False while the book is being built."""
    return os.environ.get(STATIC_ENV, "") != "1"


@dataclass(frozen=True)
class Condition:
    """A named experiment used by the precomputed (static) panels."""

    label: str
    treatments: dict = field(default_factory=dict)
    knockdown: dict = field(default_factory=dict)


def compound_label(name: str) -> str:
    for row in read_table("compounds.csv"):
        if row["name"] == name:
            return row["label"]
    return name


def typical_dose(compound: str) -> float:
    """The dose of ``compound`` used in the book's presets, µM (``data/compounds.csv``)."""
    for row in read_table("compounds.csv"):
        if row["name"] == compound:
            return float(row["typical_dose_um"])
    raise ValueError(f"unknown compound {compound!r}; valid choices are: "
                     f"{', '.join(row['name'] for row in read_table('compounds.csv'))}")


def format_dose(dose_um: float) -> str:
    """A concentration for a label: '20 µM', or '5 mM' from 1000 µM up."""
    return f"{dose_um / 1000:g} mM" if dose_um >= 1000 else f"{dose_um:g} µM"


def describe_condition(treatments: dict, knockdown: dict, nothing: str = "untreated") -> str:
    """'Sorafenib 5 µM, ATG7 knockdown 90%', or ``nothing`` when nothing is applied."""
    parts = [f"{compound_label(c)} {format_dose(d)}" for c, d in treatments.items() if d > 0]
    parts += [f"{g} knockdown {f:.0%}" for g, f in knockdown.items() if f > 0]
    return ", ".join(parts) or nothing


def condition(compounds: Sequence[str] = (), knockdown: dict | None = None,
              note: str = "") -> Condition:
    """A preset: ``compounds`` at their typical doses and ``knockdown``, labelled from both."""
    treatments = {compound: typical_dose(compound) for compound in compounds}
    knockdown = knockdown or {}
    label = describe_condition(treatments, knockdown)
    return Condition(f"{label} ({note})" if note else label, treatments, knockdown)


PRESETS: tuple[Condition, ...] = (
    condition(), condition(["rapamycin"]), condition(["sorafenib"]), condition(["doxorubicin"]),
    condition(["oxaliplatin"]), condition(["3_methyladenine"]), condition([], {"ATG7": 0.9}),
)
STATIC_INHIBITORS: tuple[Condition, ...] = (
    Condition("none"), condition(["chloroquine"]), condition(["bafilomycin_a1"]),
)


def _compound_options(roles: Sequence[str]) -> list[tuple[str, str]]:
    return [(row["label"], row["name"]) for row in read_table("compounds.csv")
            if row["role"] in roles]


def _describe(treatments: dict, knockdown: dict, cell_line: str, hours: float) -> str:
    return f"{describe_condition(treatments, knockdown)} — {cell_line}, {hours:g} h"


def figure_html(png: bytes, description: str) -> str:
    """An ``<img>`` of a rendered figure with ``description`` as its alternative text."""
    data = base64.b64encode(png).decode("ascii")
    return (f'<img src="data:image/png;base64,{data}" alt="{html.escape(description)}" '
            f'style="max-width:100%;height:auto">')


def precomputed_panel(primary: W.ValueWidget, secondary: W.ValueWidget | None,
                      render: Callable[[int, int], tuple[bytes, str]], caption: str) -> W.VBox:
    """Controls linked in the browser to a stack of precomputed images.

    Parameters
    ----------
    primary, secondary : selection widgets with an ``index`` trait
        ``secondary`` may be None for a one-control panel.
    render : callable (primary_index, secondary_index) -> (PNG bytes, description)
        The description, with the numbers the frame shows, becomes the image's
        alternative text.
    caption : str
        Visible caption: what the figure shows and how to read it.
    """
    n_primary = len(primary.options)
    n_secondary = len(secondary.options) if secondary is not None else 1
    inner_stacks = []
    for j in range(n_secondary):
        frames = [W.HTML(value=figure_html(*render(i, j))) for i in range(n_primary)]
        stack = W.Stack(children=frames, selected_index=primary.index)
        W.jslink((primary, "index"), (stack, "selected_index"))
        inner_stacks.append(stack)
    outer = W.Stack(children=inner_stacks, selected_index=secondary.index if secondary else 0)
    if secondary is not None:
        W.jslink((secondary, "index"), (outer, "selected_index"))
    controls = [c for c in (primary, secondary) if c is not None]
    return W.VBox([W.VBox(controls), outer, W.HTML(f"<p class='figure-caption'>{caption}</p>")])


class LiveFigure:
    """A figure re-drawn into one HTML image whenever ``refresh`` is called.

    ``draw(artists)`` updates the figure and returns its text description,
    which becomes the image's alternative text.
    """

    def __init__(self, artists, draw: Callable[[object], str]):
        self.artists = artists
        self.draw = draw
        self.image = W.HTML()

    def refresh(self, *_ignored) -> None:
        description = self.draw(self.artists)
        self.image.value = figure_html(figures.render_png(self.artists, compress_level=1),
                                       description)


def _context_controls(hours: float) -> tuple[W.Dropdown, W.FloatSlider, W.Dropdown, W.FloatSlider]:
    """Knockdown gene, knockdown fraction, cell line and duration controls."""
    gene = W.Dropdown(options=[("none", "")] + [(g, g) for g in KNOCKDOWN_GENES], value="",
                      description="knockdown")
    fraction = W.FloatSlider(value=0.9, min=0.0, max=1.0, step=0.05,
                             description="fraction", readout_format=".0%")
    line = W.Dropdown(options=list(CELL_LINES), value="HepG2", description="cell line")
    duration = W.FloatSlider(value=hours, min=1.0, max=72.0, step=1.0, description="hours")
    return gene, fraction, line, duration


def live_panel(artists, draw: Callable[[object], str], controls: Sequence[W.ValueWidget]) -> W.VBox:
    """Controls in two columns above one figure that redraws whenever a control changes."""
    live = LiveFigure(artists, draw)
    for control in controls:
        control.observe(live.refresh, names="value")
    live.refresh()
    half = len(controls) // 2
    return W.VBox([W.HBox([W.VBox(list(controls[:half])), W.VBox(list(controls[half:]))]),
                   live.image])


def flux_explorer(hours: float = 24.0) -> W.VBox:
    """Time courses of LC3-I, LC3-II, p62 and flux for a chosen experiment.

    Live: choose a drug or inducer and its dose, a lysosomal or early
    inhibitor, a knockdown, the cell line and the duration. Static: choose one
    of the preset conditions and a lysosomal inhibitor.
    """
    if not running_live():
        return _static_flux_explorer(hours)
    drug = W.Dropdown(options=[("none", "")] + _compound_options(
        ("anticancer drug", "reference inducer")), value="sorafenib", description="drug")
    drug_dose = W.FloatLogSlider(value=5.0, base=10, min=-2, max=2, step=0.05,
                                 description="dose (µM)", readout_format=".2g")
    blocker = W.Dropdown(options=[("none", "")] + _compound_options(
        ("late-stage inhibitor", "early-stage inhibitor")), value="", description="inhibitor")
    blocker_dose = W.FloatLogSlider(value=20.0, base=10, min=-3, max=4, step=0.05,
                                    description="dose (µM)", readout_format=".2g")
    gene, fraction, line, duration = _context_controls(hours)

    def draw(artists):
        treatments = {}
        if drug.value:
            treatments[drug.value] = drug_dose.value
        if blocker.value:
            treatments[blocker.value] = treatments.get(blocker.value, 0.0) + blocker_dose.value
        knockdown = {gene.value: fraction.value} if gene.value else {}
        result = simulate(treatments, duration.value, knockdown, line.value)
        control = simulate({}, duration.value, {}, line.value)
        return figures.update_time_course(artists, result, control,
                                          _describe(treatments, knockdown, line.value,
                                                    duration.value))

    return live_panel(figures.time_course_figure(), draw,
                       (drug, drug_dose, blocker, blocker_dose, gene, fraction, line, duration))


def _static_flux_explorer(hours: float) -> W.VBox:
    condition = W.SelectionSlider(options=[c.label for c in PRESETS], description="condition",
                                  continuous_update=True, layout=W.Layout(width="32em"),
                                  style={"description_width": "initial"})
    inhibitor = W.ToggleButtons(options=[item.label for item in STATIC_INHIBITORS],
                                description="lysosomal inhibitor",
                                style={"description_width": "initial"})
    artists = figures.time_course_figure()
    control = simulate({}, hours)

    def render(i: int, j: int) -> bytes:
        preset = PRESETS[i]
        treatments = {**preset.treatments, **STATIC_INHIBITORS[j].treatments}
        result = simulate(treatments, hours, preset.knockdown)
        description = figures.update_time_course(
            artists, result, control, _describe(treatments, preset.knockdown, "HepG2", hours))
        return figures.render_png(artists), description

    return precomputed_panel(condition, inhibitor, render,
                             "Time courses of LC3-I, LC3-II, p62 and autophagic flux relative "
                             "to untreated HepG2 cells (dashed) for the chosen condition "
                             "(solid). Precomputed: run the notebook to explore any dose, "
                             "knockdown, cell line or duration.")


def turnover_assay(hours: float = 24.0) -> W.VBox:
    """The LC3 turnover assay as a virtual western blot with densitometry.

    Live: any drug and dose, lysosomal inhibitor, knockdown, cell line and
    harvest time. Static: preset conditions, and the inhibitor used.
    """
    if not running_live():
        return _static_turnover_assay(hours)
    drug = W.Dropdown(options=[("none", "")] + _compound_options(
        ("anticancer drug", "reference inducer", "early-stage inhibitor")),
        value="rapamycin", description="treatment")
    drug_dose = W.FloatLogSlider(value=0.1, base=10, min=-3, max=4, step=0.05,
                                 description="dose (µM)", readout_format=".2g")
    inhibitor = W.Dropdown(options=[(compound_label(n), n) for n in LYSOSOMAL_INHIBITORS],
                           value="bafilomycin_a1", description="inhibitor")
    inhibitor_dose = W.FloatLogSlider(value=0.1, base=10, min=-3, max=2, step=0.05,
                                      description="dose (µM)", readout_format=".2g")
    gene, fraction, line, duration = _context_controls(hours)

    def draw(artists):
        treatment = {drug.value: drug_dose.value} if drug.value else {}
        knockdown = {gene.value: fraction.value} if gene.value else {}
        blot = turnover_blot(treatment, inhibitor.value, inhibitor_dose.value, duration.value,
                             knockdown, line.value)
        return figures.update_blot(artists, blot, _describe(treatment, knockdown, line.value,
                                                            duration.value)
                                   + f"; {compound_label(inhibitor.value)} for the last "
                                     f"{min(duration.value, 4.0):g} h")

    return live_panel(figures.blot_figure(), draw,
                       (drug, drug_dose, inhibitor, inhibitor_dose, gene, fraction, line,
                        duration))


def _static_turnover_assay(hours: float) -> W.VBox:
    conditions = [c for c in PRESETS if c.label != "untreated"]
    condition = W.SelectionSlider(options=[c.label for c in conditions], description="treatment",
                                  layout=W.Layout(width="32em"),
                                  style={"description_width": "initial"})
    inhibitors = (("bafilomycin A1 100 nM", "bafilomycin_a1", 0.1),
                  ("chloroquine 50 µM", "chloroquine", 50.0))
    inhibitor = W.ToggleButtons(options=[label for label, _, _ in inhibitors],
                                description="lysosomal inhibitor",
                                style={"description_width": "initial"})
    artists = figures.blot_figure()

    def render(i: int, j: int) -> bytes:
        preset = conditions[i]
        label, name, dose = inhibitors[j]
        blot = turnover_blot(preset.treatments, name, dose, hours, preset.knockdown)
        description = figures.update_blot(artists, blot, f"{preset.label}, {hours:g} h; "
                                                         f"{label} for the last 4 h (HepG2)")
        return figures.render_png(artists), description

    return precomputed_panel(condition, inhibitor, render,
                             "Virtual western blot of p62, LC3-I, LC3-II and β-actin in four "
                             "lanes (control and treated, each without and with a lysosomal "
                             "inhibitor) with densitometry normalised to β-actin and the LC3 "
                             "turnover read-out. Precomputed: run the notebook to set any "
                             "dose, knockdown, cell line or harvest time.")
