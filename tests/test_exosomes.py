"""Rules a biologist would check in the virtual co-culture and the EV characterisation."""
from __future__ import annotations

import numpy as np
import pytest

import widgets
from widgets.model.exosomes import (UNMEASURED_RATES, rate_sensitivity, recipient_ic50,
                                    simulate_coculture, vesicle_transfer)
from widgets.model.vesicles import MARKERS, characterise, preparations

GW = {"gw4869": 10.0}


def _gain(**options):
    result = simulate_coculture("sorafenib", 5.0, **options)
    return result.recipient_viability[-1] - result.recipient_alone_viability[-1]


def test_resistant_donors_raise_recipient_survival_and_their_ic50():
    assert _gain() > 0.1
    together, alone = recipient_ic50("sorafenib")
    assert together > 1.2 * alone
    assert alone == pytest.approx(widgets.ic50("sorafenib", cell_line="Huh7"), rel=0.05)


def test_gw4869_removes_most_of_the_protection():
    assert _gain(treatments=GW) < 0.4 * _gain()
    assert simulate_coculture(treatments=GW).exosomes[-1] < 0.3 * simulate_coculture().exosomes[-1]


def test_sensitive_donors_give_much_less():
    assert _gain(donor="Huh7") < 0.3 * _gain()
    assert _gain(donor="HepG2") < 0.3 * _gain()


def test_protection_grows_with_the_donor_share_and_is_nothing_without_donors():
    gains = [_gain(donor_fraction=share) for share in (0.0, 0.1, 0.25, 0.5, 0.9)]
    assert gains[0] == pytest.approx(0.0, abs=1e-12)
    assert np.all(np.diff(gains) > 0)


def test_recipients_without_donors_are_the_book_model():
    alone = simulate_coculture("doxorubicin", 2.0, donor_fraction=0.0)
    reference = widgets.simulate({"doxorubicin": 2.0}, 72.0, cell_line="Huh7")
    assert np.allclose(alone.recipient_viability, reference.viability)


def test_acidity_raises_exosomal_mir21_per_vesicle_and_in_the_medium():
    neutral, acidic = simulate_coculture(ph=7.4), simulate_coculture(ph=6.6)
    assert acidic.exosomal_mir21[-1] / acidic.exosomes[-1] > \
        1.5 * neutral.exosomal_mir21[-1] / neutral.exosomes[-1]
    assert acidic.exosomal_mir21[-1] > neutral.exosomal_mir21[-1]


def test_every_unmeasured_rate_changes_the_answer_in_a_stated_direction():
    gains = rate_sensitivity((0.25, 1.0, 4.0))
    assert set(gains) == set(UNMEASURED_RATES)
    for name, values in gains.items():
        assert all(np.isfinite(values)) and values[0] != values[2], name
    assert gains["exosome_uptake_rate"][2] > gains["exosome_uptake_rate"][0]
    assert gains["exosome_clearance_rate"][2] < gains["exosome_clearance_rate"][0]


@pytest.mark.parametrize("call, words", [
    (lambda: simulate_coculture(donor_fraction=1.5), ["donor_fraction", "1.5", "[0, 1]"]),
    (lambda: simulate_coculture(ph=5.0), ["ph", "5.0", "[6, 8]"]),
    (lambda: simulate_coculture(drug="aspirin"), ["aspirin", "sorafenib"]),
    (lambda: simulate_coculture(donor="HuH-9"), ["HuH-9", "Huh7-SR"]),
    (lambda: simulate_coculture(treatments={"gw4869": -1.0}), ["-1", "gw4869"]),
    (lambda: simulate_coculture(hours=0.0), ["hours", "0"]),
    (lambda: characterise("ultrafiltration"), ["ultrafiltration", "density_gradient"]),
])
def test_bad_input_names_the_value_and_the_choices(call, words):
    with pytest.raises(ValueError) as error:
        call()
    for word in words:
        assert word in str(error.value)


