"""Interactive panels (ipywidgets), one module per chapter; the two-lives machinery once.

* :mod:`.two_lives` — a panel declared once (:class:`~.two_lives.Panel`), built live in a
  kernel or precomputed for the static site (:func:`~.two_lives.build`).
* :mod:`.controls` — controls several chapters share (compound, dose, knockdown, cell line,
  duration) and how their values become an experiment.
* :mod:`.machinery` — the flux explorer and the LC3 turnover blot.
* :mod:`.drugs` — dose response, accomplice or antagonist, the drug × time blot, the toy
  immune model.

In a notebook::

    from widgets.panels import machinery
    machinery.flux_explorer(hours=24.0)

Each chapter module lists its panel declarations in ``PANELS``.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable


def declared_panels() -> tuple[Callable, ...]:
    """Every chapter's panel declarations (the ``PANELS`` of each module here), in module order."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        chapter = importlib.import_module(f"{__name__}.{module.name}")
        found.extend(getattr(chapter, "PANELS", ()))
    return tuple(found)
