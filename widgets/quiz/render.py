"""Self-check quizzes as accessible HTML, the same in notebooks and on the static site.

:func:`show` renders a quiz as self-contained HTML with a small script: real
buttons and inputs (keyboard operable), feedback announced to screen
readers, and a running score. Answers are remembered in the browser's
``localStorage`` under each question's id, so a chapter's end-of-chapter
quiz counts what was answered on its pages. The same output works in
JupyterLab, Notebook and, with no kernel, on the static site, in their light
and dark themes; it also carries the questions as Markdown for print
(:func:`quiz_markdown`).
"""
from __future__ import annotations

import html
import re

from .bank import BADGES, load_bank, numeric_range, questions_for

STORAGE_PREFIX = "hcc-book-quiz:"
SCORE_PREFIX = "hcc-book-quiz-score:"   # a chapter quiz's score, for the progress view


def _feedback(text: str) -> str:
    """Feedback for the page: the verdict is shown separately, so drop a leading "Right." or "No."."""
    return html.escape(re.sub(r"^(Right|Yes|No|Not quite)\.\s*", "", text), quote=True)


def inline_html(text: str) -> str:
    """Escape text for HTML, keeping `code` spans and *emphasis*.

    The book's quiz pages and the LMS exports (:mod:`.export`) share this formatter.

    Parameters
    ----------
    text : str
        Plain text; as in Markdown, a span between backticks is code and one between
        single asterisks is emphasis.

    Returns
    -------
    str
        HTML with ``&``, ``<``, ``>`` and quotes escaped, and ``<code>`` and ``<em>`` elements.
    """
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped)




def answered_in_percent(question: dict) -> bool:
    """True if a numeric question asks for a percentage ("what percentage of …").

    Then "26%" is read as 26; otherwise a percentage is a fraction ("143%" is 1.43).
    """
    return re.search(r"\bpercent(age)?\b", question["question"], re.I) is not None


def _badge(question: dict) -> str:
    """The website / notebook badge of a question that needs a control, or nothing."""
    if "uses" not in question:
        return ""
    uses = question["uses"]
    return f'<span class="bq-badge bq-badge-{uses}">{BADGES[uses]}</span> '


def _question_html(question: dict, number: int) -> str:
    qid = html.escape(question.get("storage_id", question["id"]), quote=True)
    kind = question["type"]
    review = '<span class="bq-review">Review</span> ' if "review_of" in question else ""
    parts = [f'<fieldset class="bq-question" data-qid="{qid}" data-type="{kind}">',
             f'<legend><span class="bq-number">{number}.</span> {review}{_badge(question)}'
             f'{inline_html(question["question"])}</legend>']
    if kind == "numeric":
        option = question["answers"][0]
        low, high = numeric_range(question, option)
        percent = "true" if answered_in_percent(question) else "false"
        parts.append(
            f'<div class="bq-numeric" data-low="{low!r}" data-high="{high!r}" '
            f'data-percent="{percent}" '
            f'data-right="{_feedback(option["feedback"])}" '
            f'data-wrong="{_feedback(question["default_feedback"])}">'
            f'<label>Your answer <input type="text" inputmode="decimal" class="bq-input" '
            f'autocomplete="off"></label> <button type="button" class="bq-check">Check</button>'
            f'</div>')
    else:
        parts.append('<div class="bq-options">')
        for option in question["answers"]:
            pressed = ' aria-pressed="false"' if kind == "multiple" else ""
            parts.append(f'<button type="button" class="bq-option"{pressed} '
                         f'data-correct="{"true" if option["correct"] else "false"}" '
                         f'data-feedback="{_feedback(option["feedback"])}">'
                         f'{inline_html(option["answer"])}</button>')
        parts.append("</div>")
        if kind == "multiple":
            parts.append('<p class="bq-hint">Choose all that apply'
                         '<span class="bq-then-check">, then check</span>.</p>'
                         '<button type="button" class="bq-check">Check</button>')
    parts.append('<div class="bq-feedback" role="status" aria-live="polite"></div></fieldset>')
    return "".join(parts)