def test_purification_removes_debris_and_enriches_ev_markers():
    crude, pellet, gradient = (characterise(p) for p in
                               ("medium", "ultracentrifugation", "density_gradient"))
    assert crude.markers["calnexin"] > pellet.markers["calnexin"] > gradient.markers["calnexin"]
    for marker in MARKERS[:4]:
        assert gradient.markers[marker] > crude.markers[marker]
    assert gradient.share_in_range > crude.share_in_range
    assert all(30.0 <= characterise(p).mode_nm <= 150.0 for p in preparations())


def test_size_distributions_are_shares_that_sum_to_one():
    for preparation in preparations():
        result = characterise(preparation)
        width = np.gradient(np.log(result.sizes_nm))
        total = sum(result.particles.values())
        assert np.sum(total * width) == pytest.approx(1.0, abs=0.02)


def test_medium_from_dying_cells_carries_more_debris():
    healthy = characterise("ultracentrifugation")
    dying = characterise("ultracentrifugation", treated_cells=True)
    assert dying.markers["calnexin"] > 1.5 * healthy.markers["calnexin"]
    assert dying.share_in_range < healthy.share_in_range
    with pytest.raises(ValueError, match="treated_cells"):
        characterise("medium", treated_cells="yes")


def test_a_lysosomal_block_raises_donor_lc3_ii_p62_and_release():
    untreated = vesicle_transfer()
    for inhibitor, dose in (("chloroquine", 20.0), ("bafilomycin_a1", 0.1)):
        blocked = vesicle_transfer({inhibitor: dose})
        assert blocked.donor_lc3_ii > untreated.donor_lc3_ii
        assert blocked.donor_p62 > untreated.donor_p62
        assert 1.0 < blocked.vesicles <= 2.0
        assert blocked.vesicle_lc3_ii > 0 and blocked.vesicle_p62 > 0
    assert untreated.vesicles == pytest.approx(1.0)
    assert (untreated.vesicle_lc3_ii, untreated.vesicle_p62) == (0.0, 0.0)


def test_release_needs_atg5_but_not_atg7_or_initiation():
    atg5 = vesicle_transfer(donor_knockdown={"ATG5": 0.9})
    assert atg5.vesicles == pytest.approx(1.0 - 0.8 * 0.9, rel=0.02)
    for treatments, knockdown in (({}, {"ATG7": 0.9}), ({"3_methyladenine": 5000.0}, {})):
        early = vesicle_transfer(treatments, knockdown)
        assert early.donor_lc3_ii < 1.0 < early.donor_p62   # an early block: less LC3-II, more p62
        assert early.vesicles == pytest.approx(1.0, abs=0.01)


def test_vesicles_protect_recipients_in_proportion_but_leave_their_markers_alone():
    results = [vesicle_transfer(*condition) for condition in
               (({}, {"ATG5": 0.9}), ({}, {}), ({"chloroquine": 20.0}, {}))]
    gains = [r.recipient_viability[1] - r.recipient_viability[0] for r in results]
    assert 0 < gains[0] < gains[1] < gains[2]
    alone = widgets.simulate({"sorafenib": 5.0}, 72.0, cell_line="Huh7")
    for r in results:
        assert r.recipient_viability[0] == pytest.approx(alone.viability[-1])
        assert r.recipient_lc3_ii == (pytest.approx(alone.lc3_ii[-1]),) * 2
        assert r.recipient_p62 == (pytest.approx(alone.p62[-1]),) * 2


def test_chloroquine_in_a_shared_medium_raises_the_vesicles_it_holds():
    plain = simulate_coculture("sorafenib", 5.0)
    with_cq = simulate_coculture("sorafenib", 5.0, treatments={"chloroquine": 20.0})
    assert with_cq.exosomes[-1] > plain.exosomes[-1]


def test_bad_vesicle_transfer_input_is_refused_clearly():
    with pytest.raises(ValueError, match="conditioning_hours"):
        vesicle_transfer(conditioning_hours=0.0)
    with pytest.raises(ValueError, match="ATG9"):
        vesicle_transfer(donor_knockdown={"ATG9": 0.5})
