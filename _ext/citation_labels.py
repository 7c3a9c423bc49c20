"""Bibliography labels in the form the text cites them: "Wu et al., 2021".

sphinxcontrib-bibtex writes an in-text citation as authors and year but labels the
bibliography entry with pybtex's alpha label ("WZL21"). Here the label is written by the
template that writes the in-text authors, so the two cannot drift apart:

* ``BookPersonStyle`` writes the authors as the text does ("Smith", "Smith and Jones",
  "Smith *et al.*"); a work without authors or editors is named by the first words of its
  title rather than by the whole title.
* ``AuthorYearLabelStyle`` labels an entry "<authors>, <year>", with a, b, ... after the
  year when two entries would get the same label; the in-text citation writes the year as
  the label does, suffix included.
* ``AuthorYearSortingStyle`` orders the bibliography alphabetically by label.
* ``Style`` is pybtex's alpha style with these labels and this order.
"""
import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import first_of, node, optional, tag
from sphinxcontrib.bibtex.style.referencing import PersonStyle, basic_author_year
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.template import names

STYLE_NAME = "book_author_year"
TITLE_WORDS = 5
NO_YEAR = "n.d."  # what sphinxcontrib-bibtex writes in the text for an entry without a year


@node
def short_title(children, data):
    """The first ``TITLE_WORDS`` words of the entry's title, ending in "…" if there are more."""
    words = Text.from_latex(data["entry"].fields["title"]).render_as("text").split()
    shown = " ".join(words[:TITLE_WORDS]).rstrip(",.:;…")
    return Text(shown + "…" if len(words) > TITLE_WORDS else shown)


@node
def label_year(children, data):
    """The year as the entry's label writes it, with its a, b suffix if it has one."""
    return Text(data["formatted_entry"].label.rpartition(", ")[2])


@dataclass
class BookPersonStyle(PersonStyle):
    """The in-text authors; a work without authors or editors is named by its short title."""

    def author_or_editor_or_title(self, full):
        """Authors, else editors, else the short title in italics.

        Parameters
        ----------
        full : bool
            Whether every author is named rather than the first one and *et al.*
        """
        persons = {"sep": self.sep, "sep2": self.sep2, "last_sep": self.last_sep,
                   "other": None if full else self.other}
        return first_of[optional[names("author", **persons)],
                        optional[names("editor", **persons)],
                        tag("em")[short_title]]


@dataclass
class BookReferenceStyle(AuthorYearReferenceStyle):
    """sphinxcontrib-bibtex's author-year citations with the book's authors."""

    person: PersonStyle = field(default_factory=BookPersonStyle)


@functools.cache
def _reference_style():
    return BookReferenceStyle()


def in_text_authors(entry):
    """The authors of ``entry`` as plain text, exactly as an in-text citation writes them.

    Parameters
    ----------
    entry : pybtex.database.Entry

    Returns
    -------
    str
        For example "Wu et al.", "Geng and Klionsky" or "Bliss".
    """
    style = _reference_style()
    template = style.person.author_or_editor_or_title(full=False)
    return template.format_data({"entry": entry, "style": style}).render_as("text")


def author_year(entry):
    """The label of ``entry`` before any a, b suffix, such as "Wu et al., 2021"."""
    return f"{in_text_authors(entry)}, {entry.fields.get('year', NO_YEAR)}"


def with_suffixes(labels):
    """Give every label that occurs more than once a suffix a, b, ... in order.

    Parameters
    ----------
    labels : list of str

    Returns
    -------
    list of str
        ``labels`` with ``["X, 2020", "X, 2020"]`` becoming ``["X, 2020a", "X, 2020b"]``.
    """
    total, seen = Counter(labels), Counter()
    unique = []
    for label in labels:
        if total[label] == 1:
            unique.append(label)
        else:
            unique.append(label + chr(ord("a") + seen[label]))
            seen[label] += 1
    return unique


class AuthorYearLabelStyle(BaseLabelStyle):
    """Labels in the in-text form, made unique with a, b, ... after the year."""

    def format_labels(self, sorted_entries):
        return iter(with_suffixes([author_year(entry) for entry in sorted_entries]))


def _folded(text):
    """``text`` without accents and case, for alphabetical order."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class AuthorYearSortingStyle(BaseSortingStyle):
    """Alphabetical by in-text authors, then by year and title."""

    def sorting_key(self, entry):
        return (_folded(in_text_authors(entry)), entry.fields.get("year", NO_YEAR),
                _folded(entry.fields.get("title", "")))


class Style(AlphaStyle):
    """pybtex's alpha style, labelled and sorted by in-text author and year."""

    default_label_style = STYLE_NAME
    default_sorting_style = STYLE_NAME


def setup(app):
    # The author-year citation templates read the year from this module global.
    basic_author_year.year = label_year
    pybtex.plugin.register_plugin("pybtex.style.labels", STYLE_NAME, AuthorYearLabelStyle)
    pybtex.plugin.register_plugin("pybtex.style.sorting", STYLE_NAME, AuthorYearSortingStyle)
    pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, Style)
    sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing",
                                                STYLE_NAME, BookReferenceStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
