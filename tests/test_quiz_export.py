"""LMS exports of the question banks: Moodle GIFT and IMS QTI 1.2 (Canvas).

The GIFT files are read back with a small reader written from Moodle's GIFT
grammar (https://docs.moodle.org/en/GIFT_format) and the rules of Moodle's
reader (question/format/gift/format.php: blank lines separate questions, ``//``
lines are comments, the ``$CATEGORY:`` line is taken raw, escapes are undone
everywhere else, ``####`` starts general feedback, a numeric ``~`` starts the
"any other answer" feedback), not from our writer. The reader is checked
against the documentation's own examples first.
"""
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import book_contents
from widgets import quiz
from widgets.quiz import export as quiz_export
from widgets.quiz.render import inline_html

ROOT = Path(__file__).resolve().parents[1]
BANKS = quiz.chapters()
QUESTIONS = [(chapter, q) for chapter in BANKS for q in quiz.load_bank(chapter)["questions"]]
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
# The grades Moodle accepts on import ("Error if grade not listed"), as fractions:
# question_bank::fraction_options_full() in question/engine/bank.php, and their negatives.
MOODLE_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333,
                    0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)

# --- a GIFT reader after Moodle's grammar ----------------------------------------------------

_ESCAPES = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003",
            "\\{": "\ue004", "\\}": "\ue005", "\\:": "\ue006", "\\n": "\ue007"}
_PLAIN = {"\ue000": "\\", "\ue001": "~", "\ue002": "=", "\ue003": "#", "\ue004": "{",
          "\ue005": "}", "\ue006": ":", "\ue007": "\n"}


def _protect(text):
    """Hide escaped characters from the grammar (Moodle's escapedchar_pre)."""
    for escape, mark in _ESCAPES.items():
        text = text.replace(escape, mark)
    return text


def _restore(text):
    """Put the escaped characters back as plain text (Moodle's escapedchar_post)."""
    return "".join(_PLAIN.get(c, c) for c in text).strip()


def _split_feedback(part):
    answer, _, feedback = part.partition("#")
    return _restore(answer), _restore(feedback)


def _weight(part):
    """``%n%`` at the start of an answer: (n, rest), or (None, part)."""
    match = re.match(r"%(-?[\d.]+)%", part)
    return (float(match.group(1)), part[match.end():]) if match else (None, part)


def _choice_answers(body):
    answers = []
    for part in re.split(r"(?=[=~])", body):
        part = part.strip()
        if not part:
            continue
        weight, rest = _weight(part[1:])
        if weight is None:
            weight = 100.0 if part[0] == "=" else 0.0
        text, feedback = _split_feedback(rest)
        answers.append({"text": text, "weight": weight, "feedback": feedback, "mark": part[0]})
    return answers


def _numeric_answers(body):
    body, tilde, other = body[1:].partition("~")
    answers = []
    for part in body.split("="):
        if not part.strip():
            continue
        weight, rest = _weight(part.strip())
        value, feedback = _split_feedback(rest)
        if ".." in value:
            low, high = (float(v) for v in value.split(".."))
        elif ":" in value:
            middle, tolerance = (float(v) for v in value.split(":"))
            low, high = middle - tolerance, middle + tolerance
        else:
            low = high = float(value)
        answers.append({"range": (low, high), "weight": 100.0 if weight is None else weight,
                        "feedback": feedback})
    if tilde:
        answers.append({"range": None, "weight": 0.0, "feedback": _split_feedback(other)[1]})
    return answers


