"""Tables of the model's data for the book, as MyST markdown with citations."""
from __future__ import annotations

from collections.abc import Mapping

from .model.data_files import read_table
from .model.labels import compound_label
from .model.pharmacology import ic50


def _cite(keys: str, basis: str = "assumed") -> str:
    """A MyST citation of one key or of several separated by ';'.

    A row without a source is a setting of the solver (basis "numerical") or an
    assumption of this book, and says so instead of citing anyone.
    """
    keys = ",".join(k.strip() for k in keys.split(";") if k.strip())
    if keys:
        return f"{{cite:p}}`{keys}`"
    return "numerical setting" if basis == "numerical" else "assumption of this book"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def parameter_table() -> str:
    """Markdown table of ``data/parameters.csv``: symbol, value, unit, meaning, basis, source."""
    lines = ["| symbol | value | unit | meaning | basis | source | evidence |",
             "|---|---|---|---|---|---|---|"]
    for row in read_table("parameters.csv"):
        lines.append(f"| ${row['symbol']}$ | {row['value']} | {row['unit']} | "
                     f"{_escape(row['description'])} | {row['basis']} | "
                     f"{_cite(row['source'], row['basis'])} | {_escape(row['note'])} |")
    return "\n".join(lines)


def compound_effect_table() -> str:
    """Markdown table of ``data/compound_effects.csv`` with compound labels and sources."""
    lines = ["| compound | effect | $E_{max}$ | EC$_{50}$ (µM) | Hill $n$ | basis | source | "
             "evidence |", "|---|---|---|---|---|---|---|---|"]
    for row in read_table("compound_effects.csv"):
        lines.append(f"| {compound_label(row['compound'])} | {row['effect'].replace('_', ' ')} | "
                     f"{row['emax']} | {row['ec50_um']} | {row['hill']} | {row['basis']} | "
                     f"{_cite(row['source'], row['basis'])} | {_escape(row['note'])} |")
    return "\n".join(lines)


def cell_line_table() -> str:
    """Markdown table of the cell lines and their compound-specific induction scales."""
    lines = ["| cell line | origin | source |", "|---|---|---|"]
    for row in read_table("cell_lines.csv"):
        lines.append(f"| {row['label']} | {_escape(row['origin'])} | "
                     f"{_cite(row['source'])} |")
    lines += ["", "| cell line | compound | induction scale | basis | source | evidence |",
              "|---|---|---|---|---|---|"]
    for row in read_table("cell_line_responses.csv"):
        lines.append(f"| {row['cell_line']} | {row['compound']} | {row['induction_scale']} | "
                     f"{row['basis']} | {_cite(row['source'], row['basis'])} | "
                     f"{_escape(row['note'])} |")
    return "\n".join(lines)


def cell_line_parameter_table() -> str:
    """Markdown table of ``data/cell_line_parameters.csv``: per-line replacements of parameters."""
    symbols = {row["name"]: row["symbol"] for row in read_table("parameters.csv")}
    lines = ["| cell line | parameter | value | basis | source | why |", "|---|---|---|---|---|---|"]
    for row in read_table("cell_line_parameters.csv"):
        lines.append(f"| {row['cell_line']} | ${symbols[row['parameter']]}$ | {row['value']} | "
                     f"{row['basis']} | {_cite(row['source'], row['basis'])} | "
                     f"{_escape(row['note'])} |")
    return "\n".join(lines)


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


def validation_table() -> str:
    """Markdown table of ``data/validation.csv``: each observation, its source, the model, the verdict."""
    from .model.validation import compare

    lines = ["| observation | condition | reported | source | model | verdict |",
             "|---|---|---|---|---|---|"]
    for c in compare():
        lines.append(f"| {_escape(c.observation)} | {_escape(c.condition)} | {c.observed} | "
                     f"{_cite(c.source)} | {c.model_reads} | **{c.verdict}** |")
    return "\n".join(lines)


def exosome_sensitivity_table(factors: tuple[float, ...] = (0.25, 1.0, 4.0)) -> str:
    """How the recipients' gain from resistant donors depends on each unmeasured rate."""
    from .model.data_files import parameter_values
    from .model.exosomes import rate_sensitivity

    gains = rate_sensitivity(factors)
    values = parameter_values()
    header = ("| rate (none was measured) | value | "
              + " | ".join(f"gain at × {f:g}" for f in factors) + " |")
    rows = [header, "|---|---|" + "---|" * len(factors)]
    described = {row["name"]: row for row in read_table("parameters.csv")}
    for name, row_gains in gains.items():
        row = described[name]
        rows.append(f"| {_escape(row['description'])} | {values[name]:g} {row['unit']} | "
                    + " | ".join(f"{g:+.2f}" for g in row_gains) + " |")
    return "\n".join(rows)


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


def clinical_exposure_table() -> str:
    """Markdown table of ``data/clinical_exposure.csv``: standard doses and what patients reach."""
    lines = ["| compound | standard dose | concentration (µM) | measured as | as reported | basis | "
             "source | evidence |", "|---|---|---|---|---|---|---|---|"]
    for row in read_table("clinical_exposure.csv"):
        lines.append(f"| {compound_label(row['compound'])} | {row['dose_unit_label']} | "
                     f"{row['exposure_um']} | {row['exposure_measure']} | {row['value']} "
                     f"{row['unit']} | {row['basis']} | {_cite(row['source'], row['basis'])} | "
                     f"{_escape(row['note'])} |")
    return "\n".join(lines)
