"""Tables of the model's data for the book, as MyST markdown with citations."""
from __future__ import annotations

from .model.data_files import read_table


def _cite(key: str) -> str:
    return f"{{cite:p}}`{key}`" if key else "numerical setting"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def parameter_table() -> str:
    """Markdown table of ``data/parameters.csv``: symbol, value, unit, meaning, basis, source."""
    lines = ["| symbol | value | unit | meaning | basis | source |", "|---|---|---|---|---|---|"]
    for row in read_table("parameters.csv"):
        lines.append(f"| ${row['symbol']}$ | {row['value']} | {row['unit']} | "
                     f"{_escape(row['description'])} | {row['basis']} | {_cite(row['source'])} |")
    return "\n".join(lines)


def compound_effect_table() -> str:
    """Markdown table of ``data/compound_effects.csv`` with compound labels and sources."""
    labels = {row["name"]: row["label"] for row in read_table("compounds.csv")}
    lines = ["| compound | effect | $E_{max}$ | EC$_{50}$ (µM) | Hill $n$ | basis | source |",
             "|---|---|---|---|---|---|---|"]
    for row in read_table("compound_effects.csv"):
        lines.append(f"| {labels[row['compound']]} | {row['effect'].replace('_', ' ')} | "
                     f"{row['emax']} | {row['ec50_um']} | {row['hill']} | {row['basis']} | "
                     f"{_cite(row['source'])} |")
    return "\n".join(lines)


def cell_line_table() -> str:
    """Markdown table of the cell lines and their compound-specific induction scales."""
    lines = ["| cell line | origin | source |", "|---|---|---|"]
    for row in read_table("cell_lines.csv"):
        lines.append(f"| {row['label']} | {_escape(row['origin'])} | "
                     f"{_cite(row['source'])} |")
    lines += ["", "| cell line | compound | induction scale | basis | source |",
              "|---|---|---|---|---|"]
    for row in read_table("cell_line_responses.csv"):
        lines.append(f"| {row['cell_line']} | {row['compound']} | {row['induction_scale']} | "
                     f"{row['basis']} | {_cite(row['source'])} |")
    return "\n".join(lines)
