"""Sphinx extension: the whole book as one zip, offered beside every page's own download.

A notebook downloaded on its own cannot import the book's code; its set-up cell unpacks
``hcc-autophagy-book.zip`` when it lies beside the notebook. The zip holds the files git
tracks (the sources, ``widgets``, ``data``, the requirements) in one folder, and lands at the
site's root. Built for the HTML builders only.
"""
from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

ZIP_NAME = "hcc-autophagy-book.zip"
FOLDER = "hcc-autophagy-book"


def tracked_files(root: Path) -> list[str]:
    """The files git tracks under ``root``, as relative POSIX paths, sorted."""
    result = subprocess.run(["git", "-C", str(root), "ls-files", "-z"],
                            capture_output=True, check=True)
    return sorted(name for name in result.stdout.decode().split("\0")
                  if name and (root / name).is_file())


def book_zip(root: Path) -> bytes:
    """The zip of the book's tracked files, under ``hcc-autophagy-book/``, with fixed dates."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in tracked_files(root):
            entry = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, (root / name).read_bytes())
    return buffer.getvalue()


def _write_zip(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        (Path(app.outdir) / ZIP_NAME).write_bytes(book_zip(Path(app.srcdir)))


def _offer_zip(app, pagename, templatename, context, doctree) -> None:
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"].append({
                "type": "link", "url": context["pathto"](ZIP_NAME, 1), "text": ".zip",
                "tooltip": "Download the whole book: notebooks, model and data",
                "icon": "fas fa-file-zipper", "label": "download-book-button"})


def setup(app):
    app.connect("build-finished", _write_zip)
    app.connect("html-page-context", _offer_zip, priority=901)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
