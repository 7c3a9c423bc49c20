"""The claims the pages of the machinery chapter make, checked on the model.

Each widget notebook of ``chapters/machinery/`` has one test of what it tells the reader to look
for (named ``test_machinery_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). Each
exercise solution that states a number or direction the model computes, on a widget notebook or
a prose page, is checked by a test marked with ``checks_solution``, each assertion under the words
it checks; the solutions that state none are listed in ``WITHOUT_MODEL_CLAIMS`` with the reason.
A teacher who edits ``data/`` sees here which page's text needs a look, instead of a failing cell
in the notebook.
"""
import numpy as np

import widgets
from solution_claims import checks_solution
from widgets.model.assays import turnover_blot
from widgets.model.data_files import parameter_values, read_table
from widgets.model.fate import damage_rate, fate, fate_parameter_arrays
from widgets.model.scenario import make_experiment, step_factors

WITHOUT_MODEL_CLAIMS = {
    "ex-initiation-1": "corrects which kinase activates and which inhibits ULK1, from the cited "
                       "papers; the model has no AMPK, mTORC1 or phosphorylation sites",
}
INDUCER = {"rapamycin": 0.1}
LATE_BLOCK = {"chloroquine": 20.0}
P62, LC3_II = 0, 2             # rows of Blot.normalised
CONTROL, TREATED = 0, 2         # its lanes without inhibitor


def _end(treatments, hours=24.0, **kwargs):
    result = widgets.simulate(treatments, hours=hours, **kwargs)
    return result.lc3_ii[-1], result.p62[-1], result.flux[-1]


def test_machinery_flux_explorer_claims():
    """What `chapters/machinery/flux_explorer.ipynb` tells the reader to look for."""
    rapa = widgets.simulate(INDUCER, hours=24.0)
    assert rapa.lc3_i[-1] < 1 and rapa.lc3_ii[-1] > 1 and rapa.flux[-1] > 1 and rapa.p62[-1] < 1
    cq = widgets.simulate(LATE_BLOCK, hours=24.0)
    assert cq.lc3_ii[-1] > 1 and cq.flux[-1] < 1 and cq.p62[-1] > 1
    assert abs(cq.flux[-1] - widgets.simulate(LATE_BLOCK, hours=72.0).flux[-1]) < 0.01
    baf = widgets.simulate({"bafilomycin_a1": 0.1}, hours=4.0)
    both = widgets.simulate({**INDUCER, "bafilomycin_a1": 0.1}, hours=4.0)
    assert both.lc3_ii[-1] > baf.lc3_ii[-1] + 0.3
    baf_day = widgets.simulate({"bafilomycin_a1": 0.1}, hours=24.0)
    both_day = widgets.simulate({**INDUCER, "bafilomycin_a1": 0.1}, hours=24.0)
    assert both_day.lc3_ii[-1] > baf_day.lc3_ii[-1] + 0.3  # as the website shows it, at 24 h
    lc3_ii, p62, flux = _end({"3_methyladenine": 5000.0})
    assert lc3_ii < 1 and p62 > 1 and flux < 1
    lc3_ii, p62, flux = _end({}, knockdown={"ATG7": 0.9})
    assert lc3_ii < 1 and p62 > 1 and flux < 1


@checks_solution("ex-flux-explorer-1",
                 "In Huh7 sorafenib raises flux (about 1.3-fold at 24 h) and p62 falls",
                 "in Hep3B the model, following the measurements of {cite:t}`fischer2014role`, "
                 "gives almost no change",
                 "A single LC3-II blot would show a modest rise in Huh7 and little in Hep3B")
def test_ex_flux_explorer_1_sorafenib_in_two_lines():
    huh7 = _end({"sorafenib": 5.0}, cell_line="Huh7")
    hep3b = _end({"sorafenib": 5.0}, cell_line="Hep3B")
    # "In Huh7 sorafenib raises flux (about 1.3-fold at 24 h) and p62 falls"
    assert 1.2 < huh7[2] < 1.4 and huh7[1] < 0.9
    # "in Hep3B the model, following the measurements of fischer2014role, gives almost no
    # change": the data set sorafenib's induction in Hep3B, from that paper, near zero
    assert abs(hep3b[2] - 1) < 0.05 and abs(hep3b[1] - 1) < 0.05
    (hep3b_row,) = [row for row in read_table("cell_line_responses.csv")
                    if (row["cell_line"], row["compound"]) == ("Hep3B", "sorafenib")]
    assert hep3b_row["source"] == "fischer2014role" and float(hep3b_row["induction_scale"]) <= 0.1
    # "A single LC3-II blot would show a modest rise in Huh7 and little in Hep3B"
    assert 1.15 < huh7[0] < 1.5 and abs(hep3b[0] - 1) < 0.05


