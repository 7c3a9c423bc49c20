"""Tumour-derived exosomes: a transwell co-culture of donor and recipient cells in one medium.

Donor cells (in the insert) and recipient cells (in the well) share the medium and the
drug. Live donors release exosomes; recipients take them up and accumulate their cargo,
which lowers the drug damage they suffer (efflux pumps, anti-apoptotic signalling)::

    dE/dt = k_sec * f_d * V_d(t) * S_d * A(pH) * (1 - B_GW) - k_clr * E    vesicles in the medium
    dC/dt = k_up * L_d * E - k_car * C                                    cargo in the recipients
    delta_R(t) = delta_R * (1 - P_max * C / (C + C_50))                    recipient damage rate

``f_d`` is the donors' share of the seeded cells and ``V_d`` their viability under the
drug (so donors the drug kills release less), ``L_d`` the resistance cargo a donor line
loads into each vesicle (high in the resistant line), ``A(pH) = 1 + a (7.4 - pH)`` below
pH 7.4, ``B_GW`` the block of release by GW4869 and ``S_d`` the donors' release under
autophagy inhibitors (:func:`secretion_factor`: up with a lysosomal block, down with an
ATG5 knockdown; 1 in untreated donors). Acidity also loads more miR-21 into
each vesicle, ``1 + m (7.4 - pH)``: a read-out here, not a cause of protection, because no
study the book could check shows that exosomal miR-21 transfers resistance.

No release, uptake or turnover rate of exosomes has been measured in these experiments;
every rate here is an assumption, and :func:`rate_sensitivity` shows how much the
answer depends on each. Concentrations in µM, time in hours, pH in pH units.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .api import check_time_points, simulate_many, time_grid
from .data_files import parameter_values, parameters_set_to
from .fate import damage_rate, fate, fate_parameter_arrays, relax_piecewise
from .names import (COMPOUNDS, MAX_DOSE_UM, MAX_SCENARIOS, RATE_FACTOR_RANGE, canonical_name,
                    checked_hours, checked_number, checked_values)
from .scenario import Experiment, hill, make_experiment, step_factors

NEUTRAL_PH = 7.4
PH_RANGE = (6.0, 8.0)
RELEASE_BLOCKER = "gw4869"
UNMEASURED_RATES = ("exosome_release_rate", "exosome_clearance_rate", "exosome_uptake_rate",
                    "cargo_turnover_rate")
SCENARIOS_PER_DOSE = 4
"""What one co-culture dose costs against ``MAX_TIME_POINTS``: donor and recipient cells,
vesicles in the medium and cargo in the recipients."""


@dataclass(frozen=True)
class CocultureResult:
    """One co-culture over time. Every array has the shape of ``t``.

    Attributes
    ----------
    t : ndarray
        Hours after the drug.
    recipient_viability, donor_viability : ndarray
        Viable cells relative to untreated cells of the same line, in [0, 1].
    recipient_alone_viability : ndarray
        The recipients under the same treatments without donors.
    exosomes : ndarray
        Vesicles in the medium (a.u.; 1 = a steady medium with half the cells resistant
        donors, no drug, pH 7.4).
    exosomal_mir21 : ndarray
        miR-21 carried by the vesicles in the medium, on the same scale.
    cargo : ndarray
        Resistance cargo in the recipient cells (a.u., divided by the same reference as
        the vesicles).
    """

    t: np.ndarray
    recipient_viability: np.ndarray
    donor_viability: np.ndarray
    recipient_alone_viability: np.ndarray
    exosomes: np.ndarray
    exosomal_mir21: np.ndarray
    cargo: np.ndarray


def _checked_ph(ph: object) -> float:
    return checked_number(ph, "ph", *PH_RANGE)


def acidity(ph: float) -> float:
    """pH units below neutral culture medium (7.4); 0 at or above it."""
    return max(NEUTRAL_PH - _checked_ph(ph), 0.0)


def release_block(treatments: Mapping[str, float]) -> float:
    """Fraction of exosome release blocked by GW4869 in ``treatments`` (0-1)."""
    p = parameter_values()
    dose = treatments.get(RELEASE_BLOCKER, 0.0)
    return p["gw4869_max_block"] * hill(dose, p["gw4869_ec50"], p["gw4869_hill"]) if dose else 0.0


def _courses(drug: str, doses: Sequence[float], hours: float, donor: str, recipient: str,
             donor_fraction: float, treatments: Mapping[str, float], ph: float) -> dict:
    """Donor, recipient and medium for several drug doses at once, each of shape (n, T)."""
    donor_fraction = checked_number(donor_fraction, "donor_fraction", 0.0, 1.0)
    drug = canonical_name(drug, COMPOUNDS, "drug")
    hours = checked_hours(hours)
    check_time_points(SCENARIOS_PER_DOSE * len(doses), hours,
                      f"{len(doses)} doses × {SCENARIOS_PER_DOSE} (donor and recipient cells, "
                      f"vesicles and cargo)")
    per_dose = [{**treatments, drug: float(dose)} for dose in doses]
    donors = [make_experiment(t, None, donor) for t in per_dose]
    recipients = [make_experiment(t, None, recipient) for t in per_dose]
    p, loading = parameter_values(), parameter_values(donors[0].cell_line)["exosome_cargo_loading"]
    t = time_grid(hours)
    step, n = t[1] - t[0], len(doses)
    donor_out = simulate_many(donors, hours)
    recipient_out = simulate_many(recipients, hours)
    live_donors = 0.5 * (donor_out["viability"][:, 1:] + donor_out["viability"][:, :-1])
    release = (p["exosome_release_rate"] * donor_fraction * live_donors
               * np.array([secretion_factor(d) for d in donors])[:, None]
               * (1.0 + p["acid_release_gain"] * acidity(ph))
               * (1.0 - release_block(recipients[0].treatments)))
    clearance = np.full((n, t.size - 1), p["exosome_clearance_rate"] * step)
    exosomes = relax_piecewise(clearance, release / p["exosome_clearance_rate"], np.zeros(n))
    shared, cargo = _protected_recipients(t, exosomes, loading, recipients, recipient_out["flux"])
    scale = _medium_scale()
    mir21 = 1.0 + p["acid_mir21_gain"] * acidity(ph)
    return {"t": t, "recipient_viability": shared["viability"],
            "donor_viability": donor_out["viability"],
            "recipient_alone_viability": recipient_out["viability"],
            "exosomes": exosomes / scale, "exosomal_mir21": mir21 * exosomes / scale,
            "cargo": cargo / scale}


def _protected_recipients(t: np.ndarray, exosomes: np.ndarray, loading: float,
                          recipients: Sequence[Experiment], recipient_flux: np.ndarray
                          ) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Recipients' fate with the cargo they take up from ``exosomes`` (n, T; raw units).

    Returns the cell-fate output (see :func:`widgets.model.fate.fate`) and the cargo (n, T).
    """
    p = parameter_values()
    n, step = exosomes.shape[0], t[1] - t[0]
    uptake = p["exosome_uptake_rate"] * loading * 0.5 * (exosomes[:, 1:] + exosomes[:, :-1])
    turnover = np.full((n, t.size - 1), p["cargo_turnover_rate"] * step)
    cargo = relax_piecewise(turnover, uptake / p["cargo_turnover_rate"], np.zeros(n))
    mid_cargo = 0.5 * (cargo[:, 1:] + cargo[:, :-1])
    protection = p["cargo_max_protection"] * mid_cargo / (mid_cargo + p["cargo_half_protection"])
    base_damage = np.array([damage_rate(e) for e in recipients])[:, None]
    shared = fate(t, recipient_flux, base_damage * (1.0 - protection),
                  fate_parameter_arrays(recipients))
    return shared, cargo


