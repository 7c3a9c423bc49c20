"""The claims the pages of the non-coding RNA chapter make, checked on the model.

Each widget notebook of ``chapters/ncrna/`` has one test of what it states outside its tasks,
whose numbers and directions ``data/activities/ncrna.json`` computes (named
``test_ncrna_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). Each exercise solution
that states a number or direction the model computes, on a widget notebook or a prose page, is
checked by a test marked with ``checks_solution``, each assertion under the words it checks; the
solutions that state none are listed in ``WITHOUT_MODEL_CLAIMS`` with the reason. A teacher who
edits ``data/`` sees here which page's text needs a look, instead of a failing cell in the
notebook.
"""
import numpy as np
import pytest

import widgets
from solution_claims import checks_solution
from widgets.model.ncrna import links, target_level, target_levels
from widgets.model.scenario import make_experiment, step_factors
from widgets.model.table1 import context_result, dial, table1_row

WITHOUT_MODEL_CLAIMS = {
    "ex-ncrna-tools-2": "weighs mRNA decay against repression of translation from the cited "
                        "papers; the model represents a target by its protein level only",
}
MIMIC, INHIBITOR = 10.0, 0.1        # RNA levels relative to basal, the dial's ends on the website
P62, LC3_I, LC3_II = 0, 1, 2        # rows of Blot.normalised
CONTROL, CONTROL_BLOCKED, TREATED, TREATED_BLOCKED = 0, 1, 2, 3   # its lanes


def _rho(regulator, target, cell_line="HepG2"):
    (found,) = [link.basal_repression for link in links(cell_line)
                if (link.regulator, link.target) == (regulator, target)]
    return found


def test_ncrna_mir21_contexts_claims():
    """What `chapters/ncrna/mir21_contexts.ipynb` states outside its tasks and exercises."""
    # "In the model miR-21 silences 5% of PTEN in parental cells and 81% in the resistant line"
    assert (_rho("miR-21", "PTEN", "Huh7"), _rho("miR-21", "PTEN", "Huh7-SR")) == (0.05, 0.81)
    # "In the model's parental Huh7 a miR-21 mimic does the opposite (a small sensitisation)"
    parental = context_result("sorafenib", "Huh7", MIMIC)
    assert 1.0 < parental.ic50_basal_um / parental.ic50_um < 1.1


@checks_solution("ex-mir21-1",
                 "The model predicts a benefit only where miR-21 is high *and* autophagy is an "
                 "antagonist, as in the resistant line: there, removing miR-21 restores autophagy "
                 "and sensitises",
                 "Where miR-21 is low, the inhibitor has nothing to remove",
                 "where autophagy protects, restoring it could even protect the tumour")
def test_ex_mir21_1_which_tumours_benefit():
    resistant = context_result("sorafenib", "Huh7-SR", INHIBITOR)
    parental = context_result("sorafenib", "Huh7", INHIBITOR)
    # "The model predicts a benefit only where miR-21 is high *and* autophagy is an antagonist,
    # as in the resistant line: there, removing miR-21 restores autophagy and sensitises"
    assert resistant.flux > resistant.flux_basal + 0.1
    assert resistant.ic50_um < resistant.ic50_basal_um / 2
    # "Where miR-21 is low, the inhibitor has nothing to remove" (parental Huh7: within 2%)
    assert abs(parental.ic50_um / parental.ic50_basal_um - 1) < 0.02
    assert abs(parental.flux / parental.flux_basal - 1) < 0.02
    # "where autophagy protects, restoring it could even protect the tumour": the little flux it
    # restores in parental cells moves the IC50 up, not down
    assert parental.flux > parental.flux_basal and parental.ic50_um > parental.ic50_basal_um


@checks_solution("ex-mir21-2",
                 "The curve is steepest below the basal level",
                 r"PTEN is $1/(1 + \rho(L - 1))$ with $\rho = 0.81$",
                 "It flattens at low levels because PTEN cannot exceed its miR-free value",
                 r"at most $1/(1-\rho) \approx 5$ times the resistant line's basal",
                 "and at high levels because drug-induced autophagy is already almost gone")
