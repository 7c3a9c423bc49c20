"""Tables of the non-coding RNA chapter: the review's Table 1 and the model's regulators."""
from __future__ import annotations

from ..model.data_files import read_table
from . import _cite, _escape


def table1_table() -> str:
    """The review's Table 1 rebuilt from ``data/ncrna.csv``: each row, its directions and evidence."""
    lines = ["| RNA | drugs | targets | raising the RNA: autophagy | raising the RNA: resistance "
             "| autophagy is the | evidence read | sources |", "|---|---|---|---|---|---|---|---|"]
    for row in read_table("ncrna.csv"):
        drugs = ", ".join(d.strip() for d in row["drugs"].split(";"))
        targets = ", ".join(t.strip() for t in row["targets"].split(";"))
        lines.append(f"| {row['rna']} | {drugs} | {targets} | {row['autophagy_when_raised']} | "
                     f"{row['resistance_when_raised']} | {row['autophagy_role']} | "
                     f"{row['verification']} | {_cite(row['source'])} |")
    return "\n".join(lines)


def regulator_table() -> str:
    """Markdown table of ``data/ncrna_targets.csv``: what each regulator does in the model."""
    lines = ["| regulator | target | cell line | acts on | basal repression $\\rho$ | "
             "sponge share | dependence $d$ | basis | source | evidence |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for row in read_table("ncrna_targets.csv"):
        lines.append(f"| {row['regulator']} | {row['target']} | {row['cell_line'] or 'all'} | "
                     f"{row['step']} | {row['basal_repression']} | {row['sponge_share'] or '–'} "
                     f"| {row['step_dependence'] or '–'} | {row['basis']} | "
                     f"{_cite(row['source'], row['basis'])} | {_escape(row['note'])} |")
    return "\n".join(lines)


TABLES = (table1_table, regulator_table)
