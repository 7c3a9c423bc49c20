"""Non-coding RNA regulators: the rules a biologist would check, and the Table 1 stories."""
import math

import numpy as np
import pytest

import widgets
from widgets.model.data_files import read_table
from widgets.model.ncrna import regulator_targets, target_level, target_levels
from widgets.model.table1 import context_result, dial, table1_row, table1_rows

FIELDS = ("lc3_i", "lc3_ii", "p62", "flux", "viability", "damage")
MIMIC, INHIBITOR = 5.0, 0.2


def _flux(drug, line, ncrna=None, hours=24.0):
    dose = widgets.ic50(drug, cell_line=line)
    return widgets.simulate({drug: dose}, hours, cell_line=line, ncrna=ncrna).flux[-1]


@pytest.mark.parametrize("regulator", widgets.NCRNAS)
@pytest.mark.parametrize("line", ("HepG2", "Huh7-SR"))
def test_a_level_of_one_changes_nothing_exactly(regulator, line):
    plain = widgets.simulate({"doxorubicin": 1.0}, 24.0, cell_line=line)
    same = widgets.simulate({"doxorubicin": 1.0}, 24.0, cell_line=line, ncrna={regulator: 1.0})
    for name in FIELDS:
        assert np.array_equal(getattr(plain, name), getattr(same, name)), name
    assert widgets.ic50("cisplatin", cell_line=line, ncrna={regulator: 1}) == \
        widgets.ic50("cisplatin", cell_line=line)
    doses = [1.0, 10.0]
    assert np.array_equal(widgets.dose_response("cisplatin", doses, cell_line=line,
                                                ncrna={regulator: 1.0}),
                          widgets.dose_response("cisplatin", doses, cell_line=line))


def test_a_mirna_represses_its_target_and_its_removal_derepresses_it_up_to_a_ceiling():
    assert target_level(1.0, 0.3) == 1.0
    levels = [target_level(x, 0.3) for x in (1e-9, 0.1, 0.5, 1.0, 2.0, 10.0, 1e6)]
    assert all(a > b for a, b in zip(levels, levels[1:]))
    assert levels[0] == pytest.approx(1 / 0.7)  # the most an inhibitor can give: 1/(1 - rho)
    assert levels[-1] < 1e-4


def test_the_lncrna_hulc_raises_sirt1_through_usp22_and_its_knockdown_lowers_it():
    assert regulator_targets("HULC") == ("SIRT1",)
    assert target_levels({"HULC": 4.0}, "HepG2")["SIRT1"] > 1.2
    assert target_levels({"HULC": 0.2}, "HepG2")["SIRT1"] < 0.8


def test_mir26_lowers_ulk1_protein_and_so_blocks_initiation_not_the_lysosome():
    assert target_levels({"miR-26a": 4.0}, "HepG2")["ULK1"] < 0.6
    before = widgets.simulate({"doxorubicin": 1.0}, 24.0)
    after = widgets.simulate({"doxorubicin": 1.0}, 24.0, ncrna={"miR-26a": 4.0,
                                                                  "miR-26b": 4.0})
    # less autophagosome formation: LC3-II and flux fall while p62 accumulates
    assert after.flux[-1] < before.flux[-1] and after.lc3_ii[-1] < before.lc3_ii[-1]
    assert after.p62[-1] > before.p62[-1]


def test_anti_mir21_is_the_same_as_lowering_mir21_by_the_fraction_removed():
    knocked = widgets.simulate({"sorafenib": 5.0}, 48.0, knockdown={"MIR21": 0.9},
                               cell_line="Huh7-SR")
    lowered = widgets.simulate({"sorafenib": 5.0}, 48.0, ncrna={"miR-21": 0.1},
                               cell_line="Huh7-SR")
    assert np.allclose(knocked.viability, lowered.viability, rtol=1e-12)


def test_anti_mir21_resensitises_the_resistant_line_by_restoring_autophagy():
    resistant = widgets.ic50("sorafenib", cell_line="Huh7-SR")
    rescued = widgets.ic50("sorafenib", cell_line="Huh7-SR", ncrna={"miR-21": 0.1})
    assert rescued < resistant / 2
    assert _flux("sorafenib", "Huh7-SR", {"miR-21": 0.1}) > \
        _flux("sorafenib", "Huh7-SR") + 0.15
    # it really works through autophagy: with ATG7 gone, anti-miR-21 no longer helps
    without = widgets.ic50("sorafenib", cell_line="Huh7-SR", knockdown={"ATG7": 1.0})
    both = widgets.ic50("sorafenib", cell_line="Huh7-SR", knockdown={"ATG7": 1.0},
                        ncrna={"miR-21": 0.1})
    assert both == pytest.approx(without, rel=0.05)