_LIGHT_STYLE = """
.bq-quiz{color:#1a1a1a;border:1px solid #8a8a8a;border-radius:6px;padding:0.8em 1em;margin:1em 0;max-width:46em}
.bq-quiz fieldset{border:none;border-top:1px solid #d0d0d0;margin:0.6em 0 0;padding:0.6em 0 0}
.bq-quiz legend{font-size:1rem;line-height:1.5;font-weight:600;padding:0;margin-bottom:0.4em;color:#1a1a1a;float:none;width:auto}
.bq-options{display:flex;flex-direction:column;gap:0.35em;align-items:flex-start}
.bq-quiz button{font:inherit;text-align:left;color:#1a1a1a;background:#f4f4f4;border:1px solid #6b6b6b;
 border-radius:4px;padding:0.35em 0.7em;cursor:pointer}
.bq-quiz button:focus-visible,.bq-quiz input:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.bq-quiz button[aria-pressed="true"]{background:#dbe9f7;border-color:#0b5cad}
.bq-quiz button.bq-right{background:#e3f2e5;border-color:#1e6b2a}
.bq-quiz button.bq-wrong{background:#fbe6e6;border-color:#a11d1d}
.bq-quiz input{font:inherit;padding:0.25em;border:1px solid #6b6b6b;border-radius:4px;width:8em}
.bq-feedback{margin-top:0.4em;color:#1a1a1a}
.bq-feedback .bq-verdict-right{color:#1e6b2a;font-weight:600}
.bq-feedback .bq-verdict-wrong{color:#a11d1d;font-weight:600}
.bq-badge{display:inline-block;font-size:0.8em;font-weight:600;border:1px solid currentColor;border-radius:1em;padding:0 0.6em;margin-right:0.3em}
.bq-badge-website{color:#0b5cad}
.bq-badge-notebook{color:#5a4a00}
.bq-badge-live{color:#1e6b2a}
.bq-hint{margin:0.3em 0;font-size:0.9em;color:#4a4a4a}
.bq-score{font-weight:600;margin:0 0 0.3em;color:#1a1a1a}
.bq-review{display:inline-block;font-size:0.8em;font-weight:600;border:1px solid currentColor;border-radius:1em;padding:0 0.6em;margin-right:0.3em;color:#6b3fa0}
.bq-reset{margin-top:0.6em}
"""

# Where the page is dark: the book's dark mode (pydata-sphinx-theme) and JupyterLab's dark themes.
_DARK_ROOTS = ('html[data-theme="dark"]', 'body[data-jp-theme-light="false"]')
_DARK_RULES = (
    (".bq-quiz", "color:#e8eaed;background:#14181e;border-color:#9ca4af"),
    (".bq-quiz fieldset", "border-top-color:#48566b"),
    (".bq-quiz legend,.bq-feedback,.bq-score", "color:#e8eaed"),
    (".bq-quiz button", "color:#f3f4f5;background:#29313d;border-color:#9ca4af"),
    (".bq-quiz button:focus-visible,.bq-quiz input:focus-visible", "outline-color:#9cc6ff"),
    ('.bq-quiz button[aria-pressed="true"]', "background:#173a5e;border-color:#9cc6ff"),
    (".bq-quiz button.bq-right", "background:#143d1f;border-color:#7fd18b"),
    (".bq-quiz button.bq-wrong", "background:#4a1c1c;border-color:#ff9c9c"),
    (".bq-quiz input", "color:#f3f4f5;background:#1e2430;border-color:#9ca4af"),
    (".bq-feedback .bq-verdict-right", "color:#7fd18b"),
    (".bq-feedback .bq-verdict-wrong", "color:#ff9c9c"),
    (".bq-badge-website", "color:#9cc6ff"),
    (".bq-badge-notebook", "color:#f0d36b"),
    (".bq-badge-live", "color:#7fd18b"),
    (".bq-review", "color:#d3b8f5"),
    (".bq-hint", "color:#c0c7cf"),
)


def dark_style(rules: tuple[tuple[str, str], ...], root: str) -> str:
    """A dark palette: each rule under each of ``_DARK_ROOTS``, on screen only.

    The quiz and the activities (:mod:`widgets.activities.render`) share it.

    Parameters
    ----------
    rules : tuple of (str, str)
        (comma-separated selectors, CSS declarations) pairs.
    root : str
        The class of the output's root element (``bq-quiz``): in dark mode the theme paints
        every HTML output on a light panel, which is removed where that element is shown.

    Returns
    -------
    str
        One ``@media screen`` block: printed pages keep the light palette on white paper.
    """
    scoped = []
    for selectors, declarations in rules:
        names = ",".join(f"{dark} {selector}" for dark in _DARK_ROOTS
                         for selector in selectors.split(","))
        scoped.append(f"{names}{{{declarations}}}")
    panel = (f'html[data-theme="dark"] .cell_output .text_html:has(> .{root})'
             "{background:none!important;padding:0!important}")
    return "@media screen{\n" + "\n".join(scoped + [panel]) + "\n}\n"


_STYLE = _LIGHT_STYLE + dark_style(_DARK_RULES, "bq-quiz")

