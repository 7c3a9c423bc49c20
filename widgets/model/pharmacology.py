"""Dose-response read-outs of the cell-fate model: viability curves, IC50, Bliss synergy.

Viability is what a 72 h MTT-type assay reports: viable cells relative to
untreated cells of the same line at the same time, in [0, 1].
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .api import check_time_points, simulate_many
from .data_files import clear_data_caches, data_cache
from .fate import damaging_compounds
from .names import (COMPOUNDS, MAX_DOSE_UM, MAX_SCENARIOS, canonical_name, checked_hours,
                    checked_number, checked_values)
from .scenario import Experiment, make_experiment

IC50_SEARCH_RANGE_UM: tuple[float, float] = (1e-4, 1e5)
_COARSE_POINTS = 28
_FINE_POINTS = 24
IC50_SEARCH_SCENARIOS = _COARSE_POINTS + _FINE_POINTS + 2
"""Scenarios one IC50 search simulates (two dose grids, each with the zero dose)."""


def _checked_doses(doses: object, hours: object, curves: int = 1,
                   searches: int = 0) -> tuple[np.ndarray, float]:
    """Doses (1 to ``MAX_SCENARIOS``, each 0 to ``MAX_DOSE_UM`` µM) and hours, within the budget.

    ``curves`` dose-response curves over ``doses`` and ``searches`` IC50 searches (with
    their probes) may together simulate at most ``MAX_TIME_POINTS`` scenario-time points.
    """
    values = checked_values(doses, "doses", 0.0, MAX_DOSE_UM, MAX_SCENARIOS, unit=" µM")
    hours = checked_hours(hours)
    what = f"{values.size} doses" + (f" × {curves} curves" if curves > 1 else "")
    extra = searches * (IC50_SEARCH_SCENARIOS + 2)
    if extra:
        what = f"({what} + {extra} scenarios of {searches} IC50 searches)"
    check_time_points(values.size * curves + extra, hours, what)
    return values, hours


def _drug_and_background(drug: str, treatments: Mapping[str, float] | None,
                         knockdown: Mapping[str, float] | None, cell_line: str,
                         ncrna: Mapping[str, float] | None = None):
    name = canonical_name(drug, COMPOUNDS, "compound")
    background = make_experiment(treatments, knockdown, cell_line, ncrna)
    if name in background.treatments:
        raise ValueError(f"{name} is the drug whose dose is varied; remove it from treatments "
                         f"(got treatments={dict(treatments or {})!r})")
    return name, _key(background)


def _key(background: Experiment) -> tuple:
    """A hashable form of a validated background, for the caches."""
    return (tuple(sorted(background.treatments.items())),
            tuple(sorted(background.knockdown.items())), background.cell_line,
            tuple(sorted(background.ncrna.items())))


def _experiment(key: tuple, extra: Mapping[str, float] | None = None) -> Experiment:
    treatments, knockdown, cell_line, ncrna = key
    return make_experiment({**dict(treatments), **dict(extra or {})}, dict(knockdown),
                           cell_line, dict(ncrna))


def _viability_at_end(name: str, doses_um: np.ndarray, hours: float, key: tuple) -> np.ndarray:
    return _arm(name, tuple(float(d) for d in doses_um), hours, key)["viability"]


def clear_cache() -> None:
    """Forget cached IC50 searches, dose-response arms and everything built on them.

    Results are cached because a widget asks the same questions again and
    again; a process that changes the files in ``data/`` (the calibration
    tool) must call this afterwards.
    """
    clear_data_caches()


def dose_response(drug: str, doses, hours: float = 72.0,
                  treatments: Mapping[str, float] | None = None,
                  knockdown: Mapping[str, float] | None = None,
                  cell_line: str = "HepG2",
                  ncrna: Mapping[str, float] | None = None) -> np.ndarray:
    """Viability at the end of the exposure for each dose of ``drug``.

    Parameters
    ----------
    drug : str
        The compound whose dose is varied (one of ``COMPOUNDS``, case-insensitive).
    doses : sequence of float
        Concentrations of ``drug`` in µM: 1 to ``MAX_SCENARIOS`` (= 10,000) of
        them, each ``0 <= dose <= MAX_DOSE_UM`` (= 1,000,000 µM).
    hours : float
        Exposure time in hours, ``0 < hours <= MAX_HOURS`` (= 8760; 72 h is the
        usual MTT read-out). The number of doses times the time points
        (``4 * hours + 1``) may not exceed ``MAX_TIME_POINTS`` (= 3,000,000):
        up to 10,000 doses at 72 h, 85 at 8760 h.
    treatments : mapping of str to float, optional
        Fixed background treatments in µM (e.g. ``{"chloroquine": 20.0}``);
        must not contain ``drug``.
    knockdown : mapping of str to float, optional
        Gene to fraction removed, 0-1 (see ``KNOCKDOWN_GENES``).
    cell_line : str
        One of ``CELL_LINES``.
    ncrna : mapping of str to float, optional
        Non-coding RNA (see ``NCRNAS``) to level relative to basal, > 0.

    Returns
    -------
    ndarray, shape (len(doses),)
        Viability relative to untreated cells at the same time, in [0, 1].
        All doses are simulated in one vectorised batch.

    Raises
    ------
    ValueError
        Bad names, doses, fractions or hours, too many doses for the hours, or
        ``drug`` also in ``treatments``; the message names the value and the
        valid choices or range.
    """
    name, key = _drug_and_background(drug, treatments, knockdown, cell_line, ncrna)
    doses_um, hours = _checked_doses(doses, hours)
    return _viability_at_end(name, doses_um, hours, key).copy()


def ic50(drug: str, hours: float = 72.0, treatments: Mapping[str, float] | None = None,
         knockdown: Mapping[str, float] | None = None, cell_line: str = "HepG2",
         ncrna: Mapping[str, float] | None = None) -> float:
    """Concentration of ``drug`` that halves viability, in µM.

    Viability is normalised to the background alone (the ``treatments``,
    ``knockdown`` and ``ncrna`` without ``drug``), as when a combination plate is read
    against its own inhibitor-only wells; so the IC50 measures how sensitive
    the cells are to ``drug``, not the background's own toxicity.

    Parameters
    ----------
    drug : str
        A compound that damages cells (see ``Raises``), case-insensitive.
    hours : float
        Exposure time in hours, ``0 < hours <= MAX_HOURS`` (= 8760).
    treatments, knockdown, cell_line, ncrna
        The background, as for :func:`dose_response`.

    Returns
    -------
    float
        The IC50 in µM, found on a log-spaced dose grid and refined within the
        bracketing interval (relative accuracy better than 1%). ``math.inf``
        when viability stays above half of the background up to
        ``IC50_SEARCH_RANGE_UM[1]`` (100 mM), i.e. the cells are resistant.

    Raises
    ------
    ValueError
        Bad input; a ``drug`` that causes no damage in the model (a tool
        compound such as chloroquine), the message listing the drugs that do;
        or an IC50 below ``IC50_SEARCH_RANGE_UM[0]`` (0.1 nM), which no
        default drug comes near.
    """
    name, key = _drug_and_background(drug, treatments, knockdown, cell_line, ncrna)
    drugs = damaging_compounds()
    if name not in drugs:
        raise ValueError(f"{name} does not kill cells on its own in this model, so it has no "
                         f"IC50; drugs with an IC50: {', '.join(drugs)}")
    return _ic50(name, checked_hours(hours), key)


@data_cache
def _ic50(name: str, hours: float, key: tuple) -> float:
    """The search behind :func:`ic50`, cached: the same question returns at once."""
    low, high = (math.log10(x) for x in IC50_SEARCH_RANGE_UM)
    for points in (_COARSE_POINTS, _FINE_POINTS):
        grid = np.logspace(low, high, points)
        viability = _viability_at_end(name, np.concatenate([[0.0], grid]), hours, key)
        relative = viability[1:] / viability[0]
        below = np.nonzero(relative <= 0.5)[0]
        if below.size == 0:
            return math.inf
        first = below[0]
        if first == 0:
            treatments, knockdown, cell_line, ncrna = key
            raise ValueError(f"the IC50 of {name} lies below {grid[0]:g} µM, the lowest dose "
                             f"searched (cell line {cell_line}, background "
                             f"{dict(treatments)}, knockdown {dict(knockdown)}, "
                             f"ncrna {dict(ncrna)})")
        low, high = math.log10(grid[first - 1]), math.log10(grid[first])
    r_low, r_high = relative[first - 1], relative[first]
    fraction = (r_low - 0.5) / (r_low - r_high)
    return float(10 ** (low + fraction * (high - low)))


def bliss_excess(viability_a: float, viability_b: float, viability_ab: float) -> float:
    """Bliss excess of a combination: ``V_A * V_B - V_AB``.

    Under Bliss independence two agents that act independently leave a
    surviving fraction ``V_A * V_B``. A positive excess means the combination
    kills more than independence predicts (synergy), a negative one less
    (antagonism). Each argument is a viability in [0, 1].
    """
    for value, what in ((viability_a, "viability_a"), (viability_b, "viability_b"),
                        (viability_ab, "viability_ab")):
        checked_number(value, what, 0.0, 1.0)
    return viability_a * viability_b - viability_ab


@dataclass(frozen=True)
class InterventionComparison:
    """A drug's dose response without and with an autophagy intervention.

    Attributes
    ----------
    doses_um : ndarray
        Drug concentrations, µM.
    alone, combined : ndarray
        Viability at each dose without and with the intervention (relative
        to untreated cells, so ``combined`` starts at the intervention's own
        viability).
    intervention_alone : float
        Viability with the intervention and no drug.
    ic50_alone_um, ic50_combined_um : float
        IC50s (see :func:`ic50`); ``math.inf`` if not reached.
    fold_shift : float
        ``ic50_alone_um / ic50_combined_um``: above 1 the intervention
        sensitises (the curve moves left), below 1 it protects.
    bliss_at_ic50 : float
        Bliss excess (see :func:`bliss_excess`) at the drug's IC50 dose
        alone: positive = synergy.
    loss_from_damage, loss_from_autophagy : tuple of float
        Cumulative hazards at the end, at the drug's IC50 dose, without and
        with the intervention: why the cells die.
    """

    doses_um: np.ndarray
    alone: np.ndarray
    combined: np.ndarray
    intervention_alone: float
    ic50_alone_um: float
    ic50_combined_um: float
    fold_shift: float
    bliss_at_ic50: float
    loss_from_damage: tuple[float, float]
    loss_from_autophagy: tuple[float, float]


def compare_with_intervention(drug: str, doses, hours: float = 72.0,
                              intervention: Mapping[str, float] | None = None,
                              knockdown: Mapping[str, float] | None = None,
                              cell_line: str = "HepG2",
                              ncrna: Mapping[str, float] | None = None) -> InterventionComparison:
    """Dose response of ``drug`` alone and with an autophagy intervention.

    Parameters
    ----------
    drug : str
        A drug with an IC50 (see :func:`ic50`).
    doses : sequence of float
        Concentrations for the curves, µM, as for :func:`dose_response`.
    hours : float
        Exposure, hours, ``0 < hours <= MAX_HOURS`` (= 8760). Each dose costs two
        scenarios (with and without the intervention) and the two IC50 searches
        112: ``(2 * len(doses) + 112) * (4 * hours + 1)`` may not exceed
        ``MAX_TIME_POINTS`` (= 3,000,000), e.g. 41 doses up to 3865 h.
    intervention : mapping of str to float, optional
        Compounds added to the drug, µM (e.g. ``{"chloroquine": 20.0}``).
    knockdown : mapping of str to float, optional
        Knockdowns of the intervention arm (e.g. ``{"ATG7": 0.9}``).
    cell_line : str
        One of ``CELL_LINES``.
    ncrna : mapping of str to float, optional
        Non-coding RNA levels of the intervention arm (e.g. ``{"miR-26a": 4.0}``).

    Returns
    -------
    InterventionComparison
    """
    name, key = _drug_and_background(drug, intervention, knockdown, cell_line, ncrna)
    doses_um, hours = _checked_doses(doses, hours, curves=2, searches=2)
    plain = ((), (), key[2], ())
    alone_ic50 = ic50(name, hours, cell_line=cell_line)
    combined_ic50 = _ic50(name, float(hours), key)
    probe = alone_ic50 if math.isfinite(alone_ic50) else float(doses_um.max())
    curve_doses = tuple(float(d) for d in doses_um)
    alone = _arm(name, curve_doses, hours, plain)
    combined = _arm(name, curve_doses, hours, key)
    at_probe = _arm(name, (probe,), hours, plain)
    background_and_probe = _arm(name, (0.0, probe), hours, key)
    v_background, v_both = background_and_probe["viability"]
    return InterventionComparison(
        doses_um=doses_um, alone=alone["viability"], combined=combined["viability"],
        intervention_alone=float(v_background), ic50_alone_um=alone_ic50,
        ic50_combined_um=combined_ic50,
        fold_shift=_ratio(alone_ic50, combined_ic50),
        bliss_at_ic50=bliss_excess(float(at_probe["viability"][0]), float(v_background),
                                   float(v_both)),
        loss_from_damage=(float(at_probe["loss_from_damage"][0]),
                          float(background_and_probe["loss_from_damage"][1])),
        loss_from_autophagy=(float(at_probe["loss_from_autophagy"][0]),
                             float(background_and_probe["loss_from_autophagy"][1])))


@data_cache
def _arm(name: str, doses_um: tuple, hours: float, key: tuple) -> dict[str, np.ndarray]:
    """End-point viability and causes of loss for each dose on one background (cached).

    ``key`` is a background made hashable by :func:`_key`. The arrays are
    read-only, so that a cached result cannot be changed by a caller.
    """
    experiments = [_experiment(key, {name: d}) for d in doses_um]
    out = simulate_many(experiments, hours)
    ends = {key: out[key][:, -1].copy() for key in ("viability", "loss_from_damage",
                                                     "loss_from_autophagy")}
    for values in ends.values():
        values.setflags(write=False)
    return ends


def _ratio(numerator: float, denominator: float) -> float:
    if math.isinf(numerator) and math.isinf(denominator):
        return 1.0
    return numerator / denominator
