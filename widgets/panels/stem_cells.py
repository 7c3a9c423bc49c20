"""Panels of the stem-cell chapter: therapy cycles, the virtual flow cytometer, sorted cells.

Each panel is declared once (:class:`~widgets.panels.declaration.Panel`) and built live in
a kernel or precomputed for the static site.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..figures import stem_cells as figures
from ..model.cytometry import isotype_gate, stain
from ..model.labels import describe_condition, typical_dose
from ..model.pharmacology import ic50
from ..model.stem_cells import basal_stem_fraction, simulate_populations, therapy_cycles
from .controls import PARENTAL_LINES, cell_line_choice, compound_choice
from .declaration import Panel, build, choice, number, panel_factory

if TYPE_CHECKING:
    from .ipywidgets_build import PanelBox

CYCLE_DRUGS = ("sorafenib", "doxorubicin")
ENVIRONMENTS = (("normoxia", False), ("hypoxia + starvation", True))
GATES_LOG = tuple(round(1.5 + 0.25 * i, 2) for i in range(9))
IC50_MULTIPLES = (0.5, 1.0, 2.0, 3.0, 4.0)
CYCLES = (1, 2, 3, 4, 5, 6)
DAYS_ON, DAYS_OFF = 3.0, 4.0
SORTED_STARTS = (("CD133+ sorted", 1.0), ("CD133− sorted", 0.0), ("unsorted", -1.0))
REGROWTH_DAYS = (5.0, 10.0, 20.0, 30.0, 40.0)


def _environment_choice():
    return choice("hypoxia", "culture", ENVIRONMENTS, False, (False, True),
                  mention="the culture condition")


def _schedule_treatments(drug: str, ic50_multiple: float, chloroquine: bool,
                         cell_line: str) -> dict[str, float]:
    """The drug at a multiple of its 72 h IC50 in ``cell_line``, with or without chloroquine."""
    treatments = {drug: float(f"{ic50_multiple * ic50(drug, cell_line=cell_line):.2g}")}
    if chloroquine:
        treatments["chloroquine"] = typical_dose("chloroquine")
    return treatments


@panel_factory
def therapy_cycles_panel() -> Panel:
    """Cycles of a drug, with or without chloroquine, in normoxia or hypoxia with starvation."""
    controls = (compound_choice("drug", "drug", CYCLE_DRUGS, "sorafenib", static=CYCLE_DRUGS,
                                none=False),
                number("multiple", "dose", IC50_MULTIPLES, 1.0, lambda m: f"{m:g} × IC50",
                       static=(1.0, 3.0), mention="the dose (a multiple of the line's IC50)"),
                choice("chloroquine", "chloroquine", (("without", False), ("with", True)),
                       False, (False, True), mention="chloroquine"),
                _environment_choice(),
                number("cycles", "cycles", CYCLES, 3, lambda n: f"{n:g} cycles",
                       mention="the number of cycles"),
                cell_line_choice("Huh7", lines=PARENTAL_LINES))

    def draw(artists, values):
        line, hypoxia = values["cell_line"], values["hypoxia"]
        treatments = _schedule_treatments(values["drug"], values["multiple"],
                                          values["chloroquine"], line)
        result = therapy_cycles(treatments, int(values["cycles"]), DAYS_ON, DAYS_OFF, line,
                                hypoxia)
        culture = "hypoxia + starvation" if hypoxia else "normoxia"
        return figures.update_populations(
            artists, result, 100.0 * basal_stem_fraction(line),
            f"{describe_condition(treatments, {})}: {int(values['cycles'])} × ({DAYS_ON:g} days "
            f"on, {DAYS_OFF:g} off), {line}, {culture}")

    return Panel(controls, figures.populations_figure, draw,
                 "Left: stem-like cells (vermillion) stacked under the other cells (blue), "
                 "relative to the number at the start; shaded bands are the 3-day treatment "
                 "periods, each followed by 4 drug-free days, and growth stops when the dish is "
                 "full. Right: the percentage of stem-like cells, with the untreated line's "
                 "basal percentage dashed. The drug's dose is a multiple of its 72 h IC50 in the "
                 f"line; chloroquine is given at {typical_dose('chloroquine'):g} µM.")


def therapy_cycles_explorer() -> PanelBox:
    """Therapy cycles that enrich the survivors (see the panel)."""
    return build(therapy_cycles_panel())


SAMPLES = (("Huh7, untreated", ("Huh7", {}, False)),
           ("HepG2, untreated", ("HepG2", {}, False)),
           ("Huh7, 3 days of sorafenib", ("Huh7", {"sorafenib": 1.0}, False)),
           ("Huh7, 3 days hypoxia + starvation", ("Huh7", {}, True)))


def sample_fraction(sample: int) -> tuple[str, float]:
    """The label of ``SAMPLES[sample]`` and its stem fraction after 72 h in the model."""
    label, (line, relative_doses, hypoxia) = SAMPLES[sample]
    treatments = {drug: scale * typical_dose(drug) for drug, scale in relative_doses.items()}
    result = simulate_populations(treatments, 72.0, line, hypoxia)
    return label, float(result.stem_fraction[-1])


@panel_factory
def flow_cytometer_panel() -> Panel:
    """The virtual flow cytometer, declared: a sample, its isotype control and a movable gate."""
    # The 1%-isotype gate the caption recommends is one of the gates offered, in both lives.
    isotype_rule = round(isotype_gate(stain(0.0)), 2)
    gates = tuple(sorted({*GATES_LOG, isotype_rule}))
    controls = (choice("sample", "sample", [(label, i) for i, (label, _) in enumerate(SAMPLES)],
                       0, tuple(range(len(SAMPLES))), kind="dropdown", mention="the sample"),
                number("gate", "gate", gates, 2.0, lambda g: f"{g:.2f} log10",
                       static=tuple(sorted({1.5, 1.75, 2.0, isotype_rule, 2.25, 2.5})),
                       mention="the gate (log10)"))

    def draw(artists, values):
        label, fraction = sample_fraction(values["sample"])
        return figures.update_flow(artists, stain(fraction, seed=values["sample"]),
                                   float(values["gate"]), label)

    return Panel(controls, figures.flow_figure, draw,
                 "CD133 fluorescence of 10,000 events (filled blue) over the isotype control "
                 "(dashed black), with the gate (vermillion). The box prints the percentage of "
                 "stained events above the gate, the percentage of isotype events above it "
                 "(false positives) and the true stem-like percentage of the model's sample. "
                 "A common convention puts the gate where about 1% of isotype events lie above "
                 f"it: {isotype_rule:.2f} (log10) for these samples, one of the gates offered.")


def flow_cytometer() -> PanelBox:
    """Virtual flow cytometry of the model's populations (see the panel)."""
    return build(flow_cytometer_panel())


