"""Interactive panels of the drugs chapter: dose response, accomplice or antagonist, blots,
and the toy model of antigen presentation.

Same two lives as :mod:`widgets.panels`: live controls in a kernel, and
precomputed frames linked in the browser on the static site.
"""
from __future__ import annotations

import ipywidgets as W
import numpy as np

from . import fate_figures, figures
from .model import CELL_LINES, KNOCKDOWN_GENES
from .model.antigen import (COCULTURE_HOURS, PRETREATMENT_HOURS, antigen_presentation,
                            killed_fraction)
from .model.assays import LYSOSOMAL_INHIBITORS, turnover_blot
from .model.data_files import read_table
from .model.pharmacology import compare_with_intervention
from .panels import (Condition, compound_label, condition, describe_condition, live_panel,
                     precomputed_panel, running_live, typical_dose)

DOSES_UM = np.logspace(-2, 3, 41)
DRUGS: tuple[str, ...] = tuple(row["name"] for row in read_table("compounds.csv")
                               if row["role"] == "anticancer drug")
PARENTAL_LINES: tuple[str, ...] = tuple(line for line in CELL_LINES if line != "Huh7-SR")


# An intervention added to a drug is a named set of compounds (µM) and knockdowns.
Intervention = Condition
KNOCKDOWN = 0.9

INTERVENTIONS: tuple[Intervention, ...] = (
    condition(["chloroquine"]), condition(["hydroxychloroquine"]),
    condition([], {"ATG7": KNOCKDOWN}), condition([], {"ATG5": KNOCKDOWN}),
    condition(["3_methyladenine"]), condition(["rapamycin"], note="inducer"),
    condition([], {"MIR21": KNOCKDOWN}, note="anti-miR-21"),
)


def _drug_options() -> list[tuple[str, str]]:
    return [(compound_label(name), name) for name in DRUGS]


def _draw_comparison(row, drug: str, intervention: Intervention, hours: float,
                     cell_line: str) -> str:
    comparison = compare_with_intervention(drug, DOSES_UM, hours, intervention.treatments,
                                           intervention.knockdown, cell_line)
    return fate_figures.update_dose_response(
        row, comparison, f"{compound_label(drug)} in {cell_line}, {hours:g} h: "
                         f"± {intervention.label}")


def dose_response_explorer(hours: float = 72.0) -> W.VBox:
    """Viability curves of a drug with and without an autophagy intervention.

    Live: any drug, intervention (compound and dose, or knockdown and
    fraction), cell line and exposure. Static: each drug in each parental
    line, with chloroquine 20 µM as the intervention.
    """
    if not running_live():
        return _static_dose_response(hours)
    drug = W.Dropdown(options=_drug_options(), value="sorafenib", description="drug")
    line = W.Dropdown(options=list(CELL_LINES), value="Huh7", description="cell line")
    duration = W.FloatSlider(value=hours, min=12.0, max=96.0, step=6.0, description="hours")
    modulator = W.Dropdown(options=[("none", "")] + [
        (compound_label(row["name"]), row["name"]) for row in read_table("compounds.csv")
        if row["role"] in ("late-stage inhibitor", "early-stage inhibitor", "reference inducer")],
        value="chloroquine", description="compound")
    modulator_dose = W.FloatLogSlider(value=typical_dose("chloroquine"), base=10, min=-3, max=4,
                                      step=0.05,
                                      description="dose (µM)", readout_format=".2g")
    gene = W.Dropdown(options=[("none", "")] + [(g, g) for g in KNOCKDOWN_GENES], value="",
                      description="knockdown")
    fraction = W.FloatSlider(value=KNOCKDOWN, min=0.0, max=1.0, step=0.05, description="fraction",
                             readout_format=".0%")
    artists = fate_figures.dose_response_figure()

    def draw(figure):
        treatments = {modulator.value: modulator_dose.value} if modulator.value else {}
        knockdown = {gene.value: fraction.value} if gene.value else {}
        intervention = Intervention(describe_condition(treatments, knockdown, "nothing"),
                                    treatments, knockdown)
        return _draw_comparison(figure.rows[0], drug.value, intervention, duration.value,
                                line.value)

    return live_panel(artists, draw, (drug, line, duration, modulator, modulator_dose, gene,
                                       fraction))


