"""Names the model knows, and the checks that turn bad input into clear errors."""
from __future__ import annotations

import math
from functools import lru_cache
from numbers import Integral, Real

import numpy as np

from .data_files import read_table

COMPOUNDS: tuple[str, ...] = tuple(row["name"] for row in read_table("compounds.csv"))
CELL_LINES: tuple[str, ...] = tuple(row["name"] for row in read_table("cell_lines.csv"))
AUTOPHAGY_GENES: tuple[str, ...] = ("ATG5", "ATG7", "BECN1", "ULK1")
# "MIR21" is knocked down with anti-miR-21 oligonucleotides; it matters only where
# miR-21 is high (the sorafenib-resistant line), see data/cell_line_parameters.csv.
KNOCKDOWN_GENES: tuple[str, ...] = AUTOPHAGY_GENES + ("MIR21",)

# Upper bounds of the public API, defined here once. Each keeps one call within about a
# second and a few hundred MB on a 2-core machine (measured at the bound), and each lies
# above every value the book's pages, panels, quizzes, tests and tools use. A value
# outside its range raises ValueError naming the value and the range (tests/test_bounds.py).
MAX_HOURS = 8760.0
"""Longest simulated experiment, hours (one year): every duration of the cell model
(``simulate``, ``simulate_many``, ``dose_response``, ``ic50``, ``simulate_populations``,
``simulate_coculture``, ``turnover_blot``, ``antigen_presentation``) and the total length
of a treatment schedule (``simulate_schedule``, ``therapy_cycles``)."""
MAX_DOSE_UM = 1e6
"""Highest concentration of a compound, µM (1 M; no drug dissolves beyond it)."""
MAX_SCENARIOS = 10_000
"""Most experiments (``simulate_many``) or doses (``dose_response`` and the other dose
curves) in one call."""
MAX_TIME_POINTS = 3_000_000
"""Most scenario-time points one call may simulate: scenarios × time points of the
grid (``4 * hours + 1`` at the 15 min output step), e.g. 10,000 scenarios × 72 h
(2,890,000). Sequential work counts too: an IC50 search is 54 scenarios, a co-culture
dose 4 (donor and recipient cells, vesicles, cargo)."""
MAX_STRETCHES = 100
"""Most stretches of a treatment schedule (``simulate_schedule``)."""
MAX_CYCLES = 20
"""Most treatment cycles of ``therapy_cycles``."""
RATE_FACTOR_RANGE = (0.01, 100.0)
"""Multiples of an unmeasured exosome rate that ``rate_sensitivity`` accepts."""
MAX_PATIENTS_PER_ARM = 100_000
"""Most patients per arm of one virtual trial."""
MAX_TRIALS = 100_000
"""Most virtual trials of one ``trial_power`` call."""
MAX_SIMULATED_PATIENTS = 1_000_000
"""Most patients per arm one call may simulate: ``n_trials * n_per_arm`` in
``trial_power``, ``n_trials * sum(sizes)`` in ``power_curve``."""
MAX_MONTHS = 600.0
"""Latest analysis of a virtual trial, months after the first patient entered."""
EVENTS_RANGE = (100, 1_000_000)
"""Fewest and most events of a virtual flow-cytometry sample."""
MAX_SEED = 2**32 - 1
"""Largest seed of the random numbers (seeds are whole numbers from 0)."""


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


def _bound_text(bound: float) -> str:
    """``1000000`` rather than ``1e+06``; other bounds as ``:g`` prints them."""
    if math.isfinite(bound) and bound == int(bound) and abs(bound) < 1e16:
        return str(int(bound))
    return f"{bound:g}"


def _range_text(low: float, high: float, low_inclusive: bool, high_inclusive: bool) -> str:
    opening = "[" if low_inclusive and math.isfinite(low) else "("
    closing = "]" if high_inclusive and math.isfinite(high) else ")"
    return f"{opening}{_bound_text(low)}, {_bound_text(high)}{closing}"


