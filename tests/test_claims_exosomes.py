"""The claims the widget notebooks of the exosome chapter make, checked on the model.

Each test reads what one notebook of ``chapters/exosomes/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_exosomes_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
"""
import numpy as np

from conftest import ROOT
from test_chapters import _page_text

CHAPTER = ROOT / "chapters" / "exosomes"


def test_exosomes_characterisation_claims():
    """What `chapters/exosomes/characterisation.ipynb` tells the reader to look for.

    Its tasks (data/activities/exosomes.json) compute their numbers and right answers from the
    model (tests/test_activities.py). Here, ex-characterisation-2: "The {term}`density gradient` gives
    the most marker per particle and the least calnexin".
    """
    from widgets.model.vesicles import POSITIVE_MARKERS, characterise, preparations

    assert "The {term}`density gradient` gives the most marker per particle and the least calnexin" in \
        _page_text(CHAPTER / "characterisation.ipynb")
    markers = {p: characterise(p).markers for p in preparations()}
    for marker in POSITIVE_MARKERS:
        assert max(markers, key=lambda p: markers[p][marker]) == "density_gradient", marker
    assert min(markers, key=lambda p: markers[p]["calnexin"]) == "density_gradient"


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
    assert "Faster release and faster uptake raise the protection" in text
    defaults = inspect.signature(rate_sensitivity).parameters
    assert (defaults["drug"].default, defaults["dose"].default, defaults["hours"].default) == \
        ("sorafenib", 5.0, 72.0)
    gains = rate_sensitivity((0.1, 1.0, 10.0))
    for rate in ("exosome_release_rate", "exosome_uptake_rate"):
        assert np.all(np.diff(gains[rate]) > 0), rate
    for rate in ("exosome_clearance_rate", "cargo_turnover_rate"):
        assert np.all(np.diff(gains[rate]) < 0), rate
    base = simulate_coculture("sorafenib", 5.0)
    assert gains["exosome_release_rate"][1] == base.recipient_viability[-1] - base.recipient_alone_viability[-1]
    assert all(min(v) > 0 for v in rate_sensitivity().values())               # reading box


def test_exosomes_vesicle_autophagy_claims():
    """What `chapters/exosomes/vesicle_autophagy.ipynb` tells the reader to look for."""
    from widgets.model.exosomes import vesicle_transfer
    from widgets.panels.exosomes import DONOR_CONDITIONS, donor_condition

    runs = {value: vesicle_transfer(*donor_condition(value)) for _, value in DONOR_CONDITIONS}
    untreated, cq = runs[""], runs["chloroquine"]
    assert (untreated.vesicle_lc3_ii, untreated.vesicle_p62) == (0.0, 0.0)              # task 1
    assert (round(cq.donor_lc3_ii, 2), round(cq.donor_p62, 2), round(cq.vesicles, 2)) == \
        (1.76, 1.19, 1.90)
    assert cq.vesicle_lc3_ii > 0 and cq.vesicle_p62 > 0
    ma = runs["3_methyladenine"]                                                         # task 2
    assert (round(ma.donor_lc3_ii, 2), round(ma.donor_p62, 2), round(ma.vesicles, 2)) == \
        (0.53, 1.40, 1.00)
    atg5, atg7 = runs["ATG5"], runs["ATG7"]                                              # task 3
    assert round(atg5.vesicles, 2) == 0.28 and round(atg7.vesicles, 2) == 1.00
    assert (round(atg7.donor_lc3_ii, 2), round(atg5.donor_lc3_ii, 2)) == (0.40, 0.82)
    for run in runs.values():                                                            # task 4
        assert run.recipient_lc3_ii[0] == run.recipient_lc3_ii[1]
        assert run.recipient_p62[0] == run.recipient_p62[1]
    assert (round(cq.recipient_lc3_ii[0], 2), round(cq.recipient_p62[0], 2)) == (1.31, 0.69)
    assert [round(100 * v) for v in cq.recipient_viability] == [46, 69]
    assert round(100 * atg5.recipient_viability[1]) == 55
    assert atg7.vesicle_lc3_ii == 0.0                                                    # exercise 2
    huh7 = vesicle_transfer({"chloroquine": 20.0}, donor="Huh7")                         # task 5
    assert huh7.recipient_viability[1] - huh7.recipient_viability[0] < \
        cq.recipient_viability[1] - cq.recipient_viability[0]
