"""The model beside published observations it was not fitted to (``data/validation.csv``).

Each row of the file is one observation: what a paper reports (a direction,
or a number with the tolerance the book judges it by), the source, and the
experiment the model runs to answer it. :func:`compare` computes the model's
value when called (so the page is always current) and a verdict:

* **agrees**: a reported number, matched within the row's tolerance factor;
* **same direction**: a reported direction only, and the model moves the same way;
* **disagrees**: the model moves the other way, not at all, or outside the tolerance.

A change smaller than :data:`NO_CHANGE` (5%) counts as no change.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .api import simulate
from .data_files import read_table
from .pharmacology import dose_response, ic50

NO_CHANGE = 0.05
DIRECTIONS = {"up": "raises", "down": "lowers", "sensitised": "sensitises",
              "protected": "protects"}
QUANTITIES = ("flux", "fold_shift", "lc3_ratio_change", "death_prevented")
VERDICTS = ("agrees", "same direction", "disagrees")


@dataclass(frozen=True)
class Comparison:
    """One published observation beside the model's answer."""

    id: str
    observation: str
    condition: str
    source: str
    observed: str
    model_value: float
    model_reads: str
    verdict: str
    note: str


def _mapping(text: str) -> dict[str, float]:
    """'sorafenib:5;chloroquine:20' -> {'sorafenib': 5.0, 'chloroquine': 20.0}."""
    pairs = [item.split(":") for item in text.split(";") if item.strip()]
    return {name.strip(): float(value) for name, value in pairs}


def model_value(row: Mapping[str, str]) -> float:
    """The model's answer to one row of ``data/validation.csv``.

    Quantities: ``flux`` (relative to basal at the end of ``hours``);
    ``fold_shift`` (IC50 of ``drug`` alone divided by its IC50 with ``added`` and
    ``knockdown``); ``lc3_ratio_change`` (LC3-II/LC3-I with ``treatments`` plus
    ``added`` divided by that with ``treatments`` alone); ``death_prevented``
    (share of the cell death at the drug's IC50 that autophagy prevents:
    1 − death / death with ``knockdown``, each relative to its own untreated wells).

    Raises
    ------
    ValueError
        If the row names an unknown quantity; the message lists the valid ones.
    """
    quantity, line, hours = row["quantity"], row["cell_line"], float(row["hours"])
    treatments, added, knockdown = (_mapping(row[k]) for k in ("treatments", "added", "knockdown"))
    if quantity == "flux":
        return float(simulate(treatments, hours, knockdown, line).flux[-1])
    if quantity == "fold_shift":
        return ic50(row["drug"], hours, cell_line=line) / ic50(row["drug"], hours, added,
                                                                 knockdown, line)
    if quantity == "lc3_ratio_change":
        alone = simulate(treatments, hours, knockdown, line)
        both = simulate({**treatments, **added}, hours, knockdown, line)
        return float((both.lc3_ii[-1] / both.lc3_i[-1]) / (alone.lc3_ii[-1] / alone.lc3_i[-1]))
    if quantity == "death_prevented":
        dose = ic50(row["drug"], hours, cell_line=line)
        with_autophagy = 1.0 - dose_response(row["drug"], [dose], hours, cell_line=line)[0]
        blocked = dose_response(row["drug"], [0.0, dose], hours, knockdown=knockdown,
                                cell_line=line)
        without_autophagy = 1.0 - blocked[1] / blocked[0]
        return 1.0 - with_autophagy / without_autophagy
    raise ValueError(f"unknown quantity {quantity!r}; valid choices are: {', '.join(QUANTITIES)}")


def _direction(value: float, quantity: str) -> str:
    if abs(value - 1.0) <= NO_CHANGE:
        return "no change"
    if quantity == "fold_shift":
        return "sensitised" if value > 1.0 else "protected"
    return "up" if value > 1.0 else "down"


def verdict(observed: str, value: float, quantity: str, tolerance_factor: float | None) -> str:
    """'agrees', 'same direction' or 'disagrees' for one observation (see the module)."""
    if observed in DIRECTIONS:
        return "same direction" if _direction(value, quantity) == observed else "disagrees"
    reported = float(observed)
    within = reported / tolerance_factor <= value <= reported * tolerance_factor
    return "agrees" if within else "disagrees"


def _reads(value: float, quantity: str) -> str:
    if quantity == "death_prevented":
        return f"{value:.2f}"
    words = {"flux": "× basal flux", "fold_shift": "-fold IC50 shift",
             "lc3_ratio_change": "× LC3-II/LC3-I"}
    return f"{value:.2f}{words[quantity]} ({_direction(value, quantity)})"


def compare() -> list[Comparison]:
    """Every row of ``data/validation.csv`` with the model's value and the verdict."""
    out = []
    for row in read_table("validation.csv"):
        value = model_value(row)
        tolerance = float(row["tolerance_factor"]) if row["tolerance_factor"] else None
        out.append(Comparison(row["id"], row["observation"], row["condition"], row["source"],
                              row["observed"], value, _reads(value, row["quantity"]),
                              verdict(row["observed"], value, row["quantity"], tolerance),
                              row["note"]))
    return out


def tally(comparisons: list[Comparison]) -> dict[str, int]:
    """How many observations the model agrees with, matches in direction, or contradicts."""
    return {name: sum(c.verdict == name for c in comparisons) for name in VERDICTS}
