"""Export the question banks for a teacher's learning-management system.

Two formats, one file set per chapter:

* **Moodle GIFT** (``<chapter>.gift``): import in Moodle under *Question bank
  → Import → GIFT format*.
* **IMS QTI 1.2** (``<chapter>_qti.zip``): import in Canvas under *Settings →
  Import course content → QTI .zip file* (other systems that read QTI 1.2 take
  it too).

Every option keeps its feedback; numeric questions whose answer comes from the
model are computed now, so the export always matches the book. Run::

    python -m widgets.quiz.export --out quiz_exports
"""
from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from .bank import chapters, load_bank, numeric_range

GIFT_SPECIAL = "~=#{}:\\"
QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
QTI_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "numeric": "numerical_question"}


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters (``~ = # { } :`` and backslash) and line breaks."""
    escaped = "".join("\\" + c if c in GIFT_SPECIAL else c for c in text)
    return escaped.replace("\n", "\\n")


def _weight(n_correct: int) -> str:
    return f"{100.0 / n_correct:.5f}".rstrip("0").rstrip(".")


def question_to_gift(question: dict) -> str:
    """One question in GIFT, preceded by a comment naming its page and source."""
    head = (f"// page: {question['page']}; source: {question['source']}\n"
            f"::{gift_escape(question['id'])}::{gift_escape(question['question'])} {{")
    lines = [head]
    if question["type"] == "numeric":
        option = question["answers"][0]
        low, high = numeric_range(question, option)
        middle, tolerance = (low + high) / 2.0, (high - low) / 2.0
        lines.append(f"#={middle:.6g}:{tolerance:.6g}#{gift_escape(option['feedback'])}")
        lines.append(f"####{gift_escape(question['default_feedback'])}")
    elif question["type"] == "single":
        for option in question["answers"]:
            mark = "=" if option["correct"] else "~"
            lines.append(f"{mark}{gift_escape(option['answer'])}"
                         f"#{gift_escape(option['feedback'])}")
    else:
        weight = _weight(sum(o["correct"] for o in question["answers"]))
        for option in question["answers"]:
            sign = "" if option["correct"] else "-"
            lines.append(f"~%{sign}{weight}%{gift_escape(option['answer'])}"
                         f"#{gift_escape(option['feedback'])}")
    lines.append("}")
    return "\n".join(lines)


def bank_to_gift(chapter: str) -> str:
    """The whole bank of ``chapter`` as a GIFT file, in a category named after the chapter."""
    bank = load_bank(chapter)
    blocks = [f"// {bank['title']}: exported from the book's data/quizzes/{chapter}.json",
              f"$CATEGORY: {gift_escape(bank['title'])}"]
    blocks += [question_to_gift(q) for q in bank["questions"]]
    return "\n\n".join(blocks) + "\n"


def _material(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/plain").text = text


def _feedback(item: ET.Element, ident: str, text: str) -> None:
    feedback = ET.SubElement(item, "itemfeedback", ident=ident)
    _material(ET.SubElement(feedback, "flow_mat"), text)


def _item(question: dict) -> ET.Element:
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
        option = question["answers"][0]
        low, high = numeric_range(question, option)
        response = ET.SubElement(presentation, "response_str", ident="response1",
                                 rcardinality="Single")
        ET.SubElement(response, "render_fib", fibtype="Decimal")
        condition = ET.SubElement(processing, "respcondition", attrib={"continue": "No"})
        test = ET.SubElement(condition, "conditionvar")
        ET.SubElement(test, "vargte", respident="response1").text = f"{low:.6g}"
        ET.SubElement(test, "varlte", respident="response1").text = f"{high:.6g}"
        ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response",
                      linkrefid="correct_fb")
        otherwise = ET.SubElement(processing, "respcondition", attrib={"continue": "Yes"})
        ET.SubElement(ET.SubElement(otherwise, "conditionvar"), "other")
        ET.SubElement(otherwise, "displayfeedback", feedbacktype="Response",
                      linkrefid="general_incorrect_fb")
        _feedback(item, "correct_fb", option["feedback"])
        _feedback(item, "general_incorrect_fb", question["default_feedback"])
        return item
    cardinality = "Single" if question["type"] == "single" else "Multiple"
    response = ET.SubElement(presentation, "response_lid", ident="response1",
                             rcardinality=cardinality)
    choices = ET.SubElement(response, "render_choice")
    idents = [f"{question['id']}-{i}" for i in range(len(question["answers"]))]
    for ident, option in zip(idents, question["answers"]):
        _material(ET.SubElement(choices, "response_label", ident=ident), option["answer"])
    for ident in idents:  # feedback for whichever option is chosen
        condition = ET.SubElement(processing, "respcondition", attrib={"continue": "Yes"})
        ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal",
                      respident="response1").text = ident
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response",
                      linkrefid=f"{ident}_fb")
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
