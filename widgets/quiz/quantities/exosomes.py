"""Quiz quantities of the exosome chapter."""
from __future__ import annotations

from ...model.exosomes import recipient_ic50
from . import conditions


def coculture_ic50_shift(spec: dict) -> float:
    """Recipient IC50 with donors / alone (:func:`widgets.model.exosomes.recipient_ic50`):
    ``drug``, ``hours`` (default 72), ``donor`` (default Huh7-SR), ``cell_line`` (the recipient),
    ``donor_fraction`` (default 0.5), ``treatments``, ``ph`` (default 7.4)."""
    treatments, _, line, _ = conditions(spec)
    together, alone = recipient_ic50(spec["drug"], spec.get("hours", 72.0),
                                     spec.get("donor", "Huh7-SR"), line,
                                     spec.get("donor_fraction", 0.5), treatments,
                                     spec.get("ph", 7.4))
    return together / alone


QUANTITIES = {"coculture_ic50_shift": coculture_ic50_shift}
