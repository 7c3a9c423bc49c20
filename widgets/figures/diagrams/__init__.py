"""Explanatory diagrams (pathways, processes, the book's own pictures) drawn with Graphviz.

A diagram is declared once as data: :class:`Node` boxes with a biological *role* that
fixes their colour, and :class:`Edge` arrows with a *kind* (activates, inhibits,
becomes, binds). :func:`to_dot` turns a declaration into Graphviz source in the
book's single drawing style (Okabe–Ito colours, rounded boxes, top-to-bottom so that
a drawing stays legible in a 390 px phone column), and :func:`write_drawings` renders
every declared diagram to ``book_assets/diagrams/<name>.svg`` (the site, notebooks) and
``<name>.pdf`` (the printed book: LaTeX cannot include SVG). The book's build runs
it (``_ext/diagrams.py``); so does ``python -m widgets.figures.diagrams``.

The rendered drawings are committed too, so that notebooks opened in JupyterLab show
them without a build. Each chapter declares its diagrams in a module of this
package as ``DIAGRAMS``; :func:`declared_diagrams` finds them.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..palette import OKABE_ITO

#: Where the book's pages find the drawings (``/book_assets/diagrams/<name>.svg``).
SVG_FOLDER = Path(__file__).resolve().parents[3] / "book_assets" / "diagrams"

#: Fill (a light tint, so black text keeps its contrast) and border of each role.
ROLES = {
    "protein": ("#DCEEFB", OKABE_ITO["blue"]),
    "stress": ("#FBF6C5", "#8C7F00"),
    "drug": ("#FCE8C3", "#A36F00"),
    "inhibitor": ("#F6DDEB", "#A8467E"),
    "process": ("#EDEDED", "#505050"),
    "survival": ("#CDEFE3", OKABE_ITO["green"]),
    "death": ("#F9D9C6", OKABE_ITO["vermillion"]),
    "quantity": ("#FFFFFF", OKABE_ITO["black"]),
}

#: Graphviz attributes of each kind of arrow.
EDGE_KINDS = {
    "activates": {"arrowhead": "normal", "color": "#333333"},
    "inhibits": {"arrowhead": "tee", "color": OKABE_ITO["vermillion"], "penwidth": "2"},
    "becomes": {"arrowhead": "vee", "color": "#333333", "style": "bold"},
    "binds": {"arrowhead": "none", "color": "#333333", "style": "dashed"},
}

#: The files each diagram is drawn to: SVG for the site and notebooks, PDF for print.
FORMATS = ("svg", "pdf")

FONT = "DejaVu Sans"
#: What a browser uses when DejaVu Sans is missing: Verdana has nearly its metrics.
FONT_FALLBACK = "DejaVu Sans, Verdana, sans-serif"
FONT_SIZE_PT = 14
#: Widest drawing, in points, that keeps 14 pt text at 10 px or more in a 350 px column.
MAX_WIDTH_PT = 460


@dataclass(frozen=True)
class Node:
    """A box: ``key`` names it in edges, ``label`` is its text (``\\n`` breaks lines)."""

    key: str
    label: str
    role: str = "protein"

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"node {self.key!r} has role {self.role!r}; "
                             f"choose one of {sorted(ROLES)}")


@dataclass(frozen=True)
class Edge:
    """An arrow from ``source`` to ``target`` of one of the :data:`EDGE_KINDS`."""

    source: str
    target: str
    kind: str = "activates"
    label: str = ""

    def __post_init__(self):
        if self.kind not in EDGE_KINDS:
            raise ValueError(f"edge {self.source!r} -> {self.target!r} has kind {self.kind!r}; "
                             f"choose one of {sorted(EDGE_KINDS)}")


@dataclass(frozen=True)
class Group:
    """A labelled frame around some nodes (a protein complex, a compartment)."""

    title: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Diagram:
    """One drawing: its file ``name``, nodes, edges, frames and same-height rows.

    ``rows`` lists sets of node keys drawn side by side; ``direction`` is Graphviz's
    ``rankdir`` ("TB" top to bottom, "LR" left to right for short chains).
    """

    name: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    groups: tuple[Group, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    direction: str = "TB"
    keys: frozenset = field(init=False, repr=False)

    def __post_init__(self):
        keys = [node.key for node in self.nodes]
        duplicated = sorted({key for key in keys if keys.count(key) > 1})
        if duplicated:
            raise ValueError(f"diagram {self.name!r} declares nodes {duplicated} twice")
        object.__setattr__(self, "keys", frozenset(keys))
        named = [key for edge in self.edges for key in (edge.source, edge.target)]
        named += [key for group in self.groups for key in group.keys]
        named += [key for row in self.rows for key in row]
        unknown = sorted(set(named) - self.keys)
        if unknown:
            raise ValueError(f"diagram {self.name!r} refers to undeclared nodes {unknown}; "
                             f"its nodes are {sorted(self.keys)}")
        if self.direction not in ("TB", "LR"):
            raise ValueError(f"diagram {self.name!r} has direction {self.direction!r}; "
                             "choose 'TB' or 'LR'")


def _attributes(values: dict) -> str:
    return ", ".join(f'{name}="{value}"' for name, value in values.items())


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _node_line(node: Node) -> str:
    fill, border = ROLES[node.role]
    style = "filled" if node.role == "quantity" else "rounded,filled"
    return (f'  "{node.key}" [label="{_quoted(node.label)}", '
            f'{_attributes({"shape": "box", "style": style, "fillcolor": fill, "color": border})}];')


def _edge_line(edge: Edge) -> str:
    values = dict(EDGE_KINDS[edge.kind])
    if edge.label:
        values["label"] = " " + _quoted(edge.label) + " "
    return f'  "{edge.source}" -> "{edge.target}" [{_attributes(values)}];'


def to_dot(diagram: Diagram) -> str:
    """Graphviz source for ``diagram`` in the book's drawing style."""
    lines = [f'digraph "{diagram.name}" {{',
             f'  graph [rankdir="{diagram.direction}", bgcolor="white", pad="0.15", '
             f'nodesep="0.25", ranksep="0.35", fontname="{FONT}", fontsize="{FONT_SIZE_PT - 1}"];',
             f'  node [fontname="{FONT}", fontsize="{FONT_SIZE_PT}", penwidth="1.5", '
             f'margin="0.14,0.06"];',
             f'  edge [fontname="{FONT}", fontsize="{FONT_SIZE_PT - 2}", penwidth="1.4", '
             f'arrowsize="0.8"];']
    grouped = {key for group in diagram.groups for key in group.keys}
    for index, group in enumerate(diagram.groups):
        lines.append(f'  subgraph "cluster_{index}" {{ label="{_quoted(group.title)}"; '
                     f'style="rounded,dashed"; color="{OKABE_ITO["blue"]}"; margin="10";')
        lines.extend("  " + _node_line(node) for node in diagram.nodes if node.key in group.keys)
        lines.append("  }")
    lines.extend(_node_line(node) for node in diagram.nodes if node.key not in grouped)
    lines.extend(_edge_line(edge) for edge in diagram.edges)
    lines.extend("  { rank=same; " + " ".join(f'"{key}";' for key in row) + " }"
                 for row in diagram.rows)
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_command() -> str:
    """The Graphviz ``dot`` program, or a clear error saying how to install it."""
    found = shutil.which("dot")
    if found is None:
        raise RuntimeError("drawing the book's diagrams needs Graphviz's 'dot' program: "
                           "apt-get install graphviz (Debian/Ubuntu), brew install graphviz "
                           "(macOS) or conda install graphviz")
    return found


