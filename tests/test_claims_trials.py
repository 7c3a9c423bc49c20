"""The claims the pages of the clinical-translation chapter make, checked on the model.

One test per widget notebook of ``chapters/trials/`` (``test_trials_<notebook>_claims``;
``tests/test_chapters.py`` asks for it) checks what its text tells the reader to look for
outside its tasks, whose numbers and directions ``data/activities/trials.json`` computes. Every
exercise of the chapter, on the widget notebooks and the prose pages, is either checked by a
test marked ``@checks_solution`` (each quoted phrase of the solution asserted right under a
comment repeating it) or listed in ``WITHOUT_MODEL_CLAIMS`` with the reason it needs no check
(``tests/test_claims_coverage.py``). A teacher who edits ``data/`` sees here which page's text
needs a look, instead of a failing cell in the notebook.
"""
import math

import numpy as np

import widgets
from solution_claims import checks_solution

WITHOUT_MODEL_CLAIMS = {
    "ex-trials-index-1": "explains why hazard ratios, not medians, compare trials; a reasoning "
                         "about trial design that states no number or direction of the model",
    "ex-trials-index-2": "lists what a trial of an autophagy inhibitor must measure; a design "
                         "checklist with no model number",
    "ex-trials-design-3": "reads the confidence interval the exercise gives against its margin, "
                          "and REFLECT's published one (Kudo et al. 2018); nothing the model "
                          "computes",
    "ex-trials-dish-3": "draws the consequence of a literature finding (Mahalingam et al. 2014) "
                        "for blood-only read-outs; no model number or direction",
    "ex-trials-dish-4": "arithmetic on a literature half-life (Tett et al. 1988) that the model "
                        "does not use, and literature reasons in each direction; no model number",
}


# --- the widget notebooks ----------------------------------------------------------------


@checks_solution("ex-power-1", "about 228 deaths", "about 450 by 24 months",
                 "The virtual SHARP observes about twice as many deaths by 24 months",
                 "the simulation gives more than 0.9 at 300 per arm")
@checks_solution("ex-power-2", "a hazard ratio near 0.97",
                 r"$4 (2.80)^2 / (\ln 0.967)^2 \approx 28{,}000$ deaths",
                 r"$4 (2.80)^2 / (\ln 0.92)^2 \approx 4{,}500$ deaths")
def test_trials_power_claims():
    """What `chapters/trials/power.ipynb` states outside its tasks: its two exercises."""
    from scipy import stats

    from widgets.model.trials import schoenfeld_events, virtual_trial
    from widgets.panels.trials import POWER_SIZES, power_results

    # "about 228 deaths"
    needed = schoenfeld_events(0.69)
    assert round(needed) == 228
    # "about 450 by 24 months"
    trial = virtual_trial({"placebo": {}, "sorafenib": {"sorafenib": 1.0}}, n_per_arm=300)
    deaths = sum(int(trial.events[arm].sum()) for arm in trial.arms)
    assert abs(deaths - 450) < 25
    # "The virtual SHARP observes about twice as many deaths by 24 months"
    assert 1.8 < deaths / needed < 2.2
    # "the simulation gives more than 0.9 at 300 per arm"
    powers, _ = power_results(1.0, 0.4)
    assert dict(zip(POWER_SIZES, powers["reference"]))[300] > 0.9
    # "a hazard ratio near 0.97"
    diluted = math.exp(0.4 * math.log(0.92))
    assert round(diluted, 3) == 0.967 and round(diluted, 2) == 0.97
    # "$4 (2.80)^2 / (\ln 0.967)^2 \approx 28{,}000$ deaths"
    assert round(stats.norm.ppf(0.975) + stats.norm.ppf(0.8), 2) == 2.80
    assert abs(schoenfeld_events(0.967) / 28_000 - 1) < 0.05
    # "$4 (2.80)^2 / (\ln 0.92)^2 \approx 4{,}500$ deaths"
    assert abs(schoenfeld_events(0.92) / 4_500 - 1) < 0.05


@checks_solution("ex-virtual-trial-2", "the power of a 300-per-arm trial for SHARP's effect is "
                 "above 90% in the model", "on average fewer than two trials in twenty miss")
