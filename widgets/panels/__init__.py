"""Interactive panels, one module per chapter; the machinery that builds them once.

* :mod:`.declaration` — a panel declared once (:class:`~.declaration.Panel`: controls, a
  figure, one ``draw``), with NumPy and matplotlib only; the single source of every life.
* :mod:`.ipywidgets_build` — the declaration built as ipywidgets, live in a kernel or
  precomputed for the static site (:func:`~.declaration.build` calls it).
* :mod:`.browser_build` — the declaration for the static site's live panels: the controls
  exported for the browser's front end, and the calls the in-browser Python answers.
* :mod:`.controls` — controls several chapters share (compound, dose, knockdown, cell line,
  duration) and how their values become an experiment.
* :mod:`.machinery` — the flux explorer and the LC3 turnover blot.
* :mod:`.drugs` — dose response, accomplice or antagonist, the drug × time blot, the toy
  immune model.

In a notebook::

    from widgets.panels import machinery
    machinery.flux_explorer(hours=24.0)

Each chapter module lists its panel declarations in ``PANELS``; declaring and drawing a
panel needs no ipywidgets.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

MACHINERY = ("declaration", "controls", "ipywidgets_build", "browser_build")   # modules that are not chapters


def declared_panels() -> tuple[Callable, ...]:
    """Every chapter's panel declarations (the ``PANELS`` of each module here), in module order."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        if module.name in MACHINERY:
            continue
        chapter = importlib.import_module(f"{__name__}.{module.name}")
        found.extend(getattr(chapter, "PANELS", ()))
    return tuple(found)
