"""Panels of the exosome chapter: the virtual transwell co-culture and the EV characterisation.

Each panel is declared once (:class:`~widgets.panels.declaration.Panel`) and built live in a
kernel or precomputed for the static site.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..figures import exosomes as figures
from ..model.data_files import data_cache
from ..model.exosomes import (RELEASE_BLOCKER, recipient_ic50, simulate_coculture,
                              vesicle_transfer)
from ..model.labels import describe_condition, format_dose, typical_dose
from ..model.vesicles import characterise, preparation_label, preparations
from .controls import KNOCKDOWN_FRACTION, compound_choice
from .declaration import Panel, build, choice, number, panel_factory

if TYPE_CHECKING:
    from .ipywidgets_build import PanelBox

DONORS = ("Huh7-SR", "Huh7", "HepG2")
DRUGS = ("sorafenib", "doxorubicin")
DONOR_SHARES = (0.0, 0.1, 0.25, 0.5, 0.75, 0.9)
PH_VALUES = (7.4, 7.2, 7.0, 6.8, 6.6, 6.4)  # neutral first: more acid to the right
IC50_DOSES_UM = np.geomspace(0.1, 300.0, 36)
COCULTURE_HOURS = 72.0


@data_cache
def _ic50s(drug: str, donor: str, share: float, blocked: bool, ph: float) -> tuple[float, float]:
    treatments = {RELEASE_BLOCKER: typical_dose(RELEASE_BLOCKER)} if blocked else {}
    return recipient_ic50(drug, COCULTURE_HOURS, donor, "Huh7", share, treatments, ph,
                          IC50_DOSES_UM)


@panel_factory
def coculture_panel() -> Panel:
    """The virtual transwell, declared: donors, their share, the drug, GW4869 and the pH."""
    controls = (choice("donor", "donor cells", [(line, line) for line in DONORS], "Huh7-SR",
                       DONORS, mention="the donor line"),
                number("share", "donor share", DONOR_SHARES, 0.5, lambda s: f"{s:.0%}",
                       mention="the donors' share of the cells"),
                compound_choice("drug", "drug", DRUGS, "sorafenib", none=False),
                choice("blocked", "GW4869", (("without", False), ("with", True)), False,
                       (False, True), mention="GW4869"),
                number("ph", "pH", PH_VALUES, 7.4, lambda ph: f"{ph:.1f} pH",
                       static=(7.4, 6.6), mention="the pH of the medium"))

    def draw(artists, values):
        drug, donor, share = values["drug"], values["donor"], float(values["share"])
        blocked, ph = values["blocked"], float(values["ph"])
        treatments = {RELEASE_BLOCKER: typical_dose(RELEASE_BLOCKER)} if blocked else {}
        dose = typical_dose(drug)
        result = simulate_coculture(drug, dose, COCULTURE_HOURS, donor, "Huh7", share,
                                    treatments, ph)
        added = f", {describe_condition(treatments, {})}" if blocked else ""
        return figures.update_coculture(
            artists, result, _ic50s(drug, donor, share, blocked, ph),
            f"{drug.capitalize()} {format_dose(dose)}: {share:.0%} {donor} donors with Huh7 "
            f"recipients{added}, pH {ph:.1f}")

    return Panel(controls, figures.coculture_figure, draw,
                 "Left: viability of Huh7 recipient cells sharing the medium with the chosen "
                 "donor cells (solid) and of the same recipients alone (dashed), and of the "
                 "donors (dotted, triangles), relative to untreated cells, under the drug at "
                 "its typical dose; the box gives the recipients' 72 h IC50 with and without "
                 "donors. Right: vesicles in the medium and the miR-21 they carry (a.u., "
                 "circles; at pH 7.4 the two coincide). GW4869, when added, is at "
                 f"{typical_dose(RELEASE_BLOCKER):g} µM.")


def coculture_explorer() -> PanelBox:
    """The virtual transwell co-culture (see the panel)."""
    return build(coculture_panel())


@panel_factory
def characterisation_panel() -> Panel:
    """The EV characterisation, declared: a preparation's sizes and marker bands."""
    controls = (choice("preparation", "preparation",
                       [(preparation_label(p), p) for p in preparations()], "ultracentrifugation",
                       preparations(), kind="dropdown", mention="the preparation"),
                choice("treated", "medium from", (("untreated cells", False),
                                                  ("cells under a drug", True)), False,
                       (False, True), mention="the cells that conditioned the medium"))

    def draw(artists, values):
        cells = "cells under a drug" if values["treated"] else "untreated cells"
        return figures.update_characterisation(
            artists, characterise(values["preparation"], values["treated"]),
            f"{preparation_label(values['preparation'])}, medium from {cells}")

    return Panel(controls, figures.characterisation_figure, draw,
                 "Left: sizes of the particles in the preparation as nanoparticle tracking would "
                 "count them, stacked by what they are (a tracker cannot tell them apart); the "
                 "shaded band is 30-150 nm. Right: western-blot bands for equal numbers of "
                 "particles: the EV markers CD63, CD9, TSG101 and ALIX (blue) and the ER protein "
                 "calnexin (vermillion), which should be absent from a clean EV preparation.")


