"""The claims the pages of the exosome chapter make, checked on the model.

Each test reads what one notebook of ``chapters/exosomes/`` tells the reader to look for in its
text and exercises (one test per widget notebook, named ``test_exosomes_<notebook>_claims``;
``tests/test_chapters.py`` asks for it); each exercise solution it checks is named in a
``checks_solution`` decorator with the words checked. The solutions that state nothing the model
computes, the prose pages' among them, are listed in ``WITHOUT_MODEL_CLAIMS`` with the reason. A
teacher who edits ``data/`` sees here which page's text needs a look, instead of a failing cell
in the notebook.
"""
import numpy as np

from conftest import ROOT
from solution_claims import checks_solution
from test_chapters import _page_text

CHAPTER = ROOT / "chapters" / "exosomes"

WITHOUT_MODEL_CLAIMS = {
    "ex-exo-index-2": "designs the controls of a conditioned-medium experiment (remainder, depleted "
                      "serum, a release blocker as in Trajkovic et al.); no model number or direction",
    "ex-exo-index-3": "weighs what the reviews (Zhang et al. 2020, Wu et al. 2021) establish about "
                      "lysosomes and release in HCC; a reading of the literature, cited",
    "ex-exo-cargo-1": "designs an experiment that tells vesicle dose from cargo (equal particle "
                      "numbers); no model number",
    "ex-exo-cargo-2": "designs read-outs that tell delivered ABCG2 protein from an RNA mechanism "
                      "(Takahashi et al.); no model number",
    "ex-exo-cargo-3": "reads a retraction notice and the HCC studies that remain: literature facts, "
                      "cited",
    "ex-exo-micro-1": "summarises what Tian et al. 2019 and He et al. 2015 each showed and what "
                      "neither tested: literature facts, cited",
    "ex-exo-micro-2": "designs a transfer experiment with its donors, vesicles, recipients and "
                      "read-outs; no model number",
    "ex-exo-micro-3": "explains why a prognostic marker is not a predictive one; no model claim",
    "ex-coculture-1": "names three controls and what each rules out; states no number or "
                      "direction of the model (the page's tasks compute what the controls change)",
}


@checks_solution("ex-characterisation-2",
                 "The {term}`density gradient` gives the most marker per particle and the least "
                 "calnexin")
@checks_solution("ex-characterisation-1", "co-isolated particles fall in the same size range",
                 "CD63 is also found on other vesicles")
def test_exosomes_characterisation_claims():
    """What `chapters/exosomes/characterisation.ipynb` tells the reader to look for.

    Its tasks (data/activities/exosomes.json) compute their numbers and right answers from the
    model (tests/test_activities.py). Here, the solutions of ex-characterisation-2 and
    ex-characterisation-1 (the parts the model computes).
    """
    from widgets.model.vesicles import POSITIVE_MARKERS, characterise, preparations

    # "The {term}`density gradient` gives the most marker per particle and the least calnexin"
    markers = {p: characterise(p).markers for p in preparations()}
    for marker in POSITIVE_MARKERS:
        assert max(markers, key=lambda p: markers[p][marker]) == "density_gradient", marker
    assert min(markers, key=lambda p: markers[p]["calnexin"]) == "density_gradient"
    _characterisation_overlap()


@checks_solution("ex-coculture-2", "Faster release and faster uptake raise the protection",
                 "Faster clearance of vesicles from the medium and faster turnover of the cargo "
                 "lower it")
@checks_solution("ex-coculture-2",
                 "The steady cargo is proportional to release × uptake / (clearance × turnover), "
                 "which the protection then saturates")
