"""The instructor guide: a page per chapter, plans that add up, keys generated from the banks."""
from __future__ import annotations

import ast
import copy
import html as html_module
import re

import pytest
import yaml

from _ext import instructor
from conftest import ROOT
from tools.student_notebooks import read_page
from widgets.quiz import chapters as bank_chapters
from widgets.quiz.bank import (CHAPTER_QUIZ, REVIEW_SIZE, load_bank, model_answer, numeric_range,
                                 questions_for, review_questions)
from widgets.quiz.render import quiz_html

GUIDE = ROOT / "reference" / "instructor"
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if p.is_dir())


def _instructor():
    return instructor


def _plan_minutes(text: str, minutes: int) -> list[int]:
    section = text.split(f"## A {minutes}-minute session", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [int(row.split("|")[1]) for row in rows]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_has_a_guide_page_with_plans_that_fill_50_and_90_minutes(chapter):
    text = (GUIDE / f"{chapter}.md").read_text(encoding="utf-8")
    for minutes in (50, 90):
        steps = _plan_minutes(text, minutes)
        assert len(steps) >= 4 and sum(steps) == minutes, (chapter, minutes, steps)
    for heading in ("## Learning objectives", "## Discussion prompts", "## Common misconceptions"):
        assert heading in text, (chapter, heading)
    assert f"```{{quiz-answer-key}} {chapter}" in text
    assert f"```{{exercise-solutions}} {chapter}" in text


def test_the_guide_is_a_part_of_the_book_with_every_chapter_page():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "reference/instructor/index" in toc
    for chapter in CHAPTERS:
        assert f"reference/instructor/{chapter}" in toc, chapter


def test_an_unknown_chapter_is_refused_with_the_valid_choices():
    instructor = _instructor()
    with pytest.raises(ValueError, match=r"unknown chapter 'nope'; valid choices are: machinery"):
        instructor.answer_key_markdown("nope")
    with pytest.raises(ValueError, match=r"valid choices are: .*trials"):
        instructor.exercises("nope")


def test_relative_doc_links_in_solutions_are_made_absolute():
    from pathlib import Path

    fix = _instructor().absolute_doc_links
    page = Path("chapters/machinery/flux_explorer.ipynb")
    assert fix("see {doc}`western_blot`", page) == "see {doc}`/chapters/machinery/western_blot`"
    assert fix("{doc}`the model <../../reference/model>`", page) == "{doc}`the model </reference/model>`"
    assert fix("{doc}`/chapters/drugs/index`", page) == "{doc}`/chapters/drugs/index`"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html)))


def _plain_phrase(markdown: str) -> str:
    """The first run of at least 24 plain characters of ``markdown`` (no roles, no emphasis;
    a glossary term reads as its text)."""
    terms = re.sub(r"\{term\}`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", markdown)
    plain = re.sub(r"[*_]", "", re.sub(r"\{[^}]+\}`[^`]*`|`[^`]*`|\$[^$]*\$", " ", terms))
    return re.search(r"[A-Za-z][A-Za-z ,]{23,}", plain).group(0)[:24]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_built_guide_gives_every_answer_and_every_solution(built_site, chapter):
    page = (built_site / "reference" / "instructor" / f"{chapter}.html").read_text(encoding="utf-8")
    text = _text(page)
    bank = load_bank(chapter)
    for question in bank["questions"]:
        assert question["id"] in text, question["id"]
        if "compute" in question:
            value = f"{model_answer(question):.{question.get('precision', 3)}g}"
            assert value in text, (question["id"], value)
    exercises = _instructor().exercises(chapter)
    assert exercises
    for exercise in exercises:
        assert exercise["label"] in text, exercise["label"]
        assert _plain_phrase(exercise["solution"]) in text, exercise["label"]
    assert "{quiz-answer-key}" not in page and "{exercise-solutions}" not in page


# The answer key, as a teacher checks it against what the learners see.

BANKS = bank_chapters()
REVIEW = "review"   # the key's section of review questions
SHOW = re.compile(r"\bquiz\.show\((?P<arguments>[^()]*)\)")
NUMBER = re.compile(r'data-qid="(?P<qid>[^"]+)"[^>]*><legend><span class="bq-number">(?P<n>\d+)\.')
HEADING = re.compile(r"^\*\*(?:Questions on "
                     r"(?:\{doc\}`/chapters/[^/`]+/(?P<doc>[^`]+)`|\*(?P<name>[^*]+)\*)"
                     r"|(?P<review>Review questions in the chapter quiz))\*\*$")
