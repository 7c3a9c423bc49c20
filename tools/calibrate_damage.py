"""Calibrate each drug's damage potency so that its 72 h IC50 hits its literature target.

Reported values keep the exposure and assay their sources state; where a source states
none, the value is used as if it were a 72 h IC50, and the note in ``drug_damage.csv``
says so.

Reads ``data/ic50_targets.csv`` (reported IC50s, one row per source) and
rewrites ``data/drug_damage.csv``: for each drug and cell line the potency
``damage_per_um_h`` is set so that the model's 72 h IC50 equals the geometric
mean of the reported values (a few fixed-point steps, since the IC50 is close
to inversely proportional to the potency). Run it after changing a reported
value or any cell-fate parameter::

    python -m tools.calibrate_damage
"""
from __future__ import annotations

import csv
import math
from collections import defaultdict
from dataclasses import dataclass

from widgets.model import data_files, ic50, pharmacology

HOURS = 72.0
FIELDS = ("compound", "cell_line", "damage_per_um_h", "basis", "source", "note")


@dataclass(frozen=True)
class Target:
    """The IC50 a drug's potency is calibrated to, in one cell line."""

    ic50_um: float
    sources: tuple[str, ...]
    how: str        # how the value was obtained, for the note
    reported: bool  # True: from reported values (basis "calibrated"); False: assumed


def targets() -> dict[tuple[str, str], Target]:
    """Target IC50 (µM), its sources and how it was obtained, per drug and line.

    The target is the geometric mean of the reported values; an assumed row is
    used only where nothing was measured.
    """
    rows: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in data_files.read_table("ic50_targets.csv"):
        rows[(row["compound"], row["cell_line"])].append(row)
    out = {}
    for pair, found in rows.items():
        measured = [r for r in found if r["basis"] == "measured"] or found
        middles = [math.sqrt(float(r["ic50_low_um"]) * float(r["ic50_high_um"])) for r in measured]
        target = math.exp(sum(math.log(m) for m in middles) / len(middles))
        if measured[0]["basis"] == "measured":
            values = ", ".join(f"{m:.3g} µM" for m in middles)
            exposures = "; ".join(dict.fromkeys(_exposure(r) for r in measured))
            many = len(middles) > 1
            how = (f"{'the geometric mean of the reported values' if many else 'the reported value'}"
                   f". {'Sources report' if many else 'Source reports'}: IC50 {values} "
                   f"({exposures}); the model reads {'them as 72 h values' if many else 'it as a 72 h value'}")
        else:
            how = "an assumed value (no verified measurement; see ic50_targets.csv)"
        sources = [key for r in measured for key in r["source"].split(";") if key]
        out[pair] = Target(target, tuple(dict.fromkeys(sources)), how,
                           measured[0]["basis"] == "measured")
    return out


def _exposure(row: dict[str, str]) -> str:
    """A reported IC50's exposure and assay, as its source states them."""
    if row["hours"] == "not stated":
        assay = "" if row["assay"] == "not stated" else f", {row['assay']}"
        return f"exposure not stated{assay}"
    return f"{row['hours']}, {row['assay']}"


def write(rows: list[dict[str, str]]) -> None:
    with (data_files.DATA_DIR / "drug_damage.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    data_files.read_table.cache_clear()
    pharmacology.clear_cache()


def main() -> None:
    wanted = targets()
    rows = {pair: {"compound": pair[0], "cell_line": pair[1], "damage_per_um_h": "0.05",
                   "basis": "calibrated" if goal.reported else "assumed",
                   "source": ";".join(goal.sources),
                   "note": (f"Sets the model's 72 h IC50 to {goal.ic50_um:.3g} µM, {goal.how}"
                            if goal.sources else
                            f"Assumption of this book: sets the model's 72 h IC50 to "
                            f"{goal.ic50_um:.3g} µM (see ic50_targets.csv)")}
            for pair, goal in wanted.items()}
    for _ in range(8):
        write(list(rows.values()))
        worst = 0.0
        for pair, row in rows.items():
            model = ic50(pair[0], HOURS, cell_line=pair[1])
            ratio = model / wanted[pair].ic50_um
            worst = max(worst, abs(math.log(ratio)))
            row["damage_per_um_h"] = f"{float(row['damage_per_um_h']) * ratio:.4g}"
        if worst < 0.002:
            break
    write(list(rows.values()))
    for pair, goal in sorted(wanted.items()):
        print(f"{pair[0]:12s} {pair[1]:8s} target {goal.ic50_um:8.3g} µM  model "
              f"{ic50(pair[0], HOURS, cell_line=pair[1]):8.3g} µM")


if __name__ == "__main__":
    main()
