"""The claims the widget notebooks of the stem-cell chapter make, checked on the model.

Each test reads what one notebook of ``chapters/stem_cells/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_stem_cells_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
Each exercise solution of the chapter is either checked here, the test decorated with the words it
checks (``solution_claims.checks_solution``), or listed in ``WITHOUT_MODEL_CLAIMS`` with the reason
it states nothing the model computes (``tests/test_claims_coverage.py``).
"""
import json
from pathlib import Path

import pytest

import widgets
from solution_claims import checks_solution

CHAPTER = Path(__file__).resolve().parents[1] / "chapters" / "stem_cells"


def _page_text(notebook: str) -> str:
    cells = json.loads((CHAPTER / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")


WITHOUT_MODEL_CLAIMS = {
    "ex-stem-index-2": "limiting-dilution arithmetic on the mouse counts the exercise gives, and "
                       "why several doses are needed (ELDA, cited); no model number",
    "ex-stem-index-3": "designs a purity and time-course experiment to tell an impure sort from "
                       "a change of state; no model number",
    "ex-stem-signalling-1": "counts cells from the percentages the exercise gives; the 66.22% is "
                            "a literature value (cited), not a parameter in data/",
    "ex-stem-signalling-2": "reads the USP22-SIRT1-AKT-MRP1 pathway from a paper (cited) and designs "
                            "a necessity and sufficiency test; no model number",
    "ex-stem-signalling-3": "explains why a 72-hour assay misses quiescent cells (cited) and "
                            "designs a longer assay; no model number",
    "ex-stem-micro-1": "designs a sorted-cell experiment under hypoxia with starvation; its "
                       "outcome is hypothetical, no model number",
    "ex-stem-micro-2": "predicts the effect of blocking autophagy in three literature settings "
                       "(cited); no model number",
    "ex-stem-micro-3": "designs a co-culture experiment with macrophages and tocilizumab (dose "
                       "from the cited paper, not in data/); no model number",
    "ex-flow-1": "arithmetic on the percentages the exercise gives (2%, 6%, an isotype control "
                 "at 1.5%) and what else to ask for; no model number",
}


@checks_solution("ex-flow-2",
                 "They are the bright tail of the dim (other) cells and of the background",
                 "with 99% of the cells in the dim population, even a small share of them above "
                 "the gate outnumbers the few true stem-like cells",
                 "Moving the gate up reduces these false positives but also cuts off part of the "
                 "bright population, so the count of true positives falls")
@checks_solution("ex-stem-index-1", "where the gate was drawn")
def test_stem_cells_flow_cytometry_claims():
    """What `chapters/stem_cells/flow_cytometry.ipynb` tells the reader to look for.

    Its tasks (data/activities/stem_cells.json) compute their numbers and right answers from
    the model (tests/test_activities.py); here, the solutions of its exercises, and the
    cytometer's part in ex-stem-index-1 (the chapter's introduction).
    """
    from widgets.model.cytometry import percent_positive, stain
    from widgets.model.stem_cells import basal_stem_fraction
    from widgets.panels.stem_cells import sample_fraction

    text = _page_text("flow_cytometry.ipynb")
    assert "With HepG2 selected and the gate at 2.00, the box reports several times" in text
    line, fraction = sample_fraction(1)
    assert line.startswith("HepG2")
    hepg2 = stain(fraction, seed=1)
    bright, dim = stain(1.0).cd133, stain(0.0).cd133     # each population on its own
    # "They are the bright tail of the dim (other) cells and of the background"
    assert percent_positive(dim, 2.0) > 0 and percent_positive(hepg2.isotype, 2.0) > 0
    assert percent_positive(hepg2.cd133, 2.0) > 3 * 100 * fraction
    # "with 99% of the cells in the dim population, even a small share of them above the gate
    # outnumbers the few true stem-like cells"
    assert fraction == pytest.approx(basal_stem_fraction("HepG2")) == 0.01
    assert percent_positive(dim, 2.0) < 10
    assert (1 - fraction) * percent_positive(dim, 2.0) > fraction * percent_positive(bright, 2.0)
    # "Moving the gate up reduces these false positives but also cuts off part of the bright
    # population, so the count of true positives falls"
    for low, high in ((2.0, 2.25), (2.0, 2.5)):
        assert percent_positive(dim, high) < percent_positive(dim, low)
        assert percent_positive(hepg2.isotype, high) < percent_positive(hepg2.isotype, low)
        assert percent_positive(bright, high) < percent_positive(bright, low)
    # ex-stem-index-1: the percentage depends on "where the gate was drawn"
    huh7 = stain(sample_fraction(0)[1], seed=0).cd133
    assert percent_positive(huh7, 1.75) > percent_positive(huh7, 2.0) > percent_positive(huh7, 2.5)


@checks_solution("ex-sorted-1",
                 "The CD133− survivors regrow and, by switching state, regenerate CD133+ cells; "
                 "after two weeks the culture is close to its usual mixture again")
@checks_solution("ex-sorted-2",
                 "The model sets $a = (1 - f_0)/\\tau$ and $b_0 = f_0/\\tau$, which satisfies "
                 "this for any time constant $\\tau$.")
def test_stem_cells_sorted_cells_claims():
    """What `chapters/stem_cells/sorted_cells.ipynb` tells the reader to look for.

    Its tasks (data/activities/stem_cells.json) compute their numbers and right answers from
    the model (tests/test_activities.py). Here, the code for task 5, "with the time constant
    of switching set to 30 hours instead of the model's 120" (the task: "four times as
    fast"), and the solutions of the exercises.
    """
    import math

    from widgets.model.data_files import parameter_values, parameters_set_to
    from widgets.model.stem_cells import basal_stem_fraction

    text = _page_text("sorted_cells.ipynb")
    assert "set to 30 hours instead of the model's 120" in text
    assert parameter_values()["stem_relaxation_time"] == 120.0 == 4 * 30.0
    basal = basal_stem_fraction("Huh7")
    # "The CD133− survivors regrow and, by switching state, regenerate CD133+ cells; after two
    # weeks the culture is close to its usual mixture again"
    regrown = widgets.simulate_populations(hours=14 * 24.0, cell_line="Huh7", start_stem_fraction=0.0)
    assert regrown.total[-1] > regrown.total[0] and regrown.stem[-1] > 0
    assert abs(regrown.stem_fraction[-1] - basal) < 0.1 * basal
    # "The model sets $a = (1 - f_0)/\tau$ and $b_0 = f_0/\tau$, which satisfies this for any
    # time constant $\tau$." Untreated, the fraction stays at f0; a sorted one relaxes to it as
    # f0 + (f(0) - f0) exp(-t / tau), which these two rates give exactly.
    for tau in (30.0, 120.0, 500.0):
        with parameters_set_to(stem_relaxation_time=tau):
            steady = widgets.simulate_populations(hours=20 * 24.0, cell_line="Huh7")
            assert abs(steady.stem_fraction - basal).max() < 1e-9
            sorted_ = widgets.simulate_populations(hours=240.0, cell_line="Huh7",
                                                   start_stem_fraction=1.0)
            assert sorted_.stem_fraction[-1] == pytest.approx(
                basal + (1 - basal) * math.exp(-240.0 / tau), abs=1e-9)


@checks_solution("ex-therapy-cycles-1",
                 "**Selection:** CD133+ cells die less, so they are over-represented among the "
                 "survivors and their descendants.",
                 "**Conversion:** treatment (for example through autophagy, TARBP2 and Nanog "
                 "{cite:p}`lai2019tarbp2`) turns CD133− cells into CD133+ cells.",
                 "with selection alone they would appear only as fast as untreated CD133− cells "
                 "make them")
@checks_solution("ex-therapy-cycles-2",
                 "there chloroquine leaves about 7% fewer stem-like cells after three cycles, "
                 "while in normoxia it leaves about 6% *more* (it kills other cells, and in a "
                 "nearly full dish the survivors take their room)",
                 "Under stress the model's stem-like cells clear damage mainly through their "
                 "strongly induced autophagy, so blocking it costs them cells instead of sparing "
                 "them",
                 "It costs the other cells at least as large a share, so the stem-like "
                 "percentage barely moves; the number is what falls.",
                 "at 3 × IC50 chloroquine lowers the number by about 11% in both conditions")
def test_stem_cells_therapy_cycles_claims():
    """What `chapters/stem_cells/therapy_cycles.ipynb` tells the reader to look for.

    Its tasks (data/activities/stem_cells.json) compute their numbers and right answers from
    the model (tests/test_activities.py); here, the solutions of its exercises, ex-therapy-cycles-2
    at its own dose (sorafenib at its IC50).
    """
    from widgets.model.data_files import parameter_values, parameters_set_to
    from widgets.panels.stem_cells import _schedule_treatments

    text = _page_text("therapy_cycles.ipynb")
    assert "compare three cycles of sorafenib at its IC50 in Huh7 with and without chloroquine" in text

    # "**Selection:** CD133+ cells die less, so they are over-represented among the survivors
    # and their descendants."
    sorafenib = _schedule_treatments("sorafenib", 1.0, False, "Huh7")
    treated = widgets.simulate_populations(sorafenib, 72.0, "Huh7")
    untreated = widgets.simulate_populations({}, 72.0, "Huh7")
    assert parameter_values()["stem_drug_exposure"] < 1
    assert treated.stem_fraction[-1] > untreated.stem_fraction[-1] + 0.05
    assert _cycles_at_ic50(1.0, False, False).stem_fraction[-1] > untreated.stem_fraction[-1]
    # "**Conversion:** treatment (for example through autophagy, TARBP2 and Nanog
    # {cite:p}`lai2019tarbp2`) turns CD133− cells into CD133+ cells."
    # "with selection alone they would appear only as fast as untreated CD133− cells make them"
    def from_cd133_negative(treatments, conversion):
        with parameters_set_to(autophagy_stem_conversion=conversion):
            return widgets.simulate_populations(treatments, 72.0, "Huh7", False, 0.0).stem[-1]

    conversion = parameter_values()["autophagy_stem_conversion"]
    selection_alone = 1e-9
    assert from_cd133_negative(sorafenib, conversion) > 1.2 * from_cd133_negative(sorafenib,
                                                                                 selection_alone)
    assert from_cd133_negative(sorafenib, selection_alone) <= from_cd133_negative({},
                                                                                  selection_alone)

    def cut(multiple, hypoxia, cells="stem"):
        without = getattr(_cycles_at_ic50(multiple, False, hypoxia), cells)[-1]
        return 100 * (1 - getattr(_cycles_at_ic50(multiple, True, hypoxia), cells)[-1] / without)

    # "there chloroquine leaves about 7% fewer stem-like cells after three cycles, while in
    # normoxia it leaves about 6% *more* (it kills other cells, and in a nearly full dish the
    # survivors take their room)"
    assert cut(1.0, True) == pytest.approx(7, abs=0.5)
    assert cut(1.0, False) == pytest.approx(-6, abs=0.5)
    assert cut(1.0, False, "non_stem") > 0
    assert _cycles_at_ic50(1.0, False, False).total[-1] > 0.9 * parameter_values("Huh7")["culture_capacity"]
    with parameters_set_to(culture_capacity=1e4):   # room: in an endless dish chloroquine cuts them
        assert cut(1.0, False) > 10
    # "Under stress the model's stem-like cells clear damage mainly through their strongly
    # induced autophagy, so blocking it costs them cells instead of sparing them"
    huh7 = parameter_values("Huh7")
    assert huh7["stem_clearance_gain"] > 1
    assert huh7["hypoxia_induction_stem"] > huh7["hypoxia_induction_non_stem"]
    assert cut(1.0, True) > 0
    # "It costs the other cells at least as large a share, so the stem-like percentage barely
    # moves; the number is what falls."
    assert cut(1.0, True, "non_stem") >= cut(1.0, True)
    shares = [100 * _cycles_at_ic50(1.0, chloroquine, True).stem_fraction[-1]
              for chloroquine in (False, True)]
    assert abs(shares[1] - shares[0]) < 1
    # "at 3 × IC50 chloroquine lowers the number by about 11% in both conditions"
    for hypoxia in (False, True):
        assert cut(3.0, hypoxia) == pytest.approx(11, abs=1)


@checks_solution("ex-sorted-turnover-1",
                 "Higher flux in CD133+ cells predicts a larger rise with the inhibitor in CD133+ "
                 "cells (in the model, 1.31 against 0.96 with chloroquine under hypoxia and "
                 "sorafenib), together with lower p62 without the inhibitor.",
                 "If LC3-II were high because degradation was slow, the inhibitor would add little")
@checks_solution("ex-sorted-turnover-2",
                 "The ratio is about 1.37 with chloroquine and 1.17 with bafilomycin A1: the "
                 "direction holds")
def test_stem_cells_sorted_turnover_claims():
    """What `chapters/stem_cells/sorted_turnover.ipynb` tells the reader to look for.

    Its tasks (data/activities/stem_cells.json) compute their numbers and right answers from
    the model (tests/test_activities.py); here, the directions their explanations state that no
    option's condition carries, and the exercises' solutions.
    """
    from widgets.model.stem_cells import sorted_turnover

    sorafenib = {"sorafenib": 5.0}
    normoxia = sorted_turnover(sorafenib, False)
    hypoxia = sorted_turnover(sorafenib, True)
    # task "Hypoxia with starvation": "The read-out rises from … in normoxia" in both populations,
    # "More LC3-II" in CD133+ cells
    assert min(hypoxia.flux_readout.values()) > max(normoxia.flux_readout.values())
    assert hypoxia.lc3_ii["stem"][0] > hypoxia.lc3_ii["non_stem"][0]
    # task "LC3-II alone": a block raises LC3-II "even further" within a few hours; p62 "falls
    # when flux rises … and piles up when degradation stops"
    blocked = sorted_turnover({}, False, "bafilomycin_a1", 0.1)
    assert blocked.lc3_ii["stem"][1] > hypoxia.lc3_ii["stem"][0] > 1.0
    assert hypoxia.p62["stem"][0] < 1.0 < blocked.p62["stem"][1]
    # task "Without the drug": "Without it the read-outs are lower … but CD133+ cells still lead"
    alone = sorted_turnover({}, True)
    for population in ("stem", "non_stem"):
        assert alone.flux_readout[population] < hypoxia.flux_readout[population]

    # "Higher flux in CD133+ cells predicts a larger rise with the inhibitor in CD133+ cells (in
    # the model, 1.31 against 0.96 with chloroquine under hypoxia and sorafenib), together with
    # lower p62 without the inhibitor."
    assert hypoxia.true_flux["stem"] > hypoxia.true_flux["non_stem"]
    assert (round(hypoxia.flux_readout["stem"], 2), round(hypoxia.flux_readout["non_stem"], 2)) \
        == (1.31, 0.96)
    assert hypoxia.p62["stem"][0] < hypoxia.p62["non_stem"][0]
    # "If LC3-II were high because degradation was slow, the inhibitor would add little"
    from widgets.model.assays import BANDS, turnover_blot

    slowed = turnover_blot({"chloroquine": 20.0}, hours=24.0)   # degradation slowed for a day
    assert slowed.normalised[BANDS.index("LC3-II"), 2] > 1.5    # LC3-II high without the pulse
    assert slowed.flux["treated"] < 0.5 * slowed.flux["control"]

    # "The ratio is about 1.37 with chloroquine and 1.17 with bafilomycin A1: the direction holds"
    baf = sorted_turnover(sorafenib, True, "bafilomycin_a1", 0.1)
    ratios = [r.flux_readout["stem"] / r.flux_readout["non_stem"] for r in (hypoxia, baf)]
    assert [round(r, 2) for r in ratios] == [1.37, 1.17]
    assert min(ratios) > 1.0


def _cycles_at_ic50(multiple: float, chloroquine: bool, hypoxia: bool):
    """Three cycles of sorafenib at ``multiple`` × IC50 in Huh7, as the explorer runs them."""
    from widgets.model.stem_cells import therapy_cycles
    from widgets.panels.stem_cells import DAYS_OFF, DAYS_ON, _schedule_treatments

    return therapy_cycles(_schedule_treatments("sorafenib", multiple, chloroquine, "Huh7"), 3,
                          DAYS_ON, DAYS_OFF, "Huh7", hypoxia)