QUESTION = re.compile(r"^\*\*Question (?P<on_page>\d+)\*\*, `(?P<qid>[^`]+)`"
                      r"(?: \(from \{doc\}`[^`]+`\))?: ")


def _quizzes_on_pages(chapter: str) -> dict[str, list[tuple[str | None, dict[str, int]]]]:
    """For each page of ``chapter``: the quizzes it shows, each as (the page it asks about, or
    None for the whole bank; each question id with the number printed beside it)."""
    found = {}
    for path in sorted((ROOT / "chapters" / chapter).glob("*")):
        if path.suffix not in (".md", ".ipynb"):
            continue
        source = "\n".join(cell.source for cell in read_page(path).cells)
        for call in SHOW.finditer(source):
            arguments = ast.literal_eval(f"({call['arguments']},)")
            if arguments[0] != chapter:
                continue
            page = arguments[1] if len(arguments) > 1 else None
            html = quiz_html(questions_for(chapter, page), "quiz")
            numbers = {m["qid"]: int(m["n"]) for m in NUMBER.finditer(html)}
            found.setdefault(path.stem, []).append((page, numbers))
    return found


def _key_sections(markdown: str) -> list[tuple[str, list[dict]]]:
    """The key's headings in order, each with the question entries under it."""
    sections = []
    for line in markdown.splitlines():
        if heading := HEADING.match(line):
            sections.append((heading["doc"] or heading["name"] or REVIEW, []))
        elif question := QUESTION.match(line):
            assert sections, f"a question before any heading: {line[:80]}"
            sections[-1][1].append({"on_page": int(question["on_page"]), "qid": question["qid"],
                                    "lines": [line]})
        elif sections and sections[-1][1] and line:
            sections[-1][1][-1]["lines"].append(line)
    return sections


