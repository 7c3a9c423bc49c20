"""The didactic model of autophagic flux and cell fate (NumPy only).

No plotting and no widgets here: figures live in :mod:`widgets.figures`,
interactive panels in :mod:`widgets.panels`.
"""
from .api import SimulationResult, simulate, simulate_many, time_grid
from .names import CELL_LINES, COMPOUNDS, KNOCKDOWN_GENES
from .ncrna import NCRNAS
from .pharmacology import bliss_excess, dose_response, ic50
from .scenario import Experiment, StepFactors, make_experiment, step_factors
from .exosomes import CocultureResult, simulate_coculture
from .stem_cells import PopulationResult, simulate_populations
from .trials import TrialResult, trial_power, virtual_trial

__all__ = ["CELL_LINES", "COMPOUNDS", "KNOCKDOWN_GENES", "NCRNAS", "CocultureResult", "Experiment",
           "PopulationResult",
           "SimulationResult", "StepFactors", "bliss_excess", "dose_response", "ic50",
           "make_experiment", "simulate", "simulate_coculture", "simulate_many",
           "simulate_populations", "step_factors",
           "time_grid", "TrialResult", "trial_power", "virtual_trial"]
