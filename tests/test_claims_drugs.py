"""The claims the pages of the drugs chapter make, checked on the model.

Each widget notebook of ``chapters/drugs/`` has one test of what its prose tells the reader to
look for, each assertion under the sentence it checks (named ``test_drugs_<notebook>_claims``;
``tests/test_chapters.py`` asks for it). The "Things to try" are predict-observe-explain tasks
(``data/activities/drugs.json``) whose numbers and right answers are computed from the model when
shown, so they need no claims here. Each exercise solution that states a number or direction the
model computes, on a widget notebook or a prose page, is checked by a test marked with
``checks_solution``; the solutions that state none are listed in ``WITHOUT_MODEL_CLAIMS`` with the
reason. A teacher who edits ``data/`` sees here which page's text needs a look, instead of a
failing cell in the notebook.
"""
import numpy as np
import pytest

import widgets
from solution_claims import checks_solution
from widgets.model.antigen import antigen_presentation, surface_mhc_i
from widgets.model.assays import turnover_blot
from widgets.model.data_files import parameter_values, read_table
from widgets.model.pharmacology import bliss_excess, compare_with_intervention
from widgets.model.scenario import compound_effects, make_experiment, step_factors

WITHOUT_MODEL_CLAIMS: dict[str, str] = {}
DOSES = np.logspace(-2, 3, 40)
CHLOROQUINE = {"chloroquine": 20.0}
P62, LC3_II = 0, 2                       # rows of Blot.normalised
CONTROL, CONTROL_BLOCKED, TREATED = 0, 1, 2   # its lanes


def _shift(line, treatments=None, knockdown=None, drug="sorafenib"):
    return compare_with_intervention(drug, DOSES, 72.0, treatments or {}, knockdown or {}, line)


def test_drugs_accomplice_or_antagonist_claims():
    """What `chapters/drugs/accomplice_or_antagonist.ipynb` tells the reader to look for."""
    # "why the same autophagy inhibitor can sensitise one kind of HCC cell to sorafenib and
    # protect another"
    for blocker in (CHLOROQUINE, {"hydroxychloroquine": 20.0}, {"3_methyladenine": 5000.0}):
        protective, toxic = _shift("Huh7", blocker), _shift("Huh7-SR", blocker)
        assert protective.fold_shift > 1.05 and toxic.fold_shift < 0.95, blocker
        assert protective.bliss_at_ic50 > 0 > toxic.bliss_at_ic50, blocker
        assert toxic.loss_from_autophagy[1] < toxic.loss_from_autophagy[0]
    for knockdown in ({"ATG7": 0.9}, {"ATG5": 0.99}):
        assert _shift("Huh7", knockdown=knockdown).fold_shift > 1.05
        assert _shift("Huh7-SR", knockdown=knockdown).fold_shift < 0.95


@checks_solution("ex-accomplice-1",
                 "If blocking autophagy lowers the IC50 and inducing it raises the IC50, autophagy "
                 "is protective",
                 "if blocking raises the IC50 and restoring autophagy lowers it, autophagy "
                 "contributes to death, and chloroquine would deepen resistance",
                 "in the model's resistant line rapamycin kills cells by itself, so the sorafenib "
                 "IC50 read against rapamycin-only wells even rises a little, although the "
                 "combination kills more than sorafenib alone")
