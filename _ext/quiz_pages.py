"""Sphinx extension: prose pages render their quiz at build time, without starting a kernel.

A prose page (MyST text) ends with a quiz cell, ``quiz.show("<chapter>", "<page>")``, so that
in JupyterLab, where the page opens as a notebook, running it shows the quiz. On the site the
same quiz is rendered when the page is read: the cell becomes the outputs that
:func:`widgets.quiz.render.quiz_outputs` gives the kernel (the interactive HTML, and the
Markdown version for the PDF), and a page whose only code is its quiz is read as plain MyST,
which myst-nb does not execute. Pages with other code keep their kernel.
"""
from __future__ import annotations

import ast
import re

import yaml

from widgets.quiz.render import quiz_outputs

QUIZ_CELL = re.compile(
    r"^```\{code-cell\}[^\n]*\n(?:---\n(?:(?!```).)*?\n---\n)?"
    r"\s*from widgets import quiz\s*\n\s*quiz\.show\((?P<arguments>[^)\n]*)\)\s*\n```[ \t]*$",
    re.M | re.S)
CODE_CELL = re.compile(r"^```\{code-cell\}", re.M)
FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.S)
NOTEBOOK_KEYS = ("jupytext", "kernelspec")


def quiz_only(text: str) -> bool:
    """True if the MyST page's only code cells are quiz cells (and it has one)."""
    quizzes = len(QUIZ_CELL.findall(text))
    return quizzes > 0 and quizzes == len(CODE_CELL.findall(text))


def _fence(content: str) -> str:
    """A backtick fence longer than any run of backticks in ``content``."""
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    return "`" * max(4, longest + 1)


def rendered_quiz(arguments: str) -> str:
    """MyST that shows the quiz ``quiz.show(<arguments>)`` would: HTML on the site, Markdown in print."""
    parsed = ast.literal_eval(f"({arguments},)")
    outputs = quiz_outputs(*parsed)
    html, markdown = outputs["text/html"], outputs["text/markdown"]
    return (f"{_fence(html)}{{raw}} html\n{html}\n{_fence(html)}\n\n"
            f"{_fence(markdown)}{{only}} latex\n{markdown}\n{_fence(markdown)}")


def as_plain_myst(text: str) -> str:
    """The page with its quiz cells rendered and without the front matter that makes it a notebook."""
    text = QUIZ_CELL.sub(lambda match: rendered_quiz(match.group("arguments")), text)
    front = FRONT_MATTER.match(text)
    if front is None:
        return text
    kept = {key: value for key, value in (yaml.safe_load(front.group("yaml")) or {}).items()
            if key not in NOTEBOOK_KEYS}
    rest = text[front.end():]
    return f"---\n{yaml.safe_dump(kept, sort_keys=False)}---\n{rest}" if kept else rest


def _render_quizzes(app, docname: str, source: list[str]) -> None:
    if app.env.doc2path(docname).endswith(".md") and quiz_only(source[0]):
        source[0] = as_plain_myst(source[0])


def setup(app):
    app.connect("source-read", _render_quizzes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
