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
