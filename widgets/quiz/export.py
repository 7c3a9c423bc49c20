"""Export the question banks for a teacher's learning-management system.

Two formats, one file set per chapter, to import unedited:

* **Moodle GIFT** (``<chapter>.gift``): in the course's question bank choose
  *Import*, format *GIFT*, and keep *Get category from file* ticked. Each file
  opens with a ``$CATEGORY:`` line naming the chapter, so its questions land in
  a category of that name under the top of the bank chosen in the import form.
* **IMS QTI 1.2** (``<chapter>_qti.zip``): in Canvas choose *Settings → Import
  course content*, content type *QTI .zip file*; the chapter becomes a quiz
  named after it. Other systems that read QTI 1.2 take it too.

Texts go over as HTML, with the book's own inline formatter
(:func:`.render.inline_html`): code spans and emphasis arrive formatted, and
``&`` and ``<`` are escaped. Every option keeps its feedback; a numeric
question's feedback for a wrong answer is attached to a catch-all answer
(GIFT ``~#…``, QTI ``<other/>``), so only a wrong answer shows it. Numeric
questions whose answer comes from the model are computed now, at full
precision, so the export always matches the book.

Scoring: the book counts a multiple-answer question right only when exactly
the right options are chosen, but both systems give partial credit. The GIFT
file gives each of the *k* right options +100/*k* % and each wrong option
−100/*k* %, so Moodle awards 1/*k* of the mark per right option chosen and
takes 1/*k* away per wrong option chosen, never below zero; Canvas Classic
Quizzes scores an imported multiple-answers question the same way by default
(it allows partial credit unless the question turns it off). Run::

    python -m widgets.quiz.export --out quiz_exports
"""
from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from .bank import chapters, load_bank, numeric_range
from .render import inline_html

GIFT_SPECIAL = "~=#{}:\\"
QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
QTI_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "numeric": "numerical_question"}


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters (``~ = # { } :`` and backslash) and line breaks."""
    escaped = "".join("\\" + c if c in GIFT_SPECIAL else c for c in text)
    return escaped.replace("\n", "\\n")


def gift_html(text: str) -> str:
    """A bank text as GIFT HTML: rendered by :func:`.render.inline_html`, then GIFT-escaped.

    The order matters: HTML escaping writes ``#`` (as in ``&#x27;``), so GIFT's escapes
    come last; Moodle undoes them before anything else and gets the HTML back.
    """
    return gift_escape(inline_html(text))


def gift_category(title: str) -> str:
    """The ``$CATEGORY:`` line for a bank titled ``title``.

    Moodle reads this line raw (no GIFT escapes are undone in it) as a path of
    category names separated by ``/``. A ``/`` inside a name is written ``//``, and a
    name that starts or ends with one gets a space on that side, as Moodle's own
    exporter writes it.

    Raises
    ------
    ValueError
        If ``title`` contains a backslash or a line break, which the raw line cannot carry.
    """
    if "\\" in title or "\n" in title:
        raise ValueError(f"bank title {title!r} cannot be a GIFT category: it contains a "
                         f"backslash or a line break")
    name = title.replace("/", "//")
    name = (" " if name.startswith("/") else "") + name + (" " if name.endswith("/") else "")
    return f"$CATEGORY: {name}"


def _bounds(question: dict) -> tuple[float, float]:
    """Accepted interval of a numeric question, checked to be ordered.

    Raises
    ------
    ValueError
        If the lower bound exceeds the upper one (e.g. a negative model value).
    """
    low, high = numeric_range(question, question["answers"][0])
    if low > high:
        raise ValueError(f"question {question['id']!r}: accepted range ({low!r}, {high!r}) "
                         f"has its lower bound above its upper one")
    return low, high


def _weight(n_correct: int) -> str:
    """Percentage of one right option out of ``n_correct``, to Moodle's five decimals."""
    return f"{100.0 / n_correct:.5f}".rstrip("0").rstrip(".")


def question_to_gift(question: dict) -> str:
    """One question in GIFT, preceded by a comment naming its page and source.

    Laid out as Moodle's own GIFT exporter writes it: ``[html]`` question text
    (answers and feedback inherit the format) and one answer a line. A numeric
    answer is the documented ``=low..high`` range, both bounds at full precision
    (``repr``), and its wrong-answer feedback is the catch-all ``~#…`` (Moodle's
    "any other answer"), not general feedback (``####``), which every student sees.
    """
    lines = [f"// page: {question['page']}; source: {question['source']}",
             f"::{gift_escape(question['id'])}::[html]{gift_html(question['question'])}"
             + ("{#" if question["type"] == "numeric" else "{")]
    if question["type"] == "numeric":
        low, high = _bounds(question)
        lines.append(f"\t={low!r}..{high!r}#{gift_html(question['answers'][0]['feedback'])}")
        lines.append(f"\t~#{gift_html(question['default_feedback'])}")
    elif question["type"] == "single":
        for option in question["answers"]:
            mark = "=" if option["correct"] else "~"
            lines.append(f"\t{mark}{gift_html(option['answer'])}#{gift_html(option['feedback'])}")
    else:
        weight = _weight(sum(o["correct"] for o in question["answers"]))
        for option in question["answers"]:
            sign = "" if option["correct"] else "-"
            lines.append(f"\t~%{sign}{weight}%{gift_html(option['answer'])}"
                         f"#{gift_html(option['feedback'])}")
    lines.append("}")
    return "\n".join(lines)


def bank_to_gift(chapter: str) -> str:
    """The whole bank of ``chapter`` as a GIFT file, in a category named after the chapter."""
    bank = load_bank(chapter)
    blocks = [f"// {bank['title']}: exported from the book's data/quizzes/{chapter}.json",
              gift_category(bank["title"])]
    blocks += [question_to_gift(q) for q in bank["questions"]]
    return "\n\n".join(blocks) + "\n"


def _material(parent: ET.Element, text: str) -> None:
    """A ``material`` with the bank text ``text`` as HTML."""
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/html").text = inline_html(text)


RIGHT_FEEDBACK, WRONG_FEEDBACK = "correct_fb", "general_incorrect_fb"


def _feedback(item: ET.Element, ident: str, text: str) -> None:
    feedback = ET.SubElement(item, "itemfeedback", ident=ident)
    _material(ET.SubElement(feedback, "flow_mat"), text)


def _show(condition: ET.Element, ident: str) -> None:
    """Let ``condition`` display the item feedback ``ident``."""
    ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=ident)