def test_ex_mir21_2_the_shape_of_the_curve():
    rho = _rho("miR-21", "PTEN", "Huh7-SR")
    # "PTEN is $1/(1 + \rho(L - 1))$ with $\rho = 0.81$"
    assert rho == 0.81
    for level in (0.1, 1.0, 3.0):
        assert target_level(level, rho) == pytest.approx(1 / (1 + rho * (level - 1)))
    # "at most $1/(1-\rho) \approx 5$ times the resistant line's basal"
    assert round(1 / (1 - rho)) == 5 and target_level(1e-9, rho) < 1 / (1 - rho) + 1e-6
    levels = np.geomspace(0.05, 30, 15)   # the solution's code
    ic50s = np.log([context_result("sorafenib", "Huh7-SR", float(x)).ic50_um for x in levels])
    slopes = np.abs(np.diff(ic50s))
    # "The curve is steepest below the basal level"
    assert levels[slopes.argmax() + 1] <= 1.0
    # "It flattens at low levels because PTEN cannot exceed its miR-free value"
    assert slopes[0] < slopes.max() / 2
    # "and at high levels because drug-induced autophagy is already almost gone"
    assert slopes[-1] < slopes.max() / 2
    assert context_result("sorafenib", "Huh7-SR", 30.0).flux < 1.05


def test_ncrna_table1_dial_claims():
    """What `chapters/ncrna/table1_dial.ipynb` states outside its tasks and exercises."""
    # task "A mimic that blocks initiation": "the LC3 turnover read-out of the blot falls with it"
    mimic = dial("mir26_doxorubicin", MIMIC)
    assert mimic.blot.flux["treated"] < mimic.blot.flux["control"]
    # "why a mimic of a miRNA that blocks protective autophagy makes cells more sensitive, and why
    # the lncRNA HULC works the other way round"
    assert mimic.ic50_um < mimic.ic50_basal_um
    hulc = dial("hulc_chemotherapy", MIMIC)
    assert hulc.ic50_um > hulc.ic50_basal_um


@checks_solution("ex-table1-dial-1",
                 "If the mimic lowers the *difference* in LC3-II between the lanes with and "
                 "without bafilomycin A1, fewer autophagosomes are being made and degraded: flux "
                 "is lower, as the dial's blot shows for miR-26a/b",
                 "A higher p62 fits lower flux")
def test_ex_table1_dial_1_the_missing_experiment():
    blot = dial("mir26_doxorubicin", MIMIC).blot
    # "If the mimic lowers the *difference* in LC3-II between the lanes with and without
    # bafilomycin A1, fewer autophagosomes are being made and degraded: flux is lower, as the
    # dial's blot shows for miR-26a/b"
    assert blot.flux["treated"] < 0.8 * blot.flux["control"]
    assert blot.true_flux["treated"] < blot.true_flux["control"]
    # "A higher p62 fits lower flux"
    assert blot.normalised[P62, TREATED] > blot.normalised[P62, CONTROL]


@checks_solution("ex-table1-dial-2",
                 r"At level $L \to 0$, $1/(1 + \rho(L - 1)) \to 1/(1 - \rho)$",
                 "for example `target_level(1e-9, 0.3)` gives 1.43",
                 r"A miRNA the cells hardly express has $\rho \approx 0$, so removing it cannot "
                 "raise its targets",
                 "the miR-223 row's inhibitor barely moves the IC50 on this page, while "
                 "anti-miR-21 in the resistant line, where miR-21 is high, moves it a lot")
def test_ex_table1_dial_2_what_an_inhibitor_can_undo():
    # "At level $L \to 0$, $1/(1 + \rho(L - 1)) \to 1/(1 - \rho)$"
    for rho in (0.05, 0.3, 0.81):
        assert target_level(1e-9, rho) == pytest.approx(1 / (1 - rho), rel=1e-6)
    # "for example `target_level(1e-9, 0.3)` gives 1.43"
    assert round(target_level(1e-9, 0.3), 2) == 1.43
    # "A miRNA the cells hardly express has $\rho \approx 0$, so removing it cannot raise its
    # targets"
    assert target_level(1e-9, 0.0) == pytest.approx(1.0)
    # "the miR-223 row's inhibitor barely moves the IC50 on this page, while anti-miR-21 in the
    # resistant line, where miR-21 is high, moves it a lot"
    mir223, mir21 = dial("mir223_doxorubicin", INHIBITOR), dial("mir21_sorafenib", INHIBITOR)
    assert abs(mir223.ic50_um / mir223.ic50_basal_um - 1) < 0.05
    assert mir21.ic50_basal_um / mir21.ic50_um > 2


