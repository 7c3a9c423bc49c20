"""Panels of the drugs chapter: dose response, accomplice or antagonist, the drug × time blot,
and the toy model of antigen presentation.

Each panel is declared once (:class:`~widgets.panels.declaration.Panel`) and
built live in a kernel or precomputed for the static site. The accomplice panel's every
choice needs two dose-response comparisons with their IC50 searches (tens of milliseconds
natively, hundreds in the in-browser Python): declared as slow results, they are computed by
a kernel when the panel opens (about 2 s) and handed to the in-browser Python by the build.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..figures import drugs as figures
from ..figures import machinery as blot_figures
from ..model.antigen import (COCULTURE_HOURS, PRETREATMENT_HOURS, antigen_presentation,
                             killed_fraction)
from ..model.assays import LYSOSOMAL_INHIBITORS, turnover_blot
from ..model.labels import (Condition, compound_label, compounds_with_role, condition,
                            describe_condition, in_sentence, typical_dose)
from ..model.data_files import data_cache
from ..model.names import COMPOUNDS, canonical_name
from ..model.pharmacology import compare_with_intervention
from .controls import (KNOCKDOWN_FRACTION, PARENTAL_LINES, cell_line_choice, compound_choice,
                       dose_for, experiment_from, fraction_control, hours_control,
                       knockdown_choice)
from .declaration import Panel, SlowResults, build, choice, panel_factory

if TYPE_CHECKING:
    from .ipywidgets_build import PanelBox

DOSES_UM = np.logspace(-2, 3, 41)
DRUGS = compounds_with_role("anticancer drug")
MODULATORS = compounds_with_role("late-stage inhibitor", "early-stage inhibitor",
                                 "reference inducer")
EXPOSURE_HOURS = (12.0, 24.0, 36.0, 48.0, 60.0, 72.0, 84.0, 96.0)
HARVEST_HOURS = (2.0, 4.0, 6.0, 12.0, 24.0, 48.0, 72.0)

INTERVENTIONS: tuple[Condition, ...] = (
    condition(["chloroquine"]), condition(["hydroxychloroquine"]),
    condition([], {"ATG7": KNOCKDOWN_FRACTION}), condition([], {"ATG5": KNOCKDOWN_FRACTION}),
    condition(["3_methyladenine"]), condition(["rapamycin"], note="inducer"),
    condition([], {"MIR21": KNOCKDOWN_FRACTION}),
)
IMMUNE_INTERVENTIONS: tuple[Condition, ...] = (
    condition(["chloroquine"]), condition(["hydroxychloroquine"]),
    condition([], {"ATG7": KNOCKDOWN_FRACTION}), condition(["bafilomycin_a1"]),
    condition(["rapamycin"], note="inducer"),
)
BLOCKADE = np.linspace(0.0, 1.0, 21)


def _intervention_choice(interventions: tuple[Condition, ...]):
    indices = tuple(range(len(interventions)))
    return choice("intervention", "intervention",
                  [(item.label, i) for i, item in enumerate(interventions)], 0, indices,
                  kind="dropdown")


def _draw_comparison(row, comparison, drug: str, intervention: Condition, hours: float,
                     cell_line: str):
    return figures.update_dose_response(
        row, comparison, f"{compound_label(drug)} in {cell_line}, {hours:g} h: "
                         f"± {intervention.label}")


@panel_factory
def dose_response_panel(hours: float = 72.0) -> Panel:
    """The dose-response explorer, declared: a drug with and without an autophagy intervention."""
    modulator = compound_choice("modulator", "compound", MODULATORS, "chloroquine",
                                mention="the added compound")
    controls = (compound_choice("drug", "drug", DRUGS, "sorafenib", static=DRUGS, none=False),
                cell_line_choice("Huh7", static=PARENTAL_LINES),
                hours_control(EXPOSURE_HOURS, hours, mention="the exposure"),
                modulator, dose_for(modulator, "dose", mention="its dose"),
                knockdown_choice(), fraction_control())

    def draw(artists, values):
        treatments, knockdown = experiment_from(values, (("modulator", "dose"),))
        intervention = Condition(describe_condition(treatments, knockdown, "nothing"),
                                 treatments, knockdown)
        drug, hours, line = values["drug"], values["hours"], values["cell_line"]
        comparison = compare_with_intervention(drug, DOSES_UM, hours, treatments, knockdown, line)
        return _draw_comparison(artists.rows[0], comparison, drug, intervention, hours, line)

    return Panel(controls, figures.dose_response_figure, draw,
                 "Left: viability against drug concentration (log scale) for the drug alone "
                 "(solid blue, circle at the IC50) and with the intervention (dashed vermillion, "
                 "square at the IC50); the dotted line is the intervention alone. The box gives "
                 "both IC50s, their fold shift and the Bliss excess. Right: how much of the cell "
                 "loss at the IC50 dose comes from drug damage (orange) and from autophagic "
                 "death (purple, hatched). The intervention opens as "
                 f"{in_sentence(describe_condition({'chloroquine': typical_dose('chloroquine')}, {}))}.")


def dose_response_explorer(hours: float = 72.0) -> PanelBox:
    """Viability curves of a drug with and without an autophagy intervention (see the panel)."""
    return build(dose_response_panel(hours))


@panel_factory
def accomplice_panel(drug: str = "sorafenib", hours: float = 72.0) -> Panel:
    """One intervention, two contexts, declared: parental Huh7 (autophagy protects) and Huh7-SR."""
    drug = canonical_name(drug, COMPOUNDS, "compound")
    controls = (_intervention_choice(INTERVENTIONS),
                hours_control(EXPOSURE_HOURS, hours, mention="the exposure"))
    every_choice = SlowResults(accomplice_comparison, tuple(
        (drug, index, exposure, line) for index in range(len(INTERVENTIONS))
        for exposure in EXPOSURE_HOURS for line in ACCOMPLICE_LINES))

    def draw(artists, values):
        index, hours = values["intervention"], values["hours"]
        top, bottom = (_draw_comparison(row, accomplice_comparison(drug, index, hours, line),
                                        drug, INTERVENTIONS[index], hours, line)
                       for row, line in zip(artists.rows, ACCOMPLICE_LINES))
        return top + bottom

    return Panel(controls, lambda: figures.dose_response_figure(n_rows=2), draw,
                 f"Top: parental Huh7 cells; bottom: sorafenib-resistant Huh7-SR cells. In "
                 f"each, viability of {in_sentence(compound_label(drug))} alone (solid blue) and "
                 "with the chosen intervention (dashed vermillion), with IC50s, their fold shift "
                 "and the Bliss excess, and beside it the cell loss at the IC50 dose split into "
                 "drug damage (orange) and autophagic death (purple, hatched).",
                 slow_results=every_choice)


#: The accomplice panel's two contexts: autophagy protects parental Huh7 and kills in Huh7-SR.
ACCOMPLICE_LINES = ("Huh7", "Huh7-SR")


@data_cache
def accomplice_comparison(drug: str, intervention: int, hours: float, cell_line: str):
    """``drug`` alone and with ``INTERVENTIONS[intervention]`` in ``cell_line`` after ``hours``.

    Returns
    -------
    InterventionComparison
        As :func:`~widgets.model.pharmacology.compare_with_intervention` gives it, at ``DOSES_UM``.
    """
    chosen = INTERVENTIONS[intervention]
    return compare_with_intervention(drug, DOSES_UM, hours, chosen.treatments, chosen.knockdown,
                                     cell_line)


def accomplice_or_antagonist(drug: str = "sorafenib", hours: float = 72.0) -> PanelBox:
    """One intervention, two contexts: Huh7 (autophagy protects) and Huh7-SR (it kills)."""
    return build(accomplice_panel(drug, hours))


@panel_factory
def drug_blot_panel(inhibitor: str = "chloroquine", inhibitor_dose_um: float = 50.0) -> Panel:
    """The LC3 turnover blot for each drug at its typical dose and a harvest time, declared.

    Raises
    ------
    ValueError
        If ``inhibitor`` is not a lysosomal inhibitor.
    """
    if inhibitor not in LYSOSOMAL_INHIBITORS:
        raise ValueError(f"inhibitor must be one of {', '.join(LYSOSOMAL_INHIBITORS)}, "
                         f"got {inhibitor!r}")
    added = in_sentence(describe_condition({inhibitor: inhibitor_dose_um}, {}))
    controls = (compound_choice("drug", "drug", DRUGS, "sorafenib", static=DRUGS, none=False),
                hours_control(HARVEST_HOURS, 24.0, static=(6.0, 24.0, 48.0), label="harvest",
                              mention="the harvest time"),
                cell_line_choice("Huh7"))

    def draw(artists, values):
        treatment = {values["drug"]: typical_dose(values["drug"])}
        harvest, line = values["hours"], values["cell_line"]
        blot = turnover_blot(treatment, inhibitor, inhibitor_dose_um, harvest, {}, line)
        return blot_figures.update_blot(
            artists, blot, f"{describe_condition(treatment, {})}, {harvest:g} h, {line}; "
                           f"{added} for the last {min(harvest, 4.0):g} h")

    return Panel(controls, blot_figures.blot_figure, draw,
                 "Virtual western blot of p62, LC3-I, LC3-II and β-actin: control and "
                 f"drug-treated lanes, each without and with {added} for the last hours, with "
                 "densitometry and the LC3 turnover (flux) read-out, for the chosen drug at its "
                 "typical dose.")


def drug_blot_time_course(inhibitor: str = "chloroquine",
                          inhibitor_dose_um: float = 50.0) -> PanelBox:
    """The turnover blot of the machinery chapter for each drug and harvest time (see the panel)."""
    return build(drug_blot_panel(inhibitor, inhibitor_dose_um))


def _killing_curve(intervention: Condition, cell_line: str) -> tuple[np.ndarray, float]:
    first = antigen_presentation(intervention.treatments, intervention.knockdown, cell_line)
    return (killed_fraction(first.surface_mhc_i, BLOCKADE, COCULTURE_HOURS),
            first.surface_mhc_i)


@panel_factory
def immune_panel(cell_line: str = "HepG2") -> Panel:
    """The toy antigen-presentation model, declared: autophagy intervention × PD-1 blockade."""
    controls = (_intervention_choice(IMMUNE_INTERVENTIONS), cell_line_choice(cell_line))

    def draw(artists, values):
        intervention, line = IMMUNE_INTERVENTIONS[values["intervention"]], values["cell_line"]
        reference, reference_mhc = _killing_curve(Condition("untreated"), line)
        treated, treated_mhc = _killing_curve(intervention, line)
        return figures.update_antigen(
            artists, BLOCKADE, reference, treated, reference_mhc, treated_mhc,
            f"Toy model, {line}: {intervention.label} for {PRETREATMENT_HOURS:g} h, "
            f"then {COCULTURE_HOURS:g} h with T cells")

    return Panel(controls, figures.antigen_figure, draw,
                 "Toy model, not a prediction. Left: share of tumour cells killed by T cells in "
                 f"{COCULTURE_HOURS:g} h against the fraction of PD-1 blocked, for untreated "
                 "tumour cells (dashed black) and for cells given the chosen autophagy "
                 "intervention (solid blue). Right: surface MHC class I of the two, relative to "
                 "untreated cells.")


def immune_toy_model(cell_line: str = "HepG2") -> PanelBox:
    """The toy antigen-presentation model: autophagy intervention × PD-1 blockade."""
    return build(immune_panel(cell_line))


PANELS = (dose_response_panel, accomplice_panel, drug_blot_panel, immune_panel)