def test_trials_virtual_trial_claims():
    """What `chapters/trials/virtual_trial.ipynb` states outside its tasks, and its exercise 2."""
    from widgets.quiz.bank import load_bank
    from widgets.quiz.quantities.trials import shown_logrank_p
    from widgets.panels.trials import chosen_seed

    # "the power of a 300-per-arm trial for SHARP's effect is above 90% in the model"
    arms = {"placebo": {}, "sorafenib": {"sorafenib": 1.0}}
    power = widgets.trial_power(arms, n_per_arm=300, n_trials=200)
    assert power > 0.9
    # "on average fewer than two trials in twenty miss"
    assert 20 * (1 - power) < 2
    # task "The same drug, a small trial" (a number prediction, so no option checks it): "None
    # of the three trials reaches p < 0.05"
    assert all(shown_logrank_p({"comparison": "", "n": 34, "replicate": replicate}) >= 0.05
               for replicate in ("lower", "median", "upper"))
    # question trials-virtual-1 asks for the HR of "the median trial" of sorafenib vs placebo at
    # 300 per arm: its seed must be the one the panel shows
    question = next(q for q in load_bank("trials")["questions"] if q["id"] == "trials-virtual-1")
    assert "(the median trial)" in question["question"]
    assert question["compute"]["seed"] == chosen_seed("", 300, 1.0, 0.4, 0.5)


@checks_solution("ex-virtual-trial-1", "give hazard ratios of 0.86 and 1.23",
                 "twenty more trials range from 0.60 to 1.65 around a true effect of 1.01",
                 "each confidence interval spans a factor of about three",
                 "most of its effect is lost at the concentrations patients tolerate",
                 "in tumours where autophagy kills it may harm")
def test_ex_virtual_trial_1_spread_and_dilution():
    """The page's defaults: HCQ at the standard dose, 40% dependent tumours, 34 per arm."""
    from widgets.model.trials import virtual_trial
    from widgets.panels.trials import (MONTHS, QUANTILES, chosen_seed, spread, trial_arms,
                                       true_hazard_ratio)

    shown = {q: virtual_trial(trial_arms("add_hcq", 1.0), 34, MONTHS,
                              chosen_seed("add_hcq", 34, 1.0, 0.4, QUANTILES[q]), dependent_share=0.4)
             for q in ("lower", "median", "upper")}
    # "give hazard ratios of 0.86 and 1.23"
    assert [round(shown[q].hazard_ratio, 2) for q in ("lower", "upper")] == [0.86, 1.23]
    # "twenty more trials range from 0.60 to 1.65 around a true effect of 1.01"
    more = spread("add_hcq", 34, 1.0, 0.4, more=True)
    assert (round(min(more.more), 2), round(max(more.more), 2)) == (0.60, 1.65)
    assert round(more.true_ratio, 2) == 1.01
    # "each confidence interval spans a factor of about three"
    assert all(2.5 < t.hazard_ratio_ci[1] / t.hazard_ratio_ci[0] < 3.5 for t in shown.values())
    # "most of its effect is lost at the concentrations patients tolerate": the tolerated doses
    # (up to 1200 mg/day, 3 x standard) keep under half the log hazard ratio of the culture level
    culture = math.log(true_hazard_ratio("add_hcq", 10.0, 0.4))
    assert culture < 0
    assert all(abs(math.log(true_hazard_ratio("add_hcq", m, 0.4))) < 0.5 * abs(culture)
               for m in (1.0, 3.0))
    # "in tumours where autophagy kills it may harm": no dependent tumours, culture level
    assert true_hazard_ratio("add_hcq", 10.0, 0.0) > 1.0


def test_trials_pharmacodynamics_claims():
    """What `chapters/trials/pharmacodynamics.ipynb` states outside its tasks, and what its
    tasks' explanations say that no option's condition checks."""
    from widgets.model import pharmacodynamics as pd
    from widgets.model.data_files import parameter_values
    from widgets.model.trials import clinical_exposure_um
    from widgets.panels.trials import pharmacodynamics_panel

    assert round(clinical_exposure_um("hydroxychloroquine"), 1) == 2.7                       # intro
    assert round(pd.pd_parameters()["blood_cell_hcq_factor"]) == 5
    assert pd.pd_parameters()["pbmc_lc3_ii_rise_threshold"] == 0.51
    assert parameter_values()["trial_exposure_hours"] == 72
    assert [(row["dose_mg_per_day"], row["responders"], row["evaluated"])
            for row in pd.observations()] == [(400, 1, 5), (600, 2, 3), (800, 2, 2)]
    # "The page opens on 400 mg/day ... with the tumour at the whole-blood level"
    assert pharmacodynamics_panel().values() == {"dose": 400.0, "ratio": 1.0}
    # task "Blood says yes; does the tumour?" (a number prediction): at the same blood level
    # "the blood cells are blocked far more, and their bars do not move with the ratio"
    assert pd.blood_read_outs(1200.0)["flux"] < pd.tumour_read_outs(1200.0, 1.0)["flux"] - 0.3
    # task "Why not simply raise the dose?" (a number prediction): 800 mg/day "takes most
    # virtual patients past the line"
    assert pd.detectable_share(800.0) > 0.5
    grid = np.geomspace(1.0, 20.0, 301)              # admonition: "about 3 to 8 times"
    likelihood = np.array([pd.log_likelihood(k) for k in grid])
    inside = grid[likelihood > likelihood.max() - 1.92]
    assert round(inside[0]) == 3 and round(inside[-1]) == 8


