"""Quiz quantities of the clinical-translation chapter."""
from __future__ import annotations

from ...model.pharmacodynamics import (blood_read_outs, detectable_share, observations,
                                        pd_parameters, tumour_read_outs)
from ...model.trials import schoenfeld_events, virtual_trial
from ...panels import trials as trial_panel
from . import chosen_read_out


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


def pharmacodynamic_parameter(spec: dict) -> float:
    """The number ``name`` of ``data/pharmacodynamics.csv`` (e.g. ``"blood_cell_hcq_factor"``)."""
    parameters = pd_parameters()
    if spec["name"] not in parameters:
        raise ValueError(f"name {spec['name']!r}; valid choices are: {', '.join(parameters)}")
    return parameters[spec["name"]]


def observed_blood_cell_count(spec: dict) -> float:
    """Patients at ``mg_per_day`` HCQ in the trial whose blood-cell counts calibrate the model
    (``data/pd_observations.csv``): ``read_out`` "responders" (with a rise) or "evaluated"."""
    rows = {row["dose_mg_per_day"]: row for row in observations()}
    if spec["mg_per_day"] not in rows:
        raise ValueError(f"mg_per_day {spec['mg_per_day']!r}; valid choices are: "
                         f"{', '.join(f'{dose:g}' for dose in rows)}")
    return float(rows[spec["mg_per_day"]][chosen_read_out(spec, ("responders", "evaluated"))])


QUANTITIES = {"trial_hazard_ratio": trial_hazard_ratio, "schoenfeld_events": events,
              "blood_cell_read_out": blood_cell_read_out,
              "tumour_cell_read_out": tumour_cell_read_out,
              "detectable_block_share": detectable_block_share,
              "pharmacodynamic_parameter": pharmacodynamic_parameter,
              "observed_blood_cell_count": observed_blood_cell_count}


def _design(spec: dict) -> tuple[str, float, float]:
    """The panels' design of a ``compute`` object: ``comparison`` ("" sorafenib against
    placebo, default "add_hcq"), ``hcq`` (multiple of the standard dose, default 1) and
    ``share`` (autophagy-dependent tumours, default 0.4)."""
    return spec.get("comparison", "add_hcq"), spec.get("hcq", 1.0), spec.get("share", 0.4)


def shown_trial(spec: dict):
    """The trial the virtual-trial panel shows for a design (:func:`_design`), ``n`` patients
    per arm and ``replicate`` ("median", "lower" or "upper"; default "median")."""
    comparison, hcq, share = _design(spec)
    quantile = trial_panel.QUANTILES[spec.get("replicate", "median")]
    seed = trial_panel.chosen_seed(comparison, spec["n"], hcq, share, quantile)
    return virtual_trial(trial_panel.trial_arms(comparison, hcq), spec["n"], trial_panel.MONTHS,
                         seed, dependent_share=share)


def shown_hazard_ratio(spec: dict) -> float:
    """Hazard ratio of the trial the panel shows (keys of :func:`shown_trial`)."""
    return shown_trial(spec).hazard_ratio


def shown_logrank_p(spec: dict) -> float:
    """Log-rank p of the trial the panel shows (keys of :func:`shown_trial`)."""
    return shown_trial(spec).logrank_p


def shown_ci_span(spec: dict) -> float:
    """Upper over lower end of the 95% confidence interval of the hazard ratio of the trial
    the panel shows (keys of :func:`shown_trial`)."""
    low, high = shown_trial(spec).hazard_ratio_ci
    return high / low


def shown_median_os(spec: dict) -> float:
    """Median overall survival (months) of ``arm`` in the trial the panel shows (keys of
    :func:`shown_trial`)."""
    return shown_trial(spec).median_os[spec["arm"]]


def true_hazard_ratio(spec: dict) -> float:
    """Hazard ratio of a very large trial of a design (:func:`_design`): the panel's true effect."""
    return trial_panel.true_hazard_ratio(*_design(spec))


def more_trials_hazard_ratio(spec: dict) -> float:
    """The ``extreme`` ("lowest" or "highest") hazard ratio of the panel's 20 more trials of a
    design (:func:`_design`) with ``n`` patients per arm."""
    comparison, hcq, share = _design(spec)
    ratios = trial_panel.spread(comparison, spec["n"], hcq, share, more=True).more
    return float({"lowest": min, "highest": max}[spec["extreme"]](ratios))


def panel_power(spec: dict) -> float:
    """Power the power panel draws for ``design`` ("all comers", "enriched" or "reference") at
    ``n`` patients per arm (one of its sizes), with ``hcq`` (default 1) and ``share`` (default 0.4)."""
    powers, _ = trial_panel.power_results(spec.get("hcq", 1.0), spec.get("share", 0.4))
    return float(powers[spec["design"]][trial_panel.POWER_SIZES.index(spec["n"])])


def panel_large_hazard_ratio(spec: dict) -> float:
    """Hazard ratio of a very large trial of ``design`` as the power panel's box gives it
    (``hcq`` default 1, ``share`` default 0.4)."""
    _, ratios = trial_panel.power_results(spec.get("hcq", 1.0), spec.get("share", 0.4))
    return float(ratios[spec["design"]])


def trial_deaths(spec: dict) -> float:
    """Deaths observed in both arms of :func:`widgets.virtual_trial` with ``arms``,
    ``n_per_arm``, ``months`` (default 24) and ``seed`` (default 0)."""
    trial = virtual_trial(spec["arms"], spec["n_per_arm"], spec.get("months", 24.0),
                          spec.get("seed", 0))
    return float(sum(trial.events[arm].sum() for arm in trial.arms))


QUANTITIES.update({"shown_hazard_ratio": shown_hazard_ratio, "shown_logrank_p": shown_logrank_p,
                   "shown_ci_span": shown_ci_span, "shown_median_os": shown_median_os,
                   "true_hazard_ratio": true_hazard_ratio,
                   "more_trials_hazard_ratio": more_trials_hazard_ratio,
                   "panel_power": panel_power, "panel_large_hazard_ratio": panel_large_hazard_ratio,
                   "trial_deaths": trial_deaths})
