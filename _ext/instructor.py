"""Sphinx extension: the instructor guide's keys and teacher's pack, generated when the book is built.

Four directives, each taking a chapter (a folder under ``chapters/``):

* ``{quiz-answer-key} <chapter>``: every question of the chapter's bank in
  ``data/quizzes/``, grouped by the page it tests, with its right answer (for a numeric
  question, the model's value and the accepted range, computed now) and the feedback that
  explains it. Nothing is retyped, so the key cannot drift from the quiz.
* ``{exercise-solutions} <chapter>``: every exercise of the chapter's pages, in the order of
  the table of contents, with its solution, read from the pages' ``{exercise}`` and
  ``{solution}`` blocks, each numbered as its page numbers it (4.3: chapter 4, exercise 3;
  :mod:`_ext.exercise_numbers`, which this extension sets up) and followed by its rubric.
  They are rendered as plain text here, so their labels stay the chapters' own; relative
  ``{doc}`` links are made absolute.
* ``{exit-ticket} <chapter>``: three short questions to print on half a sheet, then their key.
* ``{figure-pack} <chapter>``: a link to the chapter's figures as one zip, and its contents;
  the zip is written when the HTML build finishes (see :mod:`_ext.teaching_pack`).
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from _ext.exercise_numbers import chapter_order, exercise_number
from _ext.teaching_pack import (exit_ticket_markdown, figure_pack, figure_pack_contents,
                                figure_pack_name, rubric_markdown, zip_bytes)
from tools.student_notebooks import chapter_pages, read_page
from widgets.quiz.bank import (CHAPTER_QUIZ, chapters as bank_chapters, load_bank, numeric_range,
                                 review_questions)

ROOT = Path(__file__).resolve().parents[1]

BLOCK = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<kind>exercise|solution)\}(?P<argument>[^\n]*)\n"
                   r"(?P<body>.*?)^(?P=fence)\s*$", re.M | re.S)
DOC_ROLE = re.compile(r"\{doc\}`(?P<text>[^`<]*?<)?(?P<target>[^`>]+)>?`")


def chapters(root: Path = ROOT) -> list[str]:
    """The chapter folders, in table-of-contents order."""
    return chapter_order(chapter_pages(root))


def checked_chapter(chapter: str, root: Path = ROOT) -> str:
    """``chapter`` if it is a chapter folder of the book, else a ``ValueError`` naming the choices."""
    valid = chapters(root)
    if chapter not in valid:
        raise ValueError(f"unknown chapter {chapter!r}; valid choices are: {', '.join(valid)}")
    return chapter


def _number(value: float, digits: int) -> str:
    return f"{value:.{digits}g}"


def chapter_quiz_page(chapter: str, root: Path = ROOT) -> str | None:
    """The document (``/chapters/<chapter>/<page>``) that shows ``chapter``'s chapter quiz.

    That page calls ``quiz.show("<chapter>")`` with no page; ``None`` if no page does.
    """
    call = re.compile(r"\bshow\(\s*['\"]" + re.escape(chapter) + r"['\"]\s*\)")
    for page in chapter_pages(root):
        if page.parts[1] == chapter:
            source = "\n".join(cell.source for cell in read_page(root / page).cells)
            if call.search(source):
                return "/" + page.with_suffix("").as_posix()
    return None


def question_numbers(chapter: str) -> list[dict]:
    """Every question of ``chapter``'s bank with the number a learner sees beside it.

    A page's quiz (``quiz.show(chapter, page)``) numbers that page's questions from 1, in
    bank order; the chapter quiz (``quiz.show(chapter)``) numbers the questions written for
    it (page ``"quiz"``) from 1, then its review of earlier chapters.

    Returns
    -------
    list of dict
        In bank order: ``question``, ``page`` (the page it tests, ``"quiz"`` for the chapter
        quiz) and ``on_page`` (its number in the quiz the learner meets there).
    """
    bank = load_bank(checked_chapter(chapter))
    counted: dict[str, int] = {}
    numbered = []
    for question in bank["questions"]:
        page = question["page"]
        counted[page] = counted.get(page, 0) + 1
        numbered.append({"question": question, "page": page, "on_page": counted[page]})
    return numbered


def review_numbers(chapter: str) -> list[dict]:
    """The chapter quiz's review questions (from earlier chapters), with their numbers there."""
    own = sum(1 for q in load_bank(checked_chapter(chapter))["questions"] if q["page"] == CHAPTER_QUIZ)
    return [{"question": question, "on_page": own + position}
            for position, question in enumerate(review_questions(chapter), start=1)]