def _static_dose_response(hours: float) -> W.VBox:
    drug = W.ToggleButtons(options=[compound_label(name) for name in DRUGS],
                           description="drug", style={"description_width": "initial"})
    line = W.ToggleButtons(options=list(PARENTAL_LINES), description="cell line",
                           style={"description_width": "initial"})
    artists = fate_figures.dose_response_figure()

    def render(i: int, j: int) -> tuple[bytes, str]:
        description = _draw_comparison(artists.rows[0], DRUGS[i], INTERVENTIONS[0], hours,
                                       PARENTAL_LINES[j])
        return figures.render_png(artists), description

    return precomputed_panel(
        drug, line, render,
        f"Left: viability after {hours:g} h against drug concentration (log scale) for the drug "
        "alone (solid blue, circle at the IC50) and with chloroquine 20 µM (dashed vermillion, "
        "square at the IC50); the dotted line is chloroquine alone. The box gives both IC50s, "
        "their fold shift and the Bliss excess. Right: how much of the cell loss at the IC50 "
        "dose comes from drug damage (orange) and from autophagic death (purple, hatched). "
        "Precomputed: run the notebook to choose any intervention, dose, line or exposure.")


def accomplice_or_antagonist(drug: str = "sorafenib", hours: float = 72.0) -> W.VBox:
    """One intervention, two contexts: parental Huh7 (autophagy protects) and Huh7-SR (it kills).

    Live and static alike, the control is the intervention; live also lets
    the exposure change.
    """
    choice = W.Dropdown(options=[(item.label, i) for i, item in enumerate(INTERVENTIONS)],
                        value=0, description="intervention",
                        style={"description_width": "initial"}, layout=W.Layout(width="28em"))
    artists = fate_figures.dose_response_figure(n_rows=2)

    def draw_both(figure, intervention: Intervention, duration: float) -> str:
        return " ".join(f"{context}: " + _draw_comparison(row, drug, intervention, duration, line)
                        for row, line, context in zip(figure.rows, ("Huh7", "Huh7-SR"),
                                                      ("Top", "Bottom")))

    if not running_live():
        def render(i: int, _j: int) -> tuple[bytes, str]:
            description = draw_both(artists, INTERVENTIONS[i], hours)
            return figures.render_png(artists), description

        return precomputed_panel(
            choice, None, render,
            f"Top: parental Huh7 cells; bottom: sorafenib-resistant Huh7-SR cells. In each, "
            f"viability after {hours:g} h of {compound_label(drug)} alone (solid blue) and with "
            "the chosen intervention (dashed vermillion), with IC50s, their fold shift and the "
            "Bliss excess, and beside it the cell loss at the IC50 dose split into drug damage "
            "(orange) and autophagic death (purple, hatched).")
    duration = W.FloatSlider(value=hours, min=12.0, max=96.0, step=6.0, description="hours")
    return live_panel(artists, lambda figure: draw_both(figure, INTERVENTIONS[choice.value],
                                                         duration.value), (choice, duration))


