"""The claims the widget notebooks of the clinical-translation chapter make, checked on the model.

Each test reads what one notebook of ``chapters/trials/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_trials_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
"""
import math

import numpy as np

import widgets


def test_trials_power_claims():
    """What `chapters/trials/power.ipynb` states outside its tasks (whose numbers and
    directions ``data/activities/trials.json`` computes)."""
    from widgets.model.trials import schoenfeld_events, virtual_trial
    from widgets.panels.trials import POWER_SIZES, power_results

    # ex-power-1: "about 228 deaths"; "about 450 by 24 months"; "the simulation gives more than
    # 0.9 at 300 per arm"
    assert round(schoenfeld_events(0.69)) == 228
    trial = virtual_trial({"placebo": {}, "sorafenib": {"sorafenib": 1.0}}, n_per_arm=300)
    assert abs(sum(int(trial.events[arm].sum()) for arm in trial.arms) - 450) < 25
    powers, _ = power_results(1.0, 0.4)
    assert dict(zip(POWER_SIZES, powers["reference"]))[300] > 0.9
    # ex-power-2: "a hazard ratio near 0.97"; "about 28,000 deaths"; "about 4,500 deaths"
    diluted = math.exp(0.4 * math.log(0.92))
    assert round(diluted, 2) == 0.97
    assert abs(schoenfeld_events(0.967) / 28_000 - 1) < 0.05
    assert abs(schoenfeld_events(0.92) / 4_500 - 1) < 0.05


def test_trials_virtual_trial_claims():
    """What `chapters/trials/virtual_trial.ipynb` states outside its tasks (whose numbers and
    directions ``data/activities/trials.json`` computes)."""
    # ex-virtual-trial-2: "the power of a 300-per-arm trial for SHARP's effect is above 90% in
    # the model"
    arms = {"placebo": {}, "sorafenib": {"sorafenib": 1.0}}
    assert widgets.trial_power(arms, n_per_arm=300, n_trials=200) > 0.9
    # task "The same drug, a small trial" (a number prediction, so no option checks it): "None
    # of the three trials reaches p < 0.05"
    from widgets.quiz.quantities.trials import shown_logrank_p
    assert all(shown_logrank_p({"comparison": "", "n": 34, "replicate": replicate}) >= 0.05
               for replicate in ("lower", "median", "upper"))
    _exercise_1_spread_is_what_the_page_shows()
    _quiz_reads_the_median_trial_at_300_per_arm()


def _exercise_1_spread_is_what_the_page_shows():
    """ex-virtual-trial-1's solution: "the lower- and upper-quartile trials of 34 per arm of the
    *same* design give hazard ratios of 0.86 and 1.23, twenty more trials range from 0.60 to
    1.65 around a true effect of 1.01, and each confidence interval spans a factor of about
    three" (HCQ at the standard dose, the page's defaults)."""
    import json
    from pathlib import Path

    from widgets.model.trials import virtual_trial
    from widgets.panels.trials import MONTHS, QUANTILES, chosen_seed, spread, trial_arms

    page = Path(__file__).resolve().parents[1] / "chapters" / "trials" / "virtual_trial.ipynb"
    text = "".join("".join(c["source"]) for c in json.loads(page.read_text(encoding="utf-8"))["cells"])
    assert "give hazard ratios of 0.86 and 1.23, twenty more trials range from 0.60 to 1.65 " \
           "around a true effect of 1.01" in text
    shown = {q: virtual_trial(trial_arms("add_hcq", 1.0), 34, MONTHS,
                              chosen_seed("add_hcq", 34, 1.0, 0.4, QUANTILES[q]), dependent_share=0.4)
             for q in ("lower", "median", "upper")}
    assert [round(shown[q].hazard_ratio, 2) for q in ("lower", "upper")] == [0.86, 1.23]
    more = spread("add_hcq", 34, 1.0, 0.4, more=True)
    assert (round(min(more.more), 2), round(max(more.more), 2)) == (0.60, 1.65)
    assert round(more.true_ratio, 2) == 1.01
    assert all(2.5 < t.hazard_ratio_ci[1] / t.hazard_ratio_ci[0] < 3.5 for t in shown.values())


def _quiz_reads_the_median_trial_at_300_per_arm():
    """Question trials-virtual-1 asks for the HR of "the median trial" of sorafenib vs placebo
    at 300 per arm: its seed must be the one the panel shows."""
    from widgets.panels.trials import chosen_seed
    from widgets.quiz.bank import load_bank

    question = next(q for q in load_bank("trials")["questions"] if q["id"] == "trials-virtual-1")
    assert "(the median trial)" in question["question"]
    assert question["compute"]["seed"] == chosen_seed("", 300, 1.0, 0.4, 0.5)


def test_trials_pharmacodynamics_claims():
    """What `chapters/trials/pharmacodynamics.ipynb` tells the reader to look for."""
    from widgets.model import pharmacodynamics as pd
    from widgets.model.data_files import parameter_values
    from widgets.model.trials import clinical_exposure_um

    def rounded(values):
        return {name: round(value, 2) for name, value in values.items()}

    assert round(clinical_exposure_um("hydroxychloroquine"), 1) == 2.7                       # intro
    assert round(pd.pd_parameters()["blood_cell_hcq_factor"]) == 5
    assert pd.pd_parameters()["pbmc_lc3_ii_rise_threshold"] == 0.51
    assert parameter_values()["trial_exposure_hours"] == 72
    assert [(row["dose_mg_per_day"], row["responders"], row["evaluated"])
            for row in pd.observations()] == [(400, 1, 5), (600, 2, 3), (800, 2, 2)]
    low = rounded(pd.blood_read_outs(400.0))                                                    # task 1
    assert low["lc3_ii"] == 1.40 and low["lc3_ii"] < 1.51
    assert 0.30 <= pd.detectable_share(400.0) <= 0.36                     # "about a third", 0.33
    assert round(pd.tumour_read_outs(400.0)["flux"], 2) == 0.98
    high = rounded(pd.blood_read_outs(1200.0))                                          # tasks 2 to 4
    assert (low["flux"], high["lc3_ii"], high["flux"], high["p62"]) == (0.74, 1.93, 0.44, 1.28)
    tumour = {r: round(pd.tumour_read_outs(1200.0, r)["flux"], 2) for r in (0.25, 1.0, 4.0)}
    assert tumour == {0.25: 0.99, 1.0: 0.90, 4.0: 0.61}
    assert round(pd.detectable_share(800.0), 2) == 0.77                                      # task 5
    grid = np.geomspace(1.0, 20.0, 301)                                  # "about 3 to 8 times"
    likelihood = np.array([pd.log_likelihood(k) for k in grid])
    inside = grid[likelihood > likelihood.max() - 1.92]
    assert round(inside[0]) == 3 and round(inside[-1]) == 8
    shares = [round(pd.detectable_share(d), 2) for d in (400.0, 600.0)]                 # exercise 2
    assert shares == [0.33, 0.60]
    assert round(pd.tumour_read_outs(600.0)["flux"], 2) == 0.96