def read_gift(text):
    """Questions of a GIFT file, each with the category it was filed under."""
    questions, category = [], None
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in block.splitlines() if not line.strip().startswith("//")]
        block = "\n".join(lines).strip()
        if not block:
            continue
        if block.startswith("$CATEGORY:"):  # taken raw: no escapes are undone here
            path = block[len("$CATEGORY:"):].strip()
            category = [name.strip().replace("//", "/")
                        for name in re.split(r"(?<!/)/(?!/)", path)]
            continue
        block = _protect(block)
        name = None
        if block.startswith("::"):
            name, block = block[2:].split("::", 1)
            name, block = _restore(name), block.strip()
        start, end = block.index("{"), block.index("}")
        stem, body = block[:start], block[start + 1:end].strip()
        body, _, general = body.rpartition("####") if "####" in body else (body, "", "")
        text_format = "moodle"
        match = re.match(r"\[(html|moodle|plain|markdown)\]", stem)
        if match:
            text_format, stem = match.group(1), stem[match.end():]
        question = {"category": category, "name": name, "format": text_format,
                    "text": _restore(stem), "general_feedback": _restore(general)}
        if body.startswith("#"):
            question.update(kind="numerical", answers=_numeric_answers(body.strip()))
        else:
            kind = "multichoice_single" if "=" in body else "multichoice_multiple"
            question.update(kind=kind, answers=_choice_answers(body))
        questions.append(question)
    return questions


def test_the_gift_reader_reads_the_moodle_documentation_examples_as_documented():
    """Q2 to Q8 are from Moodle's GIFT page; Q9 is ours, for categories, [html] and escapes."""
    examples = """// multiple choice with specified feedback for right and wrong answers
::Q2:: What's between orange and green in the spectrum?
{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }

// math range question
::Q5:: What is a number from 1 to 5? {#3:2}

// math range specified with interval end points
::Q6:: What is a number from 1 to 5? {#1..5}

::Q7:: When was Ulysses S. Grant born? {#
    =1822:0      # Correct! Full credit.
    =%50%1822:2  # He was born in 1822. Half credit for being close.
}

::Q8:: What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father
}

$CATEGORY: Maths/Fractions // ratios

::Q9:: [html]Which is <b>bigger</b>\\: 1/2 or 1/3?{=1/2 ~1/3#No\\: \\{1/3\\} \\= 2/6. ####Halves are bigger.}
"""
    q2, q5, q6, q7, q8, q9 = read_gift(examples)
    assert q2["kind"] == "multichoice_single" and q2["name"] == "Q2"
    assert [(a["text"], a["weight"], a["feedback"]) for a in q2["answers"]] == [
        ("yellow", 100.0, "right; good!"), ("red", 0.0, "wrong, it's yellow"),
        ("blue", 0.0, "wrong, it's yellow")]
    assert q5["answers"][0]["range"] == (1.0, 5.0) and q6["answers"][0]["range"] == (1.0, 5.0)
    assert [(a["range"], a["weight"]) for a in q7["answers"]] == [((1822.0, 1822.0), 100.0),
                                                                 ((1820.0, 1824.0), 50.0)]
    assert q8["kind"] == "multichoice_multiple"
    assert [a["weight"] for a in q8["answers"]] == [-100.0, 50.0, 50.0, -100.0]
    assert q9["category"] == ["Maths", "Fractions / ratios"]
    assert q9["format"] == "html" and q9["text"] == "Which is <b>bigger</b>: 1/2 or 1/3?"
    assert q9["answers"][1]["feedback"] == "No: {1/3} = 2/6."
    assert q9["general_feedback"] == "Halves are bigger."


# --- GIFT ----------------------------------------------------------------------------------

def _assert_formatted_html(text):
    """No Markdown code or emphasis marks left (a lone ``*`` times is fine), well-formed markup."""
    assert "`" not in text and not re.search(r"\*(?=\S)[^*]*(?<=\S)\*", text), text
    ET.fromstring(f"<div>{text}</div>")


