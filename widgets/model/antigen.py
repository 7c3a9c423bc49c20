"""A didactic toy model: autophagy removes MHC-I, checkpoint blockade frees T cells.

Not a validated model. It puts into numbers one idea from the immunotherapy
page: if autophagy degrades MHC class I (shown in pancreatic cancer cells,
not HCC), then inhibiting autophagy should show more antigen to T cells and
add to the effect of PD-1 blockade.

Surface MHC-I ``M`` is made at a constant rate and removed by basal turnover
and by autophagy in proportion to relative flux ``phi``. At steady state,
relative to untreated cells::

    M = (k_b + k_a) / (k_b + k_a * phi)

T cells kill a tumour cell at a rate that rises with ``M`` (Hill function)
and with the fraction of T-cell activity freed by PD-1 blockade ``a``::

    kill rate = k_T * a * M^n / (M^n + K^n),   a = a_0 + (1 - a_0) * blockade

and the share of tumour cells killed during a co-culture of ``t`` hours is
``1 - exp(-kill rate * t)``.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .api import simulate
from .data_files import parameter_values
from .names import checked_hours, checked_number


PRETREATMENT_HOURS = 24.0
COCULTURE_HOURS = 24.0


@dataclass(frozen=True)
class AntigenPresentation:
    """Read-outs of the toy antigen-presentation model.

    Attributes
    ----------
    relative_flux : float
        Autophagic flux of the tumour cells at the start of the co-culture
        (1 = untreated).
    surface_mhc_i : float
        Surface MHC-I relative to untreated cells.
    t_cell_activity : float
        Fraction of full T-cell killing activity (PD-1 blockade raises it).
    killed_fraction : float
        Share of tumour cells killed during the co-culture, in [0, 1].
    """

    relative_flux: float
    surface_mhc_i: float
    t_cell_activity: float
    killed_fraction: float


def surface_mhc_i(relative_flux):
    """Steady-state surface MHC-I relative to untreated cells (float or ndarray)."""
    p = parameter_values()
    basal, autophagic = p["mhc_i_basal_turnover"], p["mhc_i_autophagic_turnover"]
    return (basal + autophagic) / (basal + autophagic * np.asarray(relative_flux, dtype=float))


def t_cell_activity(pd1_blockade):
    """Fraction of full T-cell activity with ``pd1_blockade`` (0-1) of PD-1 blocked."""
    exhausted = parameter_values()["t_cell_activity_exhausted"]
    return exhausted + (1.0 - exhausted) * np.asarray(pd1_blockade, dtype=float)


def killed_fraction(mhc_i, pd1_blockade, coculture_hours: float):
    """Share of tumour cells killed by T cells during ``coculture_hours`` (float or ndarray)."""
    p = parameter_values()
    n = p["mhc_i_recognition_hill"]
    mhc_i = np.asarray(mhc_i, dtype=float)
    recognition = mhc_i ** n / (mhc_i ** n + p["mhc_i_half_recognition"] ** n)
    rate = p["t_cell_kill_rate"] * t_cell_activity(pd1_blockade) * recognition
    return 1.0 - np.exp(-rate * coculture_hours)


def antigen_presentation(treatments: Mapping[str, float] | None = None,
                         knockdown: Mapping[str, float] | None = None,
                         cell_line: str = "HepG2", pd1_blockade: float = 0.0,
                         pretreatment_hours: float = PRETREATMENT_HOURS,
                         coculture_hours: float = COCULTURE_HOURS) -> AntigenPresentation:
    """Surface MHC-I and T-cell killing of tumour cells treated to change autophagy.

    Parameters
    ----------
    treatments, knockdown, cell_line
        As for :func:`widgets.simulate`: what is done to the tumour cells.
    pd1_blockade : float
        Fraction of PD-1 signalling blocked by an antibody, 0-1.
    pretreatment_hours : float
        Time the tumour cells are treated before T cells are added, hours,
        ``0 < pretreatment_hours <= MAX_HOURS`` (= 8760).
    coculture_hours : float
        Duration of the co-culture with T cells, hours,
        ``0 < coculture_hours <= MAX_HOURS`` (= 8760).

    Returns
    -------
    AntigenPresentation

    Raises
    ------
    ValueError
        Bad input as for :func:`widgets.simulate`, or a blockade or duration out of
        range; the message names the value and the valid range.
    """
    blockade = checked_number(pd1_blockade, "pd1_blockade (fraction of PD-1 blocked)", 0.0, 1.0)
    pretreatment = checked_hours(pretreatment_hours, "pretreatment_hours")
    coculture = checked_hours(coculture_hours, "coculture_hours")
    flux = float(simulate(treatments, pretreatment, knockdown, cell_line).flux[-1])
    mhc = float(surface_mhc_i(flux))
    return AntigenPresentation(relative_flux=flux, surface_mhc_i=mhc,
                               t_cell_activity=float(t_cell_activity(blockade)),
                               killed_fraction=float(killed_fraction(mhc, blockade, coculture)))
