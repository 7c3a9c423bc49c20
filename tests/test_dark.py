"""Dark mode: quizzes, task badges and widget panels keep WCAG AA contrast (axe-core)."""
from __future__ import annotations

import pytest

import book_contents
from test_print import _open_ready, _rgb
from test_site import SERIOUS_VIOLATIONS, _option_index
from widgets import quiz


JUPYTERLAB_DARK = "#111111"  # --jp-layout-color0 of JupyterLab's dark theme
CONTRAST_ONLY = """async () => (await axe.run(document, {runOnly: ["color-contrast"]})).violations
    .map(v => v.nodes.map(n => n.target.join(" ") + ": " + n.any[0].message).join("\\n"))"""


def _answer_right_and_wrong(page):
    """One question answered right and two wrong, so every verdict colour is on the page."""
    single = page.locator(".bq-question[data-type=single]").first
    single.locator(".bq-option").nth(_option_index(single.locator(".bq-option"), True)).click()
    multiple = page.locator(".bq-question[data-type=multiple]").first
    multiple.locator(".bq-option").nth(_option_index(multiple.locator(".bq-option"), False)).click()
    multiple.locator(".bq-check").click()
    numeric = page.locator(".bq-question[data-type=numeric]").first
    numeric.locator(".bq-input").fill("0")
    numeric.locator(".bq-check").click()
    feedback = page.locator(".bq-feedback").all_inner_texts()
    assert any(t.startswith("Correct.") for t in feedback)
    assert sum(t.startswith("Not quite.") for t in feedback) == 2


def _quiz_text_is_light(page):
    """Whether the quiz's questions are drawn in light text (every channel above 180)."""
    colour = page.locator(".bq-quiz legend").first.evaluate("e => getComputedStyle(e).color")
    return min(_rgb(colour)) > 180


@pytest.mark.parametrize("page_path", ["chapters/machinery/flux_explorer.html",
                                       "chapters/machinery/quiz.html"])
def test_a_page_in_dark_mode_has_no_serious_accessibility_violation(browser, site_url, axe_source,
                                                                   page_path):
    page, problems = _open_ready(browser, f"{site_url}/{page_path}", mode="dark")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    has_panel = page_path.removesuffix(".html") in book_contents.widget_pages()
    assert bool(page.locator(".hcc-panel").count()) == has_panel, "the panel is where its page says"
    if has_panel:  # its badges and caption are part of what axe checks below
        assert page.locator(".sd-badge").count() and page.locator(".hcc-caption").count()
    _answer_right_and_wrong(page)
    assert _quiz_text_is_light(page)
    seen = list(problems)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(SERIOUS_VIOLATIONS)
    assert not violations, "\n".join(violations)
    assert not seen, "\n".join(seen)
    page.context.close()


def test_a_quiz_in_jupyterlab_dark_theme_keeps_its_contrast(browser, axe_source):
    page = browser.new_page()
    page.set_content(f'<body data-jp-theme-light="false" style="background:{JUPYTERLAB_DARK}">'
                     f'{quiz.quiz_html(quiz.questions_for("machinery"), "Machinery")}</body>')
    _answer_right_and_wrong(page)
    assert _quiz_text_is_light(page)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(CONTRAST_ONLY)
    assert not violations, "\n".join(violations)
    page.close()
