"""Quiz quantities of the exosome chapter."""
from __future__ import annotations

from ...model.exosomes import recipient_ic50, vesicle_transfer
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


def donor_vesicle_release(spec: dict) -> float:
    """Vesicles released by conditioned donors relative to untreated donors
    (:func:`widgets.model.exosomes.vesicle_transfer`): ``treatments`` and ``knockdown`` of the
    donors, ``donor`` (default Huh7-SR) and ``conditioning_hours`` (default 24)."""
    treatments, knockdown, _, _ = conditions(spec)
    return vesicle_transfer(treatments, knockdown, donor=spec.get("donor", "Huh7-SR"),
                            conditioning_hours=spec.get("conditioning_hours", 24.0)).vesicles


QUANTITIES = {"coculture_ic50_shift": coculture_ic50_shift,
              "donor_vesicle_release": donor_vesicle_release}
