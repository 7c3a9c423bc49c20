"""Student notebooks: every chapter page as a notebook, without the exercises' solutions.

Each ``{solution}`` sits in a markdown cell of its own, tagged ``solution``; nbconvert's
``TagRemovePreprocessor`` removes those cells. The prose pages (MyST ``.md``) are read with
jupytext and written as notebooks too, so students get one kind of file. Run from the book's
folder::

    python -m tools.student_notebooks --out student_notebooks       # a folder
    python -m tools.student_notebooks --out student_notebooks.zip   # a zip

The folder keeps the book's layout (``chapters/<chapter>/<page>.ipynb``).
"""
from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

import jupytext
import nbformat
import yaml
from nbconvert import NotebookExporter
from nbconvert.preprocessors import TagRemovePreprocessor

ROOT = Path(__file__).resolve().parents[1]
SOLUTION_TAG = "solution"


def chapter_pages(root: Path = ROOT) -> list[Path]:
    """The chapter pages in table-of-contents order, as paths relative to ``root``."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = []

    def visit(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            visit(entry.get("sections", []))

    for part in toc["parts"]:
        visit(part["chapters"])
    pages = []
    for name in files:
        if not name.startswith("chapters/"):
            continue
        found = [root / f"{name}{suffix}" for suffix in (".ipynb", ".md")
                 if (root / f"{name}{suffix}").exists()]
        if not found:
            raise FileNotFoundError(f"_toc.yml names {name!r}, which has no .ipynb or .md file")
        pages.append(found[0].relative_to(root))
    return pages


def read_page(path: Path) -> nbformat.NotebookNode:
    """A chapter page as a notebook: ``.ipynb`` as it is, MyST ``.md`` through jupytext."""
    if path.suffix == ".ipynb":
        return nbformat.read(path, as_version=4)
    if path.suffix == ".md":
        return jupytext.read(path)
    raise ValueError(f"{path}: a chapter page is .ipynb or .md, not {path.suffix!r}")


def without_solutions(notebook: nbformat.NotebookNode) -> str:
    """``notebook`` as notebook JSON, with every cell tagged ``solution`` removed."""
    remover = TagRemovePreprocessor(remove_cell_tags={SOLUTION_TAG}, enabled=True)
    exporter = NotebookExporter(preprocessors=[remover])
    body, _ = exporter.from_notebook_node(notebook)
    return body


def student_notebooks(root: Path = ROOT) -> dict[str, str]:
    """Every chapter page's student notebook: relative ``.ipynb`` path -> notebook JSON."""
    return {str(page.with_suffix(".ipynb")): without_solutions(read_page(root / page))
            for page in chapter_pages(root)}


def write(out: Path, root: Path = ROOT) -> list[Path]:
    """Write the student notebooks to the folder ``out``, or to a zip if ``out`` ends in ``.zip``.

    Returns the files written (the zip alone, for a zip).
    """
    notebooks = student_notebooks(root)
    if out.suffix == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, body in notebooks.items():
                archive.writestr(name, body)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(buffer.getvalue())
        return [out]
    written = []
    for name, body in notebooks.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("student_notebooks"),
                        help="a folder, or a file name ending in .zip (default: student_notebooks)")
    args = parser.parse_args(argv)
    write(args.out)
    print(f"{len(chapter_pages())} student notebooks written to {args.out}")


if __name__ == "__main__":
    main()