@checks_solution("ex-pharmacodynamics-1", "at 400 mg/day only a minority of patients show a "
                 "detectable rise in blood cells (1 of 5 in the glioblastoma trial; about a third "
                 "of virtual patients)")
def test_ex_pharmacodynamics_1_a_minority_at_400_mg():
    from widgets.model import pharmacodynamics as pd

    # "at 400 mg/day only a minority of patients show a detectable rise in blood cells (1 of 5
    # in the glioblastoma trial; about a third of virtual patients)"
    row = next(r for r in pd.observations() if r["dose_mg_per_day"] == 400)
    assert (row["responders"], row["evaluated"]) == (1, 5)
    assert 0.30 <= pd.detectable_share(400.0) <= 0.36


@checks_solution("ex-pharmacodynamics-2",
                 "The share passes one half between 400 and 600 mg/day (0.33 and 0.60)",
                 "At 600 mg/day the tumour cells, seeing the whole-blood level, still keep 0.96 "
                 "of their flux",
                 "unless the tumour holds several times the blood level")
def test_ex_pharmacodynamics_2_blood_test_against_tumour():
    from widgets.model import pharmacodynamics as pd

    # "The share passes one half between 400 and 600 mg/day (0.33 and 0.60)"
    shares = {d: pd.detectable_share(d) for d in (200.0, 400.0, 600.0, 800.0, 1200.0)}
    assert [round(shares[d], 2) for d in (400.0, 600.0)] == [0.33, 0.60]
    assert shares[400.0] < 0.5 < shares[600.0]
    # "At 600 mg/day the tumour cells, seeing the whole-blood level, still keep 0.96 of their
    # flux"
    assert round(pd.tumour_read_outs(600.0)["flux"], 2) == 0.96
    # "unless the tumour holds several times the blood level": at four times, a clear loss
    assert pd.tumour_read_outs(600.0, 4.0)["flux"] < 0.85


# --- the prose pages ---------------------------------------------------------------------


def _trial_row(row_id: str) -> dict:
    from widgets.model.data_files import read_table

    return next(row for row in read_table("trials.csv") if row["id"] == row_id)


@checks_solution("ex-trials-design-1", r"$\hat S = 5/6 = 0.833$",
                 r"$\hat S = 0.833 \times 3/4 = 0.625$", r"$\hat S = 0.625 \times 1/2 = 0.3125$",
                 "so the median survival is 6 months")
def test_ex_trials_design_1_kaplan_meier_by_hand():
    """The hand calculation agrees with the estimator behind the book's Kaplan–Meier curves
    (:func:`scipy.stats.ecdf` on censored data, as :mod:`widgets.model.trials` uses it)."""
    from scipy import stats

    data = stats.CensoredData(uncensored=[1.0, 4.0, 6.0], right=[2.0, 5.0, 8.0])
    sf = stats.ecdf(data).sf

    def curve(month: float) -> float:
        return float(sf.evaluate(month))
    # "$\hat S = 5/6 = 0.833$"
    assert round(curve(1.0), 3) == 0.833
    # "$\hat S = 0.833 \times 3/4 = 0.625$"
    assert round(curve(4.0), 3) == 0.625
    # "$\hat S = 0.625 \times 1/2 = 0.3125$"
    assert round(curve(6.0), 4) == 0.3125
    # "so the median survival is 6 months"
    assert curve(4.0) > 0.5 >= curve(6.0)


@checks_solution("ex-trials-design-2",
                 r"$(\ln 0.75)^2 = 0.0828$, so $d = 4 \times 7.849 / 0.0828 \approx 379$ deaths",
                 r"$(\ln 0.60)^2 = 0.2609$, so $d \approx 120$ deaths",
                 "The enriched trial needs about a third of the events")
