"""Chapter pages printed as worksheets: Chromium's own PDF of a page, read back with pypdf."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest

from conftest import ROOT
from test_site import PHONE, _open, _option_index, _pages
from widgets import quiz


CHAPTER_PAGES = [p for p in _pages() if p.startswith("chapters/")]
CHAPTERS = list(dict.fromkeys(p.split("/")[1] for p in CHAPTER_PAGES))
PRINT_BUTTON = "Print this page as a worksheet"
SOLUTIONS_BUTTON = "Print with solutions and answer key"
TICKET_BUTTON = "Print the exit ticket"
# window.print() opens a dialog; the tests count the calls and print with page.pdf() instead.
COUNT_PRINTS = "window.print = () => { window.prints = (window.prints || 0) + 1; };"


def _squeezed(text):
    """``text`` without white space and with ligatures spelled out, to compare with a PDF's."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _printed(page):
    """The squeezed text of ``page`` printed to PDF by Chromium."""
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf()))
    return _squeezed("".join(sheet.extract_text() for sheet in reader.pages))


def _rgb(colour):
    """The red, green and blue channels (0-255) of a computed CSS ``rgb()`` colour."""
    return tuple(int(channel) for channel in re.findall(r"\d+", colour)[:3])


def _open_ready(browser, url, mode="light", **context_options):
    """``url`` in a fresh context in colour ``mode``, its figures drawn, window.print() counted."""
    page, problems = _open(browser, url, mode, (COUNT_PRINTS,), **context_options)
    if page.locator(".hcc-panel").count():
        page.locator(".hcc-panel img:visible").first.wait_for(timeout=15000)
    return page, problems


def test_every_chapter_page_has_the_worksheet_buttons_under_its_title(browser, site_url):
    page, problems = _open_ready(browser, f"{site_url}/intro.html")
    assert page.get_by_role("button", name=PRINT_BUTTON).count() == 0, "not a chapter page"
    for page_path in CHAPTER_PAGES:
        page.goto(f"{site_url}/{page_path}")
        page.wait_for_load_state("domcontentloaded")
        bar = page.locator("article.bd-article h1 + .hcc-worksheet")
        assert bar.get_by_role("button", name=PRINT_BUTTON).is_visible(), page_path
        assert bar.get_by_role("button", name=SOLUTIONS_BUTTON).is_visible(), page_path
    assert not problems, "\n".join(problems)
    page.context.close()


def test_worksheet_buttons_print_from_the_keyboard_and_fit_a_phone(browser, site_url):
    page, problems = _open_ready(browser, f"{site_url}/chapters/machinery/initiation.html",
                                     viewport=PHONE)
    column = page.locator("article.bd-article").bounding_box()
    for name in (PRINT_BUTTON, SOLUTIONS_BUTTON):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["x"] >= column["x"] - 1 and \
            box["x"] + box["width"] <= min(column["x"] + column["width"], PHONE["width"]) + 1
    page.get_by_role("button", name=SOLUTIONS_BUTTON).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.prints") == 1
    assert page.evaluate("document.documentElement.classList.contains('hcc-print-solutions')")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('hcc-print-solutions')")
    page.get_by_role("button", name=PRINT_BUTTON).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.prints") == 2
    assert not page.evaluate("document.documentElement.classList.contains('hcc-print-solutions')")
    assert not problems, "\n".join(problems)
    page.context.close()


CONTROL_TEXTS = """() => Array.from(document.querySelectorAll('.hcc-controls > *')).map(control => {
    const select = control.querySelector('select');
    return select ? control.querySelector('.widget-label').textContent + ' ' +
        select.options[select.selectedIndex].text : control.innerText; })"""
ARTICLE_TEXT_WITHOUT = """selector => { const article = document.querySelector('article').cloneNode(true);
    article.querySelectorAll(selector).forEach(element => element.remove());
    return article.textContent; }"""


