"""How the book names compounds, doses, conditions and results in text.

Labels, typical doses and roles come from ``data/compounds.csv``; figures,
panels, tables and quizzes all call these helpers, so a compound is named the
same way everywhere.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .data_files import read_table
from .names import COMPOUNDS, canonical_name


@lru_cache(maxsize=None)
def _compound_rows() -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in read_table("compounds.csv")}


def compound_label(compound: str) -> str:
    """The printed name of ``compound``, e.g. ``"Bafilomycin A1"`` for ``"bafilomycin_a1"``.

    Raises
    ------
    ValueError
        If the compound is unknown; the message lists the valid choices.
    """
    return _compound_rows()[canonical_name(compound, COMPOUNDS, "compound")]["label"]


def typical_dose(compound: str) -> float:
    """The dose of ``compound`` the book uses unless told otherwise, µM (``data/compounds.csv``).

    Raises
    ------
    ValueError
        If the compound is unknown; the message lists the valid choices.
    """
    return float(_compound_rows()[canonical_name(compound, COMPOUNDS, "compound")]
                 ["typical_dose_um"])


def compounds_with_role(*roles: str) -> tuple[str, ...]:
    """Compounds whose role in ``data/compounds.csv`` is one of ``roles``, in file order.

    Raises
    ------
    ValueError
        If a role is not used in the file; the message lists the roles there are.
    """
    known = sorted({row["role"] for row in _compound_rows().values()})
    for role in roles:
        if role not in known:
            raise ValueError(f"unknown compound role {role!r}; valid choices are: "
                             f"{', '.join(known)}")
    return tuple(name for name, row in _compound_rows().items() if row["role"] in roles)


def format_dose(dose_um: float) -> str:
    """A concentration for a label, to three significant digits: '20 µM', '100 nM', '5 mM'."""
    if dose_um >= 1000:
        return f"{dose_um / 1000:.3g} mM"
    if 0 < dose_um < 1:
        return f"{dose_um * 1000:.3g} nM"
    return f"{dose_um:.3g} µM"


def describe_condition(treatments: Mapping[str, float], knockdown: Mapping[str, float],
                       nothing: str = "untreated") -> str:
    """'Sorafenib 5 µM, ATG7 knockdown 90%', or ``nothing`` when nothing is applied."""
    parts = [f"{compound_label(c)} {format_dose(d)}" for c, d in treatments.items() if d > 0]
    parts += [f"{knockdown_label(g)} {f:.0%}" for g, f in knockdown.items() if f > 0]
    return ", ".join(parts) or nothing


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: 'Chloroquine 20 µM' -> 'chloroquine 20 µM'.

    Labels that start with an acronym ('ATG7 knockdown', 'anti-miR-21') are kept.
    """
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def knockdown_label(gene: str) -> str:
    """'ATG7 knockdown', or 'anti-miR-21' for the miR-21 inhibitor."""
    return "anti-miR-21" if gene == "MIR21" else f"{gene} knockdown"


@dataclass(frozen=True)
class Condition:
    """A named experiment: compounds (µM) and knockdowns (fraction removed)."""

    label: str
    treatments: Mapping[str, float] = field(default_factory=dict)
    knockdown: Mapping[str, float] = field(default_factory=dict)


def condition(compounds: Sequence[str] = (), knockdown: Mapping[str, float] | None = None,
              note: str = "") -> Condition:
    """``compounds`` at their typical doses with ``knockdown``, labelled from both."""
    treatments = {compound: typical_dose(compound) for compound in compounds}
    knockdown = dict(knockdown or {})
    label = describe_condition(treatments, knockdown)
    return Condition(f"{label} ({note})" if note else label, treatments, knockdown)


def format_ic50(value_um: float) -> str:
    """An IC50 for display: '3.2 µM', '450 nM', or 'not reached' when infinite."""
    if not math.isfinite(value_um):
        return "not reached"
    return format_dose(value_um)


def format_fold_shift(fold: float) -> str:
    """'2.1-fold lower: sensitised' / '1.6-fold higher: protected' / 'no real shift'."""
    if not math.isfinite(fold) or fold == 0.0:
        return "IC50 not reached in one arm"
    if abs(math.log(fold)) < math.log(1.05):
        return f"no real shift ({fold:.2f}-fold)"
    if fold > 1.0:
        return f"{fold:.2f}-fold lower: sensitised"
    return f"{1.0 / fold:.2f}-fold higher: protected"
