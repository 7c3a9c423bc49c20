"""The claims the widget notebooks of the clinical-translation chapter make, checked on the model.

Each test reads what one notebook of ``chapters/trials/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_trials_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
"""
import math

import widgets


def test_trials_power_claims():
    """What `chapters/trials/power.ipynb` tells the reader to look for."""
    from widgets.model.trials import schoenfeld_events, virtual_trial
    from widgets.panels.trials import POWER_SIZES, power_results

    powers, ratios = power_results(1.0, 0.4)                                                          # task 1
    assert max(powers["all comers"]) < 0.12 and max(powers["enriched"]) < 0.12
    reference = dict(zip(POWER_SIZES, powers["reference"]))                                     # task 2
    assert reference[34] < 0.4 and reference[300] > 0.85
    assert any(reference[n] >= 0.8 for n in (100, 200, 300)) and reference[100] < 0.8
    high, high_ratios = power_results(10.0, 0.8)                                                      # task 3
    assert high_ratios["enriched"] < high_ratios["all comers"] < 1.0
    assert high["enriched"][-1] > high["all comers"][-1] and high["enriched"][2] < 0.4
    low, low_ratios = power_results(10.0, 0.4)                                                        # task 4
    assert low_ratios["all comers"] > high_ratios["all comers"]
    assert abs(low_ratios["enriched"] - high_ratios["enriched"]) < 0.02
    assert round(schoenfeld_events(0.69)) == 228                                               # task 5


def test_trials_virtual_trial_claims():
    """What `chapters/trials/virtual_trial.ipynb` tells the reader to look for."""
    from widgets.model.trials import virtual_trial
    from widgets.panels.trials import trial_arms

    def trial(comparison, n, seed, hcq=1.0, **options):
        return virtual_trial(trial_arms(comparison, hcq), n, 24.0, seed, **options)

    sharp = [trial("", 300, seed) for seed in range(3)]                                    # task 1
    assert all(t.hazard_ratio < 0.85 and t.logrank_p < 0.05 for t in sharp)
    assert all(t.median_os["sorafenib"] > t.median_os["placebo"] for t in sharp)
    assert all(abs(t.median_os["placebo"] - 7.9) < 1.5 for t in sharp)
    small = [trial("", 34, seed) for seed in range(3)]                                     # task 2
    assert all(t.hazard_ratio_ci[1] / t.hazard_ratio_ci[0] > 2.5 for t in small)
    assert all(t.logrank_p > 0.05 for t in small) and max(t.hazard_ratio for t in small) > 1
    added = [trial("add_hcq", 300, seed) for seed in range(3)]                                  # task 3
    assert all(abs(math.log(t.hazard_ratio)) < 0.2 for t in added)
    chance = [trial("add_hcq", 34, seed).hazard_ratio for seed in range(3)]                     # task 4
    assert max(chance) / min(chance) > 1.3
    large = {(hcq, enrichment): trial("add_hcq", 20000, 1, hcq, enrichment=enrichment).hazard_ratio   # task 5
             for hcq in (3.0, 10.0) for enrichment in (None, "autophagy_dependent")}
    assert abs(large[(3.0, None)] - 1) < 0.03 and large[(10.0, "autophagy_dependent")] < 0.95
    assert large[(10.0, "autophagy_dependent")] < large[(10.0, None)]
    assert trial("add_hcq", 20000, 1, 10.0, dependent_share=0.0).hazard_ratio > 1.0            # task 6
    enriched = trial("add_hcq", 200, 0, dependent_share=1.0)
    assert all((kinds == 0).all() for kinds in enriched.tumour_types.values())
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
