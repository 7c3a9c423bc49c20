"""Sphinx extension: the instructor guide's answer keys, generated when the book is built.

Two directives, each taking a chapter (a folder under ``chapters/``):

* ``{quiz-answer-key} <chapter>``: every question of the chapter's bank in
  ``data/quizzes/``, grouped by the page it tests, with its right answer (for a numeric
  question, the model's value and the accepted range, computed now) and the feedback that
  explains it. Nothing is retyped, so the key cannot drift from the quiz.
* ``{exercise-solutions} <chapter>``: every exercise of the chapter's pages, in the order of
  the table of contents, with its solution, read from the pages' ``{exercise}`` and
  ``{solution}`` blocks. They are rendered as plain text here, so their labels stay the
  chapters' own; relative ``{doc}`` links are made absolute.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from tools.student_notebooks import chapter_pages, read_page
from widgets.quiz.bank import load_bank, numeric_range

ROOT = Path(__file__).resolve().parents[1]

BLOCK = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<kind>exercise|solution)\}(?P<argument>[^\n]*)\n"
                   r"(?P<body>.*?)^(?P=fence)\s*$", re.M | re.S)
DOC_ROLE = re.compile(r"\{doc\}`(?P<text>[^`<]*?<)?(?P<target>[^`>]+)>?`")


def chapters(root: Path = ROOT) -> list[str]:
    """The chapter folders, in table-of-contents order."""
    found = []
    for page in chapter_pages(root):
        if page.parts[1] not in found:
            found.append(page.parts[1])
    return found


def checked_chapter(chapter: str, root: Path = ROOT) -> str:
    """``chapter`` if it is a chapter folder of the book, else a ``ValueError`` naming the choices."""
    valid = chapters(root)
    if chapter not in valid:
        raise ValueError(f"unknown chapter {chapter!r}; valid choices are: {', '.join(valid)}")
    return chapter


def _number(value: float, digits: int) -> str:
    return f"{value:.{digits}g}"


def answer_key_markdown(chapter: str) -> str:
    """The answer key of ``chapter``'s quiz bank, as MyST markdown."""
    bank = load_bank(checked_chapter(chapter))
    questions = bank["questions"]
    lines = [f"The bank *{bank['title']}* has {len(questions)} questions.", ""]
    page = None
    for number, question in enumerate(questions, start=1):
        if question["page"] != page:
            page = question["page"]
            target = f"/chapters/{chapter}/{page}"
            link = f"{{doc}}`{target}`" if _page_exists(target) else f"*{page}*"
            lines += [f"**Questions on {link}**", ""]
        lines += [f"{number}. `{question['id']}`: {question['question']}", ""]
        if question["type"] == "numeric":
            option = question["answers"][0]
            low, high = numeric_range(question, option)
            digits = question.get("precision", 3)
            middle = "compute" in question and _number((low + high) / 2.0, digits)
            value = f"the model gives **{middle}**; " if middle else ""
            lines += [f"   - Answer: {value}accepted from {_number(low, digits)} "
                      f"to {_number(high, digits)}. {option['feedback']}",
                      f"   - Any other answer: {question['default_feedback']}", ""]
        else:
            for option in question["answers"]:
                mark = "**Correct**" if option["correct"] else "Incorrect"
                lines.append(f"   - {mark}: {option['answer']}. {option['feedback']}")
            lines.append("")
    return "\n".join(lines)


def _page_exists(target: str) -> bool:
    return any((ROOT / f"{target.lstrip('/')}{suffix}").exists() for suffix in (".md", ".ipynb"))


def absolute_doc_links(text: str, page: Path) -> str:
    """``text`` with every relative ``{doc}`` target made absolute from ``page``'s folder."""
    folder = "/" + page.parent.as_posix()

    def absolute(match):
        target = match.group("target").strip()
        if not target.startswith("/"):
            target = posixpath.normpath(posixpath.join(folder, target))
        prefix = match.group("text") or ""
        return f"{{doc}}`{prefix}{target}{'>' if prefix else ''}`"

    return DOC_ROLE.sub(absolute, text)


def _without_options(body: str) -> str:
    return "\n".join(line for line in body.splitlines() if not re.match(r"^:[a-z-]+:", line)).strip()


def exercises(chapter: str) -> list[dict]:
    """Every exercise of ``chapter``: its page, label, text and solution, in page order.

    Raises
    ------
    ValueError
        For an unknown chapter, or an exercise without a solution.
    """
    found = []
    for page in chapter_pages():
        if page.parts[1] != checked_chapter(chapter):
            continue
        source = "\n".join(cell.source for cell in read_page(ROOT / page).cells)
        solutions = {}
        for block in BLOCK.finditer(source):
            body = absolute_doc_links(_without_options(block["body"]), page)
            if block["kind"] == "solution":
                solutions[block["argument"].strip()] = body
            else:
                label = re.search(r"^:label:\s*(\S+)", block["body"], re.M)
                found.append({"page": page, "label": label.group(1) if label else "",
                              "exercise": body})
        for exercise in found:
            if exercise["page"] == page:
                if exercise["label"] not in solutions:
                    raise ValueError(f"{page}: exercise {exercise['label']!r} has no solution")
                exercise["solution"] = solutions[exercise["label"]]
    return found


def solutions_markdown(chapter: str) -> str:
    """Every exercise of ``chapter`` with its solution, as MyST markdown."""
    items = exercises(chapter)
    lines = [f"The chapter has {len(items)} exercises.", ""]
    for number, item in enumerate(items, start=1):
        target = "/" + item["page"].with_suffix("").as_posix()
        lines += [f"**Exercise {number}** (`{item['label']}`, on {{doc}}`{target}`)", "",
                  item["exercise"], "", "*Solution.*", "", item["solution"], ""]
    return "\n".join(lines)


class _GeneratedMarkdown(SphinxDirective):
    required_arguments = 1
    make_markdown = None

    def run(self):
        chapter = self.arguments[0]
        try:
            markdown = type(self).make_markdown(chapter)
        except ValueError as error:
            raise self.error(str(error)) from error
        container = nodes.container(classes=[self.name])
        self.state.nested_parse(StringList(markdown.splitlines(), source=self.get_source_info()[0]),
                                self.content_offset, container)
        return [container]


class QuizAnswerKey(_GeneratedMarkdown):
    make_markdown = staticmethod(answer_key_markdown)


class ExerciseSolutions(_GeneratedMarkdown):
    make_markdown = staticmethod(solutions_markdown)


def setup(app):
    app.add_directive("quiz-answer-key", QuizAnswerKey)
    app.add_directive("exercise-solutions", ExerciseSolutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
