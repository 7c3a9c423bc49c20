"""Quizzes: banks (:mod:`.bank`), their HTML (:mod:`.render`), LMS files (:mod:`.export`).

In a notebook::

    from widgets import quiz
    quiz.show("machinery", "flux_explorer")   # one page's questions
    quiz.show("drugs")                        # the chapter quiz
"""
from .bank import (BADGES, QUESTION_TYPES, chapters, load_bank, model_answer, numeric_range,
                   questions_for)
from .render import quiz_html, quiz_outputs, show

__all__ = ["BADGES", "QUESTION_TYPES", "chapters", "load_bank", "model_answer", "numeric_range",
           "questions_for", "quiz_html", "quiz_outputs", "show"]