@checks_solution("ex-table1-dial-3",
                 "miR-101 has three targets that together carry 50% of nucleation and 40% of "
                 "conjugation, while EVA1A carries 40% of nucleation",
                 "the two drugs have different potencies and induce autophagy to different degrees")
def test_ex_table1_dial_3_a_consequence_of_choices():
    # "miR-101 has three targets that together carry 50% of nucleation and 40% of conjugation,
    # while EVA1A carries 40% of nucleation"
    carried = {}
    for link in links("HepG2"):
        if link.regulator == "miR-101":
            carried[link.step] = carried.get(link.step, 0.0) + link.step_dependence
    assert carried == pytest.approx({"nucleation": 0.5, "conjugation": 0.4})
    assert [(link.step, link.step_dependence) for link in links("HepG2")
            if link.target == "EVA1A"] == [("nucleation", 0.4)]
    # "the two drugs have different potencies and induce autophagy to different degrees"
    # (cisplatin for miR-101, oxaliplatin for miR-125b; flux at each drug's IC50, basal RNA)
    mir101, mir125b = dial("mir101_cisplatin", 1.0), dial("mir125b_oxaliplatin", 1.0)
    assert (table1_row("mir101_cisplatin").model_drug,
            table1_row("mir125b_oxaliplatin").model_drug) == ("cisplatin", "oxaliplatin")
    assert mir125b.ic50_basal_um > 2 * mir101.ic50_basal_um
    assert mir125b.flux > mir101.flux + 0.1


@checks_solution("ex-ncrna-index-1",
                 "more X should mean more ATG7 and faster conjugation",
                 "more LC3-II can mean a blocked drain rather than a faster tap")
def test_ex_ncrna_index_1_two_inhibitions():
    # X sponges miR-Y: in the model, lowering miR-199a-5p, the miRNA that represses ATG7
    fewer = {"miR-199a-5p": 0.2}
    # "more X should mean more ATG7 and faster conjugation"
    assert target_levels(fewer, "Huh7")["ATG7"] > 1.2
    assert step_factors(make_experiment({}, None, "Huh7", fewer)).conjugation > 1.0
    drug = {"cisplatin": 5.0}
    basal = widgets.simulate(drug, 24.0, cell_line="Huh7")
    lowered = widgets.simulate(drug, 24.0, cell_line="Huh7", ncrna=fewer)
    assert lowered.flux[-1] > basal.flux[-1] and lowered.lc3_ii[-1] > basal.lc3_ii[-1]
    # "more LC3-II can mean a blocked drain rather than a faster tap"
    blocked = widgets.simulate({"chloroquine": 20.0}, 24.0, cell_line="Huh7")
    assert blocked.lc3_ii[-1] > 1 and blocked.flux[-1] < 1


@checks_solution("ex-ncrna-index-2",
                 "Less miR-26 lets more ULK1 protein be made, more ULK1 speeds initiation",
                 "inhibited doxorubicin-induced autophagy",
                 "more sensitive to doxorubicin")
def test_ex_ncrna_index_2_the_mir26_loop():
    # The loop's other half, autophagy lowering miR-26, is the paper's finding: the model's RNA
    # levels are set, not fed back.
    less, restored = dial("mir26_doxorubicin", INHIBITOR), dial("mir26_doxorubicin", MIMIC)
    # "Less miR-26 lets more ULK1 protein be made, more ULK1 speeds initiation"
    assert less.targets["ULK1"] > 1.5
    assert step_factors(make_experiment({}, None, "HepG2", table1_row(
        "mir26_doxorubicin").levels(INHIBITOR))).nucleation > 1.1
    assert less.flux > dial("mir26_doxorubicin", 1.0).flux
    # "inhibited doxorubicin-induced autophagy" (restoring miR-26a/b, as in the study)
    assert restored.flux < 1.0 < dial("mir26_doxorubicin", 1.0).flux
    # "more sensitive to doxorubicin"
    assert restored.ic50_um < 0.9 * restored.ic50_basal_um