def test_exosomes_coculture_claims():
    """What `chapters/exosomes/coculture.ipynb` tells the reader to look for.

    Its tasks (data/activities/exosomes.json) compute their numbers and right answers from the
    model (tests/test_activities.py). Here, ex-coculture-2, whose code gives "the recipients'
    gain in viability from resistant donors (sorafenib 5 µM, 72 h)": "Faster release and
    faster uptake raise the protection ... Faster clearance of vesicles from the medium and
    faster turnover of the cargo lower it"; and the reading box: "The direction of every
    conclusion on this page survives" a fourfold change of each rate.
    """
    import inspect

    from widgets.model.exosomes import rate_sensitivity, simulate_coculture

    text = _page_text(CHAPTER / "coculture.ipynb")
    assert "widgets.model.exosomes.rate_sensitivity((0.1, 1.0, 10.0))" in text
    defaults = inspect.signature(rate_sensitivity).parameters
    assert (defaults["drug"].default, defaults["dose"].default, defaults["hours"].default) == \
        ("sorafenib", 5.0, 72.0)
    gains = rate_sensitivity((0.1, 1.0, 10.0))
    # "Faster release and faster uptake raise the protection"
    for rate in ("exosome_release_rate", "exosome_uptake_rate"):
        assert np.all(np.diff(gains[rate]) > 0), rate
    # "Faster clearance of vesicles from the medium and faster turnover of the cargo lower it"
    for rate in ("exosome_clearance_rate", "cargo_turnover_rate"):
        assert np.all(np.diff(gains[rate]) < 0), rate
    base = simulate_coculture("sorafenib", 5.0)
    assert gains["exosome_release_rate"][1] == base.recipient_viability[-1] - base.recipient_alone_viability[-1]
    assert all(min(v) > 0 for v in rate_sensitivity().values())               # reading box
    _coculture_steady_cargo_and_saturation()


def _coculture_steady_cargo_and_saturation() -> None:
    """ex-coculture-2: the steady cargo's scaling, and a protection that saturates."""
    from widgets.model.data_files import parameter_values, parameters_set_to
    from widgets.model.exosomes import rate_sensitivity, simulate_coculture

    base = parameter_values()

    def steady_cargo(**factors: float) -> float:
        """Recipients' cargo after 2000 h without drug, back in one unit for every rate set
        (the model reports it divided by the steady medium, release / clearance)."""
        rates = {name: base[name] * factors.get(name, 1.0) for name in
                 ("exosome_release_rate", "exosome_clearance_rate")}
        with parameters_set_to(**{name: base[name] * f for name, f in factors.items()}):
            reported = simulate_coculture("sorafenib", 0.0, hours=2000.0).cargo[-1]
        return reported * rates["exosome_release_rate"] / rates["exosome_clearance_rate"]

    # "The steady cargo is proportional to release × uptake / (clearance × turnover)"
    reference = steady_cargo()
    for rate, expected in (("exosome_release_rate", 2.0), ("exosome_uptake_rate", 2.0),
                           ("exosome_clearance_rate", 0.5), ("cargo_turnover_rate", 0.5)):
        assert np.isclose(steady_cargo(**{rate: 2.0}) / reference, expected, rtol=1e-3), rate
    # "which the protection then saturates": each tenfold step of release gains less
    low, middle, high = rate_sensitivity((0.1, 1.0, 10.0))["exosome_release_rate"]
    assert high / middle < middle / low < 10.0


def _characterisation_overlap() -> None:
    """ex-characterisation-1, on the page's model of an ultracentrifugation pellet."""
    from widgets.model.data_files import read_table
    from widgets.model.vesicles import SIZES_NM, SMALL_EV_RANGE_NM, characterise

    pellet = characterise("ultracentrifugation")
    width = np.gradient(np.log(SIZES_NM))
    inside = (SIZES_NM >= SMALL_EV_RANGE_NM[0]) & (SIZES_NM <= SMALL_EV_RANGE_NM[1])
    # "co-isolated particles fall in the same size range"
    aggregates = float(np.sum((pellet.particles["aggregates"] * width)[inside]))
    assert aggregates > 0.2 * pellet.share_in_range
    # "CD63 is also found on other vesicles"
    cd63 = {row["population"]: float(row["CD63"]) for row in read_table("vesicle_populations.csv")}
    assert cd63["large_ev"] > 0


@checks_solution("ex-vesicle-autophagy-1", "GW4869 in the donors should remove most of it",
                 "since chloroquine itself changes the recipients' autophagy")
@checks_solution("ex-vesicle-autophagy-2", "so autophagosomes accumulate (LC3-II up)",
                 "part of them leave the cell with multivesicular bodies (release up, vesicle "
                 "LC3-II up)",
                 "An ATG7 siRNA lowers lipidation, so there is less LC3-II to carry",
                 "so release is unchanged and the vesicles carry none in the model")