@pytest.mark.parametrize("chapter", BANKS)
def test_gift_files_give_moodle_every_question_in_its_category_with_its_key(chapter):
    bank = quiz.load_bank(chapter)
    parsed = read_gift(quiz_export.bank_to_gift(chapter))
    assert [q["name"] for q in parsed] == [q["id"] for q in bank["questions"]]
    for back, original in zip(parsed, bank["questions"]):
        assert back["category"] == [bank["title"]], back["name"]
        assert back["format"] == "html" and back["text"] == inline_html(original["question"])
        assert back["general_feedback"] == "", back["name"]
        if original["type"] == "numeric":
            right, other = back["answers"]
            assert back["kind"] == "numerical"
            assert right["range"] == quiz.numeric_range(original, original["answers"][0])
            assert right["weight"] == 100.0
            assert right["feedback"] == inline_html(original["answers"][0]["feedback"])
            assert other["range"] is None  # Moodle's "any other answer": only a wrong answer
            assert other["feedback"] == inline_html(original["default_feedback"])
            continue
        expected_kind = "multichoice_single" if original["type"] == "single" \
            else "multichoice_multiple"
        assert back["kind"] == expected_kind, back["name"]
        assert [a["text"] for a in back["answers"]] == \
            [inline_html(o["answer"]) for o in original["answers"]]
        assert [a["feedback"] for a in back["answers"]] == \
            [inline_html(o["feedback"]) for o in original["answers"]]
        assert [a["weight"] > 0 for a in back["answers"]] == \
            [o["correct"] for o in original["answers"]]
        if original["type"] == "single":
            assert sorted(a["weight"] for a in back["answers"]) == \
                [0.0] * (len(back["answers"]) - 1) + [100.0]
        else:
            assert sum(a["weight"] for a in back["answers"] if a["weight"] > 0) == \
                pytest.approx(100.0, abs=1e-4)
            assert all(a["weight"] < 0 for a in back["answers"] if a["weight"] <= 0)
            for answer in back["answers"]:
                assert any(abs(abs(answer["weight"]) / 100 - f) < 1e-5
                           for f in MOODLE_FRACTIONS), answer["weight"]


@pytest.mark.parametrize("chapter", BANKS)
def test_gift_texts_arrive_as_html_without_markdown_marks(chapter):
    for question in read_gift(quiz_export.bank_to_gift(chapter)):
        _assert_formatted_html(question["text"])
        for answer in question["answers"]:
            _assert_formatted_html(answer["feedback"])
            if "text" in answer:
                _assert_formatted_html(answer["text"])


def test_markdown_marks_become_html_and_gift_specials_are_escaped_after_it():
    question = {"id": "x-1", "page": "p", "source": "s", "type": "single",
                "question": "Is *a* `b<c` & {d}: e=f #g ~h?",
                "answers": [{"answer": "yes", "correct": True, "feedback": "it's so"},
                            {"answer": "no", "correct": False, "feedback": "no"}]}
    gift = quiz_export.question_to_gift(question)
    assert "[html]Is <em>a</em> <code>b&lt;c</code> &amp; \\{d\\}\\: e\\=f \\#g \\~h?{" in gift
    assert "=yes#it&\\#x27;s so" in gift
    parsed, = read_gift(gift)
    assert parsed["text"] == "Is <em>a</em> <code>b&lt;c</code> &amp; {d}: e=f #g ~h?"


def test_the_category_line_is_raw_with_slashes_doubled():
    assert quiz_export.gift_category("Drugs: accomplice or antagonist?") == \
        "$CATEGORY: Drugs: accomplice or antagonist?"
    assert quiz_export.gift_category("Cells/tissues") == "$CATEGORY: Cells//tissues"
    assert quiz_export.gift_category("/root") == "$CATEGORY:  //root"
    with pytest.raises(ValueError, match=r"'a\\\\b' cannot be a GIFT category"):
        quiz_export.gift_category("a\\b")


def test_numeric_bounds_keep_full_precision():
    question = {"id": "x-2", "page": "p", "source": "s", "type": "numeric",
                "question": "How much?", "default_feedback": "No.",
                "answers": [{"correct": True, "feedback": "Yes.",
                             "range": [0.1234567891234, 2.718281828459045]}]}
    assert "\t=0.1234567891234..2.718281828459045#Yes." in quiz_export.question_to_gift(question)
    item = quiz_export._item(question)
    assert item.find(".//vargte").text == "0.1234567891234"
    assert item.find(".//varlte").text == "2.718281828459045"
    question["answers"][0]["range"] = [2.0, 1.0]
    with pytest.raises(ValueError, match=r"'x-2': accepted range \(2.0, 1.0\)"):
        quiz_export.question_to_gift(question)


# --- QTI -----------------------------------------------------------------------------------

def _package(chapter):
    archive = zipfile.ZipFile(io.BytesIO(quiz_export.bank_to_qti(chapter)))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    return archive, manifest


