"""The claims the widget notebooks of the non-coding RNA chapter make, checked on the model.

Each test reads what one notebook of ``chapters/ncrna/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_ncrna_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
"""


def test_ncrna_mir21_contexts_claims():
    """What `chapters/ncrna/mir21_contexts.ipynb` states outside its tasks (whose numbers and
    directions ``data/activities/ncrna.json`` computes)."""
    import numpy as np

    from widgets.model.ncrna import links, target_level
    from widgets.model.table1 import context_result

    # exercise 2: "PTEN is 1/(1 + rho(L - 1)) with rho = 0.81"; "at most 1/(1 - rho) ~ 5 times
    # the resistant line's basal"; "The curve is steepest below the basal level ... flattens at
    # low levels ... and at high levels"
    rho = next(link.basal_repression for link in links("Huh7-SR") if link.target == "PTEN")
    assert rho == 0.81 and round(1 / (1 - rho)) == 5
    assert target_level(1e-9, rho) < 1 / (1 - rho) + 1e-6
    levels = np.geomspace(0.05, 30, 15)
    ic50s = np.log([context_result("sorafenib", "Huh7-SR", float(x)).ic50_um for x in levels])
    slopes = np.abs(np.diff(ic50s))
    assert levels[slopes.argmax() + 1] <= 1.0
    assert slopes[0] < slopes.max() / 2 and slopes[-1] < slopes.max() / 2


def test_ncrna_table1_dial_claims():
    """What `chapters/ncrna/table1_dial.ipynb` states outside its tasks (whose numbers and
    directions ``data/activities/ncrna.json`` computes)."""
    from widgets.model.ncrna import links, target_level
    from widgets.model.table1 import dial

    # task "A mimic that blocks initiation": "the LC3 turnover read-out of the blot falls with it"
    mimic = dial("mir26_doxorubicin", 10.0)
    assert mimic.blot.flux["treated"] < mimic.blot.flux["control"]
    # exercise 2: "target_level(1e-9, 0.3) gives 1.43"
    assert round(target_level(1e-9, 0.3), 2) == 1.43
    # exercise 3: "miR-101 has three targets that together carry 50% of nucleation and 40% of
    # conjugation, while EVA1A carries 40% of nucleation"
    carried = {}
    for link in links("HepG2"):
        if link.regulator == "miR-101":
            carried[link.step] = carried.get(link.step, 0.0) + link.step_dependence
    assert carried == {"nucleation": 0.5, "conjugation": 0.4}
    assert [(link.step, link.step_dependence) for link in links("HepG2")
            if link.target == "EVA1A"] == [("nucleation", 0.4)]