def test_ex_accomplice_1_the_smallest_set_of_experiments():
    # "If blocking autophagy lowers the IC50 and inducing it raises the IC50, autophagy is
    # protective" (parental Huh7: chloroquine and the ATG7 knockdown sensitise, rapamycin protects)
    assert _shift("Huh7", CHLOROQUINE).fold_shift > 1.05
    assert _shift("Huh7", knockdown={"ATG7": 0.9}).fold_shift > 1.05
    assert _shift("Huh7", {"rapamycin": 0.1}).fold_shift < 0.95
    # "if blocking raises the IC50 and restoring autophagy lowers it, autophagy contributes to
    # death, and chloroquine would deepen resistance" (Huh7-SR: anti-miR-21 restores it)
    assert _shift("Huh7-SR", CHLOROQUINE).fold_shift < 0.95
    assert _shift("Huh7-SR", knockdown={"ATG7": 0.9}).fold_shift < 0.95
    assert _shift("Huh7-SR", knockdown={"MIR21": 0.9}).fold_shift > 2
    # "in the model's resistant line rapamycin kills cells by itself, so the sorafenib IC50 read
    # against rapamycin-only wells even rises a little, although the combination kills more than
    # sorafenib alone" (cell loss at sorafenib's IC50 dose)
    rapamycin = _shift("Huh7-SR", {"rapamycin": 0.1})
    assert rapamycin.intervention_alone < 0.9
    assert 0.8 < rapamycin.fold_shift < 0.95
    alone, combined = (sum(parts) for parts in zip(rapamycin.loss_from_damage,
                                                   rapamycin.loss_from_autophagy))
    assert combined > alone + 0.1


@checks_solution("ex-accomplice-2",
                 "its damage clearance is set to a tenth of the parental line's",
                 "lowering flux changes how much damage accumulates only a little (about a tenth "
                 "more with the ATG7 knockdown)",
                 "removes the excess of flux above basal that the line's high sensitivity to "
                 "autophagic death turns into killing",
                 "at 20 µM it kills some cells even without sorafenib",
                 "so its damage part grows more than the knockdown's")
def test_ex_accomplice_2_two_arms_of_one_intervention():
    # "its damage clearance is set to a tenth of the parental line's"
    clearance = {line: parameter_values(line)["damage_clearance_by_flux"]
                 for line in ("Huh7", "Huh7-SR")}
    assert clearance["Huh7-SR"] == pytest.approx(clearance["Huh7"] / 10)
    knocked = _shift("Huh7-SR", knockdown={"ATG7": 0.9})
    damage_alone, damage_kd = knocked.loss_from_damage
    # "lowering flux changes how much damage accumulates only a little (about a tenth more with
    # the ATG7 knockdown)"
    assert 1.0 < damage_kd / damage_alone < 1.15
    # "removes the excess of flux above basal that the line's high sensitivity to autophagic
    # death turns into killing"
    assert parameter_values("Huh7-SR")["autophagic_death_threshold"] == 1.0
    assert knocked.loss_from_autophagy[0] > 0.1 and knocked.loss_from_autophagy[1] < 0.01
    chloroquine = _shift("Huh7-SR", CHLOROQUINE)
    # "at 20 µM it kills some cells even without sorafenib"
    assert chloroquine.intervention_alone < 0.95
    # "so its damage part grows more than the knockdown's"
    assert chloroquine.loss_from_damage[1] > damage_kd


def test_drugs_dose_response_claims():
    """What `chapters/drugs/dose_response.ipynb` tells the reader to look for."""
    # "Blocking autophagy lowers phi, so less damage is cleared and the same dose does more harm."
    for drug in ("sorafenib", "doxorubicin", "cisplatin", "oxaliplatin"):
        for line in ("HepG2", "Huh7", "Hep3B"):
            curve = widgets.dose_response(drug, DOSES, cell_line=line)
            assert np.all(np.diff(curve) <= 1e-12) and curve.min() >= 0 and curve.max() <= 1
            cq = _shift(line, CHLOROQUINE, drug=drug)
            assert cq.fold_shift > 1.05 and cq.bliss_at_ic50 > 0, (drug, line)
            assert _shift(line, knockdown={"ATG7": 0.9}, drug=drug).fold_shift > 1.05, (drug, line)
    # "about 7% fewer cells than untreated after 72 h at 20 µM, and about 25% fewer at 50 µM"
    cq_alone = widgets.dose_response("chloroquine", [20.0, 50.0], cell_line="Huh7")
    assert 0.9 < cq_alone[0] < 0.95 and 0.7 < cq_alone[1] < 0.8


@checks_solution("ex-dose-response-1",
                 "The IC50 falls steeply with time",
                 "The fold shift also grows with time")