@checks_solution("ex-flux-explorer-2",
                 "LC3-II hardly changes at 50%, falls by about a fifth at 90%, by about a third at "
                 "95% and by about 70% at 99%",
                 "The model follows the finding that a very small amount of ATG5 supports LC3 "
                 "lipidation",
                 "A 70% knockdown may leave autophagy nearly intact")
def test_ex_flux_explorer_2_atg5_knockdown():
    def lc3_ii(fraction):
        return widgets.simulate({}, hours=1.0, knockdown={"ATG5": fraction}).lc3_ii[0]

    # "LC3-II hardly changes at 50%, falls by about a fifth at 90%, by about a third at 95% and
    # by about 70% at 99%"
    for fraction, low, high in ((0.5, 0.95, 1.0), (0.9, 0.75, 0.85), (0.95, 0.62, 0.72),
                                (0.99, 0.25, 0.35)):
        assert low < lc3_ii(fraction) < high, fraction
    # "The model follows the finding that a very small amount of ATG5 supports LC3 lipidation":
    # the reserve of the conjugation step, from that paper, is a few per cent of the protein
    reserve = next(row for row in read_table("parameters.csv")
                   if row["name"] == "conjugation_reserve_atg5")
    assert reserve["source"] == "hosokawa2007generation" and float(reserve["value"]) <= 0.05
    # "A 70% knockdown may leave autophagy nearly intact"
    assert widgets.simulate({}, hours=24.0, knockdown={"ATG5": 0.7}).flux[-1] > 0.9


def test_machinery_western_blot_claims():
    """What `chapters/machinery/western_blot.ipynb` tells the reader to look for (its tasks,
    ``data/activities/machinery.json``, compute their own numbers)."""
    # "An early block such as 3-methyladenine and a late block such as chloroquine (see the flux
    # explorer) move LC3-II in opposite directions, yet both lower flux"
    three_ma = turnover_blot({"3_methyladenine": 5000.0}, "bafilomycin_a1", 0.1, hours=24.0)
    assert three_ma.normalised[LC3_II, TREATED] < 1
    assert three_ma.flux["treated"] < three_ma.flux["control"]
    lc3_ii, _, flux = _end(LATE_BLOCK)
    assert lc3_ii > 1 and flux < 1
    # "Each lane is loaded with a slightly different amount of protein": loading really differs
    # between lanes, and normalisation removes it
    assert three_ma.intensity[3].std() > 0.02
    # "The ratio misleads more": its change misstates the change in true flux (here it
    # exaggerates the fall)
    ratio_change = three_ma.lc3_ratio[2] / three_ma.lc3_ratio[0]
    assert abs(ratio_change - three_ma.true_flux["treated"]) > 0.1


@checks_solution("ex-western-blot-1",
                 "Bafilomycin A1 gives the larger read-out",
                 "at 100 nM it almost completely stops lysosomal degradation",
                 "whereas chloroquine mainly slows fusion",
                 "lets part of the LC3-II escape",
                 "An incomplete block underestimates flux",
                 "a saturating inhibitor, checked by showing that a higher dose adds nothing")
def test_ex_western_blot_1_which_inhibitor():
    def read_out(inhibitor, dose):
        return turnover_blot(INDUCER, inhibitor, dose, hours=24.0).flux

    bafilomycin = read_out("bafilomycin_a1", 0.1)
    # "Bafilomycin A1 gives the larger read-out" (chloroquine at the website's 20 µM and at 50 µM)
    # "An incomplete block underestimates flux": so in both conditions
    for dose in (20.0, 50.0):
        chloroquine = read_out("chloroquine", dose)
        for condition in ("control", "treated"):
            assert bafilomycin[condition] > chloroquine[condition], (dose, condition)
    # "at 100 nM it almost completely stops lysosomal degradation"
    baf_steps = step_factors(make_experiment({"bafilomycin_a1": 0.1}))
    assert baf_steps.degradation < 0.05
    # "whereas chloroquine mainly slows fusion", and "lets part of the LC3-II escape": the fusion
    # it leaves is partial, and ATG4 delipidation is an exit that does not reach the lysosome
    cq_steps = step_factors(make_experiment(LATE_BLOCK))
    assert 0 < cq_steps.fusion < cq_steps.degradation
    assert parameter_values()["delipidation"] > 0
    # "a saturating inhibitor, checked by showing that a higher dose adds nothing": doubling
    # bafilomycin A1 moves the read-out by a few per cent, chloroquine 20 -> 50 µM by much more
    assert abs(read_out("bafilomycin_a1", 0.2)["treated"] / bafilomycin["treated"] - 1) < 0.03
    assert read_out("chloroquine", 50.0)["treated"] > 1.3 * read_out("chloroquine", 20.0)["treated"]


