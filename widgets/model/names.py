"""Names the model knows, and the checks that turn bad input into clear errors."""
from __future__ import annotations

import math
from functools import lru_cache
from numbers import Real

from .data_files import read_table

COMPOUNDS: tuple[str, ...] = tuple(row["name"] for row in read_table("compounds.csv"))
CELL_LINES: tuple[str, ...] = tuple(row["name"] for row in read_table("cell_lines.csv"))
AUTOPHAGY_GENES: tuple[str, ...] = ("ATG5", "ATG7", "BECN1", "ULK1")
# "MIR21" is knocked down with anti-miR-21 oligonucleotides; it matters only where
# miR-21 is high (the sorafenib-resistant line), see data/cell_line_parameters.csv.
KNOCKDOWN_GENES: tuple[str, ...] = AUTOPHAGY_GENES + ("MIR21",)


def _normalise(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


@lru_cache(maxsize=None)
def _lookup(choices: tuple[str, ...]) -> dict[str, str]:
    return {_normalise(choice): choice for choice in choices}


def canonical_name(name: object, choices: tuple[str, ...], what: str) -> str:
    """Return the entry of ``choices`` that ``name`` refers to.

    Matching ignores case, and treats spaces, hyphens and underscores alike,
    so ``"Bafilomycin A1"`` and ``"bafilomycin_a1"`` are the same compound.

    Raises
    ------
    ValueError
        If ``name`` is not a string or matches no entry; the message lists
        the valid choices.
    """
    if isinstance(name, str):
        found = _lookup(choices).get(_normalise(name))
        if found is not None:
            return found
    raise ValueError(f"unknown {what} {name!r}; valid choices are: {', '.join(choices)}")


def checked_number(value: object, what: str, low: float, high: float = math.inf,
                   low_inclusive: bool = True) -> float:
    """Return ``value`` as a float after checking it is finite and in range.

    Raises
    ------
    ValueError
        If ``value`` is not a real number, is NaN or infinite, or lies
        outside ``[low, high]`` (``(low, high]`` when ``low_inclusive`` is
        false). The message names the value and the valid range.
    """
    opening = "[" if low_inclusive else "("
    closing = "]" if math.isfinite(high) else ")"
    valid = f"{opening}{low:g}, {high:g}{closing}"
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{what} must be a real number in {valid}, got {value!r}")
    number = float(value)
    below = number < low if low_inclusive else number <= low
    if not math.isfinite(number) or below or number > high:
        raise ValueError(f"{what} must be a finite number in {valid}, got {value!r}")
    return number