def lysosomal_block(experiment: Experiment) -> float:
    """Share of the lysosomal route lost in ``experiment``: ``1 - F D`` (fusion times
    degradation step factors), 0 in untreated cells, near 1 under bafilomycin A1."""
    steps = step_factors(experiment)
    return max(1.0 - steps.fusion * steps.degradation, 0.0)


def secretion_factor(experiment: Experiment) -> float:
    """Exosome release of donor cells in ``experiment`` relative to untreated donors.

    A blocked lysosomal route sends more multivesicular bodies to the cell surface
    (``1 + g_lys * block``, see :func:`lysosomal_block`), and release needs ATG5 but not
    ATG7 or the steps before it (``1 - r_5 * ATG5 knockdown``); both sizes are assumptions
    (``data/parameters.csv``).
    """
    p = parameter_values()
    atg5 = experiment.knockdown.get("ATG5", 0.0)
    return ((1.0 + p["lysosomal_block_release_gain"] * lysosomal_block(experiment))
            * (1.0 - p["atg5_release_dependence"] * atg5))


def _medium_scale() -> float:
    """Vesicles in a steady medium with half the cells resistant donors (the unit of E)."""
    p = parameter_values()
    return 0.5 * p["exosome_release_rate"] / p["exosome_clearance_rate"]


