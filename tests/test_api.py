"""The public API contract (README, "The public API"): names, shapes, ranges and clear errors."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import widgets


def test_public_names():
    for name in ("sorafenib", "doxorubicin", "cisplatin", "oxaliplatin", "lenvatinib",
                 "regorafenib", "chloroquine", "hydroxychloroquine", "bafilomycin_a1",
                 "3_methyladenine", "rapamycin", "gw4869"):
        assert name in widgets.COMPOUNDS
    for contract in ("simulate", "dose_response", "ic50", "simulate_populations",
                     "simulate_coculture"):  # the README: called as widgets.<name>
        assert callable(getattr(widgets, contract)), contract
    assert set(widgets.CELL_LINES) == {"HepG2", "Huh7", "Hep3B", "Huh7-SR"}
    assert set(widgets.KNOCKDOWN_GENES) == {"ATG5", "ATG7", "ULK1", "BECN1", "MIR21"}
    assert {"miR-26a", "miR-223", "HULC", "miR-21"} <= set(widgets.NCRNAS)


def test_result_arrays_share_the_time_axis():
    r = widgets.simulate({"sorafenib": 5.0, "bafilomycin_a1": 0.1}, hours=24.0,
                         knockdown={"ATG7": 0.9}, cell_line="HepG2")
    assert r.t[0] == 0.0 and r.t[-1] == 24.0
    for name in ("lc3_i", "lc3_ii", "p62", "flux", "viability"):
        values = getattr(r, name)
        assert isinstance(values, np.ndarray) and values.shape == r.t.shape


def test_names_are_case_insensitive():
    a = widgets.simulate({"Bafilomycin A1": 0.1}, hours=4.0, knockdown={"atg7": 0.5},
                         cell_line="huh7")
    b = widgets.simulate({"bafilomycin_a1": 0.1}, hours=4.0, knockdown={"ATG7": 0.5},
                         cell_line="Huh7")
    np.testing.assert_array_equal(a.lc3_ii, b.lc3_ii)


@pytest.mark.parametrize("kwargs, fragment", [
    ({"treatments": {"aspirin": 1.0}}, "unknown compound 'aspirin'; valid choices are: sorafenib"),
    ({"treatments": {"sorafenib": -1.0}}, "dose of sorafenib (µM) must be a finite number in [0, 1000000], got -1.0"),
    ({"treatments": {"sorafenib": math.nan}}, "got nan"),
    ({"treatments": {"sorafenib": math.inf}}, "got inf"),
    ({"treatments": {"sorafenib": "5"}}, "must be a real number"),
    ({"knockdown": {"ATG7": 1.5}}, "knockdown fraction of ATG7 must be a finite number in [0, 1], got 1.5"),
    ({"knockdown": {"TP53": 0.5}}, "unknown knockdown gene 'TP53'; valid choices are: ATG5, ATG7, BECN1, ULK1"),
    ({"cell_line": "HeLa"}, "unknown cell line 'HeLa'; valid choices are: HepG2, Huh7, Hep3B"),
    ({"hours": 0.0}, "hours must be a finite number in (0, 8760], got 0.0"),
    ({"hours": -3}, "got -3"),
    ({"treatments": ["sorafenib"]}, "treatments must be a dict"),
])
def test_bad_input_raises_a_clear_value_error(kwargs, fragment):
    with pytest.raises(ValueError) as error:
        widgets.simulate(**kwargs)
    assert fragment in str(error.value)


compounds = st.sampled_from(widgets.COMPOUNDS)
doses = st.floats(min_value=0.0, max_value=1e4, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(treatments=st.dictionaries(compounds, doses, max_size=3),
       knockdown=st.dictionaries(st.sampled_from(widgets.KNOCKDOWN_GENES),
                                 st.floats(min_value=0.0, max_value=1.0), max_size=2),
       cell_line=st.sampled_from(widgets.CELL_LINES),
       hours=st.floats(min_value=0.1, max_value=96.0))
def test_any_valid_input_gives_finite_non_negative_results(treatments, knockdown, cell_line, hours):
    r = widgets.simulate(treatments, hours, knockdown, cell_line)
    for name in ("lc3_i", "lc3_ii", "p62", "flux", "viability"):
        values = getattr(r, name)
        assert np.all(np.isfinite(values)), name
        assert np.all(values >= -1e-12), name
    assert np.all(r.viability <= 1.0 + 1e-12)


def test_exact_solution_matches_a_reference_solver():
    """The matrix-exponential solution agrees with SciPy's LSODA at tight tolerances."""
    from scipy.integrate import solve_ivp

    from widgets.model.api import initial_pools, pool_trajectories, time_grid
    from widgets.model.flux import rate_system
    from widgets.model.scenario import make_experiment

    experiment = make_experiment({"sorafenib": 5.0, "chloroquine": 20.0}, {"ULK1": 0.5}, "Huh7")
    t = time_grid(72.0)
    pools, steps = pool_trajectories([experiment], t)
    rates, inflow = rate_system(steps)
    reference = solve_ivp(lambda _, x: rates[0] @ x + inflow[0], (0.0, 72.0),
                          initial_pools([experiment])[0], method="LSODA", t_eval=t,
                          rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(pools[0], reference.y.T, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("layer, forbidden", [
    ("model", ("matplotlib", "ipywidgets", "IPython")),
    ("figures", ("ipywidgets",)),
])
def test_layers_import_only_what_is_below_them(layer, forbidden):
    """The model stays NumPy-only (scripts and batch runs need no display stack); figures need
    no widgets. Every module of the layer is imported in a fresh interpreter."""
    import subprocess
    import sys

    code = ("import importlib, pkgutil, sys\n"
            f"package = importlib.import_module('widgets.{layer}')\n"
            "for module in pkgutil.iter_modules(package.__path__):\n"
            "    importlib.import_module(f'{package.__name__}.{module.name}')\n"
            f"print(sorted(m for m in {forbidden!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
