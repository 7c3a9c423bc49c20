"""Data integrity: every number has a source, every citation key exists.

The question banks' schema is checked in ``test_quiz.py``.
"""
import json
import re
from pathlib import Path

import pytest

from widgets.model.data_files import DATA_DIR, read_table
from widgets.model.scenario import EFFECTS

ROOT = Path(__file__).resolve().parents[1]
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (DATA_DIR / "references.bib").read_text(), re.M))


def _tables_with(column):
    """The CSV files of ``data/`` whose header has ``column``."""
    return tuple(sorted(path.name for path in DATA_DIR.glob("*.csv")
                        if column in read_table(path.name)[0]))


def _tables_with_rows(basis):
    """The tables with at least one number obtained as ``basis`` says."""
    return tuple(table for table in NUMBER_TABLES
                 if any(row["basis"] == basis for row in read_table(table)))


TABLES = _tables_with("source")  # every table whose rows cite their evidence
NUMBER_TABLES = _tables_with("basis")  # every table of numbers that says how each was obtained
BASES = {"measured", "calibrated", "assumed", "numerical"}


def test_working_notes_of_the_bibliography_are_never_printed():
    """Notes on what a record showed live in `comment`, which pybtex does not print.

    A printed `note` is kept for one thing a reader needs: that the paper has an erratum.
    """
    text = (DATA_DIR / "references.bib").read_text()
    for note in re.findall(r"^\s*(?:note|annote)\s*=\s*\{(.*)\}", text, re.M):
        assert re.match(r"(An e|E)rratum", note), note


def test_bibliography_has_no_duplicate_keys():
    keys = re.findall(r"^@\w+\{([^,\s]+),", (DATA_DIR / "references.bib").read_text(), re.M)
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_an_existing_source(table):
    for row in read_table(table):
        if row.get("basis") == "numerical":
            continue  # a setting of the solver, not a biological fact
        keys = [key for key in row["source"].split(";") if key]
        if not keys:  # the book's own assumption, said as such (printed instead of a citation)
            assert row.get("basis") == "assumed" and row["note"].startswith(
                "Assumption of this book"), f"{table}: {row} has no source"
        for key in keys:
            assert key in BIB_KEYS, f"{table}: {row} cites unknown key {key!r}"


@pytest.mark.parametrize("table", NUMBER_TABLES)
def test_every_number_says_how_it_was_obtained(table):
    for row in read_table(table):
        assert row["basis"] in BASES, row


@pytest.mark.parametrize("table", _tables_with_rows("calibrated"))
def test_a_calibrated_number_quotes_what_its_source_reports(table):
    """'Calibrated' means the cited paper reports the observation: the note must quote it."""
    for row in read_table(table):
        if row["basis"] != "calibrated":
            continue
        assert re.search(r"Sources? reports?: ", row["note"]), row
        if table != "drug_damage.csv":  # there the quoted numbers are the reported IC50s
            assert re.search(r'"[^"]{15,}"', row["note"]), row


@pytest.mark.parametrize("table", _tables_with_rows("assumed"))
def test_an_assumed_number_says_what_informed_it(table):
    for row in read_table(table):
        if row["basis"] == "assumed":
            assert row["note"].strip(), row


def test_every_reported_ic50_keeps_its_exposure_and_assay():
    for row in read_table("ic50_targets.csv"):
        assert row["hours"].strip() and row["assay"].strip(), row
        if row["basis"] == "measured":
            assert row["assay"] != "none", row
            if row["hours"] != "72":
                assert "used as if 72 h" in row["note"], row


def test_lenvatinib_defaults_follow_the_reported_order_of_sensitivity():
    """Fernández-Palanca et al. 2022: Hep3B and Huh-7 are more susceptible than HepG2."""
    from widgets import ic50

    hepg2 = ic50("lenvatinib", cell_line="HepG2")
    assert ic50("lenvatinib", cell_line="Hep3B") < hepg2
    assert ic50("lenvatinib", cell_line="Huh7") < hepg2


def test_parameters_are_positive_and_unique():
    names = [row["name"] for row in read_table("parameters.csv")]
    assert len(names) == len(set(names))
    for row in read_table("parameters.csv"):
        assert float(row["value"]) > 0, row


def test_compound_effects_are_valid():
    compounds = {row["name"] for row in read_table("compounds.csv")}
    for row in read_table("compound_effects.csv"):
        assert row["compound"] in compounds
        assert row["effect"] in EFFECTS
        assert float(row["ec50_um"]) > 0 and float(row["hill"]) > 0
        if row["effect"].endswith("block"):
            # A block never removes a step completely, so every pool keeps an exit.
            assert 0 < float(row["emax"]) < 1, row


def test_every_citation_in_the_book_exists():
    cited = set()
    for path in list(ROOT.glob("*.md")) + list((ROOT / "chapters").glob("*/*.md")) + \
            list((ROOT / "reference").glob("*.md")) + list((ROOT / "chapters").glob("*/*.ipynb")) + \
            list((ROOT / "reference").glob("*.ipynb")):
        for group in re.findall(r"\{cite:[pt]\}`([^`]+)`", path.read_text(encoding="utf-8")):
            cited.update(key.strip() for key in group.split(","))
    for bank in (DATA_DIR / "quizzes").glob("*.json"):
        cited.update(q["source"] for q in json.loads(bank.read_text())["questions"])
    missing = cited - BIB_KEYS
    assert not missing, f"cited but not in references.bib: {sorted(missing)}"


def test_every_drug_and_line_has_a_potency_and_an_ic50_target():
    from widgets.model.names import CELL_LINES
    drugs = [row["name"] for row in read_table("compounds.csv") if row["role"] == "anticancer drug"]
    potencies = {(row["compound"], row["cell_line"]) for row in read_table("drug_damage.csv")}
    targets = {(row["compound"], row["cell_line"]) for row in read_table("ic50_targets.csv")}
    for drug in drugs:
        for line in CELL_LINES:
            assert (drug, line) in potencies and (drug, line) in targets, (drug, line)
    assert potencies == targets
    for row in read_table("ic50_targets.csv"):
        assert 0 < float(row["ic50_low_um"]) <= float(row["ic50_high_um"]), row
        assert row["basis"] in {"measured", "assumed"}, row


def test_cell_line_replacements_name_known_lines_and_parameters():
    from widgets.model.names import CELL_LINES
    names = {row["name"] for row in read_table("parameters.csv")}
    for row in read_table("cell_line_parameters.csv"):
        assert row["cell_line"] in CELL_LINES and row["parameter"] in names, row


def test_notebooks_are_committed_without_outputs():
    notebooks = list((ROOT / "chapters").glob("*/*.ipynb")) + list((ROOT / "reference").glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        if ".ipynb_checkpoints" in path.parts:
            continue
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                assert not cell["outputs"] and cell["execution_count"] is None, path


def test_every_solution_sits_in_a_cell_of_its_own_tagged_solution():
    """Exercises (README, Student notebooks): standard tools (nbconvert's TagRemovePreprocessor) can then strip them."""
    notebooks = list((ROOT / "chapters").glob("*/*.ipynb")) + list((ROOT / "reference").glob("*.ipynb"))
    exercises = solutions = 0
    for path in notebooks:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            exercises += text.count("{exercise}")
            if "{solution}" in text:
                solutions += 1
                assert "{exercise}" not in text, path
                assert "solution" in cell.get("metadata", {}).get("tags", []), path
    assert solutions == exercises, "every exercise of a notebook has its solution cell"
