"""Tables of the clinical-translation chapter: the exposure patients reach at standard doses."""
from __future__ import annotations

from ..model.data_files import read_table
from ..model.labels import compound_label
from . import _cite, _escape


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


TABLES = (clinical_exposure_table,)
