"""Tables of the reference part: parameters, compound effects, cell lines, validation."""
from __future__ import annotations

from ..model.data_files import read_table
from ..model.labels import compound_label
from . import _cite, _escape


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


def validation_table() -> str:
    """Markdown table of ``data/validation.csv``: each observation, its source, the model, the verdict."""
    from ..model.validation import compare

    lines = ["| observation | condition | reported | source | model | verdict |",
             "|---|---|---|---|---|---|"]
    for c in compare():
        lines.append(f"| {_escape(c.observation)} | {_escape(c.condition)} | {c.observed} | "
                     f"{_cite(c.source)} | {c.model_reads} | **{c.verdict}** |")
    return "\n".join(lines)


TABLES = (parameter_table, compound_effect_table, cell_line_table, cell_line_parameter_table,
          validation_table)