def simulate_coculture(drug: str = "sorafenib", dose: float = 5.0, hours: float = 72.0,
                       donor: str = "Huh7-SR", recipient: str = "Huh7",
                       donor_fraction: float = 0.5,
                       treatments: Mapping[str, float] | None = None,
                       ph: float = NEUTRAL_PH) -> CocultureResult:
    """A drug given to donor and recipient cells sharing one medium (part of the public API, see the README).

    Parameters
    ----------
    drug : str
        One of ``widgets.COMPOUNDS`` (case-insensitive); given to both at ``dose`` µM.
    dose : float
        Drug concentration, µM, ``0 <= dose <= MAX_DOSE_UM`` (= 1,000,000).
    hours : float
        Duration, ``0 < hours <= MAX_HOURS`` (= 8760, one year).
    donor, recipient : str
        Cell lines (``widgets.CELL_LINES``).
    donor_fraction : float
        Donors' share of the seeded cells, 0-1 (0: recipients alone).
    treatments : mapping of str to float, optional
        Further compounds in the medium (µM, 0 to ``MAX_DOSE_UM``), e.g.
        ``{"gw4869": 10.0}`` to block release.
    ph : float
        pH of the medium, 6.0-8.0.

    Returns
    -------
    CocultureResult

    Raises
    ------
    ValueError
        Unknown names, doses outside 0 to ``MAX_DOSE_UM``, a fraction outside 0-1, a pH
        outside 6.0-8.0, hours outside (0, ``MAX_HOURS``] or an argument of the wrong
        type; the message names the value and the valid choices.

    Examples
    --------
    >>> together = simulate_coculture("sorafenib", 5.0)
    >>> bool(together.recipient_viability[-1] > together.recipient_alone_viability[-1])
    True
    """
    dose = checked_number(dose, "dose", 0.0, MAX_DOSE_UM)
    _checked_ph(ph)
    make_experiment(treatments)  # a clear error for treatments that are not a dict of doses
    courses = _courses(drug, [dose], hours, donor, recipient, donor_fraction,
                       dict(treatments or {}), ph)
    return CocultureResult(**{name: values if name == "t" else values[0]
                              for name, values in courses.items()})


def recipient_ic50(drug: str = "sorafenib", hours: float = 72.0, donor: str = "Huh7-SR",
                   recipient: str = "Huh7", donor_fraction: float = 0.5,
                   treatments: Mapping[str, float] | None = None, ph: float = NEUTRAL_PH,
                   doses_um: Sequence[float] | None = None) -> tuple[float, float]:
    """The recipients' IC50 (µM) in co-culture and alone, over the same dose grid.

    The IC50 is where viability crosses one half, interpolated on log dose; ``inf`` if
    it is not reached on the grid (default 0.01-1000 µM, 61 doses).

    Parameters
    ----------
    drug, hours, donor, recipient, donor_fraction, treatments, ph
        As for :func:`simulate_coculture` (``0 < hours <= MAX_HOURS`` = 8760).
    doses_um : sequence of float, optional
        The dose grid, µM: 1 to ``MAX_SCENARIOS`` doses, each ``0 < dose <=
        MAX_DOSE_UM`` (sorted before use). Each dose costs ``SCENARIOS_PER_DOSE`` (4)
        scenarios: doses × 4 × time points (``4 * hours + 1``) may not exceed
        ``MAX_TIME_POINTS`` (= 3,000,000), e.g. the default 61 doses up to 3073 h.

    Raises
    ------
    ValueError
        Bad input as for :func:`simulate_coculture`, bad doses, or too many doses for
        the hours; the message names the value and the valid range.
    """
    _checked_ph(ph)
    make_experiment(treatments)  # a clear error for treatments that are not a dict of doses
    doses = np.geomspace(0.01, 1000.0, 61) if doses_um is None else np.unique(checked_values(
        doses_um, "doses_um", 0.0, MAX_DOSE_UM, MAX_SCENARIOS, low_inclusive=False, unit=" µM"))
    courses = _courses(drug, doses, hours, donor, recipient, donor_fraction,
                       dict(treatments or {}), ph)
    return (_crossing(doses, courses["recipient_viability"][:, -1]),
            _crossing(doses, courses["recipient_alone_viability"][:, -1]))