def _myst_tokens(markdown: str) -> list:
    """``markdown`` parsed as the book parses it (MyST with the book's extensions)."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    extensions = set(config["parse"]["myst_enable_extensions"])
    parser = create_md_parser(MdParserConfig(enable_extensions=extensions), RendererHTML)
    return parser.parse(markdown)


def _non_consecutive_page() -> tuple[str, str, list[int]] | None:
    """A bank page whose questions are not consecutive in the bank, with their bank positions."""
    for chapter in BANKS:
        positions = {}
        for position, question in enumerate(load_bank(chapter)["questions"], start=1):
            positions.setdefault(question["page"], []).append(position)
        for page, numbers in positions.items():
            if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
                return chapter, page, numbers
    return None


@pytest.mark.parametrize("chapter", BANKS)
def test_the_key_lists_each_question_once_under_its_page_with_the_number_learners_see(chapter):
    key = _instructor().answer_key_markdown(chapter)
    sections = _key_sections(key)
    quizzes = _quizzes_on_pages(chapter)
    questions = load_bank(chapter)["questions"]
    quiz_page = _instructor().chapter_quiz_page(chapter).rsplit("/", 1)[1]

    def page_of(heading):   # the chapter quiz is headed by the page that shows it
        return CHAPTER_QUIZ if heading == quiz_page else heading

    headings = [page_of(page) for page, _ in sections if page != REVIEW]
    assert sorted(headings) == sorted({q["page"] for q in questions}), "one heading per page"
    entries = {entry["qid"]: (page_of(page), entry) for page, section in sections
               if page != REVIEW for entry in section}
    assert len(entries) == len(questions)
    for question in questions:
        page, entry = entries[question["id"]]
        assert page == question["page"], (question["id"], page)
        shown_on = quiz_page if page == CHAPTER_QUIZ else page
        asked = None if page == CHAPTER_QUIZ else page
        shown = [numbers[question["id"]] for on, numbers in quizzes.get(shown_on, [])
                 if on == asked and question["id"] in numbers]
        assert shown == [entry["on_page"]], (question["id"], shown, entry["on_page"])
    # the review questions, numbered as the chapter quiz numbers them
    reviews = [entry for page, section in sections if page == REVIEW for entry in section]
    chapter_quiz = next(numbers for on, numbers in quizzes[quiz_page] if on is None)
    assert {f"{chapter}-review:{entry['qid']}": entry["on_page"] for entry in reviews} == \
        {qid: number for qid, number in chapter_quiz.items() if "-review:" in qid}
    assert not [t for t in _myst_tokens(key) if t.type == "ordered_list_open"], \
        "an ordered list would be renumbered by Markdown"


@pytest.mark.parametrize("chapter", BANKS)
def test_numeric_answers_give_the_accepted_range_and_the_models_value(chapter):
    sections = _key_sections(_instructor().answer_key_markdown(chapter))
    entries = {entry["qid"]: "\n".join(entry["lines"])
               for _, section in sections for entry in section}
    for question in load_bank(chapter)["questions"]:
        if question["type"] != "numeric":
            continue
        digits = question.get("precision", 3)
        low, high = numeric_range(question, question["answers"][0])
        assert f"accepted from {low:.{digits}g} to {high:.{digits}g}" in entries[question["id"]]
        if "compute" in question:
            value = f"the model gives **{model_answer(question):.{digits}g}**"
            assert value in entries[question["id"]], (question["id"], value)


def test_the_model_value_is_the_models_not_the_middle_of_a_typed_range():
    computed = next(question for chapter in BANKS for question in load_bank(chapter)["questions"]
                    if "compute" in question)
    value, digits = model_answer(computed), computed.get("precision", 3)
    lopsided = copy.deepcopy(computed)
    lopsided["answers"][0]["range"] = [value * 0.5, value * 2.0]
    text = "\n".join(_instructor().question_answer_markdown(lopsided))
    assert f"the model gives **{value:.{digits}g}**" in text
    assert f"**{value * 1.25:.{digits}g}**" not in text
    assert f"accepted from {value * 0.5:.{digits}g} to {value * 2.0:.{digits}g}" in text


def test_a_page_whose_questions_are_apart_in_the_bank_keeps_its_own_numbers():
    found = _non_consecutive_page()
    assert found is not None, "the banks changed: write a bank with a page whose questions are apart"
    chapter, page, positions = found
    key = _instructor().answer_key_markdown(chapter)
    sections = [section for heading, section in _key_sections(key) if heading == page]
    assert len(sections) == 1, f"{chapter}/{page} has {len(sections)} headings"
    assert [entry["on_page"] for entry in sections[0]] == list(range(1, len(positions) + 1))


@pytest.mark.parametrize("chapter", [c for c in BANKS if load_bank(c)["review_from"]])
def test_a_chapter_quiz_reviews_the_earlier_chapters_in_a_mix(chapter):
    bank = load_bank(chapter)
    reviewed = review_questions(chapter)
    origins = [_instructor()._source_chapter(q["review_of"]) for q in reviewed]
    assert len(reviewed) == bank.get("review_size", REVIEW_SIZE)
    assert all(origin in bank["review_from"] and page != CHAPTER_QUIZ for origin, page in origins)
    assert len({origin for origin, _ in origins}) == min(len(reviewed), len(bank["review_from"]))


def test_only_a_blocks_leading_options_are_taken_off():
    options, content = _instructor().leading_options(
        ":label: ex-1\n:class: dropdown\nText.\n\n```{figure} a.png\n:width: 50%\n```\n")
    assert options == {"label": "ex-1", "class": "dropdown"}
    assert content == "Text.\n\n```{figure} a.png\n:width: 50%\n```"
    options, content = _instructor().leading_options("---\nlabel: ex-2\n---\nText.\n:name: x")
    assert options == {"label": "ex-2"} and content == "Text.\n:name: x"


# Exercise numbers: chapter.exercise, the same on the page, in the guide and in print.

def test_exercises_are_numbered_from_1_in_each_chapter_in_reading_order():
    from _ext.exercise_numbers import per_chapter

    # Sphinx's numbers through the book (reading order), given in a scrambled dict order.
    book_wide = {"chapters/drugs/quiz": {"exercise": {"e": (5,)}},
                 "chapters/machinery/index": {"exercise": {"a": (1,), "b": (2,)}},
                 "reference/validation": {"exercise": {"r": (7,)}},
                 "reference/model": {"exercise": {"q": (6,)}},
                 "chapters/drugs/index": {"exercise": {"d": (4,)}, "figure": {"f": (1,)}},
                 "chapters/machinery/lc3_p62": {"exercise": {"c": (3,)}}}
    numbered = per_chapter(book_wide, ["machinery", "drugs"])
    assert numbered == {"chapters/machinery/index": {"a": (1, 1), "b": (1, 2)},
                        "chapters/machinery/lc3_p62": {"c": (1, 3)},
                        "chapters/drugs/index": {"d": (2, 1)},
                        "chapters/drugs/quiz": {"e": (2, 2)},
                        "reference/model": {"q": (1,)}, "reference/validation": {"r": (2,)}}


def test_the_guide_numbers_each_exercise_chapter_dot_position_in_toc_order():
    instructor = _instructor()
    order = instructor.chapters()
    assert order == ["machinery", "drugs", "stem_cells", "exosomes", "ncrna", "trials", "conclusion"]
    for chapter_number, chapter in enumerate(order, start=1):
        markdown = instructor.solutions_markdown(chapter)
        shown = re.findall(r"^\*\*Exercise (\d+)\.(\d+)\*\* \(`([^`]+)`", markdown, re.M)
        labels = [item["label"] for item in instructor.exercises(chapter)]
        assert [label for *_, label in shown] == labels
        assert [(int(c), int(n)) for c, n, _ in shown] == \
            [(chapter_number, n) for n in range(1, len(labels) + 1)]
    with pytest.raises(ValueError, match="unknown chapter 'nope'; valid choices are: machinery"):
        instructor.exercise_number("nope", 1, order)


# The teacher's pack: rubrics, exit tickets, figure packs.

def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _rubric_rows(lines: list[str]) -> list[list[str]]:
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines[2:]]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_exercise_has_a_rubric_drawn_from_its_solution_with_no_number_of_its_own(chapter):
    from _ext.teaching_pack import rubric_markdown

    for exercise in _instructor().exercises(chapter):
        rows = _rubric_rows(rubric_markdown(exercise["solution"]))
        assert len(rows) >= 2, exercise["label"]  # at least one point and the reasoning row
        solution = _squeeze(exercise["solution"])
        for criterion, *levels in rows[:-1]:
            assert len(levels) == 3 and all(levels), exercise["label"]
            assert criterion.replace("\\|", "|") in solution, (exercise["label"], criterion)
        rubric = "\n".join(rubric_markdown(exercise["solution"]))
        numbers = set(re.findall(r"\d+(?:\.\d+)?", rubric))
        assert numbers <= set(re.findall(r"\d+(?:\.\d+)?", solution)) | {"0", "1", "2"}, \
            exercise["label"]


def test_a_solution_splits_into_points_at_sentence_ends_only():
    from _ext.teaching_pack import key_points

    prose = ("Qu et al. found more protection with one line than with the other line. "
             "The value `x = 1. Y` is code and stays whole in its sentence here. "
             "Short one. The last sentence of the solution has enough words to count.")
    assert key_points(prose) == [
        "Qu et al. found more protection with one line than with the other line.",
        "The value `x = 1. Y` is code and stays whole in its sentence here.",
        "The last sentence of the solution has enough words to count."]
    listed = "Two readouts.\n1. **First.** Count the particles. Then more.\n2. **Second.** Blot\n   them."
    assert key_points(listed) == ["**First.** Count the particles.", "**Second.** Blot them."]
    assert key_points("Run this.\n```python\nprint(1)\n```\nIt prints the number one to the screen.") \
        == ["It prints the number one to the screen."]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_exit_ticket_has_three_short_questions_and_its_key_comes_after_it(chapter):
    from _ext.teaching_pack import exit_ticket, exit_ticket_markdown

    questions = exit_ticket(chapter)
    assert len(questions) == 3 and len({q["id"] for q in questions}) == 3
    bank = {q["id"]: q for q in load_bank(chapter)["questions"]}
    assert all(q["type"] == "single" and bank[q["id"]] == q for q in questions)
    pages = {q["page"] for q in questions}
    lesson_pages = {q["page"] for q in bank.values() if q["type"] == "single"} - {CHAPTER_QUIZ}
    assert len(pages) == min(3, max(len(lesson_pages), 1)), (chapter, pages)
    markdown = exit_ticket_markdown(chapter)
    assert markdown.startswith("````{container} hcc-exit-ticket\n")
    ticket, key = markdown.split("\n````\n")
    for number, question in enumerate(questions, start=1):
        assert f"**{number}.** {question['question']}" in ticket
        right = next(i for i, option in enumerate(question["answers"]) if option["correct"])
        assert f"{chr(65 + right)}. {question['answers'][right]['answer']}" in ticket
        assert f"**{number}. {chr(65 + right)}**" in key
        for option in question["answers"]:
            assert option["feedback"] not in ticket
    assert "Key" not in ticket


def test_the_figure_pack_holds_the_chapters_diagrams_and_widget_frames_and_is_reproducible():
    import io
    import zipfile

    from _ext.teaching_pack import figure_pack, figure_pack_contents, zip_bytes

    files = figure_pack("exosomes")
    assert sorted(files) == sorted(figure_pack_contents("exosomes") + ["CONTENTS.txt"])
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "chapters" / "exosomes").glob("*")
                        if p.suffix in (".md", ".ipynb"))
    shown = set(re.findall(r"/book_assets/diagrams/([\w-]+)\.svg", sources))
    assert {name.split("/")[1].rsplit(".", 1)[0] for name in files if name.startswith("diagrams/")} == shown
    assert {"widgets/coculture.png", "widgets/characterisation.png"} <= set(files)
    for name, content in files.items():
        if name.endswith(".png"):
            assert content.startswith(b"\x89PNG"), name
        elif name.endswith(".pdf"):
            assert content.startswith(b"%PDF"), name
        elif name.endswith(".svg"):
            assert b"<svg" in content, name
    contents = files["CONTENTS.txt"].decode("utf-8")
    assert all(name in contents for name in files if name.endswith(".png"))
    first, second = zip_bytes(files), zip_bytes(figure_pack("exosomes"))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == sorted(files)
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_lists_a_figure_pack_with_every_widget(chapter):
    from _ext.teaching_pack import chapter_panels, figure_pack_contents

    contents = figure_pack_contents(chapter)
    assert contents, chapter
    for declare in chapter_panels(chapter):
        assert f"widgets/{declare.__name__.removesuffix('_panel')}.png" in contents


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_guide_page_offers_the_teachers_pack(chapter):
    text = (GUIDE / f"{chapter}.md").read_text(encoding="utf-8")
    for directive in ("exercise-solutions", "exit-ticket", "figure-pack"):
        assert f"```{{{directive}}} {chapter}\n```" in text, (chapter, directive)


def _page_exercise_numbers(built_site, chapter: str) -> list[tuple[str, str]]:
    """(label, number shown in its title) of each exercise on ``chapter``'s built pages."""
    from bs4 import BeautifulSoup

    from tools.student_notebooks import chapter_pages

    shown = []
    for page in chapter_pages():
        if page.parts[1] == chapter:
            soup = BeautifulSoup((built_site / page.with_suffix(".html")).read_text(encoding="utf-8"),
                                 "html.parser")
            for exercise in soup.select("div.exercise.admonition"):
                title = exercise.select_one(".admonition-title").get_text()
                shown.append((exercise["id"], re.match(r"Exercise (\d+\.\d+)", title).group(1)))
    return shown


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_site_numbers_each_exercise_the_same_on_its_page_and_in_the_guide(built_site, chapter):
    guide = _text((built_site / "reference" / "instructor" / f"{chapter}.html").read_text(encoding="utf-8"))
    in_guide = [(label, number) for number, label in
                re.findall(r"Exercise (\d+\.\d+) \( ?([\w-]+) ?, on", guide)]
    on_pages = _page_exercise_numbers(built_site, chapter)
    assert on_pages and on_pages == in_guide
    number = _instructor().chapters().index(chapter) + 1
    assert [n for _, n in on_pages] == [f"{number}.{i}" for i in range(1, len(on_pages) + 1)]


def test_the_printed_book_numbers_exercises_as_the_site_does(built_pdf, built_site):
    pypdf = pytest.importorskip("pypdf")
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pypdf.PdfReader(built_pdf).pages))
    for chapter in CHAPTERS:
        numbers = [n for _, n in _page_exercise_numbers(built_site, chapter)]
        assert [n for n in numbers if f"Exercise{n}" not in text] == [], chapter
    assert not re.search(r"Exercise(?:[1-9]\d|\d{3})[^.\d]", text), "a book-wide number"