def test_exosomes_vesicle_autophagy_claims():
    """What `chapters/exosomes/vesicle_autophagy.ipynb` states about its model.

    Its tasks (data/activities/exosomes.json) compute their numbers and right answers from the
    model (tests/test_activities.py); here, that they set up experiments the panel shows, the
    page's own account of the model, and the solutions of ex-vesicle-autophagy-1 and -2.
    """
    from widgets import activities
    from widgets.model.data_files import parameter_values
    from widgets.model.exosomes import vesicle_transfer
    from widgets.panels.controls import KNOCKDOWN_FRACTION
    from widgets.panels.exosomes import DONOR_CONDITIONS, donor_condition

    shown = [donor_condition(value) for _, value in DONOR_CONDITIONS]
    for task in activities.tasks_for("exosomes", "vesicle_autophagy"):
        for name, spec in task["values"].items():
            assert (spec.get("treatments", {}), spec.get("knockdown", {})) in shown, \
                (task["id"], name)
    text = _page_text(CHAPTER / "vesicle_autophagy.ipynb")
    runs = {value: vesicle_transfer(*donor_condition(value)) for _, value in DONOR_CONDITIONS}
    p = parameter_values()
    assert "A complete block of lysosomal fusion and degradation doubles release" in text
    assert p["lysosomal_block_release_gain"] == 1.0
    assert 1.9 < runs["bafilomycin_a1"].vesicles <= 2.0
    assert "an ATG5 knockdown removes release in proportion, up to 80%" in text
    assert p["atg5_release_dependence"] == 0.8
    assert np.isclose(vesicle_transfer(donor_knockdown={"ATG5": 1.0}).vesicles, 0.2)
    assert np.isclose(runs["ATG5"].vesicles, 1 - 0.8 * KNOCKDOWN_FRACTION)
    assert "ATG7, 3-MA and the steps before fusion leave release unchanged" in text
    for knockdown in ("ATG7", "ULK1", "BECN1"):
        assert vesicle_transfer(donor_knockdown={knockdown: 0.9}).vesicles == 1.0, knockdown
    assert runs["3_methyladenine"].vesicles == 1.0
    assert "the LC3-II and p62 that vesicles carry grow with release, with the block" in text
    assert runs[""].vesicle_lc3_ii == runs[""].vesicle_p62 == 0.0
    assert runs["bafilomycin_a1"].vesicle_p62 > runs["chloroquine"].vesicle_p62 > 0
    assert "the recipients' LC3-II and p62 in this widget stay where the drug puts them" in text
    for run in runs.values():
        assert run.recipient_lc3_ii[0] == run.recipient_lc3_ii[1]
        assert run.recipient_p62[0] == run.recipient_p62[1]
    _vesicle_autophagy_controls()
    _vesicle_autophagy_late_block_against_atg7()


def _vesicle_autophagy_controls() -> None:
    """ex-vesicle-autophagy-1: what two of its controls would show in the book's model."""
    import widgets
    from widgets.model.exosomes import simulate_coculture

    def gain(treatments: dict) -> float:
        result = simulate_coculture("sorafenib", 5.0, treatments=treatments)
        return float(result.recipient_viability[-1] - result.recipient_alone_viability[-1])

    # "GW4869 in the donors should remove most of it"
    assert 0 <= gain({"gw4869": 10.0}) < 0.5 * gain({})
    # "since chloroquine itself changes the recipients' autophagy"
    recipients = widgets.simulate({"chloroquine": 20.0}, hours=24.0, cell_line="Huh7")
    assert recipients.lc3_ii[-1] > 1.2 and recipients.flux[-1] < 0.8


def _vesicle_autophagy_late_block_against_atg7() -> None:
    """ex-vesicle-autophagy-2, with the donors the page's widget shows."""
    from widgets.model.exosomes import vesicle_transfer
    from widgets.panels.exosomes import donor_condition

    untreated = vesicle_transfer()
    for inhibitor in ("chloroquine", "bafilomycin_a1"):
        late = vesicle_transfer(*donor_condition(inhibitor))
        # "so autophagosomes accumulate (LC3-II up)"
        assert late.donor_lc3_ii > 1.2, inhibitor
        # "part of them leave the cell with multivesicular bodies (release up, vesicle LC3-II up)"
        assert late.vesicles > 1.2 and late.vesicle_lc3_ii > untreated.vesicle_lc3_ii, inhibitor
    atg7 = vesicle_transfer(*donor_condition("ATG7"))
    # "An ATG7 siRNA lowers lipidation, so there is less LC3-II to carry"
    assert atg7.donor_lc3_ii < 0.8
    # "so release is unchanged and the vesicles carry none in the model"
    assert atg7.vesicles == untreated.vesicles == 1.0
    assert atg7.vesicle_lc3_ii == atg7.vesicle_p62 == 0.0
