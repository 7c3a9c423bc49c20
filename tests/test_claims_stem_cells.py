"""The claims the widget notebooks of the stem-cell chapter make, checked on the model.

Each test reads what one notebook of ``chapters/stem_cells/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_stem_cells_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
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


def test_stem_cells_flow_cytometry_claims():
    """What `chapters/stem_cells/flow_cytometry.ipynb` tells the reader to look for.

    Its tasks (data/activities/stem_cells.json) compute their numbers and right answers from
    the model (tests/test_activities.py). Here, ex-flow-2: "With HepG2 selected and the gate
    at 2.00, the box reports several times the true stem-like percentage"; "with 99% of the
    cells in the dim population, even a small share of them above the gate outnumbers the few
    true stem-like cells"; "Moving the gate up reduces these false positives but also cuts off
    part of the bright population, so the count of true positives falls".
    """
    from widgets.model.cytometry import percent_positive, stain
    from widgets.panels.stem_cells import sample_fraction

    text = _page_text("flow_cytometry.ipynb")
    assert "With HepG2 selected and the gate at 2.00, the box reports several times" in text
    assert "Moving the gate up reduces these false positives" in text
    fraction = sample_fraction(1)[1]
    hepg2 = stain(fraction, seed=1)
    assert percent_positive(hepg2.cd133, 2.0) > 3 * 100 * fraction
    bright, dim = stain(1.0).cd133, stain(0.0).cd133     # each population on its own
    assert (1 - fraction) * percent_positive(dim, 2.0) > fraction * percent_positive(bright, 2.0)
    for low, high in ((2.0, 2.25), (2.0, 2.5)):
        assert percent_positive(dim, high) < percent_positive(dim, low)
        assert percent_positive(hepg2.isotype, high) < percent_positive(hepg2.isotype, low)
        assert percent_positive(bright, high) < percent_positive(bright, low)


def test_stem_cells_sorted_cells_claims():
    """What `chapters/stem_cells/sorted_cells.ipynb` tells the reader to look for.

    Its tasks (data/activities/stem_cells.json) compute their numbers and right answers from
    the model (tests/test_activities.py). Here, the code for task 5, "with the time constant
    of switching set to 30 hours instead of the model's 120" (the task: "four times as
    fast"); ex-sorted-1, "after two weeks the culture is close to its usual mixture again";
    ex-sorted-2, the untreated fraction stays at its basal value while cells switch.
    """
    from widgets.model.data_files import parameter_values
    from widgets.model.stem_cells import basal_stem_fraction

    text = _page_text("sorted_cells.ipynb")
    assert "set to 30 hours instead of the model's 120" in text
    assert "after two weeks the culture is close to its usual mixture again" in text
    assert parameter_values()["stem_relaxation_time"] == 120.0 == 4 * 30.0
    basal = basal_stem_fraction("Huh7")
    regrown = widgets.simulate_populations(hours=14 * 24.0, cell_line="Huh7", start_stem_fraction=0.0)
    assert abs(regrown.stem_fraction[-1] - basal) < 0.1 * basal
    steady = widgets.simulate_populations(hours=20 * 24.0, cell_line="Huh7")
    assert abs(steady.stem_fraction - basal).max() < 1e-9


def test_stem_cells_therapy_cycles_claims():
    """What `chapters/stem_cells/therapy_cycles.ipynb` tells the reader to look for.

    Its tasks (data/activities/stem_cells.json) compute their numbers and right answers from
    the model (tests/test_activities.py). Here, ex-therapy-cycles-2, at its own dose
    (sorafenib at its IC50): "there chloroquine leaves about 7% fewer stem-like cells after
    three cycles, while in normoxia it leaves about 6% *more* (it kills other cells, and in a
    nearly full dish the survivors take their room)" and "at 3 × IC50 chloroquine lowers the
    number by about 11% in both conditions".
    """
    from widgets.model.data_files import parameter_values, parameters_set_to

    text = _page_text("therapy_cycles.ipynb")
    assert "compare three cycles of sorafenib at its IC50 in Huh7 with and without chloroquine" in text
    assert "there chloroquine leaves about 7% fewer stem-like cells after three cycles" in text
    assert "at 3 × IC50 chloroquine lowers the number by about 11% in both conditions" in text

    def cut(multiple, hypoxia):
        without = _cycles_at_ic50(multiple, False, hypoxia).stem[-1]
        return 100 * (1 - _cycles_at_ic50(multiple, True, hypoxia).stem[-1] / without)

    assert cut(1.0, True) == pytest.approx(7, abs=0.5)
    assert cut(1.0, False) == pytest.approx(-6, abs=0.5)
    assert _cycles_at_ic50(1.0, False, False).total[-1] > 0.9 * parameter_values("Huh7")["culture_capacity"]
    with parameters_set_to(culture_capacity=1e4):   # room: in an endless dish chloroquine cuts them
        assert cut(1.0, False) > 10
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
