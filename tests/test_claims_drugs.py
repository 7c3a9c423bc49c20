"""The claims the widget notebooks of the drugs chapter make, checked on the model.

Each test reads what one notebook of ``chapters/drugs/`` tells the reader to look for in its
prose and exercise solutions, each assertion under the sentence it checks (one test per widget
notebook, named ``test_drugs_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). The
"Things to try" are predict-observe-explain tasks (``data/activities/drugs.json``) whose numbers
and right answers are computed from the model when shown, so they need no claims here. A teacher
who edits ``data/`` sees here which notebook's text needs a look, instead of a failing cell in
the notebook.
"""
import numpy as np
import pytest

import widgets


def test_drugs_accomplice_or_antagonist_claims():
    """What `chapters/drugs/accomplice_or_antagonist.ipynb` tells the reader to look for."""
    from widgets.model.pharmacology import compare_with_intervention

    doses = np.logspace(-2, 3, 40)
    def shift(line, treatments=None, knockdown=None):
        return compare_with_intervention("sorafenib", doses, 72.0, treatments or {}, knockdown or {}, line)

    # "why the same autophagy inhibitor can sensitise one kind of HCC cell to sorafenib and
    # protect another"
    for blocker in ({"chloroquine": 20.0}, {"hydroxychloroquine": 20.0}, {"3_methyladenine": 5000.0}):
        protective, toxic = shift("Huh7", blocker), shift("Huh7-SR", blocker)
        assert protective.fold_shift > 1.05 and toxic.fold_shift < 0.95, blocker
        assert protective.bliss_at_ic50 > 0 > toxic.bliss_at_ic50, blocker
        assert toxic.loss_from_autophagy[1] < toxic.loss_from_autophagy[0]
    for knockdown in ({"ATG7": 0.9}, {"ATG5": 0.99}):
        assert shift("Huh7", knockdown=knockdown).fold_shift > 1.05
        assert shift("Huh7-SR", knockdown=knockdown).fold_shift < 0.95
    # Exercise 2 (solution): with the ATG7 knockdown in Huh7-SR, lowering flux "changes how much
    # damage accumulates only a little (about a tenth more with the ATG7 knockdown)", while it
    # "removes the excess of flux above basal" that autophagic death turns into killing;
    # "Chloroquine adds damage of its own ... so its damage part grows more than the knockdown's."
    knocked = shift("Huh7-SR", knockdown={"ATG7": 0.9})
    damage_alone, damage_kd = knocked.loss_from_damage
    assert 1.0 < damage_kd / damage_alone < 1.15
    assert knocked.loss_from_autophagy[0] > 0.1 and knocked.loss_from_autophagy[1] < 0.01
    chloroquine = shift("Huh7-SR", {"chloroquine": 20.0})
    assert chloroquine.loss_from_damage[1] > damage_kd and chloroquine.intervention_alone < 0.95

def test_drugs_dose_response_claims():
    """What `chapters/drugs/dose_response.ipynb` tells the reader to look for."""
    from widgets.model.pharmacology import bliss_excess, compare_with_intervention

    doses = np.logspace(-2, 3, 40)
    # "Blocking autophagy lowers phi, so less damage is cleared and the same dose does more harm."
    for drug in ("sorafenib", "doxorubicin", "cisplatin", "oxaliplatin"):
        for line in ("HepG2", "Huh7", "Hep3B"):
            curve = widgets.dose_response(drug, doses, cell_line=line)
            assert np.all(np.diff(curve) <= 1e-12) and curve.min() >= 0 and curve.max() <= 1
            cq = compare_with_intervention(drug, doses, 72.0, {"chloroquine": 20.0}, cell_line=line)
            assert cq.fold_shift > 1.05 and cq.bliss_at_ic50 > 0, (drug, line)
            atg7 = compare_with_intervention(drug, doses, 72.0, {}, {"ATG7": 0.9}, cell_line=line)
            assert atg7.fold_shift > 1.05, (drug, line)
    # "about 7% fewer cells than untreated after 72 h at 20 µM, and about 25% fewer at 50 µM"
    cq_alone = widgets.dose_response("chloroquine", [20.0, 50.0], cell_line="Huh7")
    assert 0.9 < cq_alone[0] < 0.95 and 0.7 < cq_alone[1] < 0.8
    # Exercise 1: "The IC50 falls steeply with time" and "The fold shift also grows with time"
    # (oxaliplatin in HepG2, chloroquine, 24 h to 72 h)
    shifts = []
    for hours in (24.0, 48.0, 72.0):
        alone = widgets.ic50("oxaliplatin", hours=hours, cell_line="HepG2")
        shifts.append((alone, alone / widgets.ic50("oxaliplatin", hours=hours,
                                                   treatments={"chloroquine": 20.0}, cell_line="HepG2")))
    assert shifts[0][0] > 2 * shifts[2][0] and shifts[0][0] > shifts[1][0] > shifts[2][0]
    assert shifts[0][1] < shifts[1][1] < shifts[2][1]
    # Exercise 2: "E = 0.5 x 0.8 - 0.3 = +0.10: the combination kills more than independence
    # predicts, so it is synergistic by the Bliss criterion."
    assert bliss_excess(0.5, 0.8, 0.3) == pytest.approx(0.10)


def test_drugs_drug_flux_claims():
    """What `chapters/drugs/drug_flux.ipynb` tells the reader to look for."""
    from widgets.model.assays import turnover_blot

    # Exercise 1, for the sorafenib blot the page opens on: "If adding chloroquine or
    # bafilomycin A1 raises LC3-II *more* in the sorafenib lanes than in the control lanes, more
    # LC3-II is being delivered to lysosomes per hour, so flux is up; a falling p62 supports this"
    blot = turnover_blot({"sorafenib": 5.0}, "chloroquine", 50.0, 24.0, {}, "Huh7")
    assert blot.flux["treated"] > 1.1 * blot.flux["control"]
    assert blot.true_flux["treated"] > blot.true_flux["control"]
    assert blot.normalised[0, 2] < blot.normalised[0, 0]


def test_drugs_immune_model_claims():
    """What `chapters/drugs/immune_model.ipynb` tells the reader to look for."""
    from widgets.model.antigen import antigen_presentation, surface_mhc_i
    from widgets.model.data_files import parameter_values

    # "relative to untreated cells its steady level is M = (k_b + k_a)/(k_b + k_a phi)"
    assert abs(antigen_presentation({}).surface_mhc_i - 1.0) < 1e-9
    # "T cells kill at a rate that rises with M and with the fraction a ... that PD-1 blockade frees"
    assert antigen_presentation({}, pd1_blockade=1.0).killed_fraction > antigen_presentation({}).killed_fraction
    # Exercise 1: "With the book's values (k_b = 0.05, k_a = 0.1 per hour) that is 3-fold."
    p = parameter_values()
    assert (p["mhc_i_basal_turnover"], p["mhc_i_autophagic_turnover"]) == (0.05, 0.1)
    assert float(surface_mhc_i(0.0)) == pytest.approx(3.0)
