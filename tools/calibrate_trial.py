"""Calibrate the virtual trial so that sorafenib against placebo gives SHARP's hazard ratio.

SHARP reported a hazard ratio of 0.69 for death with sorafenib against placebo
(Llovet et al. 2008). This tool finds the ``trial_effect_scale`` of
``data/parameters.csv`` (how strongly the model's tumour-cell loss lowers a
patient's hazard) for which a very large virtual SHARP, with the same seed
every time, gives 0.69, by bisection, and writes it back. Run it after
changing a clinical exposure, the exposure variability or a cell-fate
parameter::

    python -m tools.calibrate_trial
"""
from __future__ import annotations


from widgets.model import data_files
from widgets.model.data_files import parameters_set_to
from widgets.model.trials import virtual_trial

TARGET_HAZARD_RATIO = 0.69
SHARP = {"placebo": {}, "sorafenib": {"sorafenib": 1.0}}
PATIENTS, MONTHS, SEED = 40_000, 60.0, 3


def hazard_ratio(scale: float) -> float:
    with parameters_set_to(trial_effect_scale=scale):
        return virtual_trial(SHARP, PATIENTS, MONTHS, SEED).hazard_ratio


def calibrated_scale(low: float = 0.01, high: float = 2.0, steps: int = 30) -> float:
    """The effect scale at which the large virtual SHARP's hazard ratio is 0.69."""
    for _ in range(steps):
        middle = 0.5 * (low + high)
        if hazard_ratio(middle) > TARGET_HAZARD_RATIO:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def main() -> None:
    scale = calibrated_scale()
    path = data_files.DATA_DIR / "parameters.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):  # only the value changes; the rest of the file stays as typed
        if line.startswith("trial_effect_scale,"):
            name, _, rest = line.split(",", 2)
            lines[i] = f"{name},{scale:.4g},{rest}"
    path.write_text("".join(lines), encoding="utf-8")
    data_files.read_table.cache_clear()
    print(f"trial_effect_scale = {scale:.4g} (virtual SHARP hazard ratio "
          f"{hazard_ratio(scale):.3f}, target {TARGET_HAZARD_RATIO})")


if __name__ == "__main__":
    main()