@checks_solution("ex-western-blot-2",
                 "A turnover assay: LC3-II with and without bafilomycin A1 or chloroquine, "
                 "normalised to a loading control, showing a larger difference with the drug",
                 "A cargo read-out moving the right way, such as p62 falling")
def test_ex_western_blot_2_what_an_inducer_shows():
    blot = turnover_blot(INDUCER, "bafilomycin_a1", 0.1, hours=24.0)
    # "A turnover assay: LC3-II with and without bafilomycin A1 or chloroquine, normalised to a
    # loading control, showing a larger difference with the drug" (rapamycin, a true inducer)
    assert blot.flux["treated"] > 1.2 * blot.flux["control"]
    assert blot.true_flux["treated"] > blot.true_flux["control"]
    # "A cargo read-out moving the right way, such as p62 falling"
    assert blot.normalised[P62, TREATED] < blot.normalised[P62, CONTROL]


@checks_solution("ex-index-1",
                 "more autophagosomes are formed per unit time and they accumulate even though "
                 "they are degraded normally",
                 "the drug impairs fusion or lysosomal degradation (as chloroquine or bafilomycin "
                 "A1 do), so autophagosomes pile up because they are not cleared. Less cargo is "
                 "actually degraded.",
                 "A snapshot cannot separate the two; a flux measurement can")
def test_ex_index_1_faster_or_slower():
    # "more autophagosomes are formed per unit time and they accumulate even though they are
    # degraded normally" (rapamycin leaves fusion and degradation untouched)
    steps = step_factors(make_experiment(INDUCER))
    assert steps.nucleation > 1 and (steps.fusion, steps.degradation) == (1.0, 1.0)
    lc3_ii, _, flux = _end(INDUCER)
    assert lc3_ii > 1.2 and flux > 1.2
    # "the drug impairs fusion or lysosomal degradation (as chloroquine or bafilomycin A1 do), so
    # autophagosomes pile up because they are not cleared. Less cargo is actually degraded."
    for block in (LATE_BLOCK, {"bafilomycin_a1": 0.1}):
        lc3_ii, p62, flux = _end(block)
        assert lc3_ii > 1.2 and flux < 0.8 and p62 > 1, block
    # "A snapshot cannot separate the two; a flux measurement can": both raise LC3-II without an
    # inhibitor, but the turnover read-out goes up with the inducer and down with the block
    inducer = turnover_blot(INDUCER, "bafilomycin_a1", 0.1, hours=24.0)
    block = turnover_blot(LATE_BLOCK, "bafilomycin_a1", 0.1, hours=24.0)
    assert inducer.normalised[LC3_II, TREATED] > 1 and block.normalised[LC3_II, TREATED] > 1
    assert inducer.flux["treated"] > inducer.flux["control"] > block.flux["treated"]


@checks_solution("ex-lc3-p62-1",
                 "Autophagosomes keep forming, so LC3-II is made, but inner-membrane LC3-II and "
                 "p62 are no longer degraded, so both accumulate",
                 "If the drug had increased flux, you would expect LC3-II to rise but p62 to "
                 "*fall*")
def test_ex_lc3_p62_1_both_rise():
    # "Autophagosomes keep forming, so LC3-II is made, but inner-membrane LC3-II and p62 are no
    # longer degraded, so both accumulate" (a late block: chloroquine, bafilomycin A1)
    for block in (LATE_BLOCK, {"bafilomycin_a1": 0.1}):
        lc3_ii, p62, flux = _end(block)
        assert lc3_ii > 1 and p62 > 1 and flux < 1, block
    # "If the drug had increased flux, you would expect LC3-II to rise but p62 to *fall*"
    lc3_ii, p62, flux = _end(INDUCER)
    assert flux > 1 and lc3_ii > 1 and p62 < 1
    # Part (b), p62 made faster under stress, is from the cited papers: the model's p62
    # synthesis is a constant, so it cannot show it.


