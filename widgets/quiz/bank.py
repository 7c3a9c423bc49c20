"""Question banks in ``data/quizzes/``: loading, selecting and model-computed answers.

A bank is one JSON file per chapter. Each question names the page it tests
and its source; every answer option carries feedback that explains why it
is right or wrong. Numeric questions either give their accepted range or
name a model quantity (``compute``) that is evaluated from ``widgets`` when
the quiz is rendered or exported, so the answer can never drift from the model.
"""
from __future__ import annotations

import json
from functools import lru_cache

from ..model.antigen import antigen_presentation
from ..model.api import simulate
from ..model.data_files import DATA_DIR
from ..model.exosomes import recipient_ic50
from ..model.pharmacology import ic50
from ..model.stem_cells import simulate_populations
from ..model.trials import schoenfeld_events, virtual_trial

QUESTION_TYPES = ("single", "multiple", "numeric")
# A question that needs the page's widget says where it can be answered ("uses"): with the
# controls the website offers, or only in a running notebook, where every control is live.
BADGES = {"website": "website", "notebook": "notebook"}
SIMULATED = ("lc3_i", "lc3_ii", "p62", "flux", "viability")


@lru_cache(maxsize=None)
def load_bank(chapter: str) -> dict:
    """Read ``data/quizzes/<chapter>.json``.

    Raises
    ------
    ValueError
        If no bank exists for ``chapter``; the message lists the banks there are.
    """
    path = DATA_DIR / "quizzes" / f"{chapter}.json"
    if not path.is_file():
        raise ValueError(f"no question bank {chapter!r}; valid choices are: "
                         f"{', '.join(chapters())}")
    return json.loads(path.read_text(encoding="utf-8"))


def chapters() -> list[str]:
    """Names of the chapters that have a question bank."""
    return sorted(p.stem for p in (DATA_DIR / "quizzes").glob("*.json"))


def questions_for(chapter: str, page: str | None = None) -> list[dict]:
    """Questions of a chapter, optionally only those testing ``page``.

    Raises
    ------
    ValueError
        If the chapter has no question for ``page``; the message lists its pages.
    """
    bank = load_bank(chapter)
    selected = [q for q in bank["questions"] if page is None or q["page"] == page]
    if not selected:
        pages = sorted({q["page"] for q in bank["questions"]})
        raise ValueError(f"no questions for page {page!r} in bank {chapter!r}; "
                         f"valid choices are: {', '.join(pages)}")
    return selected


def model_answer(question: dict) -> float:
    """The value a model-based numeric question expects, computed from ``widgets`` now.

    ``question["compute"]["quantity"]`` is one of ``ic50`` (µM), ``fold_shift``
    (IC50 alone / IC50 with ``treatments``, ``knockdown`` and ``ncrna``),
    ``surface_mhc_i`` (toy model, relative to untreated cells), ``stem_percent`` (stem-like
    cells, %, at the end of :func:`widgets.simulate_populations` with ``hours``, ``hypoxia``
    and ``start_stem_fraction``), ``coculture_ic50_shift`` (recipient IC50 with donors /
    alone, :func:`widgets.model.exosomes.recipient_ic50`), ``trial_hazard_ratio`` (of
    :func:`widgets.virtual_trial` with ``arms``, ``n_per_arm`` and ``seed``),
    ``schoenfeld_events`` (deaths for ``hazard_ratio`` at ``alpha`` and ``power``), or one of
    ``SIMULATED`` (the read-out of :func:`widgets.simulate` at the end of
    ``hours``, relative to basal). RNA levels (``ncrna``) apply to ``ic50``,
    ``fold_shift`` and the simulated read-outs.
    """
    spec = question["compute"]
    quantity = spec["quantity"]
    line = spec.get("cell_line", "HepG2")
    treatments, knockdown = spec.get("treatments", {}), spec.get("knockdown", {})
    ncrna = spec.get("ncrna", {})
    if quantity == "ic50":
        return ic50(spec["drug"], spec.get("hours", 72.0), treatments, knockdown, line, ncrna)
    if quantity == "fold_shift":
        hours = spec.get("hours", 72.0)
        return (ic50(spec["drug"], hours, cell_line=line)
                / ic50(spec["drug"], hours, treatments, knockdown, line, ncrna))
    if quantity == "surface_mhc_i":
        return antigen_presentation(treatments, knockdown, line).surface_mhc_i
    if quantity == "stem_percent":
        result = simulate_populations(treatments, spec.get("hours", 72.0), line,
                                      spec.get("hypoxia", False), spec.get("start_stem_fraction"))
        return 100.0 * float(result.stem_fraction[-1])
    if quantity == "coculture_ic50_shift":
        together, alone = recipient_ic50(spec["drug"], spec.get("hours", 72.0),
                                         spec.get("donor", "Huh7-SR"), line,
                                         spec.get("donor_fraction", 0.5), treatments,
                                         spec.get("ph", 7.4))
        return together / alone
    if quantity == "trial_hazard_ratio":
        return virtual_trial(spec["arms"], spec["n_per_arm"], spec.get("months", 24.0),
                             spec.get("seed", 0), spec.get("enrichment")).hazard_ratio
    if quantity == "schoenfeld_events":
        return schoenfeld_events(spec["hazard_ratio"], spec.get("alpha", 0.05),
                                 spec.get("power", 0.8))
    if quantity in SIMULATED:
        result = simulate(treatments, spec.get("hours", 24.0), knockdown, line, ncrna)
        return float(getattr(result, quantity)[-1])
    raise ValueError(f"question {question['id']!r}: unknown quantity {quantity!r}; valid "
                     f"choices are: ic50, fold_shift, surface_mhc_i, stem_percent, coculture_ic50_shift, "
                     f"trial_hazard_ratio, schoenfeld_events, "
                     f"{', '.join(SIMULATED)}")


def numeric_range(question: dict, option: dict) -> tuple[float, float]:
    """Accepted interval of a numeric answer: typed in the bank, or model value ± tolerance."""
    if "range" in option:
        low, high = option["range"]
        return float(low), float(high)
    value = model_answer(question)
    return value * (1.0 - question["tolerance"]), value * (1.0 + question["tolerance"])
