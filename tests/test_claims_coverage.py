"""Every exercise solution of the book is checked on the model, or says why it needs no check.

The claims tests (``tests/test_claims_<chapter>.py``) mark what they check with
``solution_claims.checks_solution``; each chapter module lists in ``WITHOUT_MODEL_CLAIMS`` the
exercises whose solutions state no number or direction that the model computes (a reading of a
paper, a design question), each with its reason. These tests find the exercises in the pages
themselves, so a new exercise, a renamed one or a reworded solution cannot slip past.
"""
from __future__ import annotations

import importlib

import pytest

import solution_claims
from _ext import instructor


@pytest.mark.parametrize("chapter", instructor.chapters())
def test_every_solution_is_checked_on_the_model_or_says_why_not(chapter):
    module = importlib.import_module(f"test_claims_{chapter}")
    exempt = getattr(module, "WITHOUT_MODEL_CLAIMS", None)
    assert isinstance(exempt, dict), f"tests/test_claims_{chapter}.py has no WITHOUT_MODEL_CLAIMS dict"
    labels = [exercise["label"] for exercise in instructor.exercises(chapter)]
    assert set(exempt) <= set(labels), \
        f"WITHOUT_MODEL_CLAIMS names exercises not in the chapter: {sorted(set(exempt) - set(labels))}"
    unchecked = [label for label in labels
                 if label not in exempt and label not in solution_claims.CHECKED]
    assert not unchecked, (f"{chapter}: no claims test checks the solution of {unchecked}, and "
                           "WITHOUT_MODEL_CLAIMS does not say why it needs none")
    both = sorted(set(exempt) & set(solution_claims.CHECKED))
    assert not both, f"{chapter}: {both} are both checked and listed as needing no check"
    for label, reason in exempt.items():
        assert len(reason.split()) >= 4, f"{label}: give the reason its solution needs no check"


@pytest.mark.parametrize("chapter", instructor.chapters())
def test_every_quoted_sentence_is_still_in_its_solution(chapter):
    importlib.import_module(f"test_claims_{chapter}")
    for exercise in instructor.exercises(chapter):
        solution = solution_claims.squeezed(exercise["solution"])
        for quote in solution_claims.CHECKED.get(exercise["label"], []):
            assert solution_claims.squeezed(quote) in solution, \
                (f"{exercise['label']}: its solution no longer says {quote!r}; check the claim "
                 "against the model and quote the new words")


def test_a_check_needs_a_quote():
    with pytest.raises(ValueError, match="checks_solution\\('ex-x'\\) needs at least one quote"):
        solution_claims.checks_solution("ex-x")