def test_ex_trials_design_2_schoenfeld():
    from scipy import stats

    from widgets.model.trials import schoenfeld_events

    # "$(\ln 0.75)^2 = 0.0828$, so $d = 4 \times 7.849 / 0.0828 \approx 379$ deaths"
    assert round(math.log(0.75) ** 2, 4) == 0.0828
    assert round((stats.norm.ppf(0.975) + stats.norm.ppf(0.8)) ** 2, 3) == 7.849
    assert round(schoenfeld_events(0.75)) == 379
    # "$(\ln 0.60)^2 = 0.2609$, so $d \approx 120$ deaths"
    assert round(math.log(0.60) ** 2, 4) == 0.2609
    assert round(schoenfeld_events(0.60)) == 120
    # "The enriched trial needs about a third of the events"
    assert 0.28 < schoenfeld_events(0.60) / schoenfeld_events(0.75) < 0.36


@checks_solution("ex-trials-registry-1", "**68 is the estimated enrolment**",
                 "no results have been posted on the registry",
                 "A conference abstract reports single-arm results in 33 patients",
                 "there is no sorafenib-alone arm", "Allocation is non-randomised")
def test_ex_trials_registry_1_the_record_in_data():
    """The registry facts the solution gives are those of ``data/trials.csv``."""
    row = _trial_row("sorafenib_hcq_hcc")
    # "**68 is the estimated enrolment**"
    assert row["planned_n"] == "68 (estimated enrolment)"
    # "no results have been posted on the registry"
    assert row["results"].startswith("no results posted on the registry")
    # "A conference abstract reports single-arm results in 33 patients"
    assert row["actual_n"].startswith("33 ") and "results abstract" in row["actual_n"]
    # "there is no sorafenib-alone arm"
    assert "no sorafenib-alone arm" in row["design"]
    # "Allocation is non-randomised"
    assert row["design"].startswith("non-randomised")


@checks_solution("ex-trials-registry-2", "at 400 mg/day there may be no pharmacodynamic effect")
def test_ex_trials_registry_2_little_effect_at_400_mg():
    from widgets.model import pharmacodynamics as pd

    # "at 400 mg/day there may be no pharmacodynamic effect": most virtual patients show no
    # detectable blood-cell block, and the tumour cells barely lose flux
    assert pd.detectable_share(400.0) < 0.5
    assert pd.tumour_read_outs(400.0)["flux"] > 0.95


@checks_solution("ex-trials-registry-3", "With 55 and 57 patients",
                 "(41%, 95% CI 27–53%, against 49%, 35–61%)")
def test_ex_trials_registry_3_the_pancreatic_trial_in_data():
    row = _trial_row("hcq_gem_nabp_metastatic_pancreas")
    # "With 55 and 57 patients"
    assert "(55 with HCQ, 57 without)" in row["actual_n"]
    # "(41%, 95% CI 27–53%, against 49%, 35–61%)"
    assert "41% (95% CI 27-53) with HCQ vs 49% (35-61) without" in row["results"]


@checks_solution("ex-trials-dish-1", "Divided by 464.8 g/mol this gives 6.3 µM total",
                 "0.003 × 6.3 µM ≈ 0.019 µM, about 19 nM")
def test_ex_trials_dish_1_sorafenib_in_micromolar():
    """The conversion is the one ``data/clinical_exposure.csv`` uses for sorafenib."""
    from widgets.model.data_files import read_table

    row = next(r for r in read_table("clinical_exposure.csv") if r["compound"] == "sorafenib")
    molar_mass = float(row["value"]) / float(row["exposure_um"])      # ng/mL per µM = g/mol
    # "Divided by 464.8 g/mol this gives 6.3 µM total"
    assert abs(molar_mass / 464.8 - 1) < 0.001
    assert "464.8 g/mol" in row["note"] and "2.91 ug/mL (6.3 uM" in row["note"]
    total = 2910 / 464.8
    assert round(total, 1) == 6.3
    # "0.003 × 6.3 µM ≈ 0.019 µM, about 19 nM"
    assert "unbound fraction of 0.3%" in row["note"]
    assert round(0.003 * total, 3) == 0.019


@checks_solution("ex-trials-dish-2", "At 400 mg/day whole-blood HCQ is about 2.7 µM")
def test_ex_trials_dish_2_hcq_in_blood():
    from widgets.model.trials import clinical_exposure_um, standard_dose_mg_per_day

    # "At 400 mg/day whole-blood HCQ is about 2.7 µM"
    assert standard_dose_mg_per_day("hydroxychloroquine") == 400
    assert round(clinical_exposure_um("hydroxychloroquine"), 1) == 2.7
