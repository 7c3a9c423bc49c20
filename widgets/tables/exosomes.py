"""Tables of the exosome chapter: how the co-culture's result depends on its unmeasured rates."""
from __future__ import annotations

from ..model.data_files import read_table
from . import _escape


def exosome_sensitivity_table(factors: tuple[float, ...] = (0.25, 1.0, 4.0)) -> str:
    """How the recipients' gain from resistant donors depends on each unmeasured rate."""
    from ..model.data_files import parameter_values
    from ..model.exosomes import rate_sensitivity

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


TABLES = (exosome_sensitivity_table,)