def _run_dot(diagram: Diagram, output_format: str) -> bytes:
    """Graphviz's drawing of ``diagram`` in ``output_format`` ("svg", "pdf"), as bytes."""
    result = subprocess.run([dot_command(), f"-T{output_format}"],
                            input=to_dot(diagram).encode("utf-8"), capture_output=True,
                            check=False, env={**os.environ, "TZ": "UTC"})
    if result.returncode != 0:
        raise RuntimeError(f"Graphviz could not draw {diagram.name!r}:\n"
                           f"{result.stderr.decode('utf-8', 'replace')}")
    return result.stdout


def render_svg(diagram: Diagram) -> str:
    """The diagram as SVG text (Graphviz's SVG, with a font fallback for browsers)."""
    svg = _run_dot(diagram, "svg").decode("utf-8")
    return svg.replace(f'font-family="{FONT}"', f'font-family="{FONT_FALLBACK}"')


#: Cairo stamps each PDF with the time it was drawn; :func:`render_pdf` fixes the stamp.
PDF_CREATION_DATE = re.compile(rb"/CreationDate \(D:\d{14}")
FIXED_CREATION_DATE = b"/CreationDate (D:20260101000000"


def render_pdf(diagram: Diagram) -> bytes:
    """The diagram as PDF (for the printed book), the same bytes every time it is drawn.

    The creation date is replaced by a fixed one of the same length, so the file's
    cross-reference offsets stay valid and a redrawn PDF equals the committed one.
    """
    return PDF_CREATION_DATE.sub(FIXED_CREATION_DATE, _run_dot(diagram, "pdf"))


def svg_width_pt(svg: str) -> float:
    """The drawing's width in points, read from the SVG's ``width`` attribute."""
    match = re.search(r'<svg[^>]*\swidth="([0-9.]+)pt"', svg)
    if match is None:
        raise ValueError("the SVG has no width in points")
    return float(match.group(1))


def declared_diagrams() -> dict[str, Diagram]:
    """Every diagram declared in a ``DIAGRAMS`` tuple of this package's modules, by name."""
    found: dict[str, Diagram] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for diagram in getattr(module, "DIAGRAMS", ()):
            if diagram.name in found:
                raise ValueError(f"two diagrams are named {diagram.name!r}")
            found[diagram.name] = diagram
    return found


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` unless it is already there; True if written."""
    if path.exists() and path.read_bytes() == content:
        return False
    path.write_bytes(content)
    return True


def write_drawings(folder: Path = SVG_FOLDER) -> list[Path]:
    """Render every declared diagram into ``folder`` as SVG and PDF; rewrite only files that changed.

    Drawings of diagrams no longer declared are removed. Returns the paths written. A drawing
    wider than :data:`MAX_WIDTH_PT` is an error, because its text would be too small to read
    on a phone.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    declared = declared_diagrams()
    for name, diagram in declared.items():
        svg = render_svg(diagram)
        width = svg_width_pt(svg)
        if width > MAX_WIDTH_PT:
            raise ValueError(f"diagram {name!r} is {width:.0f} pt wide; at most {MAX_WIDTH_PT} pt "
                             "keeps its text legible on a phone (draw it taller, or split it)")
        for path, content in ((folder / f"{name}.svg", svg.encode("utf-8")),
                              (folder / f"{name}.pdf", render_pdf(diagram))):
            if _write_if_changed(path, content):
                written.append(path)
    for stale in {path for fmt in FORMATS for path in folder.glob(f"*.{fmt}")
                  if path.stem not in declared}:
        stale.unlink()
    return written