@pytest.mark.parametrize("page_path", ["chapters/machinery/flux_explorer.html",
                                       "chapters/drugs/dose_response.html",
                                       "chapters/drugs/drug_flux.html"])
def test_a_printed_widget_page_has_its_figure_and_numbers_but_no_controls(browser, site_url,
                                                                          page_path):
    page, problems = _open_ready(browser, f"{site_url}/{page_path}")
    beside = _squeezed(page.evaluate(ARTICLE_TEXT_WITHOUT, ".hcc-controls"))
    # Each control's label with its value, as a printed control would show them.
    controls = [t for t in map(_squeezed, page.evaluate(CONTROL_TEXTS)) if t not in beside]
    assert controls, "no control text that only the controls show"
    numbers = page.locator(".hcc-panel p.hcc-numbers:visible").first.inner_text()
    printed = _printed(page)
    assert not [text for text in controls if text in printed]
    assert _squeezed(numbers) in printed
    assert _squeezed(PRINT_BUTTON) not in printed
    assert "Educationalmaterial,notclinicaladvice" in printed
    page.emulate_media(media="print")
    assert page.locator(".hcc-panel img:visible").count() >= 1
    assert page.locator(".hcc-controls:visible").count() == 0
    assert not problems, "\n".join(problems)
    page.context.close()


def _longest_sentence(text):
    return max(re.split(r"(?<=[.?!])\s+", text), key=len)


def test_a_worksheet_prints_no_solution_and_the_key_prints_them_open(browser, site_url):
    page, problems = _open_ready(browser, f"{site_url}/chapters/machinery/initiation.html")
    solution = page.locator(".solution").first
    title = _squeezed(solution.locator(".admonition-title").inner_text())
    body = _squeezed(_longest_sentence(solution.locator("section").text_content()))
    beside = _squeezed(page.evaluate(ARTICLE_TEXT_WITHOUT, ".solution"))
    assert body not in beside, "the sentence is not distinctive"
    solution.locator(".admonition-title").click()  # opened on screen, still left out on paper
    worksheet = _printed(page)
    assert title not in worksheet and body not in worksheet
    page.get_by_role("button", name=SOLUTIONS_BUTTON).click()
    assert body in _printed(page)
    assert not problems, "\n".join(problems)
    page.context.close()


FEEDBACK_AND_SOLUTIONS = """() => [
    ...Array.from(document.querySelectorAll('.bq-option'), o => o.dataset.feedback),
    ...Array.from(document.querySelectorAll('.bq-numeric'), n => n.dataset.right),
    ...Array.from(document.querySelectorAll('.solution section p'), p => p.textContent)]"""


@pytest.mark.parametrize("page_path", ["chapters/machinery/initiation.html",
                                       "chapters/exosomes/quiz.html",
                                       "chapters/trials/virtual_trial.html"])
def test_a_worksheet_holds_no_answer_key_feedback_or_solution(browser, site_url, page_path):
    page, problems = _open_ready(browser, f"{site_url}/{page_path}")
    page.get_by_role("button", name=PRINT_BUTTON).click()
    assert page.evaluate("window.prints") == 1
    worksheet = _printed(page)
    answers = [_squeezed(text) for text in page.evaluate(FEEDBACK_AND_SOLUTIONS) if text]
    answers = [text[:60] for text in answers if len(text) >= 30]
    assert answers, "nothing to look for"
    assert "Answerkey" not in worksheet
    assert [text for text in answers if text in worksheet] == []
    assert not problems, "\n".join(problems)
    page.context.close()


ANSWER_SPACES = """() => Array.from(document.querySelectorAll('.exercise'), exercise => {
    const space = exercise.nextElementSibling;
    return {words: exercise.textContent.trim().split(/\\s+/).length,
            space: space && space.matches('.hcc-answer-space') ? space.getBoundingClientRect().height : 0,
            lines: space ? Number(space.dataset.lines) : 0}; })"""