def _crossing(doses: np.ndarray, viability: np.ndarray) -> float:
    below = np.flatnonzero(viability < 0.5)
    if below.size == 0:
        return float("inf")
    i = int(below[0])
    if i == 0:
        return float(doses[0])
    low, high = np.log(doses[i - 1]), np.log(doses[i])
    share = (viability[i - 1] - 0.5) / (viability[i - 1] - viability[i])
    return float(np.exp(low + share * (high - low)))


def rate_sensitivity(factors: Sequence[float] = (0.25, 1.0, 4.0), drug: str = "sorafenib",
                     dose: float = 5.0, hours: float = 72.0) -> dict[str, list[float]]:
    """How much of the protection depends on each unmeasured rate.

    For every rate in :data:`UNMEASURED_RATES` multiplied by each of ``factors``, the
    recipients' viability gain from resistant donors (co-culture minus alone, at the end).

    Parameters
    ----------
    factors : sequence of float
        Multiples of each rate, each from ``RATE_FACTOR_RANGE`` (0.01 to 100).
    drug, dose, hours
        As for :func:`simulate_coculture` (``0 < hours <= MAX_HOURS`` = 8760). Every
        factor runs four co-cultures of ``SCENARIOS_PER_DOSE`` (4) scenarios: factors ×
        16 × time points (``4 * hours + 1``) may not exceed ``MAX_TIME_POINTS``
        (= 3,000,000), e.g. the default 3 factors up to 8760 h, 10 factors up to 4687 h.

    Raises
    ------
    ValueError
        Bad factors, too many factors for the hours, or bad input as for
        :func:`simulate_coculture`; the message names the value and the valid range.
    """
    factors = checked_values(factors, "factors", *RATE_FACTOR_RANGE, MAX_SCENARIOS)
    rates = len(UNMEASURED_RATES)
    check_time_points(factors.size * rates * SCENARIOS_PER_DOSE, hours,
                      f"{factors.size} factors × {rates} rates × {SCENARIOS_PER_DOSE} (donor and "
                      f"recipient cells, vesicles and cargo)")
    gains: dict[str, list[float]] = {}
    base = parameter_values()
    for name in UNMEASURED_RATES:
        gains[name] = []
        for factor in factors.tolist():
            with parameters_set_to(**{name: base[name] * factor}):
                result = simulate_coculture(drug, dose, hours)
            gains[name].append(float(result.recipient_viability[-1]
                                     - result.recipient_alone_viability[-1]))
    return gains


@dataclass(frozen=True)
class VesicleTransfer:
    """Donors' autophagy markers, the vesicles they release, and recipients given them.

    Attributes
    ----------
    donor_lc3_i, donor_lc3_ii, donor_p62, donor_flux : float
        The donors at the end of the conditioning, relative to untreated donors (1 = basal).
    vesicles : float
        Vesicles the donors released during the conditioning, relative to untreated donors.
    vesicle_lc3_ii, vesicle_p62 : float
        LC3-II and p62 carried out in those vesicles (a.u.: vesicles × lysosomal block ×
        the donors' autophagosomal LC3-II, or their p62; 0 from untreated donors).
    recipient_lc3_ii, recipient_p62, recipient_viability : tuple of float
        The recipients at the end of the drug, without and with the donors' vesicles
        (levels relative to untreated recipients, viability to untreated cells).
    """

    donor_lc3_i: float
    donor_lc3_ii: float
    donor_p62: float
    donor_flux: float
    vesicles: float
    vesicle_lc3_ii: float
    vesicle_p62: float
    recipient_lc3_ii: tuple[float, float]
    recipient_p62: tuple[float, float]
    recipient_viability: tuple[float, float]