@panel_factory
def sorted_cells_panel() -> Panel:
    """Sorted CD133+ or CD133− cells regrow both kinds, declared."""
    controls = (choice("start", "start from", SORTED_STARTS, 1.0, (1.0, 0.0, -1.0),
                       mention="the sorted population"),
                cell_line_choice("Huh7", static=("Huh7", "HepG2"),
                                 lines=("Huh7", "HepG2", "Hep3B")),
                number("days", "days", REGROWTH_DAYS, 10.0, lambda d: f"{d:g} days",
                       static=(5.0, 10.0, 20.0),
                       mention="the time in culture"))

    def draw(artists, values):
        line, start = values["cell_line"], values["start"]
        result = simulate_populations({}, 24.0 * values["days"], line, False,
                                      None if start < 0 else start)
        label = dict((value, text) for text, value in SORTED_STARTS)[start]
        return figures.update_populations(
            artists, result, 100.0 * basal_stem_fraction(line),
            f"{label} {line} cells in culture, untreated")

    return Panel(controls, figures.populations_figure, draw,
                 "Left: stem-like cells (vermillion) and the other cells (blue) growing from a "
                 "sorted population, relative to the number at the start. Right: the percentage "
                 "of stem-like cells returning towards the line's basal value (dashed).")


def sorted_cells_regrow() -> PanelBox:
    """Sorted CD133+ or CD133− cells regrow both kinds (see the panel)."""
    return build(sorted_cells_panel())


PANELS = (therapy_cycles_panel, flow_cytometer_panel, sorted_cells_panel)