def test_each_exercise_prints_with_space_to_answer_sized_to_it(browser, site_url):
    page, problems = _open_ready(browser, f"{site_url}/chapters/stem_cells/index.html")
    assert page.locator(".hcc-answer-space:visible").count() == 0, "paper only"
    page.emulate_media(media="print")
    spaces = page.evaluate(ANSWER_SPACES)
    assert len(spaces) >= 2
    line_height = page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                                "'.hcc-answer-space > div')).height)")
    for space in spaces:
        assert 5 <= space["lines"] <= 16 and space["space"] >= space["lines"] * line_height - 1
    by_words = sorted(spaces, key=lambda space: space["words"])
    assert [s["lines"] for s in by_words] == sorted(s["lines"] for s in by_words)
    assert by_words[-1]["lines"] > by_words[0]["lines"], "every exercise got the same space"
    page.evaluate("document.documentElement.classList.add('hcc-print-solutions')")
    assert page.locator(".hcc-answer-space:visible").count() == 0, "no space on the key"
    page.emulate_media(media="screen")
    assert not problems, "\n".join(problems)
    page.context.close()


EXERCISE_TITLES = "() => Array.from(document.querySelectorAll('.exercise .admonition-title'), t => t.textContent)"


def test_exercise_numbers_print_as_the_page_and_the_guide_show_them(browser, site_url):
    page, problems = _open_ready(browser, f"{site_url}/chapters/exosomes/cargo.html")
    titles = [re.match(r"Exercise (\d+\.\d+)", t).group(1) for t in page.evaluate(EXERCISE_TITLES)]
    assert titles and all(t.startswith("4.") for t in titles), titles
    worksheet = _printed(page)
    assert [t for t in titles if f"Exercise{t}" not in worksheet] == []
    page.goto(f"{site_url}/reference/instructor/exosomes.html")
    guide = _squeezed(page.locator("article").inner_text())
    assert [t for t in titles if f"Exercise{t}" not in guide] == []
    assert not problems, "\n".join(problems)
    page.context.close()


def test_the_exit_ticket_prints_alone_twice_on_one_sheet_without_its_key(browser, site_url):
    pypdf = pytest.importorskip("pypdf")
    page, problems = _open_ready(browser, f"{site_url}/reference/instructor/exosomes.html")
    ticket = page.locator(".hcc-exit-ticket:not(.hcc-exit-ticket-copy)")
    first_question = _squeezed(ticket.locator("p").nth(2).inner_text())
    key = page.locator("p", has_text="Key of the exit ticket")
    key_text = _squeezed(key.locator("xpath=following-sibling::p[1]").inner_text())
    page.get_by_role("button", name=TICKET_BUTTON).click()
    assert page.evaluate("window.prints") == 1
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = _squeezed("".join(sheet.extract_text() for sheet in reader.pages))
    assert len(reader.pages) == 1
    assert printed.count(first_question) == 2
    assert key_text[:60] not in printed and "Keyoftheexitticket" not in printed
    assert "Answerkeyofthechapterquiz" not in printed
    # On an A4 sheet inside Chromium's 1 cm margins (page.pdf's afterprint ended the mode).
    page.set_viewport_size({"width": round(190 / 25.4 * 96), "height": 1000})
    page.evaluate("document.documentElement.classList.add('hcc-print-exit-ticket')")
    page.emulate_media(media="print")
    half_a4 = (297 - 2 * 10) / 2 / 25.4 * 96  # px
    for chapter in CHAPTERS:
        if chapter != "exosomes":
            page.goto(f"{site_url}/reference/instructor/{chapter}.html")
            page.evaluate("document.documentElement.classList.add('hcc-print-exit-ticket')")
        heights = page.evaluate("Array.from(document.querySelectorAll('.hcc-exit-ticket'), "
                                "t => t.getBoundingClientRect().height)")
        assert len(heights) == 2 and 0 < min(heights) and max(heights) <= half_a4, (chapter, heights)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.locator(".hcc-exit-ticket:visible").count() == 1
    assert not problems, "\n".join(problems)
    page.context.close()


