"""Read the tidy data files in ``data/`` that hold every number the model uses.

Each row keeps the source it came from, so the book can print a parameter
table with citations and the tests can check that nothing is unsourced.
"""
from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@lru_cache(maxsize=None)
def read_table(file_name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of ``data/<file_name>`` as read-only dictionaries.

    Parameters
    ----------
    file_name : str
        Name of a CSV file in ``data/``, e.g. ``"parameters.csv"``.

    Returns
    -------
    tuple of dict
        One dictionary per row, keyed by the header; values are strings.
    """
    path = DATA_DIR / file_name
    if not path.is_file():
        raise FileNotFoundError(f"data file {path} is missing; the model cannot run without it")
    with path.open(newline="", encoding="utf-8") as handle:
        return tuple(dict(row) for row in csv.DictReader(handle))


@lru_cache(maxsize=None)
def _values(cell_line: str | None) -> MappingProxyType:
    values = {row["name"]: float(row["value"]) for row in read_table("parameters.csv")}
    if cell_line is not None:
        for row in read_table("cell_line_parameters.csv"):
            if row["cell_line"] == cell_line:
                if row["parameter"] not in values:
                    raise KeyError(f"cell_line_parameters.csv overrides unknown parameter "
                                   f"{row['parameter']!r}; known: {', '.join(values)}")
                values[row["parameter"]] = float(row["value"])
    return MappingProxyType(values)


def parameter_values(cell_line: str | None = None) -> Mapping[str, float]:
    """Map each name in ``data/parameters.csv`` to its numeric value.

    Parameters
    ----------
    cell_line : str, optional
        A canonical cell-line name. Its rows in ``data/cell_line_parameters.csv``
        replace the shared values (e.g. a resistant line in which autophagy
        kills instead of protecting). ``None`` gives the shared values.

    Returns
    -------
    mapping of str to float
        Read-only. Rates in per hour, amounts in arbitrary units, fractions in [0, 1].
    """
    return _values(cell_line)