def _source_chapter(question_id: str) -> tuple[str, str]:
    """(chapter, page) of the bank question ``question_id`` (a review question's origin)."""
    for chapter in bank_chapters():
        for question in load_bank(chapter)["questions"]:
            if question["id"] == question_id:
                return chapter, question["page"]
    raise ValueError(f"no bank has a question {question_id!r}")


def question_answer_markdown(question: dict) -> list[str]:
    """The answer lines of one bank question, as a MyST bullet list.

    A choice question lists every option, the right ones marked **Correct**, each with its
    feedback. A numeric question gives the accepted range and, when the model computes the
    answer (``compute``), the model's own value (:func:`widgets.quiz.bank.model_answer`), not
    the middle of the range, which a typed range need not centre on the model's value.
    """
    if question["type"] != "numeric":
        return [f"- {'**Correct**' if option['correct'] else 'Incorrect'}: "
                f"{option['answer']}. {option['feedback']}" for option in question["answers"]]
    from widgets.quiz.bank import model_answer

    option = question["answers"][0]
    low, high = numeric_range(question, option)
    digits = question.get("precision", 3)
    value = (f"the model gives **{_number(model_answer(question), digits)}**; "
             if "compute" in question else "")
    return [f"- Answer: {value}accepted from {_number(low, digits)} to {_number(high, digits)}. "
            f"{option['feedback']}",
            f"- Any other answer: {question['default_feedback']}"]


def answer_key_markdown(chapter: str) -> str:
    """The answer key of ``chapter``'s quiz bank, as MyST markdown.

    One heading per page, in the order the pages first appear in the bank, with all of that
    page's questions under it; the chapter quiz's own questions under the page that shows it,
    then its review of earlier chapters. Each question is a paragraph that begins with the
    number the learner sees beside it; no ordered list is used, so Markdown cannot renumber
    the questions.
    """
    bank = load_bank(checked_chapter(chapter))
    numbered = question_numbers(chapter)
    reviews = review_numbers(chapter)
    quiz_page = chapter_quiz_page(chapter)
    lines = [f"The bank *{bank['title']}* has {len(numbered)} questions, grouped below by the "
             "page whose quiz asks them; each carries the number the learner sees beside it "
             "there."]
    if reviews:
        lines[0] += (f" The chapter quiz also asks {len(reviews)} questions of earlier chapters "
                     "for review; they close the key.")
    lines.append("")
    pages = list(dict.fromkeys(entry["page"] for entry in numbered))
    for page in pages:
        target = quiz_page if page == CHAPTER_QUIZ and quiz_page else f"/chapters/{chapter}/{page}"
        link = f"{{doc}}`{target}`" if _page_exists(target) else f"*{page}*"
        lines += [f"**Questions on {link}**", ""]
        for entry in (entry for entry in numbered if entry["page"] == page):
            question = entry["question"]
            lines += [f"**Question {entry['on_page']}**, `{question['id']}`: "
                      f"{question['question']}", "",
                      *question_answer_markdown(question), ""]
    if reviews:
        lines += ["**Review questions in the chapter quiz**", ""]
        for entry in reviews:
            question = entry["question"]
            origin, page = _source_chapter(question["review_of"])
            lines += [f"**Question {entry['on_page']}**, `{question['review_of']}` (from "
                      f"{{doc}}`/chapters/{origin}/{page}`): {question['question']}", "",
                      *question_answer_markdown(question), ""]
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


OPTION = re.compile(r"^:(?P<name>[A-Za-z][\w-]*):(?:\s+(?P<value>.*?))?\s*$")


def leading_options(body: str) -> tuple[dict[str, str], str]:
    """A directive block's options and the content after them.

    The options are the lines ``:name: value`` at the very start of the block, or a
    ``---``-fenced block of ``name: value`` lines there. Only these are options: a line that
    looks like one further down (the options of a nested figure or code block, say) is
    content and is kept.
    """
    lines = body.splitlines()
    options: dict[str, str] = {}
    if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
        for line in lines[1:end]:
            name, _, value = line.partition(":")
            options[name.strip()] = value.strip()
        return options, "\n".join(lines[end + 1:]).strip()
    start = 0
    while start < len(lines) and (match := OPTION.match(lines[start])):
        options[match["name"]] = match["value"] or ""
        start += 1
    return options, "\n".join(lines[start:]).strip()


