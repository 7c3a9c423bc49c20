"""The claims the widget notebooks of the drugs chapter make, checked on the model.

Each test reads what one notebook of ``chapters/drugs/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_drugs_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
"""
import numpy as np

import widgets


def test_drugs_accomplice_or_antagonist_claims():
    """What `chapters/drugs/accomplice_or_antagonist.ipynb` tells the reader to look for."""
    from widgets.model.pharmacology import compare_with_intervention

    doses = np.logspace(-2, 3, 40)
    def shift(line, treatments=None, knockdown=None):
        return compare_with_intervention("sorafenib", doses, 72.0, treatments or {}, knockdown or {}, line)

    for blocker in ({"chloroquine": 20.0}, {"hydroxychloroquine": 20.0}, {"3_methyladenine": 5000.0}):
        protective, toxic = shift("Huh7", blocker), shift("Huh7-SR", blocker)
        assert protective.fold_shift > 1.05 and toxic.fold_shift < 0.95, blocker
        assert protective.bliss_at_ic50 > 0 > toxic.bliss_at_ic50, blocker
        assert toxic.loss_from_autophagy[1] < toxic.loss_from_autophagy[0]
    for knockdown in ({"ATG7": 0.9}, {"ATG5": 0.99}):
        assert shift("Huh7", knockdown=knockdown).fold_shift > 1.05
        assert shift("Huh7-SR", knockdown=knockdown).fold_shift < 0.95
    rapa_protective, rapa_toxic = shift("Huh7", {"rapamycin": 0.1}), shift("Huh7-SR", {"rapamycin": 0.1})
    assert rapa_protective.fold_shift < 1 and rapa_toxic.loss_from_autophagy[1] > rapa_toxic.loss_from_autophagy[0]
    assert abs(shift("Huh7", knockdown={"MIR21": 0.9}).fold_shift - 1) < 0.01
    assert shift("Huh7-SR", knockdown={"MIR21": 0.9}).fold_shift > 1.2
    parental = shift("Huh7", {"chloroquine": 20.0})
    assert parental.loss_from_autophagy[0] < 0.01 and parental.loss_from_damage[1] > parental.loss_from_damage[0]


def test_drugs_dose_response_claims():
    """What `chapters/drugs/dose_response.ipynb` tells the reader to look for."""
    from widgets.model.pharmacology import compare_with_intervention

    doses = np.logspace(-2, 3, 40)
    for drug in ("sorafenib", "doxorubicin", "cisplatin", "oxaliplatin"):
        for line in ("HepG2", "Huh7", "Hep3B"):
            curve = widgets.dose_response(drug, doses, cell_line=line)
            assert np.all(np.diff(curve) <= 1e-12) and curve.min() >= 0 and curve.max() <= 1
            cq = compare_with_intervention(drug, doses, 72.0, {"chloroquine": 20.0}, cell_line=line)
            assert cq.fold_shift > 1.05 and cq.bliss_at_ic50 > 0, (drug, line)
            atg7 = compare_with_intervention(drug, doses, 72.0, {}, {"ATG7": 0.9}, cell_line=line)
            assert atg7.fold_shift > 1.05, (drug, line)
    huh7 = widgets.simulate({"sorafenib": 5.0}, 72.0, cell_line="Huh7")
    hep3b = widgets.simulate({"sorafenib": 5.0}, 72.0, cell_line="Hep3B")
    assert huh7.flux[-1] > 1.2 and abs(hep3b.flux[-1] - 1.0) < 0.05
    assert widgets.ic50("sorafenib", cell_line="Hep3B") > widgets.ic50("sorafenib", cell_line="Huh7")
    atg5 = compare_with_intervention("sorafenib", doses, 72.0, {}, {"ATG5": 0.9}, cell_line="Huh7")
    atg7 = compare_with_intervention("sorafenib", doses, 72.0, {}, {"ATG7": 0.9}, cell_line="Huh7")
    assert atg5.fold_shift < atg7.fold_shift
    rapa = compare_with_intervention("sorafenib", doses, 72.0, {"rapamycin": 0.1}, cell_line="Huh7")
    assert rapa.fold_shift < 1 and rapa.bliss_at_ic50 < 0
    cq_alone = widgets.dose_response("chloroquine", [20.0, 50.0], cell_line="Huh7")
    assert 0.9 < cq_alone[0] < 0.95 and 0.7 < cq_alone[1] < 0.8
    shifts = []
    for hours in (24.0, 48.0, 72.0):
        alone = widgets.ic50("oxaliplatin", hours=hours, cell_line="HepG2")
        shifts.append((alone, alone / widgets.ic50("oxaliplatin", hours=hours,
                                                   treatments={"chloroquine": 20.0}, cell_line="HepG2")))
    assert shifts[0][0] > shifts[1][0] > shifts[2][0] and shifts[0][1] < shifts[1][1] < shifts[2][1]


def test_drugs_drug_flux_claims():
    """What `chapters/drugs/drug_flux.ipynb` tells the reader to look for."""
    from widgets.model.assays import turnover_blot

    for drug, dose in (("sorafenib", 5.0), ("doxorubicin", 1.0), ("oxaliplatin", 10.0)):
        blot = turnover_blot({drug: dose}, "chloroquine", 50.0, 24.0, {}, "Huh7")
        assert blot.flux["treated"] > 1.1 * blot.flux["control"], drug
        assert blot.normalised[0, 2] < blot.normalised[0, 0], drug  # p62 falls in the treated lane
    hep3b = turnover_blot({"sorafenib": 5.0}, "chloroquine", 50.0, 24.0, {}, "Hep3B")
    assert abs(hep3b.true_flux["treated"] / hep3b.true_flux["control"] - 1.0) < 0.05
    early = turnover_blot({"sorafenib": 5.0}, "chloroquine", 50.0, 6.0, {}, "Huh7")
    late = turnover_blot({"sorafenib": 5.0}, "chloroquine", 50.0, 48.0, {}, "Huh7")
    assert early.true_flux["treated"] > late.true_flux["treated"] > late.true_flux["control"]


def test_drugs_immune_model_claims():
    """What `chapters/drugs/immune_model.ipynb` tells the reader to look for."""
    from widgets.model.antigen import antigen_presentation

    for blocker in ({"chloroquine": 20.0}, {"bafilomycin_a1": 0.1}):
        for blockade in (0.0, 0.5, 1.0):
            base = antigen_presentation({}, pd1_blockade=blockade)
            treated = antigen_presentation(blocker, pd1_blockade=blockade)
            assert treated.surface_mhc_i > base.surface_mhc_i and treated.killed_fraction > base.killed_fraction
    kd = antigen_presentation({}, {"ATG7": 0.9})
    assert kd.surface_mhc_i > 1
    rapa = antigen_presentation({"rapamycin": 0.1})
    assert rapa.surface_mhc_i < 1
    assert antigen_presentation({}, pd1_blockade=1.0).killed_fraction > antigen_presentation({}).killed_fraction
    assert abs(antigen_presentation({}).surface_mhc_i - 1.0) < 1e-9