def _numeric_processing(item: ET.Element, presentation: ET.Element,
                        processing: ET.Element, question: dict) -> None:
    """Answer box, range test and feedback of a numeric question, as Canvas exports them.

    The feedback is named as Instructure's QTI converter (Canvas New Quizzes) reads it on a
    numeric item, ``correct_fb`` and ``general_incorrect_fb``; Canvas Classic and Moodle
    follow the ``displayfeedback`` links whatever their names.
    """
    low, high = _bounds(question)
    response = ET.SubElement(presentation, "response_str", ident="response1",
                             rcardinality="Single")
    ET.SubElement(ET.SubElement(response, "render_fib", fibtype="Decimal"), "response_label",
                  ident="answer1")
    condition = ET.SubElement(processing, "respcondition", attrib={"continue": "No"})
    test = ET.SubElement(condition, "conditionvar")
    ET.SubElement(test, "vargte", respident="response1").text = repr(low)
    ET.SubElement(test, "varlte", respident="response1").text = repr(high)
    ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"
    _show(condition, RIGHT_FEEDBACK)
    otherwise = ET.SubElement(processing, "respcondition", attrib={"continue": "Yes"})
    ET.SubElement(ET.SubElement(otherwise, "conditionvar"), "other")
    _show(otherwise, WRONG_FEEDBACK)
    _feedback(item, RIGHT_FEEDBACK, question["answers"][0]["feedback"])
    _feedback(item, WRONG_FEEDBACK, question["default_feedback"])