def test_the_same_fall_in_autophagy_sensitises_parental_cells_and_protects_resistant_ones():
    """miR-21 mimic lowers flux in both lines; the consequences are opposite."""
    for line in ("Huh7", "Huh7-SR"):
        assert _flux("sorafenib", line, {"miR-21": 10.0}) < _flux("sorafenib", line)
    parental, resistant = (context_result("sorafenib", line, 10.0) for line in
                           ("Huh7", "Huh7-SR"))
    assert parental.ic50_um < parental.ic50_basal_um        # accomplice removed: sensitised
    assert resistant.ic50_um > resistant.ic50_basal_um * 1.2  # antagonist removed: protected
    assert parental.flux < parental.flux_basal and resistant.flux < resistant.flux_basal


@pytest.mark.parametrize("bad", (0, 0.0, -1.0, math.nan, math.inf, True, "2", None))
def test_a_level_must_be_a_positive_finite_number(bad):
    for call in (lambda: widgets.simulate({}, 4.0, ncrna={"miR-223": bad}),
                 lambda: widgets.dose_response("doxorubicin", [1.0], ncrna={"miR-223": bad}),
                 lambda: widgets.ic50("doxorubicin", ncrna={"miR-223": bad})):
        with pytest.raises(ValueError, match="miR-223.*above 0"):
            call()


def test_an_unknown_rna_is_refused_with_the_valid_choices():
    with pytest.raises(ValueError, match="miR-999.*miR-26a.*HULC"):
        widgets.simulate({}, 4.0, ncrna={"miR-999": 2.0})
    with pytest.raises(ValueError, match="dict"):
        widgets.ic50("doxorubicin", ncrna=[("miR-26a", 2.0)])


def test_names_are_case_insensitive():
    assert widgets.ic50("doxorubicin", ncrna={"MIR-26A": 3.0}) == \
        widgets.ic50("doxorubicin", ncrna={"miR-26a": 3.0})


def test_every_regulator_target_acts_on_a_step_the_flux_model_has():
    steps = {"nucleation", "conjugation", "induction", *widgets.model.names.AUTOPHAGY_GENES}
    for row in read_table("ncrna_targets.csv"):
        assert row["regulator"] in widgets.NCRNAS
        assert row["step"] in steps, row
        assert 0 < float(row["basal_repression"]) < 1, row


# --- the review's Table 1, row by row ---------------------------------------------------

MODELLED = table1_rows(modelled_only=True)


def test_table1_has_every_story_and_each_row_names_known_things():
    rows = {r.row for r in table1_rows()}
    assert {"mir26_doxorubicin", "mir223_doxorubicin", "mir101_doxorubicin", "mir101_cisplatin",
            "mir199a_cisplatin", "mir125b_oxaliplatin", "hulc_chemotherapy",
            "mir21_sorafenib"} <= rows
    for row in table1_rows():
        assert set(row.regulators) <= set(widgets.NCRNAS), row
        assert row.model_drug in widgets.COMPOUNDS or not row.model_drug, row
        assert row.model_cell_line in widgets.CELL_LINES, row
        assert {row.autophagy_when_raised, row.resistance_when_raised} <= {"increases",
                                                                           "decreases"}
        assert row.autophagy_role in {"accomplice", "antagonist"}
        assert row.verification in {"primary record read", "primary abstract read",
                                    "secondary source only", "primary record not found"}
    for raw in read_table("ncrna.csv"):
        assert raw["source"].strip() and raw["showed"].strip(), raw


@pytest.mark.parametrize("row", MODELLED, ids=[r.row for r in MODELLED])
def test_each_row_moves_flux_and_the_drug_ic50_the_way_its_paper_reports(row):
    """Raise the RNA (a mimic) and lower it (an inhibitor): flux and IC50 follow the paper."""
    sign = {"increases": 1.0, "decreases": -1.0}
    basal = dial(row.row, 1.0)
    assert basal.ic50_um == basal.ic50_basal_um
    for level, direction in ((MIMIC, 1.0), (INHIBITOR, -1.0)):
        changed = dial(row.row, level)
        flux_change = changed.flux - basal.flux
        ic50_change = math.log(changed.ic50_um / basal.ic50_um)
        assert np.sign(flux_change) == direction * sign[row.autophagy_when_raised], level
        assert np.sign(ic50_change) == direction * sign[row.resistance_when_raised], level
        assert abs(ic50_change) > 0.01, level


def test_the_blot_reads_the_change_in_flux_that_the_model_makes():
    """LC3 turnover with and without bafilomycin A1 tracks flux; LC3-II alone would not."""
    for row in MODELLED:
        mimic = dial(row.row, 10.0)
        lower = mimic.blot.flux["treated"] < mimic.blot.flux["control"]
        assert lower == (row.autophagy_when_raised == "decreases"), row.row


def test_dial_refuses_rows_it_cannot_run_and_bad_levels():
    unmodelled = [r.row for r in table1_rows() if not r.model_drug]
    for row in unmodelled:
        with pytest.raises(ValueError, match="no modelled drug"):
            dial(row, 2.0)
    with pytest.raises(ValueError, match="unknown Table 1 row.*mir26_doxorubicin"):
        table1_row("mir999")
    with pytest.raises(ValueError, match="level"):
        dial("mir26_doxorubicin", -1.0)