def drug_blot_time_course(inhibitor: str = "chloroquine", inhibitor_dose_um: float = 50.0,
                          times_h: tuple[float, ...] = (6.0, 24.0, 48.0)) -> W.VBox:
    """The LC3 turnover blot of the machinery chapter for each drug at its typical dose.

    Control: the drug and the harvest time (both static and live; the live
    version also offers any cell line).
    """
    if inhibitor not in LYSOSOMAL_INHIBITORS:
        raise ValueError(f"inhibitor must be one of {', '.join(LYSOSOMAL_INHIBITORS)}, "
                         f"got {inhibitor!r}")
    drug = W.SelectionSlider(options=[compound_label(name) for name in DRUGS],
                             description="drug", layout=W.Layout(width="32em"),
                             style={"description_width": "initial"})
    time = W.ToggleButtons(options=[f"{t:g} h" for t in times_h], description="harvest",
                           style={"description_width": "initial"})
    artists = figures.blot_figure()

    def draw(figure, i: int, j: int, cell_line: str) -> str:
        treatment = {DRUGS[i]: typical_dose(DRUGS[i])}
        blot = turnover_blot(treatment, inhibitor, inhibitor_dose_um, times_h[j], {}, cell_line)
        return figures.update_blot(
            figure, blot, f"{describe_condition(treatment, {})}, {times_h[j]:g} h, {cell_line}; "
                          f"{describe_condition({inhibitor: inhibitor_dose_um}, {})} for the "
                          f"last {min(times_h[j], 4.0):g} h")

    if not running_live():
        def render(i: int, j: int) -> tuple[bytes, str]:
            description = draw(artists, i, j, "Huh7")
            return figures.render_png(artists), description

        return precomputed_panel(
            drug, time, render,
            "Virtual western blot of p62, LC3-I, LC3-II and β-actin in Huh7 cells: control and "
            "drug-treated lanes, each without and with chloroquine for the last hours, with "
            "densitometry and the LC3 turnover (flux) read-out, for the chosen drug at its "
            "typical dose and harvest time.")
    line = W.Dropdown(options=list(CELL_LINES), value="Huh7", description="cell line")
    return live_panel(artists, lambda figure: draw(figure, drug.index, time.index, line.value),
                       (drug, time, line))


IMMUNE_INTERVENTIONS: tuple[Intervention, ...] = (
    condition(["chloroquine"]), condition(["hydroxychloroquine"]),
    condition([], {"ATG7": KNOCKDOWN}), condition(["bafilomycin_a1"]),
    condition(["rapamycin"], note="inducer"),
)
BLOCKADE = np.linspace(0.0, 1.0, 21)


def _killing_curve(intervention: Intervention, cell_line: str) -> tuple[np.ndarray, float]:
    first = antigen_presentation(intervention.treatments, intervention.knockdown, cell_line)
    return (killed_fraction(first.surface_mhc_i, BLOCKADE, COCULTURE_HOURS),
            first.surface_mhc_i)


def immune_toy_model(cell_line: str = "HepG2") -> W.VBox:
    """The toy antigen-presentation model: autophagy intervention × PD-1 blockade.

    Static and live, the control is the intervention applied to the tumour
    cells for 24 h before T cells are added; killing is shown for every
    degree of PD-1 blockade.
    """
    choice = W.Dropdown(options=[(item.label, i) for i, item in enumerate(IMMUNE_INTERVENTIONS)],
                        value=0, description="intervention",
                        style={"description_width": "initial"}, layout=W.Layout(width="28em"))
    artists = fate_figures.antigen_figure()
    reference, reference_mhc = _killing_curve(Intervention("untreated"), cell_line)

    def draw(figure, index: int) -> str:
        intervention = IMMUNE_INTERVENTIONS[index]
        treated, treated_mhc = _killing_curve(intervention, cell_line)
        return fate_figures.update_antigen(
            figure, BLOCKADE, reference, treated, reference_mhc, treated_mhc,
            f"Toy model, {cell_line}: {intervention.label} for {PRETREATMENT_HOURS:g} h, "
            f"then {COCULTURE_HOURS:g} h with T cells")

    if not running_live():
        def render(i: int, _j: int) -> tuple[bytes, str]:
            description = draw(artists, i)
            return figures.render_png(artists), description

        return precomputed_panel(
            choice, None, render,
            "Toy model, not a prediction. Left: share of tumour cells killed by T cells in 24 h "
            "against the fraction of PD-1 blocked, for untreated tumour cells (dashed black) and "
            "for cells given the chosen autophagy intervention (solid blue). Right: surface "
            "MHC class I of the two, relative to untreated cells.")
    return live_panel(artists, lambda figure: draw(figure, choice.value), (choice,))
