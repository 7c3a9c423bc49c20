"""Model quantities a numeric quiz question can ask for, registered by one module per chapter.

A numeric question may name a quantity instead of typing its answer
(``"compute": {"quantity": "stem_percent", "hours": 240.0, ...}``); the value is then
computed from the model whenever the quiz is rendered or exported. Each chapter module of
this package exports ``QUANTITIES``, a mapping of quantity name to a function that takes the
question's ``compute`` object (a dict) and returns the expected value as a float; each
function's docstring lists the keys it reads and their defaults. :func:`declared_quantities`
gathers them, as :func:`widgets.panels.declared_panels` gathers the panels, so a new chapter
adds its quantities in ``widgets/quiz/quantities/<chapter>.py`` and edits nothing else.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType, ModuleType

Quantity = Callable[[dict], float]


def conditions(spec: Mapping) -> tuple[dict, dict, str, dict]:
    """The experiment a ``compute`` object describes: treatments, knockdown, cell line, RNA levels.

    Absent keys mean no treatment, no knockdown, HepG2 cells and basal RNA levels.
    """
    return (spec.get("treatments", {}), spec.get("knockdown", {}),
            spec.get("cell_line", "HepG2"), spec.get("ncrna", {}))


def chosen_read_out(spec: Mapping, choices: Iterable[str], default: str | None = None) -> str:
    """``spec["read_out"]`` (or ``default``), refused unless it is one of ``choices``."""
    choices = tuple(choices)
    read_out = spec.get("read_out", default)
    if read_out not in choices:
        raise ValueError(f"read_out {read_out!r}; valid choices are: {', '.join(choices)}")
    return read_out


def relative_to_reference(read_out: Quantity, spec: Mapping) -> float:
    """``read_out(spec)``; with ``spec["reference"]`` (a dict of keys to change), divided by
    the same read-out with those changes."""
    value = read_out(spec)
    if "reference" in spec:
        value /= read_out({**spec, **spec["reference"]})
    return value


def gather(modules: Iterable[ModuleType]) -> dict[str, Quantity]:
    """The ``QUANTITIES`` of ``modules`` in one mapping, in module order.

    Raises
    ------
    ValueError
        If two modules register the same quantity name; the message names both modules.
    """
    found: dict[str, Quantity] = {}
    owner: dict[str, str] = {}
    for module in modules:
        for name, function in getattr(module, "QUANTITIES", {}).items():
            if name in found:
                raise ValueError(f"quiz quantity {name!r} is registered twice: by "
                                 f"{owner[name]} and by {module.__name__}")
            found[name], owner[name] = function, module.__name__
    return found


@lru_cache(maxsize=None)
def declared_quantities() -> Mapping[str, Quantity]:
    """Every chapter's quiz quantities (the ``QUANTITIES`` of each module here), by name."""
    return MappingProxyType(gather(importlib.import_module(f"{__name__}.{module.name}")
                                   for module in pkgutil.iter_modules(__path__)))
