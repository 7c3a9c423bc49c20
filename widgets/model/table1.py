"""The review's Table 1 as the model runs it: each row's RNA dialled from inhibitor to mimic.

For one row and one RNA level, :func:`dial` follows the chain a learner should
follow: the target proteins, autophagic flux under the row's drug, a virtual
LC3 turnover blot (same drug in every lane, bafilomycin A1 in two), and the
72 h dose-response curve with its IC50, against the same cells with basal RNA.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from .api import check_time_points, simulate
from .assays import Blot, turnover_blot
from .data_files import data_cache, read_table
from .names import (CELL_LINES, COMPOUNDS, MAX_DOSE_UM, MAX_SCENARIOS, canonical_name,
                    checked_number, checked_values)
from .ncrna import NCRNAS, checked_levels, regulator_targets, target_levels
from .pharmacology import IC50_SEARCH_SCENARIOS, dose_response, ic50

BLOT_HOURS = 24.0
CURVE_HOURS = 72.0
CURVE_POINTS = 33
CURVE_SPAN = 30.0   # the curve runs from IC50 / 30 to IC50 * 30 (basal RNA)


@dataclass(frozen=True)
class Table1Row:
    """One story of the review's Table 1 (``data/ncrna.csv``), as the model simulates it.

    Attributes
    ----------
    row : str
        Identifier, e.g. ``"mir26_doxorubicin"``.
    rna : str
        Printed name, e.g. ``"miR-26a/b"``.
    regulators : tuple of str
        Entries of ``NCRNAS`` that the row's RNA stands for (set together).
    drugs : tuple of str
        The drugs the paper tested.
    model_drug : str
        The compound the model simulates ("" when the row cannot be modelled).
    targets : tuple of str
        Targets as the paper names them.
    model_cell_line : str
        The model's nearest cell line.
    autophagy_when_raised, resistance_when_raised : str
        ``"increases"`` or ``"decreases"``: what raising the RNA does in the paper.
    autophagy_role : str
        ``"accomplice"`` or ``"antagonist"``.
    verification : str
        How far the primary record was read.
    """

    row: str
    rna: str
    regulators: tuple[str, ...]
    drugs: tuple[str, ...]
    model_drug: str
    targets: tuple[str, ...]
    model_cell_line: str
    autophagy_when_raised: str
    resistance_when_raised: str
    autophagy_role: str
    verification: str

    def levels(self, level: float) -> dict[str, float]:
        """The ``ncrna`` argument that sets this row's RNA to ``level`` (relative to basal)."""
        return checked_levels({regulator: level for regulator in self.regulators})


def _split(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(";") if item.strip())


@lru_cache(maxsize=None)
def table1_rows(modelled_only: bool = False) -> tuple[Table1Row, ...]:
    """The rows of ``data/ncrna.csv`` in the review's order (only those the model can run)."""
    rows = tuple(Table1Row(
        row=r["row"], rna=r["rna"], regulators=_split(r["regulators"]), drugs=_split(r["drugs"]),
        model_drug=r["model_drug"], targets=_split(r["targets"]),
        model_cell_line=r["model_cell_line"], autophagy_when_raised=r["autophagy_when_raised"],
        resistance_when_raised=r["resistance_when_raised"], autophagy_role=r["autophagy_role"],
        verification=r["verification"]) for r in read_table("ncrna.csv"))
    return tuple(r for r in rows if r.model_drug) if modelled_only else rows


def table1_row(row: str) -> Table1Row:
    """The Table 1 row called ``row``; ``ValueError`` lists the rows if there is none."""
    found = {r.row: r for r in table1_rows()}
    if not isinstance(row, str) or row not in found:
        raise ValueError(f"unknown Table 1 row {row!r}; valid choices are: {', '.join(found)}")
    return found[row]


@dataclass(frozen=True)
class DialResult:
    """What the dial shows for one row at one RNA level.

    Attributes
    ----------
    row : Table1Row
    level : float
        RNA relative to basal.
    targets : mapping of str to float
        Target protein relative to the parental line's basal (for a resistant line whose
        basal RNA differs, its basal protein differs too: see ``basal_targets``).
    basal_targets : mapping of str to float
        Target protein of the row's line with its RNA at basal, on the same scale (1.0 but
        where the line's basal RNA differs from the parental line's).
    flux : float
        Relative flux after 24 h with the drug at its basal-RNA IC50 (1 = untreated basal cells).
    blot : Blot
        Lanes: drug, drug + bafilomycin A1, drug + RNA, drug + RNA + bafilomycin A1, all
        with the drug at its basal-RNA IC50 for 24 h.
    doses_um, basal_viability, viability : ndarray
        72 h dose-response curves with basal RNA and with the RNA as set.
    ic50_basal_um, ic50_um : float
        Their IC50s in µM (``math.inf`` if not reached).
    """

    row: Table1Row
    level: float
    targets: MappingProxyType
    basal_targets: MappingProxyType
    flux: float
    blot: Blot
    doses_um: np.ndarray
    basal_viability: np.ndarray
    viability: np.ndarray
    ic50_basal_um: float
    ic50_um: float


def dial(row: str, level: float) -> DialResult:
    """Set the RNA of Table 1 row ``row`` to ``level`` × basal and read everything out.

    Cached: a live dial asks the same questions again and again. The arrays of
    the result are read-only.

    Parameters
    ----------
    row : str
        A row id of ``data/ncrna.csv`` that the model can run (see :func:`table1_rows`).
    level : float
        RNA relative to basal, finite and > 0 (above 1 a mimic, below 1 an inhibitor).

    Raises
    ------
    ValueError
        An unknown row, a row the model cannot run, or a bad level.
    """
    found = table1_row(row)
    if not found.model_drug:
        raise ValueError(f"Table 1 row {row!r} has no modelled drug; rows the model runs: "
                         f"{', '.join(r.row for r in table1_rows(modelled_only=True))}")
    return _dial(found.row, checked_number(level, f"level of {found.rna}", 0.0,
                                           low_inclusive=False))