@checks_solution("ex-measuring-1",
                 "higher than vehicle, so drug X **increased flux**. More autophagosomes are being "
                 "formed and delivered to lysosomes.",
                 "lower than vehicle, so drug Y **decreased flux**. LC3-II is high because "
                 "degradation is already blocked, and adding bafilomycin A1 adds little.",
                 'A naive reading would call both "autophagy inducers", which is wrong for drug Y')
def test_ex_measuring_1_two_drugs_one_snapshot():
    # The table's numbers are the exercise's; the model checks the reading of them, with
    # rapamycin as a drug like X and chloroquine as a drug like Y.
    like_x = turnover_blot(INDUCER, "bafilomycin_a1", 0.1, hours=24.0)
    like_y = turnover_blot(LATE_BLOCK, "bafilomycin_a1", 0.1, hours=24.0)
    # "higher than vehicle, so drug X **increased flux**. More autophagosomes are being formed
    # and delivered to lysosomes."
    assert like_x.flux["treated"] > like_x.flux["control"]
    assert like_x.true_flux["treated"] > 1
    # "lower than vehicle, so drug Y **decreased flux**. LC3-II is high because degradation is
    # already blocked, and adding bafilomycin A1 adds little."
    assert like_y.flux["treated"] < 0.5 * like_y.flux["control"]
    assert like_y.normalised[LC3_II, TREATED] > 1 and like_y.true_flux["treated"] < 1
    # 'A naive reading would call both "autophagy inducers", which is wrong for drug Y': without
    # bafilomycin A1 both raise LC3-II
    assert like_x.normalised[LC3_II, TREATED] > 1 and like_y.normalised[LC3_II, TREATED] > 1


@checks_solution("ex-measuring-2",
                 "Higher LC3-II with lower p62 fits an *increase* in flux",
                 "confirming strong depletion, since small amounts of ATG5 can suffice")
def test_ex_measuring_2_a_better_design():
    # "Higher LC3-II with lower p62 fits an *increase* in flux" (rapamycin)
    lc3_ii, p62, flux = _end(INDUCER)
    assert lc3_ii > 1 and p62 < 1 and flux > 1
    # "confirming strong depletion, since small amounts of ATG5 can suffice": removing 70% of
    # ATG5 leaves flux within 10% of basal; removing 99% lowers it by more than half
    assert _end({}, knockdown={"ATG5": 0.7})[2] > 0.9
    assert _end({}, knockdown={"ATG5": 0.99})[2] < 0.5
    # That prolonged 3-MA in rich medium can raise flux is from the cited paper: the model
    # runs 3-MA as an initiation block only (data/compound_effects.csv).


@checks_solution("ex-initiation-2",
                 "moderate autophagy can be protective while excessive autophagy is lethal")
def test_ex_initiation_2_moderate_or_excessive():
    # The rest of the solution reads the two studies and lists reasons; this phrase is the
    # cell-fate model's two arms, run here on sorafenib-treated Huh7 held at a set flux for 72 h.
    treated = make_experiment({"sorafenib": 5.0}, cell_line="Huh7")
    hours = np.arange(0.0, 72.25, 0.25)
    flux = np.array([[1.0], [2.0], [8.0]]) * np.ones(hours.size)
    out = fate(hours, flux, np.full(3, damage_rate(treated)), fate_parameter_arrays([treated] * 3))
    basal, moderate, excessive = out["viability"][:, -1]
    # "moderate autophagy can be protective while excessive autophagy is lethal"
    assert moderate > basal + 0.1
    assert excessive < basal / 2 and out["loss_from_autophagy"][2, -1] > 1


@checks_solution("ex-lc3-p62-2", "Blocking autophagy stops p62 degradation, so p62 accumulates")
def test_ex_lc3_p62_2_p62_piles_up():
    # Steps 2 and 3 (KEAP1, NRF2 and its genes) are from the cited papers: the model has no NRF2.
    # "Blocking autophagy stops p62 degradation, so p62 accumulates" (early and late blocks)
    for block, knockdown in ((LATE_BLOCK, None), ({"bafilomycin_a1": 0.1}, None),
                             ({}, {"ATG7": 0.9})):
        assert _end(block, knockdown=knockdown)[1] > 1.1, (block, knockdown)