def checked_number(value: object, what: str, low: float, high: float = math.inf,
                   low_inclusive: bool = True, high_inclusive: bool = True) -> float:
    """Return ``value`` as a float after checking it is finite and in range.

    Raises
    ------
    ValueError
        If ``value`` is not a real number (a bool is not), is NaN or infinite,
        or lies outside ``[low, high]`` (``(low, ...`` when ``low_inclusive``
        is false, ``..., high)`` when ``high_inclusive`` is false). The message
        names the value and the valid range.
    """
    valid = _range_text(low, high, low_inclusive, high_inclusive)
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{what} must be a real number in {valid}, got {value!r}")
    number = float(value)
    below = number < low if low_inclusive else number <= low
    above = number > high if high_inclusive else number >= high
    if not math.isfinite(number) or below or above:
        raise ValueError(f"{what} must be a finite number in {valid}, got {value!r}")
    return number


def checked_whole(value: object, what: str, low: int, high: int) -> int:
    """Return ``value`` as an int after checking it is a whole number from ``low`` to ``high``.

    Raises
    ------
    ValueError
        If ``value`` is not an integer (a bool or a float such as ``34.0`` is
        not) or lies outside ``[low, high]``; the message names the value and
        the valid range.
    """
    if isinstance(value, bool) or not isinstance(value, Integral) or not low <= value <= high:
        raise ValueError(f"{what} must be a whole number from {low} to {high}, got {value!r}")
    return int(value)


def checked_values(values: object, what: str, low: float, high: float, max_size: int,
                   low_inclusive: bool = True, unit: str = "") -> np.ndarray:
    """Return ``values`` as a 1-D float array after checking each is finite and in range.

    Parameters
    ----------
    values : sequence of numbers
        A list, tuple or 1-D array of real numbers (not bools, not strings).
    what : str
        The argument's name, for the message.
    low, high : float
        Valid range of each value (``high`` inclusive).
    max_size : int
        Most values accepted.
    low_inclusive : bool
        Whether ``low`` itself is valid.
    unit : str
        Printed after the range, e.g. ``" µM"``.

    Raises
    ------
    ValueError
        If ``values`` is not a non-empty 1-D sequence of at most ``max_size``
        real numbers, or a value is NaN, infinite or out of range; the message
        names the bad value (and its index) and the valid range.
    """
    valid = _range_text(low, high, low_inclusive, True) + unit
    size = len(values) if hasattr(values, "__len__") and not isinstance(values, (str, bytes)) \
        else None
    if size is not None and size > max_size:
        raise ValueError(f"{what} may hold at most {max_size} values, got {size}")
    try:
        array = np.asarray(values)
    except (TypeError, ValueError):
        array = None
    if array is None or array.ndim != 1 or array.size == 0 or array.dtype.kind not in "iuf" or \
            (isinstance(values, (list, tuple)) and any(isinstance(v, (bool, np.bool_))
                                                       for v in values)):
        raise ValueError(f"{what} must be a non-empty 1-D sequence of at most {max_size} "
                         f"numbers in {valid}, got {short_repr(values)}")
    array = array.astype(float)
    below = array < low if low_inclusive else array <= low
    bad = np.flatnonzero(~np.isfinite(array) | below | (array > high))
    if bad.size:
        index = int(bad[0])
        raise ValueError(f"{what} must be finite numbers in {valid}, got {float(array[index])!r} "
                         f"at index {index}")
    return array


def short_repr(value: object, limit: int = 200) -> str:
    """``repr(value)`` cut to ``limit`` characters, for messages about big arguments."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def checked_budget(amount: int, limit: int, unit: str, how: str) -> None:
    """Refuse a call that would compute more than ``limit`` ``unit`` in one go.

    ``how`` says how the arguments make ``amount``, naming their values, e.g.
    ``"61 doses × 4 × 12001 time points (hours=3000.0)"``.

    Raises
    ------
    ValueError
        If ``amount > limit``; the message names the values and the limit.
    """
    if amount > limit:
        raise ValueError(f"{how} make {amount} {unit}, more than the {limit} one call may "
                         f"compute (about a second and a few hundred MB); ask for fewer or "
                         f"shorter")


def checked_hours(value: object, what: str = "hours") -> float:
    """A duration in hours, ``0 < value <= MAX_HOURS`` (:func:`checked_number`)."""
    return checked_number(value, what, 0.0, MAX_HOURS, low_inclusive=False)