@pytest.mark.parametrize("chapter", BANKS)
def test_qti_manifest_lists_the_assessment_the_zip_holds(chapter):
    archive, manifest = _package(chapter)
    assert manifest.tag == f"{MANIFEST}manifest" and manifest.get("identifier")
    assert manifest.find(f"{MANIFEST}organizations") is not None
    resources = manifest.findall(f"{MANIFEST}resources/{MANIFEST}resource")
    assert len(resources) == 1 and resources[0].get("type") == "imsqti_xmlv1p2"
    files = [f.get("href") for f in resources[0].findall(f"{MANIFEST}file")]
    assert files == [resources[0].get("href")]
    assert set(files) | {"imsmanifest.xml"} == set(archive.namelist())


def _mattext(element):
    mattext = element.find(".//{*}mattext")
    assert mattext.get("texttype") == "text/html"
    _assert_formatted_html(mattext.text)
    return mattext.text


@pytest.mark.parametrize("chapter", BANKS)
def test_qti_items_key_the_right_answers_and_link_each_feedback(chapter):
    archive, manifest = _package(chapter)
    href = manifest.find(f".//{MANIFEST}resource").get("href")
    items = ET.fromstring(archive.read(href)).findall(".//{*}item")
    bank = quiz.load_bank(chapter)["questions"]
    assert [item.get("ident") for item in items] == [q["id"] for q in bank]
    for item, question in zip(items, bank):
        fields = {f.findtext("{*}fieldlabel"): f.findtext("{*}fieldentry")
                  for f in item.findall(".//{*}qtimetadatafield")}
        assert fields["question_type"] == quiz_export.QTI_TYPES[question["type"]]
        assert _mattext(item.find("{*}presentation/{*}material")) == inline_html(question["question"])
        feedback = {f.get("ident"): _mattext(f) for f in item.findall("{*}itemfeedback")}
        conditions = item.findall("{*}resprocessing/{*}respcondition")
        for condition in conditions:
            for shown in condition.findall("{*}displayfeedback"):
                assert shown.get("linkrefid") in feedback
        scoring, = [c for c in conditions if c.find("{*}setvar") is not None]
        assert scoring.get("continue") == "No" and scoring.findtext("{*}setvar") == "100"
        if question["type"] == "numeric":
            low, high = quiz.numeric_range(question, question["answers"][0])
            assert float(scoring.findtext("{*}conditionvar/{*}vargte")) == low
            assert float(scoring.findtext("{*}conditionvar/{*}varlte")) == high
            right = scoring.find("{*}displayfeedback").get("linkrefid")
            assert feedback[right] == inline_html(question["answers"][0]["feedback"])
            other, = [c for c in conditions if c.find("{*}conditionvar/{*}other") is not None]
            wrong = other.find("{*}displayfeedback").get("linkrefid")
            assert wrong == "general_incorrect_fb"
            assert feedback[wrong] == inline_html(question["default_feedback"])
            continue
        labels = item.findall(".//{*}response_label")
        assert [_mattext(label) for label in labels] == \
            [inline_html(o["answer"]) for o in question["answers"]]
        idents = [label.get("ident") for label in labels]
        chosen = {c.findtext("{*}conditionvar/{*}varequal"): c for c in conditions
                  if c.get("continue") == "Yes"}
        for ident, option in zip(idents, question["answers"]):
            link = chosen[ident].find("{*}displayfeedback").get("linkrefid")
            assert feedback[link] == inline_html(option["feedback"])
        correct = {i for i, o in zip(idents, question["answers"]) if o["correct"]}
        if question["type"] == "single":
            assert {scoring.findtext("{*}conditionvar/{*}varequal")} == correct
        else:
            test = scoring.find("{*}conditionvar/{*}and")
            assert {e.text for e in test.findall("{*}varequal")} == correct
            assert {e.text for e in test.findall("{*}not/{*}varequal")} == set(idents) - correct


def test_export_command_writes_every_bank_in_both_formats(tmp_path):
    assert BANKS == sorted(book_contents.chapters())  # one bank for each chapter of the book
    out = subprocess.run([sys.executable, "-m", "widgets.quiz.export", "--out", str(tmp_path)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted([f"{c}.gift" for c in BANKS] + [f"{c}_qti.zip" for c in BANKS])
    assert len(out.stdout.splitlines()) == len(written)
