"""Model, figures and interactive panels of the book on autophagy and drug resistance in HCC.

The public API (concentrations in µM, time in hours)::

    import widgets
    widgets.COMPOUNDS, widgets.CELL_LINES, widgets.KNOCKDOWN_GENES
    r = widgets.simulate(treatments={"sorafenib": 5.0}, hours=24.0,
                         knockdown={"ATG7": 0.9}, cell_line="HepG2")
    v = widgets.dose_response("sorafenib", [1, 2, 5, 10], hours=72.0,
                              treatments={"chloroquine": 20.0}, cell_line="Huh7")
    x = widgets.ic50("sorafenib", hours=72.0, cell_line="Huh7")   # µM
    p = widgets.simulate_populations(treatments={"sorafenib": 5.0}, hours=240.0,
                                     cell_line="Huh7", hypoxia=False)   # stem-like and other cells
    c = widgets.simulate_coculture(drug="sorafenib", dose=5.0, donor="Huh7-SR", recipient="Huh7",
                                   donor_fraction=0.5, treatments={"gw4869": 10.0}, ph=7.4)
    r = widgets.simulate({"doxorubicin": 1.0}, hours=24.0, ncrna={"miR-26a": 4.0})  # a mimic
    t = widgets.virtual_trial(arms={"placebo": {}, "sorafenib": {"sorafenib": 1.0}},
                              n_per_arm=300, months=24.0, seed=0)   # Kaplan-Meier, HR, log-rank
    widgets.trial_power(arms={...}, n_per_arm=34, n_trials=1000, seed=0)   # share with p < 0.05

The package is in layers, each a package with one module per chapter:
:mod:`widgets.model` (NumPy only) ← :mod:`widgets.figures` (matplotlib) ←
:mod:`widgets.panels` (ipywidgets) ← notebooks; :mod:`widgets.quiz` renders and
exports the question banks and :mod:`widgets.tables` the data tables.
Importing ``widgets`` loads only the model.
"""
from .model import (CELL_LINES, COMPOUNDS, KNOCKDOWN_GENES, NCRNAS, CocultureResult, PopulationResult,
                    SimulationResult, bliss_excess, dose_response, ic50, simulate,
                    simulate_coculture, simulate_populations, TrialResult, trial_power,
                    virtual_trial)

__all__ = ["CELL_LINES", "COMPOUNDS", "KNOCKDOWN_GENES", "NCRNAS", "CocultureResult", "PopulationResult",
           "SimulationResult", "bliss_excess", "dose_response", "ic50", "simulate",
           "simulate_coculture", "simulate_populations", "TrialResult", "trial_power",
           "virtual_trial"]