def characterisation_explorer() -> PanelBox:
    """Virtual characterisation of an EV preparation (see the panel)."""
    return build(characterisation_panel())


DONOR_CONDITIONS = (("untreated", ""), ("chloroquine", "chloroquine"),
                    ("bafilomycin A1", "bafilomycin_a1"), ("3-MA", "3_methyladenine"),
                    ("ATG5 siRNA", "ATG5"), ("ATG7 siRNA", "ATG7"))
TRANSFER_DONORS = ("Huh7-SR", "Huh7")


def donor_condition(condition: str) -> tuple[dict[str, float], dict[str, float]]:
    """The donors' treatments (µM) and knockdown for a ``DONOR_CONDITIONS`` value."""
    if not condition:
        return {}, {}
    if condition.isupper():
        return {}, {condition: KNOCKDOWN_FRACTION}
    return {condition: typical_dose(condition)}, {}


@panel_factory
def vesicle_autophagy_panel() -> Panel:
    """Donors' LC3-II and p62, the vesicles they release, and recipients given them, declared."""
    controls = (choice("condition", "donors", DONOR_CONDITIONS, "chloroquine",
                       tuple(value for _, value in DONOR_CONDITIONS), kind="dropdown",
                       mention="the donors' autophagy inhibitor"),
                compound_choice("drug", "drug", DRUGS, "sorafenib", none=False,
                                mention="the recipients' drug"),
                choice("donor", "donor cells", [(line, line) for line in TRANSFER_DONORS],
                       "Huh7-SR", mention="the donor line"))

    def draw(artists, values):
        drug, donor = values["drug"], values["donor"]
        treatments, knockdown = donor_condition(values["condition"])
        dose = typical_dose(drug)
        result = vesicle_transfer(treatments, knockdown, drug, dose, donor)
        reference = vesicle_transfer({}, {}, drug, dose, donor)
        return figures.update_vesicle_transfer(
            artists, result, reference,
            f"{donor} donors, {describe_condition(treatments, knockdown)} for 24 h; their "
            f"vesicles to Huh7 recipients under {drug} {format_dose(dose)} for 72 h")

    return Panel(controls, figures.vesicle_transfer_figure, draw,
                 "Left: LC3-II and p62 of the donor cells after 24 h with the chosen inhibitor "
                 "(blue) and untreated (black), relative to untreated donors. Middle: the "
                 "vesicles they released, relative to untreated donors, and the LC3-II and p62 "
                 "the vesicles carry (a.u.). Right: Huh7 recipients after 72 h of the drug "
                 "without (black) and with (blue) those vesicles: LC3-II and p62 relative to "
                 "untreated recipients, and viability. siRNAs remove "
                 f"{KNOCKDOWN_FRACTION:.0%} of the protein.")


def vesicle_autophagy_explorer() -> PanelBox:
    """Where autophagy and vesicle release meet (see the panel)."""
    return build(vesicle_autophagy_panel())


PANELS = (coculture_panel, characterisation_panel, vesicle_autophagy_panel)
