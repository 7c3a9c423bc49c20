"""The teacher's pack of a chapter, made from the chapter's own material when the book is built.

* A rubric for each exercise (every exercise of the book asks for a written answer; the
  closed questions are the quizzes): its criteria are the points of the exercise's model
  solution, scored at three levels, plus one criterion for reasoning. The rubric quotes the
  solution and adds no fact or number of its own, so it cannot disagree with the page.
* An exit ticket: three short single-choice questions of the chapter's bank, from pages spread
  over the chapter, to print on half a sheet; its key stays in the guide.
* A figure pack: the chapter's diagrams (SVG and PDF) and each widget's opening frame (PNG),
  with a list of what each shows, as one zip. It is deterministic: the same files, in the same
  order, with fixed timestamps, from the same sources.
"""
from __future__ import annotations

import importlib
import io
import re
import zipfile
from pathlib import Path

from tools.student_notebooks import chapter_pages, read_page
from widgets.quiz.bank import CHAPTER_QUIZ, load_bank

ROOT = Path(__file__).resolve().parents[1]
DIAGRAM_USE = re.compile(r"/book_assets/diagrams/(?P<name>[\w-]+)\.svg")

# Rubrics ---------------------------------------------------------------------------------------

LEVELS = ("2: makes the point and gives its reason or evidence",
          "1: makes the point without its reason, or with a small error",
          "0: leaves it out or contradicts it")
REASONING = ("Keeps what the evidence shows apart from what is inferred, and names the evidence "
             "used (a page, a figure, a model result or a citation).")
MAX_SENTENCE_POINTS = 4
FENCE = re.compile(r"^(`{3,}|:{3,}).*?^\1\s*$", re.M | re.S)
LIST_ITEM = re.compile(r"^(?:[-*]|\d+[.)])\s+", re.M)
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z*({$])")
NOT_AN_END = re.compile(r"(?:\bal|\be\.g|\bi\.e|\bvs|\bFig|\bref|\bapprox)\.$")


def _balanced(text: str) -> bool:
    """True if ``text`` closes every inline code, maths, emphasis and bracket it opens."""
    return (text.count("`") % 2 == 0 and text.count("$") % 2 == 0
            and text.count("**") % 2 == 0 and text.count("(") == text.count(")"))


def sentences(text: str) -> list[str]:
    """``text`` split into sentences, never inside markup or after an abbreviation."""
    found: list[str] = []
    for piece in SENTENCE_END.split(" ".join(text.split())):
        if found and (NOT_AN_END.search(found[-1]) or not _balanced(found[-1])):
            found[-1] = f"{found[-1]} {piece}"
        else:
            found.append(piece)
    return [sentence for sentence in found if sentence]


def key_points(solution: str) -> list[str]:
    """The points a model solution makes, for a rubric's criteria.

    A solution written as a list gives one point per item (its first sentence); a solution
    in prose gives its sentences of six words or more, at most four. Code and other fenced
    blocks are left out: they show how, not what.
    """
    text = FENCE.sub("", solution).strip()
    lines = text.splitlines()
    if any(LIST_ITEM.match(line) for line in lines):
        items: list[str] = []
        for line in lines:
            if LIST_ITEM.match(line):
                items.append(LIST_ITEM.sub("", line, count=1))
            elif line.startswith((" ", "\t")) and items:
                items[-1] += " " + line.strip()
        return [sentences(item)[0] for item in items if item.strip()]
    points = [s for s in sentences(" ".join(lines)) if len(s.split()) >= 6]
    return points[:MAX_SENTENCE_POINTS]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rubric_markdown(solution: str) -> list[str]:
    """The rubric of one exercise as MyST table lines: a criterion per point, three levels."""
    head = ["| Criterion: the answer … | " + " | ".join(f"{level.split(':')[0]} points"
                                                        for level in LEVELS) + " |",
            "|---|---|---|---|"]
    met, partly, missing = (level.split(": ", 1)[1] for level in LEVELS)
    rows = [f"| {_cell(point)} | {met} | {partly} | {missing} |" for point in key_points(solution)]
    rows.append(f"| {REASONING} | does both | does one | does neither |")
    return head + rows


# Exit tickets ----------------------------------------------------------------------------------

TICKET_ITEMS = 3


def _length(question: dict) -> int:
    return len(question["question"]) + sum(len(option["answer"]) for option in question["answers"])


