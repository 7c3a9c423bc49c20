"""The claims the widget notebooks of the machinery chapter make, checked on the model.

Each test reads what one notebook of ``chapters/machinery/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_machinery_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
"""
import widgets


def test_machinery_flux_explorer_claims():
    """What `chapters/machinery/flux_explorer.ipynb` tells the reader to look for."""
    rapa = widgets.simulate({"rapamycin": 0.1}, hours=24.0)
    assert rapa.lc3_i[-1] < 1 and rapa.lc3_ii[-1] > 1 and rapa.flux[-1] > 1 and rapa.p62[-1] < 1
    cq = widgets.simulate({"chloroquine": 20.0}, hours=24.0)
    assert cq.lc3_ii[-1] > 1 and cq.flux[-1] < 1 and cq.p62[-1] > 1
    assert abs(cq.flux[-1] - widgets.simulate({"chloroquine": 20.0}, hours=72.0).flux[-1]) < 0.01
    baf = widgets.simulate({"bafilomycin_a1": 0.1}, hours=4.0)
    both = widgets.simulate({"rapamycin": 0.1, "bafilomycin_a1": 0.1}, hours=4.0)
    assert both.lc3_ii[-1] > baf.lc3_ii[-1] + 0.3
    baf_day = widgets.simulate({"bafilomycin_a1": 0.1}, hours=24.0)
    both_day = widgets.simulate({"rapamycin": 0.1, "bafilomycin_a1": 0.1}, hours=24.0)
    assert both_day.lc3_ii[-1] > baf_day.lc3_ii[-1] + 0.3  # as the website shows it, at 24 h
    for early in ({"3_methyladenine": 5000.0},):
        r = widgets.simulate(early, hours=24.0)
        assert r.lc3_ii[-1] < 1 and r.p62[-1] > 1 and r.flux[-1] < 1
    for fraction, low, high in ((0.5, 0.93, 1.0), (0.9, 0.7, 0.9), (0.95, 0.6, 0.75),
                                (0.99, 0.2, 0.4)):
        level = widgets.simulate({}, hours=1.0, knockdown={"ATG5": fraction}).lc3_ii[0]
        assert low < level < high, (fraction, level)
    huh7 = widgets.simulate({"sorafenib": 5.0}, hours=24.0, cell_line="Huh7")
    hep3b = widgets.simulate({"sorafenib": 5.0}, hours=24.0, cell_line="Hep3B")
    assert 1.2 < huh7.flux[-1] < 1.4 and huh7.p62[-1] < 0.9 and abs(hep3b.flux[-1] - 1) < 0.05
    kd = widgets.simulate({}, hours=24.0, knockdown={"ATG7": 0.9})
    assert kd.lc3_ii[-1] < 1 and kd.p62[-1] > 1 and kd.flux[-1] < 1


def test_machinery_western_blot_claims():
    """What `chapters/machinery/western_blot.ipynb` tells the reader to look for (its tasks,
    ``data/activities/machinery.json``, compute their own numbers)."""
    from widgets.model.assays import turnover_blot

    # "An early block such as 3-methyladenine and a late block such as chloroquine (see the flux
    # explorer) move LC3-II in opposite directions, yet both lower flux"
    three_ma = turnover_blot({"3_methyladenine": 5000.0}, "bafilomycin_a1", 0.1, hours=24.0)
    assert three_ma.normalised[2, 2] < 1 and three_ma.flux["treated"] < three_ma.flux["control"]
    chloroquine_alone = widgets.simulate({"chloroquine": 20.0}, hours=24.0)
    assert chloroquine_alone.lc3_ii[-1] > 1 and chloroquine_alone.flux[-1] < 1
    # "Each lane is loaded with a slightly different amount of protein": loading really differs
    # between lanes, and normalisation removes it
    assert three_ma.intensity[3].std() > 0.02
    # "The ratio misleads more": its change misstates the change in true flux (here it
    # exaggerates the fall)
    ratio_change = three_ma.lc3_ratio[2] / three_ma.lc3_ratio[0]
    assert abs(ratio_change - three_ma.true_flux["treated"]) > 0.1
    # Exercise 1: "Bafilomycin A1 gives the larger read-out" (rapamycin; chloroquine at the
    # website's 20 µM and at 50 µM)
    bafilomycin = turnover_blot({"rapamycin": 0.1}, "bafilomycin_a1", 0.1, hours=24.0)
    for dose in (20.0, 50.0):
        chloroquine = turnover_blot({"rapamycin": 0.1}, "chloroquine", dose, hours=24.0)
        assert bafilomycin.flux["treated"] > chloroquine.flux["treated"], dose