def test_ex_dose_response_1_assay_length():
    # oxaliplatin in HepG2, with and without chloroquine, 24 h to 72 h
    alone, shifts = [], []
    for hours in (24.0, 48.0, 72.0):
        alone.append(widgets.ic50("oxaliplatin", hours=hours, cell_line="HepG2"))
        shifts.append(alone[-1] / widgets.ic50("oxaliplatin", hours=hours, treatments=CHLOROQUINE,
                                               cell_line="HepG2"))
    # "The IC50 falls steeply with time"
    assert alone[0] > 2 * alone[2] and alone[0] > alone[1] > alone[2]
    # "The fold shift also grows with time"
    assert shifts[0] < shifts[1] < shifts[2]


@checks_solution("ex-dose-response-2",
                 r"$E = 0.5 \times 0.8 - 0.3 = +0.10$: the combination kills more than "
                 "independence predicts, so it is synergistic by the Bliss criterion")
def test_ex_dose_response_2_bliss():
    # "$E = 0.5 \times 0.8 - 0.3 = +0.10$: the combination kills more than independence predicts,
    # so it is synergistic by the Bliss criterion" (the book's Bliss function, on the exercise's
    # viabilities)
    assert bliss_excess(0.5, 0.8, 0.3) == pytest.approx(0.10)


def test_drugs_drug_flux_claims():
    """What `chapters/drugs/drug_flux.ipynb` tells the reader to look for (its tasks,
    ``data/activities/drugs.json``, compute their own numbers; its exercise is checked below)."""
    from widgets.model.labels import compounds_with_role, typical_dose

    for drug in compounds_with_role("anticancer drug"):
        for line in ("Huh7", "Hep3B"):
            # "a larger increase in the treated lanes than in the control lanes means the drug
            # raised flux" (each drug at its typical dose, chloroquine 50 µM, 24 h)
            blot = turnover_blot({drug: typical_dose(drug)}, "chloroquine", 50.0, 24.0, {}, line)
            assert blot.flux["treated"] > blot.flux["control"], (drug, line)
            assert blot.true_flux["treated"] > blot.true_flux["control"], (drug, line)
            # "an early rise in flux can settle to a smaller one"
            course = widgets.simulate({drug: typical_dose(drug)}, 24.0, cell_line=line)
            assert np.interp(4.0, course.t, course.flux) > course.flux[-1], (drug, line)
    # "how the same drug can raise flux in one cell line and not in another"
    sorafenib = {line: widgets.simulate({"sorafenib": 5.0}, 24.0, cell_line=line).flux[-1]
                 for line in ("Huh7", "Hep3B")}
    assert sorafenib["Huh7"] > 1.2 and sorafenib["Hep3B"] < 1.05


@checks_solution("ex-drug-flux-1",
                 "If adding chloroquine or bafilomycin A1 raises LC3-II *more* in the sorafenib "
                 "lanes than in the control lanes, more LC3-II is being delivered to lysosomes per "
                 "hour, so flux is up; a falling p62 supports this")
def test_ex_drug_flux_1_the_missing_lanes():
    # "If adding chloroquine or bafilomycin A1 raises LC3-II *more* in the sorafenib lanes than in
    # the control lanes, more LC3-II is being delivered to lysosomes per hour, so flux is up; a
    # falling p62 supports this" (the sorafenib blot the page opens on, Huh7, 24 h)
    for inhibitor, dose in (("chloroquine", 50.0), ("bafilomycin_a1", 0.1)):
        blot = turnover_blot({"sorafenib": 5.0}, inhibitor, dose, 24.0, {}, "Huh7")
        assert blot.flux["treated"] > 1.1 * blot.flux["control"], inhibitor
        assert blot.true_flux["treated"] > blot.true_flux["control"]
        assert blot.normalised[P62, TREATED] < blot.normalised[P62, CONTROL]


@checks_solution("ex-dox-1",
                 "LC3-II and p62 accumulate, and X adds nothing once the lysosome is already "
                 "blocked, so flux is reduced",
                 "Doxorubicin-induced flux was protective in Hep3B cells",
                 "so X would be *expected* to sensitise them")