def exit_ticket(chapter: str) -> list[dict]:
    """Three short single-choice questions of ``chapter``'s bank, for an exit ticket.

    The pages of the chapter that have single-choice questions (the chapter quiz's own
    questions last, used only if too few pages have any) are taken at the start, the middle
    and the end of the chapter, and the shortest question (question and options) of each;
    with fewer pages, the next shortest of the same pages fill the ticket.
    """
    bank = load_bank(chapter)
    pages = [page.stem for page in chapter_pages() if page.parts[1] == chapter]
    pages = [page for page in pages if page != CHAPTER_QUIZ] + [CHAPTER_QUIZ]
    candidates = {page: sorted((q for q in bank["questions"]
                                if q["page"] == page and q["type"] == "single"), key=_length)
                  for page in pages}
    with_questions = [page for page in pages if candidates[page]]
    lessons = [page for page in with_questions if page != CHAPTER_QUIZ] or with_questions
    if len(lessons) >= TICKET_ITEMS:
        spread = [lessons[round(i * (len(lessons) - 1) / (TICKET_ITEMS - 1))]
                  for i in range(TICKET_ITEMS)]
        return [candidates[page][0] for page in spread]
    chosen: list[dict] = []
    depth = 0
    while len(chosen) < TICKET_ITEMS:
        layer = [candidates[page][depth] for page in with_questions if depth < len(candidates[page])]
        if not layer:
            raise ValueError(f"chapter {chapter!r} has fewer than {TICKET_ITEMS} "
                             "single-choice questions for an exit ticket")
        chosen += layer[:TICKET_ITEMS - len(chosen)]
        depth += 1
    return chosen


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def exit_ticket_markdown(chapter: str) -> str:
    """The exit ticket of ``chapter`` (to print) and, after it, its key, as MyST markdown."""
    title = load_bank(chapter)["title"]
    questions = exit_ticket(chapter)
    ticket = [f"**Exit ticket: {title}**", "", "Name: ______________________________", ""]
    key = ["**Key of the exit ticket**", ""]
    for number, question in enumerate(questions, start=1):
        ticket += [f"**{number}.** {question['question']}", ""]
        ticket += [f"{_letter(i)}. {option['answer']}  " for i, option in
                   enumerate(question["answers"])]
        ticket.append("")
        right = next(i for i, option in enumerate(question["answers"]) if option["correct"])
        key += [f"**{number}. {_letter(right)}** (bank question `{question['id']}`): "
                f"{question['answers'][right]['feedback']}", ""]
    return "\n".join(["````{container} hcc-exit-ticket", *ticket, "````", "", *key])


# Figure packs ----------------------------------------------------------------------------------

ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # every entry's timestamp, so that a rebuild gives the same bytes


def chapter_diagrams(chapter: str, root: Path = ROOT) -> list[str]:
    """The diagrams ``chapter``'s pages show, in reading order, each once."""
    found: list[str] = []
    for page in chapter_pages(root):
        if page.parts[1] == chapter:
            source = "\n".join(cell.source for cell in read_page(root / page).cells)
            found += [m["name"] for m in DIAGRAM_USE.finditer(source) if m["name"] not in found]
    return found


def chapter_panels(chapter: str) -> list:
    """The panel declarations of ``chapter`` (``widgets.panels.<chapter>.PANELS``), if any."""
    try:
        module = importlib.import_module(f"widgets.panels.{chapter}")
    except ModuleNotFoundError:
        return []
    return list(getattr(module, "PANELS", ()))


def _panel_file(declare) -> str:
    return f"widgets/{declare.__name__.removesuffix('_panel')}.png"


def figure_pack_contents(chapter: str, root: Path = ROOT) -> list[str]:
    """The figure files of ``chapter``'s pack, by name in the zip, without drawing them."""
    return ([f"diagrams/{name}{suffix}" for name in chapter_diagrams(chapter, root)
             for suffix in (".svg", ".pdf")]
            + [_panel_file(declare) for declare in chapter_panels(chapter)])


def figure_pack(chapter: str, root: Path = ROOT) -> dict[str, bytes]:
    """The files of ``chapter``'s figure pack: name in the zip -> content.

    ``diagrams/<name>.svg`` and ``.pdf`` for each diagram the chapter shows,
    ``widgets/<panel>.png`` for each widget's opening frame (what the website shows first and
    the printed page prints), and ``CONTENTS.txt``: what each figure shows, with each widget's
    key numbers, and the licence.
    """
    from widgets.figures.rendering import render_png

    files: dict[str, bytes] = {}
    contents = [f"Figure pack: {load_bank(chapter)['title']}", "",
                "Text, figures and data: CC BY 4.0 (credit the book and link the licence,",
                "https://creativecommons.org/licenses/by/4.0/). Educational material, not "
                "clinical advice.", "", "Diagrams (SVG for screens, PDF for print):"]
    for name in chapter_diagrams(chapter, root):
        for suffix in (".svg", ".pdf"):
            files[f"diagrams/{name}{suffix}"] = (root / "book_assets" / "diagrams" /
                                                 f"{name}{suffix}").read_bytes()
        contents.append(f"- diagrams/{name}.svg, .pdf")
    contents += ["", "Widgets, each at the experiment it opens on:"]
    for declare in chapter_panels(chapter):
        panel = declare()
        artists = panel.make_figure()
        description = panel.draw(artists, panel.values())
        name = _panel_file(declare)
        files[name] = render_png(artists)
        numbers = "; ".join(description.numbers.splitlines())
        contents += [f"- {name}: {description.alt}", f"  Key numbers: {numbers}"]
    files["CONTENTS.txt"] = ("\n".join(contents) + "\n").encode("utf-8")
    return files


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """``files`` as a zip, entries sorted by name, with fixed timestamps and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def figure_pack_name(chapter: str) -> str:
    """The zip's file name, as served under ``_downloads/figure-packs/``."""
    return f"hcc-autophagy-{chapter.replace('_', '-')}-figures.zip"
