"""Panels of the non-coding RNA chapter: the Table 1 dial and miR-21 in two contexts.

Each panel is declared once (:class:`~widgets.panels.declaration.Panel`) and built live in a
kernel or precomputed for the static site. Live, every answer a control can ask for is
computed when the panel is made, so that moving a control only redraws.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..figures import ncrna as figures
from ..model.table1 import BLOT_HOURS, CURVE_HOURS, context_result, dial, table1_rows
from .declaration import Control, Panel, build, choice, number, panel_factory

if TYPE_CHECKING:
    from .ipywidgets_build import PanelBox

LEVELS = (0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 20.0, 30.0)
DIAL_STATIC_LEVELS = (0.1, 1.0, 10.0)   # seven rows × three levels: a page a phone can load
CONTEXT_STATIC_LEVELS = (0.1, 0.3, 1.0, 3.0, 10.0)
MIR21_LINES = ("Huh7", "Huh7-SR")
MIR21_DRUG = "sorafenib"
MIR21_DOSES_UM = np.geomspace(0.3, 300.0, 37)


def format_level(level: float) -> str:
    return f"{level:g} × basal"


def level_control(mention: str, static: tuple[float, ...]) -> Control:
    return number("level", "RNA level", LEVELS, 1.0, format_level, static, mention=mention)


def row_label(row) -> str:
    """How a Table 1 row is offered: RNA, its targets and the modelled drug."""
    return f"{row.rna} · {'/'.join(row.targets)} · {row.model_drug}"


@panel_factory
def table1_dial_panel() -> Panel:
    """The Table 1 dial, declared: a row of the table and its RNA from inhibitor to mimic."""
    rows = table1_rows(modelled_only=True)
    controls = (choice("row", "Table 1 row", [(row_label(r), r.row) for r in rows], rows[0].row,
                       [r.row for r in rows], kind="dropdown", mention="the row of Table 1"),
                level_control("the RNA level", DIAL_STATIC_LEVELS))

    def warm_up():
        for r in rows:
            for level in LEVELS:
                dial(r.row, level)

    def draw(artists, values):
        return figures.update_dial(artists, dial(values["row"], float(values["level"])))

    return Panel(controls, figures.dial_figure, draw,
                 "Left: the target proteins of the chosen RNA, relative to the line's own "
                 "basal level (a note gives that basal where it differs from the parental "
                 "line's), and the autophagic flux after "
                 f"{BLOT_HOURS:g} h with the row's drug at its IC50, relative to untreated "
                 "cells. Middle: a "
                 "virtual western blot in which every lane has the drug, two lanes bafilomycin "
                 "A1 (100 nM for the last 4 h) and two the RNA as set; the LC3 turnover "
                 "read-out compares them. Right: viability after "
                 f"{CURVE_HOURS:g} h against the drug's concentration with basal RNA (dashed) "
                 "and with the RNA as set (solid). Levels are relative to the cells' own "
                 "basal level: above 1 a mimic, below 1 an inhibitor.", warm_up)


def table1_dial() -> PanelBox:
    """The Table 1 dial (see the panel)."""
    return build(table1_dial_panel())


@panel_factory
def mir21_contexts_panel() -> Panel:
    """miR-21 in parental and sorafenib-resistant cells, declared: one level, two contexts."""
    controls = (level_control("the miR-21 level", CONTEXT_STATIC_LEVELS),)

    def warm_up():
        for level in LEVELS:
            _contexts(level)

    def make_figure():
        return figures.contexts_figure(MIR21_LINES, (MIR21_DOSES_UM[0], MIR21_DOSES_UM[-1]))

    def draw(artists, values):
        level = float(values["level"])
        return figures.update_contexts(artists, _contexts(level),
                                       f"miR-21 at {format_level(level)}, {MIR21_DRUG}")

    return Panel(controls, make_figure, draw,
                 f"Viability after {CURVE_HOURS:g} h against sorafenib concentration in parental "
                 "Huh7 cells (left) and sorafenib-resistant Huh7-SR cells (right), with miR-21 "
                 "at the cells' basal level (dashed) and as set (solid); each box gives the "
                 "IC50s and the autophagic flux after "
                 f"{BLOT_HOURS:g} h of sorafenib at its IC50 without and with the change. Below "
                 "1 the level is an anti-miR-21, above 1 a mimic.", warm_up)


def _contexts(level: float) -> list:
    return [context_result(MIR21_DRUG, line, level, "miR-21", tuple(MIR21_DOSES_UM))
            for line in MIR21_LINES]


def mir21_contexts() -> PanelBox:
    """miR-21 in parental and resistant cells (see the panel)."""
    return build(mir21_contexts_panel())


PANELS = (table1_dial_panel, mir21_contexts_panel)
