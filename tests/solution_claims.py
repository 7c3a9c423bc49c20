"""Which exercise solutions the claims tests check on the model, and the words each one checks.

A claims test (``tests/test_claims_<chapter>.py``) that checks what an exercise's solution states
is decorated with :func:`checks_solution`, naming the exercise's label and quoting the parts of
the solution it asserts, exactly as the solution words them. ``tests/test_claims_coverage.py``
then asks, for every exercise of the book, that its solution is either checked this way, with
every quote still found in the solution, or listed in the chapter module's
``WITHOUT_MODEL_CLAIMS`` with the reason it states nothing the model computes. An edited solution
whose quoted sentence changed fails there, so prose cannot drift from the model unseen.
"""
from __future__ import annotations

from collections.abc import Callable

CHECKED: dict[str, list[str]] = {}


def checks_solution(label: str, *quotes: str) -> Callable:
    """Mark a test as the check of exercise ``label``'s solution.

    Parameters
    ----------
    label : str
        The exercise's label, as in ``:label: ex-...``.
    *quotes : str
        The sentences or phrases of the solution the test asserts, verbatim (line breaks and
        runs of spaces do not matter). At least one.

    Raises
    ------
    ValueError
        When no quote is given.
    """
    if not quotes:
        raise ValueError(f"checks_solution({label!r}) needs at least one quote of the solution")

    def mark(test: Callable) -> Callable:
        CHECKED.setdefault(label, []).extend(quotes)
        return test

    return mark


def squeezed(text: str) -> str:
    """``text`` with every run of whitespace made one space, for comparing quotes."""
    return " ".join(text.split())
