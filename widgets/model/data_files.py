"""Read the tidy data files in ``data/`` that hold every number the model uses.

Each row keeps the source it came from, so the book can print a parameter
table with citations and the tests can check that nothing is unsourced.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache, wraps
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType


def _data_dir() -> Path:
    """The folder of the package ``widgets.data``: the book's ``data/``, installed with ``widgets``."""
    try:
        folder = files("widgets.data")
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "the book's data (package widgets.data) is not installed: install the book "
            "with `pip install -e .` in its folder (or `pip install .`), not by putting "
            "widgets/ on the import path") from error
    if not isinstance(folder, Path):
        raise ModuleNotFoundError(f"the book's data must be files on disk, found {folder!r}")
    return folder


DATA_DIR = _data_dir()


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


_OVERRIDES: dict[str, float] = {}
_DATA_CACHES: list = []


def data_cache(function):
    """``functools.lru_cache`` for results that follow from the numbers in ``data/``.

    :func:`clear_data_caches` empties every such cache at once (as
    :func:`parameters_set_to` does on entry and exit). ``remember(args, result)`` hands the
    cache a result computed elsewhere by the same function for the same positional
    arguments (the in-browser Python is handed the build's results this way).
    """
    cached = lru_cache(maxsize=None)(function)
    remembered: dict = {}

    @wraps(function)
    def cached_or_remembered(*args, **kwargs):
        if not kwargs and args in remembered:
            return remembered[args]
        return cached(*args, **kwargs)

    def remember(args: tuple, result) -> None:
        remembered[tuple(args)] = result

    def cache_clear() -> None:
        remembered.clear()
        cached.cache_clear()

    cached_or_remembered.remember = remember
    cached_or_remembered.cache_clear = cache_clear
    _DATA_CACHES.append(cached_or_remembered)
    return cached_or_remembered


def clear_data_caches() -> None:
    """Forget every result cached with :func:`data_cache`."""
    for cached in _DATA_CACHES:
        cached.cache_clear()


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
    values.update(_OVERRIDES)
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


@contextmanager
def parameters_set_to(**values: float) -> Iterator[None]:
    """Run the model with some values of ``data/parameters.csv`` replaced, in every cell line.

    For exercises that refit a parameter::

        with parameters_set_to(lysosomal_degradation=1.5):
            widgets.simulate({"bafilomycin_a1": 0.1}, hours=4.0)

    Raises
    ------
    ValueError
        If a name is not a parameter or a value is not a positive finite number.
    """
    import math

    known = {row["name"] for row in read_table("parameters.csv")}
    for name, value in values.items():
        if name not in known:
            raise ValueError(f"unknown parameter {name!r}; valid choices are: "
                             f"{', '.join(sorted(known))}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                not math.isfinite(value) or value <= 0:
            raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    previous = dict(_OVERRIDES)
    _OVERRIDES.update({name: float(value) for name, value in values.items()})
    _values.cache_clear()
    clear_data_caches()
    try:
        yield
    finally:
        _OVERRIDES.clear()
        _OVERRIDES.update(previous)
        _values.cache_clear()
        clear_data_caches()
