"""The claims the widget notebooks of the exosome chapter make, checked on the model.

Each test reads what one notebook of ``chapters/exosomes/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_exosomes_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
"""
import numpy as np

import widgets


def test_exosomes_characterisation_claims():
    """What `chapters/exosomes/characterisation.ipynb` tells the reader to look for."""
    from widgets.model.vesicles import characterise, preparations

    pellet, crude = characterise("ultracentrifugation"), characterise("medium")
    assert 1 - pellet.share_in_range > 0.3 and pellet.markers["calnexin"] > 0.05   # task 1
    assert abs(pellet.mode_nm - crude.mode_nm) < 1                                # task 2
    for step in ("density_gradient", "size_exclusion"):                           # task 3
        clean = characterise(step)
        assert clean.markers["calnexin"] < 0.05 and clean.markers["CD63"] > pellet.markers["CD63"]
    dying = characterise("ultracentrifugation", treated_cells=True)
    assert dying.markers["calnexin"] > pellet.markers["calnexin"]          # task 4


def test_exosomes_coculture_claims():
    """What `chapters/exosomes/coculture.ipynb` tells the reader to look for."""
    from widgets.model.exosomes import rate_sensitivity, recipient_ic50, simulate_coculture

    def gain(**options):
        r = simulate_coculture("sorafenib", 5.0, **options)
        return r.recipient_viability[-1] - r.recipient_alone_viability[-1]

    assert gain() > 0.1                                                      # task 1
    together, alone = recipient_ic50("sorafenib")
    assert together > 1.2 * alone
    assert gain(treatments={"gw4869": 10.0}) < 0.4 * gain()                  # task 2
    assert gain(donor="Huh7") < 0.3 * gain() and gain(donor="HepG2") < 0.3 * gain()   # task 3
    neutral, acidic = simulate_coculture(ph=7.4), simulate_coculture(ph=6.6)
    assert acidic.exosomal_mir21[-1] / neutral.exosomal_mir21[-1] > acidic.exosomes[-1] / neutral.exosomes[-1]   # task 4
    shares = [gain(donor_fraction=f) for f in (0.0, 0.25, 0.5, 0.9)]
    assert shares[0] == 0 and np.all(np.diff(shares) > 0)                    # task 5
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