@checks_solution("ex-ncrna-tools-1", "ATG5 protein should rise")
def test_ex_ncrna_tools_1_an_inhibitor_raises_the_target():
    # "ATG5 protein should rise": an inhibitor of a miRNA raises every target it represses (the
    # exercise's miR-X is hypothetical; here, every link of the model in every line)
    for line in ("HepG2", "Huh7", "Huh7-SR"):
        for link in links(line):
            if link.basal_repression > 0:
                assert target_level(INHIBITOR, link.basal_repression) > 1, (line, link)


@checks_solution("ex-ncrna-table1-1",
                 "**Anti-miR-26:** ULK1 rises, protective autophagy rises, doxorubicin works worse",
                 "**Silencing HULC:** USP22 and Sirt1 fall, protective autophagy falls, "
                 "oxaliplatin, 5-fluorouracil and pirarubicin work better",
                 "**Anti-miR-21:** PTEN rises, Akt falls, autophagy rises and, because here "
                 "autophagy helps kill, sorafenib-resistant cells become sensitive again",
                 "The first two predictions go in opposite RNA directions but the same autophagy "
                 "logic; the third reverses the logic because autophagy is an antagonist in those "
                 "cells")
def test_ex_ncrna_table1_1_three_predictions():
    def lowered(row):
        return dial(row, INHIBITOR), dial(row, 1.0)

    # "**Anti-miR-26:** ULK1 rises, protective autophagy rises, doxorubicin works worse"
    anti, basal = lowered("mir26_doxorubicin")
    assert anti.targets["ULK1"] > 1 and anti.flux > basal.flux and anti.ic50_um > anti.ic50_basal_um
    # "**Silencing HULC:** USP22 and Sirt1 fall, protective autophagy falls, oxaliplatin,
    # 5-fluorouracil and pirarubicin work better" (the model runs oxaliplatin, and USP22 only
    # as the step between HULC and Sirt1)
    silenced, basal = lowered("hulc_chemotherapy")
    assert silenced.targets["SIRT1"] < 1 and silenced.flux < basal.flux
    assert silenced.ic50_um < silenced.ic50_basal_um
    # "**Anti-miR-21:** PTEN rises, Akt falls, autophagy rises and, because here autophagy helps
    # kill, sorafenib-resistant cells become sensitive again" (Akt is not in the model)
    anti21, basal = lowered("mir21_sorafenib")
    assert anti21.targets["PTEN"] > anti21.basal_targets["PTEN"] and anti21.flux > basal.flux
    assert anti21.ic50_um < anti21.ic50_basal_um / 2
    # "The first two predictions go in opposite RNA directions but the same autophagy logic; the
    # third reverses the logic because autophagy is an antagonist in those cells"
    rows = [table1_row(row) for row in ("mir26_doxorubicin", "hulc_chemotherapy",
                                        "mir21_sorafenib")]
    assert [r.autophagy_role for r in rows] == ["accomplice", "accomplice", "antagonist"]
    assert [(r.autophagy_when_raised, r.resistance_when_raised) for r in rows] == [
        ("decreases", "decreases"), ("increases", "increases"), ("decreases", "increases")]


@checks_solution("ex-ncrna-table1-2",
                 "Less autophagosome formation lowers LC3-II and lets p62 accumulate",
                 "the ratio falls if LC3-I rises",
                 "if the miRNA lowers the LC3-II that accumulates under the blocker, it lowers "
                 "formation, that is, flux")
def test_ex_ncrna_table1_2_a_snapshot_is_not_flux():
    blot = dial("mir26_doxorubicin", MIMIC).blot   # a miRNA that lowers initiation
    # "Less autophagosome formation lowers LC3-II and lets p62 accumulate"
    assert blot.normalised[LC3_II, TREATED] < blot.normalised[LC3_II, CONTROL]
    assert blot.normalised[P62, TREATED] > blot.normalised[P62, CONTROL]
    # "the ratio falls if LC3-I rises"
    assert blot.normalised[LC3_I, TREATED] > blot.normalised[LC3_I, CONTROL]
    assert blot.lc3_ratio[TREATED] < blot.lc3_ratio[CONTROL]
    # "if the miRNA lowers the LC3-II that accumulates under the blocker, it lowers formation,
    # that is, flux"
    assert blot.normalised[LC3_II, TREATED_BLOCKED] < blot.normalised[LC3_II, CONTROL_BLOCKED]
    assert blot.true_flux["treated"] < blot.true_flux["control"]
