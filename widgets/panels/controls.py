"""Controls that several chapters' panels share, declared once: compounds, doses, knockdowns,
cell lines, durations; and how their values become a model experiment.
"""
from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from ..model import CELL_LINES, KNOCKDOWN_GENES
from ..model.labels import compound_label, format_dose, knockdown_label, typical_dose
from .declaration import Control, choice, number, rounded_values

NONE = ""
DOSES_UM = rounded_values(0.001, 10_000.0)
FRACTIONS = tuple(round(0.05 * i, 2) for i in range(21))
KNOCKDOWN_FRACTION = 0.9
PARENTAL_LINES: tuple[str, ...] = tuple(line for line in CELL_LINES if line != "Huh7-SR")


def format_hours(hours: float) -> str:
    return f"{hours:g} h"


def format_fraction(fraction: float) -> str:
    return f"{fraction:.0%}"


def usual_dose(compound: Hashable) -> float:
    """The typical dose of ``compound`` (µM); for no compound, 1 µM (unused)."""
    return typical_dose(compound) if compound else 1.0


def compound_choice(name: str, label: str, compounds: Sequence[str], default: str,
                    static: Sequence[str] = (), none: bool = True,
                    mention: str = "") -> Control:
    """A drop-down (or toggles) of compounds by their printed names, optionally with "none"."""
    options = ([("none", NONE)] if none else []) + [(compound_label(c), c) for c in compounds]
    return choice(name, label, options, default, static, mention=mention)


def dose_for(compound: Control, name: str, label: str = "dose", mention: str = "") -> Control:
    """A dose slider (µM, rounded) that jumps to the usual dose of the ``compound`` chosen."""
    return number(name, label, DOSES_UM, usual_dose(compound.default), format_dose,
                  follows=(compound.name, usual_dose), mention=mention)


def knockdown_choice(default: str = NONE, static: Sequence[str] = (),
                     genes: Sequence[str] = KNOCKDOWN_GENES) -> Control:
    return choice("knockdown", "knockdown",
                  [("none", NONE)] + [(knockdown_label(g).removesuffix(" knockdown"), g)
                                      for g in genes], default, static)


def fraction_control(default: float = KNOCKDOWN_FRACTION) -> Control:
    return number("fraction", "fraction", FRACTIONS, default, format_fraction,
                  mention="the fraction knocked down")


def cell_line_choice(default: str, static: Sequence[str] = (),
                     lines: Sequence[str] = CELL_LINES) -> Control:
    return choice("cell_line", "cell line", [(line, line) for line in lines], default, static)


def hours_control(values: Sequence[float], default: float, static: Sequence[float] = (),
                  label: str = "hours", mention: str = "the duration") -> Control:
    return number("hours", label, values, default, format_hours, static, mention=mention)


def experiment_from(values: Mapping[str, Hashable],
                    compounds: Sequence[tuple[str, str]] = (("treatment", "dose"),)
                    ) -> tuple[dict[str, float], dict[str, float]]:
    """Treatments (compound -> µM) and knockdown (gene -> fraction) from a panel's values.

    ``compounds`` pairs each compound control with its dose control; doses of
    the same compound add up; "none" and a zero dose add nothing.
    """
    treatments: dict[str, float] = {}
    for compound_name, dose_name in compounds:
        compound, dose = values[compound_name], float(values[dose_name])
        if compound and dose > 0:
            treatments[compound] = treatments.get(compound, 0.0) + dose
    gene = values.get("knockdown", NONE)
    fraction = float(values.get("fraction", KNOCKDOWN_FRACTION))
    knockdown = {gene: fraction} if gene and fraction > 0 else {}
    return treatments, knockdown
