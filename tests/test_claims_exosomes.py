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