_SCRIPT = r"""
(function () {
  var PREFIX = "%(prefix)s", SCORES = "%(scores)s";
  function load(qid) {
    try { return JSON.parse(window.localStorage.getItem(PREFIX + qid)); } catch (e) { return null; }
  }
  function save(qid, record) {
    try { window.localStorage.setItem(PREFIX + qid, JSON.stringify(record)); } catch (e) {}
  }
  function forget(qid) {
    try { window.localStorage.removeItem(PREFIX + qid); } catch (e) {}
  }
  // A number as people write it: 1.43, 1,43 (decimal comma), 143%% (a percentage), 6.53/4.57.
  function parseNumber(text, percentQuestion) {
    var t = String(text).trim().replace(/\s+/g, "").replace(/[\u2212\u2013]/g, "-");
    var number = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i;
    function plain(x) { return number.test(x) ? parseFloat(x.replace(",", ".")) : NaN; }
    if (/%%$/.test(t)) {
      var p = plain(t.slice(0, -1));
      return percentQuestion ? p : p / 100;
    }
    var parts = t.split("/");
    if (parts.length === 2) { return plain(parts[0]) / plain(parts[1]); }
    return plain(t);
  }
  function verdict(ok) {
    var span = document.createElement("span");
    span.className = ok ? "bq-verdict-right" : "bq-verdict-wrong";
    span.textContent = ok ? "Correct. " : "Not quite. ";
    return span;
  }
  function show(question, ok, text) {
    var box = question.querySelector(".bq-feedback");
    box.textContent = "";
    if (ok !== null) { box.appendChild(verdict(ok)); }
    box.appendChild(document.createTextNode(text));
  }
  function score(quiz) {
    var questions = quiz.querySelectorAll(".bq-question"), right = 0, answered = 0;
    questions.forEach(function (q) {
      var record = load(q.dataset.qid);
      if (record) { answered += 1; if (record.first) { right += 1; } }
    });
    quiz.querySelector(".bq-score").textContent = "Score: " + right + " of " + questions.length +
      " right at the first try (" + answered + " answered). Answers are kept in this browser.";
    if (quiz.dataset.chapter) {
      try {
        window.localStorage.setItem(SCORES + quiz.dataset.chapter, JSON.stringify(
          { right: right, answered: answered, total: questions.length }));
      } catch (e) {}
    }
  }
  // Keep the first verdict (the score) and the latest answer (shown again on a later visit).
  function record(quiz, question, ok, answer) {
    var kept = load(question.dataset.qid);
    save(question.dataset.qid, { first: kept ? kept.first : ok, answer: answer });
    score(quiz);
  }
  function setUp(quiz) {
    if (quiz.dataset.ready) { return; }
    quiz.dataset.ready = "1";
    quiz.querySelectorAll(".bq-question").forEach(function (question) {
      var kind = question.dataset.type;
      var options = question.querySelectorAll(".bq-option");
      function pick(button) {
        var ok = button.dataset.correct === "true";
        options.forEach(function (b) { b.classList.remove("bq-right", "bq-wrong"); });
        button.classList.add(ok ? "bq-right" : "bq-wrong");
        show(question, ok, button.dataset.feedback);
        return ok;
      }
      function checkChosen() {
        var ok = true, notes = [], chosen = [];
        options.forEach(function (b, index) {
          var on = b.getAttribute("aria-pressed") === "true";
          if (on !== (b.dataset.correct === "true")) { ok = false; }
          b.classList.remove("bq-right", "bq-wrong");
          if (on) {
            chosen.push(index);
            b.classList.add(b.dataset.correct === "true" ? "bq-right" : "bq-wrong");
            notes.push(b.textContent + ": " + b.dataset.feedback);
          }
        });
        if (!notes.length) { show(question, null, "Choose at least one answer first."); return null; }
        if (!ok) { notes.push("At least one right answer is missing or a wrong one is chosen."); }
        show(question, ok, notes.join(" "));
        return { ok: ok, chosen: chosen };
      }
      var numeric = question.querySelector(".bq-numeric");
      var input = question.querySelector(".bq-input");
      function checkNumber() {
        var value = parseNumber(input.value, numeric.dataset.percent === "true");
        if (!isFinite(value)) {
          show(question, null, "Type a number, for example 1.43, 1,43, 143%% or 6.53/4.57.");
          return null;
        }
        var ok = value >= parseFloat(numeric.dataset.low) && value <= parseFloat(numeric.dataset.high);
        show(question, ok, ok ? numeric.dataset.right : numeric.dataset.wrong);
        return ok;
      }
      options.forEach(function (button, index) {
        button.addEventListener("click", function () {
          if (kind === "multiple") {
            button.setAttribute("aria-pressed",
              button.getAttribute("aria-pressed") === "true" ? "false" : "true");
            return;
          }
          record(quiz, question, pick(button), [index]);
        });
      });
      var check = question.querySelector(".bq-check");
      if (check && kind === "multiple") {
        check.addEventListener("click", function () {
          var result = checkChosen();
          if (result) { record(quiz, question, result.ok, result.chosen); }
        });
      } else if (check) {
        var run = function () {
          var ok = checkNumber();
          if (ok !== null) { record(quiz, question, ok, input.value); }
        };
        check.addEventListener("click", run);
        input.addEventListener("keydown", function (event) {
          if (event.key === "Enter") { event.preventDefault(); run(); }
        });
      }
      var kept = load(question.dataset.qid);   // a question answered on an earlier visit
      if (kept && kept.answer !== undefined) {
        if (kind === "numeric") { input.value = kept.answer; checkNumber(); }
        else if (kind === "multiple") {
          kept.answer.forEach(function (i) { if (options[i]) { options[i].setAttribute("aria-pressed", "true"); } });
          checkChosen();
        } else if (options[kept.answer[0]]) { pick(options[kept.answer[0]]); }
      }
    });
    quiz.querySelector(".bq-reset").addEventListener("click", function () {
      quiz.querySelectorAll(".bq-question").forEach(function (q) {
        forget(q.dataset.qid);
        q.querySelector(".bq-feedback").textContent = "";
        var box = q.querySelector(".bq-input");
        if (box) { box.value = ""; }
        q.querySelectorAll(".bq-option").forEach(function (b) {
          b.classList.remove("bq-right", "bq-wrong");
          if (b.hasAttribute("aria-pressed")) { b.setAttribute("aria-pressed", "false"); }
        });
      });
      score(quiz);
    });
    score(quiz);
  }
  document.querySelectorAll(".bq-quiz").forEach(setUp);
})();
""" % {"prefix": STORAGE_PREFIX, "scores": SCORE_PREFIX}


