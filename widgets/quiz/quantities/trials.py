"""Quiz quantities of the clinical-translation chapter."""
from __future__ import annotations

from ...model.trials import schoenfeld_events, virtual_trial


def trial_hazard_ratio(spec: dict) -> float:
    """Hazard ratio of :func:`widgets.virtual_trial` with ``arms``, ``n_per_arm``, ``months``
    (default 24), ``seed`` (default 0) and ``enrichment`` (default none)."""
    return virtual_trial(spec["arms"], spec["n_per_arm"], spec.get("months", 24.0),
                         spec.get("seed", 0), spec.get("enrichment")).hazard_ratio


def events(spec: dict) -> float:
    """Deaths a trial needs (Schoenfeld) for ``hazard_ratio`` at ``alpha`` (default 0.05) and
    ``power`` (default 0.8)."""
    return schoenfeld_events(spec["hazard_ratio"], spec.get("alpha", 0.05), spec.get("power", 0.8))


QUANTITIES = {"trial_hazard_ratio": trial_hazard_ratio, "schoenfeld_events": events}