def _choice_processing(item: ET.Element, presentation: ET.Element,
                       processing: ET.Element, question: dict) -> None:
    """Options, per-option feedback and the all-right test of a choice question."""
    cardinality = "Single" if question["type"] == "single" else "Multiple"
    response = ET.SubElement(presentation, "response_lid", ident="response1",
                             rcardinality=cardinality)
    choices = ET.SubElement(response, "render_choice", shuffle="Yes")  # the LMS may reorder
    idents = [f"{question['id']}-{i}" for i in range(len(question["answers"]))]
    for ident, option in zip(idents, question["answers"]):
        _material(ET.SubElement(choices, "response_label", ident=ident), option["answer"])
    for ident in idents:  # feedback for whichever option is chosen
        condition = ET.SubElement(processing, "respcondition", attrib={"continue": "Yes"})
        ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal",
                      respident="response1").text = ident
        _show(condition, f"{ident}_fb")
    condition = ET.SubElement(processing, "respcondition", attrib={"continue": "No"})
    test = ET.SubElement(condition, "conditionvar")
    if question["type"] == "single":
        right = next(i for i, o in zip(idents, question["answers"]) if o["correct"])
        ET.SubElement(test, "varequal", respident="response1").text = right
    else:
        both = ET.SubElement(test, "and")
        for ident, option in zip(idents, question["answers"]):
            parent = both if option["correct"] else ET.SubElement(both, "not")
            ET.SubElement(parent, "varequal", respident="response1").text = ident
    ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"
    for ident, option in zip(idents, question["answers"]):
        _feedback(item, f"{ident}_fb", option["feedback"])


def _item(question: dict) -> ET.Element:
    """One question as a QTI 1.2 ``item`` in the shape of Canvas's own QTI export."""
    item = ET.Element("item", ident=question["id"], title=question["id"])
    fields = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", QTI_TYPES[question["type"]]),
                         ("points_possible", "1"), ("source", question["source"]),
                         ("page", question["page"])):
        field = ET.SubElement(fields, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, question["question"])
    processing = ET.SubElement(item, "resprocessing")
    ET.SubElement(ET.SubElement(processing, "outcomes"), "decvar", maxvalue="100",
                  minvalue="0", varname="SCORE", vartype="Decimal")
    if question["type"] == "numeric":
        _numeric_processing(item, presentation, processing, question)
    else:
        _choice_processing(item, presentation, processing, question)
    return item


def bank_to_qti(chapter: str) -> bytes:
    """The bank of ``chapter`` as a QTI 1.2 package (zip bytes: manifest plus one assessment)."""
    bank = load_bank(chapter)
    ET.register_namespace("", QTI_NAMESPACE)
    root = ET.Element("questestinterop", xmlns=QTI_NAMESPACE)
    assessment = ET.SubElement(root, "assessment", ident=f"hcc-book-{chapter}",
                               title=bank["title"])
    section = ET.SubElement(assessment, "section", ident="root_section")
    for question in bank["questions"]:
        section.append(_item(question))
    manifest = ET.Element("manifest", identifier=f"hcc-book-{chapter}-manifest",
                          xmlns=MANIFEST_NAMESPACE)
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(manifest, "organizations")
    resource = ET.SubElement(ET.SubElement(manifest, "resources"), "resource",
                             identifier=f"hcc-book-{chapter}", type="imsqti_xmlv1p2",
                             href=f"{chapter}/{chapter}.xml")
    ET.SubElement(resource, "file", href=f"{chapter}/{chapter}.xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", _xml_bytes(manifest))
        archive.writestr(f"{chapter}/{chapter}.xml", _xml_bytes(root))
    return buffer.getvalue()


def _xml_bytes(element: ET.Element) -> bytes:
    ET.indent(element)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def export_all(folder: Path) -> list[Path]:
    """Write ``<chapter>.gift`` and ``<chapter>_qti.zip`` for every bank into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for chapter in chapters():
        gift = folder / f"{chapter}.gift"
        gift.write_text(bank_to_gift(chapter), encoding="utf-8")
        qti = folder / f"{chapter}_qti.zip"
        qti.write_bytes(bank_to_qti(chapter))
        written += [gift, qti]
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description="Export the book's quiz banks as Moodle GIFT "
                                                 "and IMS QTI 1.2 (Canvas) files.")
    parser.add_argument("--out", type=Path, default=Path("quiz_exports"),
                        help="folder to write into (default: quiz_exports)")
    for path in export_all(parser.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