def quiz_html(questions: list[dict], title: str, chapter_quiz: str | None = None) -> str:
    """Self-contained HTML (style, markup, script) for a list of bank questions.

    ``chapter_quiz`` names the chapter whose end-of-chapter quiz this is: its score is then
    kept in the browser for the book's progress view.
    """
    body = "".join(_question_html(q, i) for i, q in enumerate(questions, start=1))
    chapter = (f' data-chapter="{html.escape(chapter_quiz, quote=True)}"'
               if chapter_quiz else "")
    return (f"<style>{_STYLE}</style>"
            f'<section class="bq-quiz" aria-label="{html.escape(title, quote=True)}"{chapter}>'
            f'<p class="bq-score" aria-live="polite">Score: 0 of {len(questions)}</p>{body}'
            f'<button type="button" class="bq-reset">Clear my answers to these questions'
            f"</button></section><script>{_SCRIPT}</script>")


def _question_markdown(question: dict, number: int) -> str:
    """One question for print: numbered, its options lettered A, B, C…, no answers."""
    badge = f"({BADGES[question['uses']]}) " if "uses" in question else ""
    lines = [f"{number}. {badge}{question['question']}", ""]
    if question["type"] == "numeric":
        lines.append("   Answer with a number.")
    else:
        if question["type"] == "multiple" and "all that apply" not in question["question"].lower():
            lines += ["   Choose all that apply.", ""]
        lines += [f"   - {chr(ord('A') + index)}. {option['answer']}"
                  for index, option in enumerate(question["answers"])]
    return "\n".join(lines)


def quiz_markdown(questions: list[dict]) -> str:
    """The questions as Markdown for print (the PDF book): no buttons, scripts or answers.

    Parameters
    ----------
    questions : list of dict
        Bank questions, as :func:`~.bank.questions_for` returns them.

    Returns
    -------
    str
        A numbered list of the questions, each with its lettered options (or, for a
        numeric question, a request for a number).
    """
    return "\n\n".join(_question_markdown(q, i) for i, q in enumerate(questions, start=1)) + "\n"


def quiz_outputs(chapter: str, page: str | None = None) -> dict[str, str]:
    """The quiz for ``chapter`` (one page's questions, or all of them) as notebook outputs.

    Returns the interactive HTML under ``text/html`` (notebooks and the site show it) and
    :func:`quiz_markdown` under ``text/markdown``, for builders that cannot run it (the
    book's PDF). The book's build renders the same outputs for prose pages without a kernel
    (``_ext/quiz_pages.py``).
    """
    title = load_bank(chapter)["title"] if page is None else f"Check your understanding: {page}"
    questions = questions_for(chapter, page)
    return {"text/html": quiz_html(questions, title, chapter if page is None else None),
            "text/markdown": quiz_markdown(questions)}


def show(chapter: str, page: str | None = None) -> None:
    """Display the quiz for ``chapter`` (one page's questions, or all of them) in a notebook."""
    from IPython.display import display

    display(quiz_outputs(chapter, page), raw=True)
