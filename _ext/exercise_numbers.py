"""Sphinx extension: exercises numbered per chapter ("Exercise 4.3": chapter 4, its third exercise).

sphinx-exercise numbers exercises with Sphinx's figure numbering, which counts across the
whole book when the table of contents is not section-numbered ("Exercise 44"). After Sphinx
has assigned those numbers, in reading order, this hook renumbers each chapter's exercises
from 1, prefixed by the chapter's place in ``_toc.yml`` (the few exercises of the reference
part are numbered 1, 2, … among themselves). Every place that shows the number
reads it from there: the exercise's title, its solution's title, references to it, and the
printed book. The instructor guide numbers its solutions with :func:`exercise_number`.
"""
from __future__ import annotations

from tools.student_notebooks import chapter_pages

EXERCISE = "exercise"  # the figure type sphinx-exercise registers its numbered exercises as


def chapter_order(pages=None) -> list[str]:
    """The chapter folders, in table-of-contents order (from :func:`chapter_pages`)."""
    found: list[str] = []
    for page in chapter_pages() if pages is None else pages:
        if page.parts[1] not in found:
            found.append(page.parts[1])
    return found


def exercise_number(chapter: str, position: int, chapters: list[str]) -> str:
    """The number shown for the ``position``-th exercise (from 1) of ``chapter``: ``"4.3"``."""
    if chapter not in chapters:
        raise ValueError(f"unknown chapter {chapter!r}; valid choices are: {', '.join(chapters)}")
    return f"{chapters.index(chapter) + 1}.{position}"


def per_chapter(fignumbers: dict[str, dict[str, dict[str, tuple[int, ...]]]],
                chapters: list[str]) -> dict[str, dict[str, tuple[int, ...]]]:
    """Each page's exercises numbered per chapter: (chapter, position in the chapter).

    Parameters
    ----------
    fignumbers : dict
        Sphinx's ``env.toc_fignumbers``: document -> figure type -> node id -> number, the
        exercises numbered through the book in reading order.
    chapters : list of str
        The chapter folders in reading order.

    Returns
    -------
    dict
        Document -> node id -> number, for every document that has exercises: under
        ``chapters/<chapter>/``, (chapter number, exercise number in that chapter); elsewhere
        (the reference part), (exercise number among those outside the chapters,). Within a
        chapter, and outside them, the order is the book-wide order.
    """
    found: dict[str | None, list[tuple[tuple[int, ...], str, str]]] = {}
    for docname, types in fignumbers.items():
        parts = docname.split("/")
        in_chapter = len(parts) >= 3 and parts[0] == "chapters" and parts[1] in chapters
        for node_id, number in types.get(EXERCISE, {}).items():
            found.setdefault(parts[1] if in_chapter else None, []).append((number, docname, node_id))
    numbered: dict[str, dict[str, tuple[int, ...]]] = {}
    for chapter, entries in found.items():
        prefix = () if chapter is None else (chapters.index(chapter) + 1,)
        for position, (_, docname, node_id) in enumerate(sorted(entries), start=1):
            numbered.setdefault(docname, {})[node_id] = (*prefix, position)
    return numbered


def _renumber(app, env) -> list[str]:
    numbered = per_chapter(env.toc_fignumbers, chapter_order())
    for docname, numbers in numbered.items():
        env.toc_fignumbers[docname][EXERCISE] = numbers
    return list(numbered)


def setup(app):
    # After Sphinx's own numbering (the toctree collector, default priority 500).
    app.connect("env-get-updated", _renumber, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
