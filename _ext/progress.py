"""Sphinx extension: where a learner is in the book, kept in their browser only.

* Every chapter page says where it stands in its chapter ("Page 3 of 7 in *Cancer stem
  cells*") under its title, and names itself in a ``<meta name="hcc-page">`` tag, so that
  ``book_assets/progress.js`` can note the visit in the browser's ``localStorage``.
* The landing page and each chapter's first page end with a progress view: for every chapter,
  the pages visited and the chapter quiz's score (which the quiz keeps in ``localStorage``,
  see ``widgets.quiz.render``). Nothing is sent anywhere.

The chapters and their pages come from ``_toc.yml`` (:func:`tools.student_notebooks.chapter_pages`).
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from tools.student_notebooks import chapter_pages

LANDING_PAGE = "intro"


def chapters_in_order(root: Path) -> dict[str, list[str]]:
    """Each chapter folder's pages (docnames), in table-of-contents order."""
    chapters: dict[str, list[str]] = {}
    for page in chapter_pages(root):
        chapters.setdefault(page.parts[1], []).append(page.with_suffix("").as_posix())
    return chapters


def page_of(chapters: dict[str, list[str]], docname: str) -> tuple[str, int, int] | None:
    """(chapter, N, M) for a chapter page that is page N of the chapter's M; else None."""
    for chapter, pages in chapters.items():
        if docname in pages:
            return chapter, pages.index(docname) + 1, len(pages)
    return None


def _title(app, docname: str) -> str:
    title = app.env.titles.get(docname)
    return title.astext() if title is not None else docname


def _after_title(body: str, addition: str) -> str:
    """``body`` with ``addition`` right after its first heading (or at its start)."""
    end = body.find("</h1>")
    return body[:end + 5] + addition + body[end + 5:] if end >= 0 else addition + body


def progress_view(app, chapters: dict[str, list[str]], pathto) -> str:
    """The progress view's element: the chapters, their pages and links, for progress.js."""
    data = [{"chapter": chapter, "title": _title(app, pages[0]), "url": pathto(pages[0]),
             "pages": pages} for chapter, pages in chapters.items()]
    return (f'<section class="hcc-progress" aria-label="Your progress through the book" '
            f"data-chapters='{html.escape(json.dumps(data), quote=True)}'>"
            "<h2>Your progress</h2><p class=\"hcc-progress-note\">Pages you have opened and "
            "your chapter quiz scores, kept in this browser only. Nothing is sent anywhere."
            "</p></section>")


def _add_place(app, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html" or "body" not in context:
        return
    chapters = app.env.hcc_chapters
    context["metatags"] = context.get("metatags", "") + \
        f'<meta name="hcc-page" content="{html.escape(pagename, quote=True)}">\n'
    place = page_of(chapters, pagename)
    addition = ""
    if place is not None:
        chapter, number, total = place
        first = chapters[chapter][0]
        addition = (f'<p class="hcc-page-of">Page {number} of {total} in '
                    f'<a href="{context["pathto"](first)}">{html.escape(_title(app, first))}</a></p>')
    if addition:
        context["body"] = _after_title(context["body"], addition)
    if pagename == LANDING_PAGE or (place is not None and place[1] == 1):
        context["body"] += progress_view(app, chapters, context["pathto"])


def _read_chapters(app) -> None:
    app.env.hcc_chapters = chapters_in_order(Path(app.srcdir))


def setup(app):
    app.connect("builder-inited", _read_chapters)
    app.connect("html-page-context", _add_place)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