@data_cache
def _dial(row: str, level: float) -> DialResult:
    """:func:`dial` for a checked row and level (cached)."""
    found = table1_row(row)
    ncrna = found.levels(level)
    drug, line = found.model_drug, found.model_cell_line
    basal_ic50 = ic50(drug, CURVE_HOURS, cell_line=line)
    doses = _read_only(np.geomspace(basal_ic50 / CURVE_SPAN, basal_ic50 * CURVE_SPAN,
                                    CURVE_POINTS))
    proteins, basal = target_levels(ncrna, line), target_levels({}, line)
    names = [target for regulator in found.regulators for target in regulator_targets(regulator)]
    return DialResult(
        row=found, level=level, targets=MappingProxyType({t: proteins[t] for t in names}),
        basal_targets=MappingProxyType({t: basal[t] for t in names}),
        flux=float(simulate({drug: basal_ic50}, BLOT_HOURS, cell_line=line,
                            ncrna=ncrna).flux[-1]),
        blot=turnover_blot({drug: basal_ic50}, hours=BLOT_HOURS, cell_line=line, ncrna=ncrna,
                           control_treatment={drug: basal_ic50}),
        doses_um=doses,
        basal_viability=_read_only(dose_response(drug, doses, CURVE_HOURS, cell_line=line)),
        viability=_read_only(dose_response(drug, doses, CURVE_HOURS, cell_line=line,
                                           ncrna=ncrna)),
        ic50_basal_um=basal_ic50, ic50_um=ic50(drug, CURVE_HOURS, cell_line=line, ncrna=ncrna))


@dataclass(frozen=True)
class ContextResult:
    """One cell line's answer to an RNA change: curves, IC50s and flux with and without it.

    Attributes
    ----------
    cell_line : str
    doses_um, basal_viability, viability : ndarray
    ic50_basal_um, ic50_um : float
        µM (``math.inf`` if not reached).
    flux_basal, flux : float
        Relative flux after 24 h of the drug at its basal IC50, without and with the change.
    """

    cell_line: str
    doses_um: np.ndarray
    basal_viability: np.ndarray
    viability: np.ndarray
    ic50_basal_um: float
    ic50_um: float
    flux_basal: float
    flux: float


def context_result(drug: str, cell_line: str, level: float, regulator: str = "miR-21",
                   doses_um: tuple[float, ...] = tuple(np.geomspace(0.3, 300.0, 37))
                   ) -> ContextResult:
    """How one cell line answers ``regulator`` at ``level`` under ``drug`` (cached).

    Parameters
    ----------
    drug : str
        A drug with an IC50.
    cell_line : str
        One of ``CELL_LINES``.
    level : float
        The regulator relative to the line's basal level, finite and > 0.
    regulator : str
        One of ``NCRNAS``.
    doses_um : sequence of float
        Concentrations of the curves, µM: 1 to ``MAX_SCENARIOS`` doses, each 0 to
        ``MAX_DOSE_UM``; the two curves and two IC50 searches over the 289 time
        points of 72 h may simulate at most ``MAX_TIME_POINTS`` scenario-time points
        (5134 doses).

    Raises
    ------
    ValueError
        A bad name, level or dose; the message names the value and the valid
        choices or range.
    """
    drug = canonical_name(drug, COMPOUNDS, "compound")
    cell_line = canonical_name(cell_line, CELL_LINES, "cell line")
    regulator = canonical_name(regulator, NCRNAS, "non-coding RNA")
    checked_levels({regulator: level})
    doses = checked_values(doses_um, "doses_um", 0.0, MAX_DOSE_UM, MAX_SCENARIOS, unit=" µM")
    searches = 2 * (IC50_SEARCH_SCENARIOS + 2)
    check_time_points(2 * doses.size + searches, CURVE_HOURS,
                      f"({doses.size} doses × 2 curves + {searches} scenarios of 2 IC50 searches)")
    return _context_result(drug, cell_line, float(level), regulator, tuple(doses.tolist()))


@data_cache
def _context_result(drug: str, cell_line: str, level: float, regulator: str,
                    doses_um: tuple[float, ...]) -> ContextResult:
    """:func:`context_result` for checked input (cached)."""
    ncrna = checked_levels({regulator: level})
    basal_ic50 = ic50(drug, CURVE_HOURS, cell_line=cell_line)
    doses = _read_only(np.array(doses_um, dtype=float))
    fluxes = [float(simulate({drug: basal_ic50}, BLOT_HOURS, cell_line=cell_line,
                             ncrna=changed).flux[-1]) for changed in ({}, ncrna)]
    return ContextResult(
        cell_line=cell_line, doses_um=doses,
        basal_viability=_read_only(dose_response(drug, doses, CURVE_HOURS, cell_line=cell_line)),
        viability=_read_only(dose_response(drug, doses, CURVE_HOURS, cell_line=cell_line,
                                           ncrna=ncrna)),
        ic50_basal_um=basal_ic50, ic50_um=ic50(drug, CURVE_HOURS, cell_line=cell_line,
                                               ncrna=ncrna),
        flux_basal=fluxes[0], flux=fluxes[1])

def _read_only(values: np.ndarray) -> np.ndarray:
    values.setflags(write=False)
    return values