def vesicle_transfer(donor_treatments: Mapping[str, float] | None = None,
                     donor_knockdown: Mapping[str, float] | None = None,
                     drug: str = "sorafenib", dose: float = 5.0, donor: str = "Huh7-SR",
                     recipient: str = "Huh7", conditioning_hours: float = 24.0,
                     hours: float = 72.0) -> VesicleTransfer:
    """Condition donors with an autophagy inhibitor, then give their vesicles to recipients.

    The donors are treated (``donor_treatments``, ``donor_knockdown``; no anticancer drug)
    for ``conditioning_hours``; the vesicles they release are washed free of the compounds
    and given to the recipients, which receive ``drug`` at ``dose`` for ``hours``. Vesicles
    are given at the level untreated donors keep in a transwell with half the cells donors
    (1 a.u.), times the release of these donors (:func:`secretion_factor`). In the model
    the vesicles change the recipients' drug damage through their cargo, as in
    :func:`simulate_coculture`, and not their autophagy: no study the book could check
    measured LC3 or p62 in HCC cells given HCC vesicles.

    Parameters
    ----------
    donor_treatments : mapping of str to float, optional
        Compounds of the conditioning, µM (e.g. ``{"chloroquine": 20.0}``).
    donor_knockdown : mapping of str to float, optional
        Gene to fraction removed in the donors, 0-1 (e.g. ``{"ATG5": 0.9}``).
    drug : str
        One of ``widgets.COMPOUNDS``, given to the recipients.
    dose : float
        Its concentration, µM, 0 to ``MAX_DOSE_UM``.
    donor, recipient : str
        Cell lines (``widgets.CELL_LINES``).
    conditioning_hours, hours : float
        Durations of the conditioning and of the drug, each in (0, ``MAX_HOURS``].

    Raises
    ------
    ValueError
        Bad names, doses, fractions or hours; the message names the value and the valid
        choices.
    """
    dose = checked_number(dose, "dose", 0.0, MAX_DOSE_UM)
    conditioning_hours = checked_hours(conditioning_hours, "conditioning_hours")
    hours = checked_hours(hours)
    drug = canonical_name(drug, COMPOUNDS, "drug")
    conditioned = make_experiment(donor_treatments, donor_knockdown, donor)
    treated = make_experiment({drug: dose}, None, recipient)
    donors = simulate_many([conditioned], conditioning_hours)
    live = float(np.mean(0.5 * (donors["viability"][0, 1:] + donors["viability"][0, :-1])))
    vesicles = live * secretion_factor(conditioned)
    carried = vesicles * lysosomal_block(conditioned)
    recipients = simulate_many([treated], hours)
    t = time_grid(hours)
    exosomes = np.full((1, t.size), vesicles * _medium_scale())
    loading = parameter_values(conditioned.cell_line)["exosome_cargo_loading"]
    given, _ = _protected_recipients(t, exosomes, loading, [treated], recipients["flux"])
    lc3_ii, p62 = float(recipients["lc3_ii"][0, -1]), float(recipients["p62"][0, -1])
    return VesicleTransfer(
        donor_lc3_i=float(donors["lc3_i"][0, -1]), donor_lc3_ii=float(donors["lc3_ii"][0, -1]),
        donor_p62=float(donors["p62"][0, -1]), donor_flux=float(donors["flux"][0, -1]),
        vesicles=vesicles,
        vesicle_lc3_ii=carried * float(donors["autophagosome_lc3_ii"][0, -1]),
        vesicle_p62=carried * float(donors["p62"][0, -1]),
        recipient_lc3_ii=(lc3_ii, lc3_ii), recipient_p62=(p62, p62),
        recipient_viability=(float(recipients["viability"][0, -1]),
                             float(given["viability"][0, -1])))
