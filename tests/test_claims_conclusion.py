"""The claims the conclusion's exercise solutions make, checked on the model.

The conclusion has no widget notebook, so no ``test_conclusion_<notebook>_claims``; its page
puts the chapters together in three exercises. Each solution that states a number or direction
the model computes is checked by a test marked with ``checks_solution``, each assertion under
the words it checks; the solutions that state none are listed in ``WITHOUT_MODEL_CLAIMS`` with
the reason. A teacher who edits ``data/`` sees here which solution needs a look.
"""
import numpy as np

import widgets
from solution_claims import checks_solution
from widgets.model.ncrna import target_levels
from widgets.model.pharmacodynamics import blood_read_outs, tumour_read_outs
from widgets.model.pharmacology import compare_with_intervention

WITHOUT_MODEL_CLAIMS = {
    "ex-conclusion-3": "corrects the review's sentence on p62 and NRF2 from the cited paper; "
                       "the model has no NRF2 or ferroptosis",
}
DOSES = np.logspace(-2, 3, 40)
CHLOROQUINE = {"chloroquine": 20.0}
SORAFENIB = {"sorafenib": 5.0}


def _shift(line, treatments=None, knockdown=None):
    return compare_with_intervention("sorafenib", DOSES, 72.0, treatments or {}, knockdown or {},
                                     line)


def _flux(treatments, line):
    return widgets.simulate(treatments, 24.0, cell_line=line).flux[-1]


@checks_solution("ex-conclusion-1",
                 "Chloroquine lowers flux in both lines",
                 "In parental cells the flux clears drug damage, so less flux means more damage "
                 "and more death: sensitisation",
                 "In the resistant cells the extra flux adds to death, so less flux removes part "
                 "of sorafenib's killing: protection",
                 "if blocking lowers the IC50 and inducing raises it, autophagy is an accomplice "
                 "there")
def test_ex_conclusion_1_one_inhibitor_two_outcomes():
    # "Chloroquine lowers flux in both lines" (with sorafenib, 24 h)
    for line in ("Huh7", "Huh7-SR"):
        assert _flux({**SORAFENIB, **CHLOROQUINE}, line) < 0.8 * _flux(SORAFENIB, line), line
    # "In parental cells the flux clears drug damage, so less flux means more damage and more
    # death: sensitisation"
    parental = _shift("Huh7", CHLOROQUINE)
    assert parental.loss_from_damage[1] > parental.loss_from_damage[0]
    assert parental.fold_shift > 1.05
    # "In the resistant cells the extra flux adds to death, so less flux removes part of
    # sorafenib's killing: protection"
    resistant = _shift("Huh7-SR", CHLOROQUINE)
    assert resistant.loss_from_autophagy[0] > 0.1
    assert resistant.loss_from_autophagy[1] < resistant.loss_from_autophagy[0]
    assert resistant.fold_shift < 0.95
    # "if blocking lowers the IC50 and inducing raises it, autophagy is an accomplice there"
    # (parental Huh7, whose autophagy is the accomplice: chloroquine, the ATG7 knockdown,
    # rapamycin)
    assert _shift("Huh7", knockdown={"ATG7": 0.9}).fold_shift > 1.05
    assert _shift("Huh7", {"rapamycin": 0.1}).fold_shift < 0.95


@checks_solution("ex-conclusion-2",
                 "miR-21 and PTEN, which in resistant cells went with suppressed autophagy",
                 "but those are snapshots that cannot show flux",
                 "since blood cells can mislead")
def test_ex_conclusion_2_evidence_in_one_tumour():
    # "miR-21 and PTEN, which in resistant cells went with suppressed autophagy": the resistant
    # line's PTEN is lower and sorafenib raises its flux less
    assert target_levels({}, "Huh7-SR")["PTEN"] < 0.5 * target_levels({}, "Huh7")["PTEN"]
    assert _flux(SORAFENIB, "Huh7-SR") - 1 < 0.5 * (_flux(SORAFENIB, "Huh7") - 1)
    # "but those are snapshots that cannot show flux": LC3-II rises both when flux rises and
    # when it falls
    for treatments, faster in (({"rapamycin": 0.1}, True), (CHLOROQUINE, False)):
        course = widgets.simulate(treatments, 24.0, cell_line="Huh7")
        assert course.lc3_ii[-1] > 1.2 and (course.flux[-1] > 1) == faster, treatments
    # "since blood cells can mislead": at the standard 400 mg/day the blood cells' LC3-II rises
    # by more than a third, while tumour cells at the same whole-blood level barely change flux
    blood, tumour = blood_read_outs(400.0), tumour_read_outs(400.0)
    assert blood["lc3_ii"] > 1.3 and abs(tumour["flux"] - 1) < 0.05
