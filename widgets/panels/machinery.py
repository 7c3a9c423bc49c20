"""Panels of the machinery chapter: the flux explorer and the LC3 turnover blot.

Each panel is declared once (:class:`~widgets.panels.declaration.Panel`) and
built live in a kernel or precomputed for the static site.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..figures import machinery as figures
from ..model import simulate
from ..model.assays import LYSOSOMAL_INHIBITORS, turnover_blot
from ..model.labels import compounds_with_role, describe_condition
from .controls import (NONE, cell_line_choice, compound_choice, dose_for, experiment_from,
                       fraction_control, hours_control, knockdown_choice)
from .declaration import Panel, build, panel_factory

if TYPE_CHECKING:
    from .ipywidgets_build import PanelBox

TREATMENTS = compounds_with_role("reference inducer", "anticancer drug")
INHIBITORS = compounds_with_role("late-stage inhibitor", "early-stage inhibitor")
TIME_COURSE_HOURS = (1.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 36.0, 48.0, 72.0)


def _title(treatments: Mapping[str, float], knockdown: Mapping[str, float], cell_line: str,
           hours: float) -> str:
    return f"{describe_condition(treatments, knockdown)} — {cell_line}, {hours:g} h"


@panel_factory
def flux_explorer_panel(hours: float = 24.0) -> Panel:
    """The flux explorer, declared: time courses of LC3-I, LC3-II, p62 and flux."""
    treatment = compound_choice("treatment", "drug", TREATMENTS, "rapamycin",
                                static=(NONE, "rapamycin", "sorafenib"),
                                mention="the drug or inducer")
    inhibitor = compound_choice("inhibitor", "inhibitor", INHIBITORS, NONE,
                                static=(NONE, "chloroquine", "bafilomycin_a1",
                                        "3_methyladenine"), mention="an autophagy inhibitor")
    controls = (treatment, dose_for(treatment, "dose", mention="the drug's dose"),
                inhibitor, dose_for(inhibitor, "inhibitor_dose", "inhibitor dose",
                                    mention="the inhibitor's dose"),
                knockdown_choice(static=(NONE, "ATG7")), fraction_control(),
                cell_line_choice("HepG2"), hours_control(TIME_COURSE_HOURS, hours))

    def draw(artists, values):
        treatments, knockdown = experiment_from(values, (("treatment", "dose"),
                                                         ("inhibitor", "inhibitor_dose")))
        line, duration = values["cell_line"], values["hours"]
        return figures.update_time_course(artists, simulate(treatments, duration, knockdown, line),
                                          simulate({}, duration, {}, line),
                                          _title(treatments, knockdown, line, duration))

    return Panel(controls, figures.time_course_figure, draw,
                 "Time courses of LC3-I, LC3-II, p62 and autophagic flux relative to untreated "
                 "cells (dashed) for the chosen experiment (solid); 1 is the untreated level.")


def flux_explorer(hours: float = 24.0) -> PanelBox:
    """Time courses of LC3-I, LC3-II, p62 and flux for a chosen experiment (see the panel)."""
    return build(flux_explorer_panel(hours))


@panel_factory
def turnover_assay_panel(hours: float = 24.0) -> Panel:
    """The LC3 turnover assay, declared: a virtual western blot with densitometry."""
    treatment = compound_choice("treatment", "treatment", TREATMENTS + ("3_methyladenine",),
                                "rapamycin", static=(NONE, "rapamycin", "sorafenib",
                                                     "3_methyladenine"))
    inhibitor = compound_choice("inhibitor", "inhibitor", LYSOSOMAL_INHIBITORS, "bafilomycin_a1",
                                static=("bafilomycin_a1", "chloroquine"), none=False,
                                mention="the lysosomal inhibitor")
    controls = (treatment, dose_for(treatment, "dose", mention="the treatment's dose"),
                inhibitor, dose_for(inhibitor, "inhibitor_dose", "inhibitor dose",
                                    mention="the inhibitor's dose"),
                knockdown_choice(static=(NONE, "ATG7")), fraction_control(),
                cell_line_choice("HepG2"),
                hours_control(TIME_COURSE_HOURS, hours, label="harvest",
                              mention="the harvest time"))

    def draw(artists, values):
        treatments, knockdown = experiment_from(values)
        line, duration = values["cell_line"], values["hours"]
        blot = turnover_blot(treatments, values["inhibitor"], values["inhibitor_dose"], duration,
                             knockdown, line)
        added = describe_condition({values["inhibitor"]: values["inhibitor_dose"]}, {})
        return figures.update_blot(artists, blot, f"{_title(treatments, knockdown, line, duration)}"
                                                  f"; {added} for the last "
                                                  f"{min(duration, 4.0):g} h")

    return Panel(controls, figures.blot_figure, draw,
                 "Virtual western blot of p62, LC3-I, LC3-II and β-actin in four lanes (control "
                 "and treated, each without and with a lysosomal inhibitor for the last hours), "
                 "with densitometry normalised to β-actin and the LC3 turnover read-out.")


def turnover_assay(hours: float = 24.0) -> PanelBox:
    """The LC3 turnover assay as a virtual western blot with densitometry (see the panel)."""
    return build(turnover_assay_panel(hours))


PANELS = (flux_explorer_panel, turnover_assay_panel)
