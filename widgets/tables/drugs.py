"""Tables of the drugs chapter: reported and model IC50s, and each drug's damage potency."""
from __future__ import annotations

from collections.abc import Mapping

from ..model.data_files import read_table
from ..model.labels import compound_label
from ..model.pharmacology import ic50
from . import _cite, _escape


def drug_damage_table() -> str:
    """Markdown table of ``data/drug_damage.csv``: damage potency per drug and cell line."""
    lines = ["| drug | cell line | damage potency $\\kappa$ (a.u. h$^{-1}$ µM$^{-1}$) | basis | "
             "source | note |", "|---|---|---|---|---|---|"]
    for row in read_table("drug_damage.csv"):
        lines.append(f"| {compound_label(row['compound'])} | {row['cell_line']} | "
                     f"{row['damage_per_um_h']} | {row['basis']} | "
                     f"{_cite(row['source'], row['basis'])} | "
                     f"{_escape(row['note'])} |")
    return "\n".join(lines)


def _how_reported(row: Mapping[str, str]) -> str:
    """'72 h, MTT', 'exposure not stated, MTT' or 'assumed' for a row of ic50_targets.csv."""
    if row["basis"] != "measured":
        return "assumed: no verified value"
    exposure = ("exposure not stated" if row["hours"] == "not stated"
                else f"{row['hours']} h" if row["hours"].isdigit() else row["hours"])
    return exposure if row["assay"] in ("not stated", "none") else f"{exposure}, {row['assay']}"


def ic50_table(hours: float = 72.0,
               intervention: Mapping[str, float] | None = None) -> str:
    """Markdown table: reported IC50s beside the model's, alone and with an intervention.

    Parameters
    ----------
    hours : float
        Exposure of the model's viability read-out, hours.
    intervention : mapping of str to float, optional
        Compounds added in the last two columns (default chloroquine 20 µM).
    """
    intervention = {"chloroquine": 20.0} if intervention is None else dict(intervention)
    added = " + ".join(f"{compound_label(c)} {d:g} µM" for c, d in intervention.items())
    reported: dict[tuple[str, str], list[str]] = {}
    for row in read_table("ic50_targets.csv"):
        low, high = float(row["ic50_low_um"]), float(row["ic50_high_um"])
        value = f"{low:g}" if low == high else f"{low:g}–{high:g}"
        text = f"{value} ({_how_reported(row)}) {_cite(row['source'], row['basis'])}"
        reported.setdefault((row["compound"], row["cell_line"]), []).append(text)
    lines = [f"| drug | cell line | reported IC50 (µM) | model IC50, {hours:g} h (µM) | "
             f"with {added} (µM) | fold shift |", "|---|---|---|---|---|---|"]
    for row in read_table("drug_damage.csv"):
        drug, line = row["compound"], row["cell_line"]
        alone = ic50(drug, hours, cell_line=line)
        if drug in intervention:
            combined_text, shift_text = "—", "—"
        else:
            combined = ic50(drug, hours, intervention, cell_line=line)
            combined_text, shift_text = f"{combined:.3g}", f"{alone / combined:.2f}"
        lines.append(f"| {compound_label(drug)} | {line} | "
                     f"{'; '.join(reported.get((drug, line), ['none found']))} | "
                     f"{alone:.3g} | {combined_text} | {shift_text} |")
    return "\n".join(lines)


TABLES = (ic50_table, drug_damage_table)
