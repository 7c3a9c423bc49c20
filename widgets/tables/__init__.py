"""Tables of the model's data for the book, as MyST markdown with citations, one module per chapter.

Each chapter module of this package lists its table builders in ``TABLES`` (functions
returning markdown); the reference part's tables (parameters, compound effects, cell lines,
validation) are in :mod:`.reference`. :func:`declared_tables` gathers them, as
:func:`widgets.panels.declared_panels` gathers the panels, and every builder is an attribute
of this package, so a page calls it without knowing which module holds it::

    from widgets import tables
    tables.ic50_table(hours=72.0)

The helpers every table shares (:func:`_cite`, :func:`_escape`) are here, once.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType, ModuleType


def _cite(keys: str, basis: str = "assumed") -> str:
    """A MyST citation of one key or of several separated by ';'.

    A row without a source is a setting of the solver (basis "numerical") or an
    assumption of this book, and says so instead of citing anyone.
    """
    keys = ",".join(k.strip() for k in keys.split(";") if k.strip())
    if keys:
        return f"{{cite:p}}`{keys}`"
    return "numerical setting" if basis == "numerical" else "assumption of this book"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def gather(modules: Iterable[ModuleType]) -> dict[str, Callable[..., str]]:
    """The ``TABLES`` of ``modules`` by function name, in module order.

    Raises
    ------
    ValueError
        If two modules declare a table of the same name, or a table is named like a name
        this package already defines; the message names the modules.
    """
    found: dict[str, Callable[..., str]] = {}
    for module in modules:
        for table in getattr(module, "TABLES", ()):
            name = table.__name__
            if name in found:
                raise ValueError(f"table {name!r} is declared twice: in "
                                 f"{found[name].__module__} and in {module.__name__}")
            if name in globals():
                raise ValueError(f"table {name!r} of {module.__name__} hides "
                                 f"{__name__}.{name}; rename it")
            found[name] = table
    return found


@lru_cache(maxsize=None)
def declared_tables() -> Mapping[str, Callable[..., str]]:
    """Every chapter's tables (the ``TABLES`` of each module here), by function name."""
    return MappingProxyType(gather(importlib.import_module(f"{__name__}.{module.name}")
                                   for module in pkgutil.iter_modules(__path__)))


def __getattr__(name: str) -> Callable[..., str]:
    """``tables.<name>``: a declared table builder, found in whichever chapter module holds it."""
    tables = declared_tables()
    if name in tables:
        return tables[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(declared_tables()))
