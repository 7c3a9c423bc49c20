"""Sphinx extension: every link to a glossary term carries the term's definition as its title.

book_assets/citations.js turns a citation's title (its reference) into a preview on tap, hover
and keyboard focus; the same code previews a term from this title. The definition is read from
the ``{glossary}`` where the term is defined, as plain text without its citations (the preview
links to the entry, where they are), so a term reads the same in the preview and the glossary.
"""
from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes

TERM_CLASS = "std-term"


def definition_text(definition: nodes.Element) -> str:
    """The plain text of a glossary definition, its citations left out."""
    copy = definition.deepcopy()
    for citation in list(copy.findall(addnodes.pending_xref)):
        if citation.get("refdomain") == "cite":
            citation.parent.remove(citation)
    text = " ".join(copy.astext().split())
    text = re.sub(r"\s*\(\s*\)", "", text)  # brackets that held only a citation
    return re.sub(r"\s+([.,;:])", r"\1", text)


def _collect(app, doctree):
    found = {}
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            definition = next(iter(item.findall(nodes.definition)), None)
            if definition is None:
                continue
            text = definition_text(definition)
            for term in item.findall(nodes.term):
                for term_id in term["ids"]:
                    found[term_id] = text
    if found:
        app.env.hcc_term_definitions = getattr(app.env, "hcc_term_definitions", {})
        app.env.hcc_term_definitions[app.env.docname] = found


def _forget(app, env, docname):
    getattr(env, "hcc_term_definitions", {}).pop(docname, None)


def _merge(app, env, docnames, other):
    env.hcc_term_definitions = {**getattr(env, "hcc_term_definitions", {}),
                                **getattr(other, "hcc_term_definitions", {})}


def _reread_when_the_glossary_changes(app, env, added, changed, removed):
    glossaries = set(getattr(env, "hcc_term_definitions", {}))
    return sorted(env.found_docs) if glossaries & (set(changed) | set(removed)) else []


def _add_titles(app, doctree, docname):
    definitions = {term_id: text for found in getattr(app.env, "hcc_term_definitions", {}).values()
                   for term_id, text in found.items()}
    for reference in doctree.findall(nodes.reference):
        target = reference.get("refid") or reference.get("refuri", "").partition("#")[2]
        is_term = any(TERM_CLASS in child.get("classes", ()) for child in reference.children
                      if isinstance(child, nodes.Element))
        if is_term and target in definitions:
            reference["reftitle"] = definitions[target]


def setup(app):
    app.connect("doctree-read", _collect)
    app.connect("env-purge-doc", _forget)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _reread_when_the_glossary_changes)
    app.connect("doctree-resolved", _add_titles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
