"""Non-coding RNA regulators of autophagy: from an RNA level to the step factors of the flux model.

A regulator's level is relative to its basal level in the cell line (1 =
unchanged, above 1 a mimic or overexpression, below 1 an inhibitor, an
antagomir or a knockdown). Each regulator changes the protein level of its
targets (``data/ncrna_targets.csv``), and each target sets one step the flux
model already has:

* ``ULK1`` and ``ATG7`` join the knockdown machinery: their protein level
  multiplies what a knockdown leaves, and the model's own rules (ULK1's share
  of initiation, ATG7's conjugation reserve) do the rest;
* other targets scale ``nucleation``, ``conjugation`` or the drug-driven
  ``induction`` of autophagy by ``1 + dependence * (target - 1)``.

A microRNA silences a share of its target's translation. With a basal share
``rho`` and the miRNA at level ``L``, occupancy of the target's 3'UTR grows as
``L / (L + (1 - rho) / rho)``, so the target protein relative to basal is
:func:`target_level` ``1 / (1 + rho (L - 1))``: exactly 1 at ``L = 1``, at most
``1 / (1 - rho)`` when the miRNA is removed, towards 0 for a strong mimic. A
line whose basal miRNA differs (miR-21 in the sorafenib-resistant line) has its
own ``rho``, and its basal target level is ``(1 - rho_line) / (1 - rho)`` of the
other lines'. The lncRNA HULC acts as a sponge: it lowers the miRNAs that
repress USP22, and USP22 stabilises Sirt1, so the same function applies twice.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .data_files import read_table
from .names import AUTOPHAGY_GENES, canonical_name

STEPS: tuple[str, ...] = ("nucleation", "conjugation", "induction")


@dataclass(frozen=True)
class TargetLink:
    """One regulator-target pair of ``data/ncrna_targets.csv`` for one cell line."""

    regulator: str
    target: str
    step: str
    basal_repression: float
    reference_repression: float
    sponge_share: float | None
    step_dependence: float | None


def _links_table() -> tuple[dict[str, str], ...]:
    return read_table("ncrna_targets.csv")


NCRNAS: tuple[str, ...] = tuple(dict.fromkeys(row["regulator"] for row in _links_table()))


def target_level(level: float, basal_repression: float) -> float:
    """Protein of a miRNA target relative to basal when the miRNA is at ``level``.

    Parameters
    ----------
    level : float
        miRNA relative to its basal level, > 0 (1 = basal).
    basal_repression : float
        Share of the target's translation that the basal miRNA silences, in [0, 1).

    Returns
    -------
    float
        ``1 / (1 + basal_repression * (level - 1))``; exactly 1.0 at ``level == 1``.
    """
    return 1.0 / (1.0 + basal_repression * (level - 1.0))


def checked_levels(ncrna: Mapping[str, float] | None) -> dict[str, float]:
    """Validate ``{regulator: level}`` and return it with canonical names.

    Raises
    ------
    ValueError
        An unknown regulator (the message lists ``NCRNAS``), or a level that is
        not a finite number above 0.
    """
    if ncrna is None:
        return {}
    if not isinstance(ncrna, Mapping):
        raise ValueError(f"ncrna must be a dict such as {{'miR-26a': 4.0}}, got {ncrna!r}")
    levels: dict[str, float] = {}
    for name, level in ncrna.items():
        regulator = canonical_name(name, NCRNAS, "non-coding RNA")
        if isinstance(level, bool) or not isinstance(level, (int, float)) or \
                not math.isfinite(level) or level <= 0:
            raise ValueError(f"level of {regulator} must be a finite number above 0 (1 = basal, "
                             f"above 1 a mimic, below 1 an inhibitor), got {level!r}")
        levels[regulator] = float(level)
    return levels


@lru_cache(maxsize=None)
def links(cell_line: str) -> tuple[TargetLink, ...]:
    """Regulator-target links in ``cell_line``: a line's own row replaces the shared one."""
    shared = {(r["regulator"], r["target"]): r for r in _links_table() if not r["cell_line"]}
    own = {(r["regulator"], r["target"]): r for r in _links_table()
           if r["cell_line"] == cell_line}
    out = []
    for key, row in shared.items():
        if row["step"] not in STEPS + AUTOPHAGY_GENES or (
                row["step"] in AUTOPHAGY_GENES) != (row["step_dependence"] == ""):
            raise ValueError(f"ncrna_targets.csv: {key} acts on {row['step']!r}; valid steps are "
                             f"{', '.join(STEPS)} (with a step_dependence) or the genes "
                             f"{', '.join(AUTOPHAGY_GENES)} (without)")
        line_row = own.get(key, row)
        out.append(TargetLink(
            regulator=row["regulator"], target=row["target"], step=row["step"],
            basal_repression=float(line_row["basal_repression"]),
            reference_repression=float(row["basal_repression"]),
            sponge_share=float(row["sponge_share"]) if row["sponge_share"] else None,
            step_dependence=float(row["step_dependence"]) if row["step_dependence"] else None))
    return tuple(out)


def target_levels(levels: Mapping[str, float], cell_line: str) -> dict[str, float]:
    """Protein level of every target, relative to the shared basal (1 = untreated parental cells).

    Parameters
    ----------
    levels : mapping of str to float
        Canonical regulator to level (see :func:`checked_levels`); an absent
        regulator is at its basal level.
    cell_line : str
        Canonical cell line.

    Returns
    -------
    dict of str to float
        Target gene to level; a target of several regulators takes the product.
    """
    out: dict[str, float] = {}
    for link in links(cell_line):
        level = levels.get(link.regulator, 1.0)
        if link.sponge_share is not None:  # a lncRNA sponge: it lowers the repressing miRNAs
            level = target_level(level, link.sponge_share)
        relative = target_level(level, link.basal_repression)
        if link.basal_repression != link.reference_repression:
            relative *= (1.0 - link.basal_repression) / (1.0 - link.reference_repression)
        out[link.target] = out.get(link.target, 1.0) * relative
    return out


def step_multipliers(levels: Mapping[str, float],
                     cell_line: str) -> tuple[dict[str, float], dict[str, float]]:
    """What the regulators do to the flux model.

    Returns
    -------
    genes : dict of str to float
        Protein left of each autophagy gene the knockdowns also act on (1 = basal).
    steps : dict of str to float
        Multipliers of ``nucleation``, ``conjugation`` and ``induction`` (1 = no change).
    """
    proteins = target_levels(levels, cell_line)
    genes = {gene: 1.0 for gene in AUTOPHAGY_GENES}
    steps = {step: 1.0 for step in STEPS}
    step_of = {link.target: (link.step, link.step_dependence) for link in links(cell_line)}
    for target, protein in proteins.items():
        step, dependence = step_of[target]
        if step in genes:
            genes[step] *= protein
        else:
            steps[step] *= 1.0 + dependence * (protein - 1.0)
    return genes, steps



def regulator_targets(regulator: str) -> tuple[str, ...]:
    """The targets of ``regulator`` in ``data/ncrna_targets.csv`` (case-insensitive name)."""
    name = canonical_name(regulator, NCRNAS, "non-coding RNA")
    return tuple(dict.fromkeys(r["target"] for r in _links_table() if r["regulator"] == name))