def test_ex_dox_1_a_late_blocker_with_doxorubicin():
    # Chloroquine stands for X: a late-stage blocker, given with doxorubicin to Hep3B cells.
    doxorubicin = {"doxorubicin": 0.5}
    blot = turnover_blot({**doxorubicin, **CHLOROQUINE}, "bafilomycin_a1", 0.1, 24.0,
                         cell_line="Hep3B", control_treatment=doxorubicin)
    # "LC3-II and p62 accumulate, and X adds nothing once the lysosome is already blocked, so
    # flux is reduced"
    assert blot.normalised[LC3_II, TREATED] > 1.5 and blot.normalised[P62, TREATED] > 1.2
    with_block = blot.normalised[LC3_II, TREATED + 1] / blot.normalised[LC3_II, CONTROL_BLOCKED]
    assert abs(with_block - 1) < 0.1
    assert blot.true_flux["treated"] < blot.true_flux["control"]
    assert blot.flux["treated"] < blot.flux["control"]
    # "Doxorubicin-induced flux was protective in Hep3B cells": doxorubicin raises flux there, and
    # a genetic block of it sensitises
    assert widgets.simulate(doxorubicin, 24.0, cell_line="Hep3B").flux[-1] > 1.1
    assert _shift("Hep3B", knockdown={"ATG7": 0.9}, drug="doxorubicin").fold_shift > 1.2
    # "so X would be *expected* to sensitise them"
    assert _shift("Hep3B", CHLOROQUINE, drug="doxorubicin").fold_shift > 1.2


def test_drugs_immune_model_claims():
    """What `chapters/drugs/immune_model.ipynb` tells the reader to look for."""
    # "relative to untreated cells its steady level is M = (k_b + k_a)/(k_b + k_a phi)"
    assert abs(antigen_presentation({}).surface_mhc_i - 1.0) < 1e-9
    # "T cells kill at a rate that rises with M and with the fraction a ... that PD-1 blockade frees"
    assert antigen_presentation({}, pd1_blockade=1.0).killed_fraction > antigen_presentation({}).killed_fraction


@checks_solution("ex-immune-1",
                 "With the book's values ($k_b = 0.05$, $k_a = 0.1$ per hour) that is 3-fold")
def test_ex_immune_1_the_ceiling():
    # "With the book's values ($k_b = 0.05$, $k_a = 0.1$ per hour) that is 3-fold"
    p = parameter_values()
    assert (p["mhc_i_basal_turnover"], p["mhc_i_autophagic_turnover"]) == (0.05, 0.1)
    assert float(surface_mhc_i(0.0)) == pytest.approx(3.0)


@checks_solution("ex-immune-2",
                 "shown for instance by an increase of surface MHC-I after ATG knockdown",
                 "raising it improves killing")
def test_ex_immune_2_what_must_hold_in_hcc():
    untreated = antigen_presentation({})
    knocked = antigen_presentation({}, {"ATG7": 0.9})
    # "shown for instance by an increase of surface MHC-I after ATG knockdown"
    assert knocked.surface_mhc_i > 1.3 * untreated.surface_mhc_i
    # "raising it improves killing"
    assert knocked.killed_fraction > untreated.killed_fraction + 0.05


@checks_solution("ex-platinum-1", "Chloroquine mainly blocks autophagosome–lysosome fusion")
def test_ex_platinum_1_what_chloroquine_blocks():
    # The Golgi, DRP1 and mitophagy are from the cited papers: the model has none of them.
    # "Chloroquine mainly blocks autophagosome–lysosome fusion": the data, from the cited paper,
    # give it a stronger and more potent fusion block than degradation block
    rows = [row for row in read_table("compound_effects.csv") if row["compound"] == "chloroquine"]
    assert {row["source"] for row in rows} == {"mauthe2018chloroquine"}
    effects = {kind: (emax, ec50) for kind, emax, ec50, _ in compound_effects()["chloroquine"]}
    assert effects["fusion_block"][0] > effects["degradation_block"][0]
    assert effects["fusion_block"][1] < effects["degradation_block"][1]
    steps = step_factors(make_experiment(CHLOROQUINE))
    assert steps.fusion < steps.degradation < 1
