"""Quiz quantities of the clinical-translation chapter."""
from __future__ import annotations

from ...model.pharmacodynamics import blood_read_outs, detectable_share, tumour_read_outs
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


def blood_cell_read_out(spec: dict) -> float:
    """Blood-cell ``read_out`` (default ``"lc3_ii"``; or ``"p62"``, ``"flux"``) of the typical
    patient on ``mg_per_day`` HCQ, relative to baseline."""
    return blood_read_outs(spec["mg_per_day"])[spec.get("read_out", "lc3_ii")]


def tumour_cell_read_out(spec: dict) -> float:
    """Tumour-cell ``read_out`` (default ``"flux"``) on sorafenib plus ``mg_per_day`` HCQ at
    ``tumour_blood_ratio`` (default 1), relative to sorafenib alone."""
    return tumour_read_outs(spec["mg_per_day"], spec.get("tumour_blood_ratio", 1.0))[
        spec.get("read_out", "flux")]


def detectable_block_share(spec: dict) -> float:
    """Share of patients, in percent, whose blood-cell LC3-II rise is detectable at
    ``mg_per_day`` HCQ."""
    return 100.0 * detectable_share(spec["mg_per_day"])


QUANTITIES = {"trial_hazard_ratio": trial_hazard_ratio, "schoenfeld_events": events,
              "blood_cell_read_out": blood_cell_read_out,
              "tumour_cell_read_out": tumour_cell_read_out,
              "detectable_block_share": detectable_block_share}