def exercises(chapter: str) -> list[dict]:
    """Every exercise of ``chapter``: its page, label, text and solution, in page order.

    Raises
    ------
    ValueError
        For an unknown chapter, or an exercise without a solution.
    """
    chapter = checked_chapter(chapter)
    found = []
    for page in chapter_pages():
        if page.parts[1] != chapter:
            continue
        source = "\n".join(cell.source for cell in read_page(ROOT / page).cells)
        solutions, on_page = {}, []
        for block in BLOCK.finditer(source):
            options, content = leading_options(block["body"])
            body = absolute_doc_links(content, page)
            if block["kind"] == "solution":
                solutions[block["argument"].strip()] = body
            else:
                on_page.append({"page": page, "label": options.get("label", ""), "exercise": body})
        for exercise in on_page:
            if exercise["label"] not in solutions:
                raise ValueError(f"{page}: exercise {exercise['label']!r} has no solution")
            exercise["solution"] = solutions[exercise["label"]]
        found += on_page
    return found


def solutions_markdown(chapter: str) -> str:
    """Every exercise of ``chapter`` with its solution and rubric, as MyST markdown.

    Each exercise carries the number its page shows (chapter.exercise, see
    :mod:`_ext.exercise_numbers`).
    """
    items = exercises(chapter)
    order = chapters()
    lines = [f"The chapter has {len(items)} exercises, numbered as their pages number them. "
             "Each solution is followed by a rubric: one criterion per point of the model "
             "solution and one for reasoning, each scored 2 (met, with its reason), "
             "1 (met without its reason, or with a small error) or 0 (missing or wrong).", ""]
    for position, item in enumerate(items, start=1):
        target = "/" + item["page"].with_suffix("").as_posix()
        number = exercise_number(chapter, position, order)
        lines += [f"**Exercise {number}** (`{item['label']}`, on {{doc}}`{target}`)", "",
                  item["exercise"], "", "*Solution.*", "", item["solution"], "",
                  f"*Rubric for exercise {number}.*", "", *rubric_markdown(item["solution"]), ""]
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


class ExitTicket(_GeneratedMarkdown):
    make_markdown = staticmethod(exit_ticket_markdown)


FIGURE_PACKS = "_downloads/figure-packs"  # under the HTML output folder


class FigurePack(SphinxDirective):
    """``{figure-pack} <chapter>``: a link to the chapter's figure pack and what it holds.

    The zip itself is written when the HTML build finishes (:func:`write_figure_packs`).
    """

    required_arguments = 1

    def run(self):
        try:
            chapter = checked_chapter(self.arguments[0])
            contents = figure_pack_contents(chapter)
        except ValueError as error:
            raise self.error(str(error)) from error
        if not hasattr(self.env, "hcc_figure_packs"):
            self.env.hcc_figure_packs = {}
        self.env.hcc_figure_packs[self.env.docname] = chapter
        name = figure_pack_name(chapter)
        target = posixpath.relpath(f"{FIGURE_PACKS}/{name}", posixpath.dirname(self.env.docname))
        link = nodes.paragraph("", "Download ", nodes.reference("", name, refuri=target),
                               nodes.Text(" (zip). It holds:"))
        mention = nodes.paragraph(text=f"The website's instructor page offers {name} (zip). "
                                       "It holds:")
        # Which of the two a builder keeps is decided when it writes (Sphinx's ``only``).
        intro = [addnodes.only("", link, expr="html"), addnodes.only("", mention, expr="not html")]
        items = nodes.bullet_list()
        for entry in [*contents, "CONTENTS.txt (what each figure shows, with each widget's key "
                                 "numbers, and the licence)"]:
            items += nodes.list_item("", nodes.paragraph(text=entry))
        return [nodes.container("", *intro, items, classes=["hcc-figure-pack"])]


def _forget_figure_pack(app, env, docname):
    getattr(env, "hcc_figure_packs", {}).pop(docname, None)


def _merge_figure_packs(app, env, docnames, other):
    env.hcc_figure_packs = {**getattr(env, "hcc_figure_packs", {}),
                            **getattr(other, "hcc_figure_packs", {})}


def write_figure_packs(app, exception):
    """Write the figure pack of every chapter whose instructor page offers one (HTML only)."""
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / FIGURE_PACKS
    folder.mkdir(parents=True, exist_ok=True)
    for chapter in sorted(set(getattr(app.env, "hcc_figure_packs", {}).values())):
        (folder / figure_pack_name(chapter)).write_bytes(zip_bytes(figure_pack(chapter)))


def setup(app):
    app.setup_extension("_ext.exercise_numbers")
    app.add_directive("quiz-answer-key", QuizAnswerKey)
    app.add_directive("exercise-solutions", ExerciseSolutions)
    app.add_directive("exit-ticket", ExitTicket)
    app.add_directive("figure-pack", FigurePack)
    app.connect("env-purge-doc", _forget_figure_pack)
    app.connect("env-merge-info", _merge_figure_packs)
    app.connect("build-finished", write_figure_packs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