def _numeric_key(question):
    """The accepted range as the answer key prints it, three significant figures."""
    low, high = (float(question.locator(".bq-numeric").get_attribute(f"data-{end}"))
                 for end in ("low", "high"))
    return f"{float(f'{low:.3g}'):g}to{float(f'{high:.3g}'):g}"


def _answer_key(question):
    """The correct letter(s) of a question, read from its options' data-correct."""
    if question.get_attribute("data-type") == "numeric":
        return _numeric_key(question)
    options = question.locator(".bq-option")
    return ",".join(chr(65 + i) for i in range(options.count())
                    if options.nth(i).get_attribute("data-correct") == "true")


@pytest.mark.parametrize("page_path", ["chapters/machinery/initiation.html",
                                       "chapters/machinery/quiz.html"])
def test_a_printed_quiz_has_lettered_options_and_an_answer_key(browser, site_url, page_path):
    page, problems = _open_ready(browser, f"{site_url}/{page_path}")
    first = page.locator(".bq-question[data-type=single]").first
    first.locator(".bq-option").nth(_option_index(first.locator(".bq-option"), False)).click()
    page.get_by_role("button", name=SOLUTIONS_BUTTON).click()
    printed = _printed(page)
    questions, answers = page.locator(".bq-question"), []
    assert "Answerkey" in printed
    body, key = printed.rsplit("Answerkey", 1)
    for i in range(questions.count()):
        question = questions.nth(i)
        options = question.locator(".bq-option")
        for j in range(options.count()):
            assert f"{chr(65 + j)}.{_squeezed(options.nth(j).inner_text())}" in body
        number = _squeezed(question.locator(".bq-number").inner_text())
        answers.append(f"{number}{_answer_key(question)}\u2014")
    assert [a for a in answers if a not in key] == []
    assert answers == sorted(answers, key=key.index), "the key is not in the page's order"
    for control in ("Score:", "Clearmyanswers", "Notquite.", "thencheck"):
        assert control not in body, control
    page.emulate_media(media="print")
    assert page.locator(".bq-check:visible, .bq-reset:visible, .bq-score:visible").count() == 0
    assert not problems, "\n".join(problems)
    page.context.close()


def test_a_page_with_several_quizzes_keys_each_under_its_title(browser):
    """Each quiz numbers its questions from 1, so the key names the quiz of each list."""
    script = (ROOT / "book_assets" / "worksheet.js").read_text(encoding="utf-8")
    first, second = quiz.questions_for("machinery", "initiation"), quiz.questions_for("drugs")
    page = browser.new_page()
    page.set_content(f'<article class="bd-article">{quiz.quiz_html(first, "First quiz")}'
                     f'{quiz.quiz_html(second, "Second quiz")}</article><script>{script}</script>')
    key = page.locator(".hcc-answer-key")
    assert key.locator("h3").all_text_contents() == ["First quiz", "Second quiz"]
    assert key.locator("ul").nth(0).locator("li").count() == len(first)
    assert key.locator("ul").nth(1).locator("li").count() == len(second)
    assert key.locator("ul").nth(1).locator("li").first.text_content().startswith("1. ")
    page.close()


def test_a_page_prints_dark_text_in_dark_mode(browser, site_url):
    page, problems = _open_ready(browser, f"{site_url}/chapters/machinery/initiation.html",
                                     mode="dark")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.emulate_media(media="print")
    colours = page.evaluate("""() => ['article p', '.bq-quiz legend', '.bq-option']
        .map(s => getComputedStyle(document.querySelector(s)).color)""")
    assert all(max(_rgb(colour)) < 80 for colour in colours), colours
    assert not problems, "\n".join(problems)
    page.context.close()
