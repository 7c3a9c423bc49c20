"""The book as a package: it installs outside the checkout, carries its data and imports light."""
from __future__ import annotations

import json
import re
import site
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from _ext.book_download import ZIP_NAME, book_zip, tracked_files
from conftest import ROOT

HEAVY = ("scipy", "matplotlib", "ipywidgets")
PATH_CHANGE = re.compile(r"sys\.path\.(insert|append|extend|remove)|sys\.path\s*(\[.*\])?\s*[+]?=|"
                         r"setattr\(sys,\s*[\"']path")


def _run(python: Path | str, code: str, cwd: Path) -> str:
    result = subprocess.run([str(python), "-c", textwrap.dedent(code)], cwd=cwd,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def installed_python(tmp_path_factory) -> Path:
    """A fresh environment outside the checkout with the book installed, non-editable, from its zip.

    The zip is the one every page's download menu offers (a notebook on its own installs it the
    same way). The environment has no pip or packages of its own; the installed dependencies
    (NumPy, SciPy, setuptools to build the book) are borrowed from this environment's
    site-packages through a ``.pth`` file, so nothing is downloaded.
    """
    where = tmp_path_factory.mktemp("fresh")
    (where / ZIP_NAME).write_bytes(book_zip(ROOT))
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where / "env")], check=True)
    python = where / "env" / "bin" / "python"
    own = Path(_run(python, "import site; print(site.getsitepackages()[0])", where).strip())
    (own / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
                             "--no-build-isolation", f"./{ZIP_NAME}[notebook]"],
                            cwd=where, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return python


def test_the_installed_book_runs_from_any_folder_with_its_data(installed_python, tmp_path):
    out = _run(installed_python, """
        import json, math, sys
        from pathlib import Path
        import widgets
        from widgets.model.data_files import DATA_DIR
        p62 = widgets.simulate({"sorafenib": 5.0}, 24.0).p62[-1]
        files = sorted(str(p.relative_to(DATA_DIR)) for p in DATA_DIR.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts)
        package = Path(widgets.__file__).parent
        modules = sorted(str(p.relative_to(package.parent)) for p in package.rglob("*.py")
                         if DATA_DIR not in p.parents)
        print(json.dumps({"file": widgets.__file__, "p62": p62, "files": files, "modules": modules,
                          "heavy": [m for m in %r if m in sys.modules]}))
        """ % (HEAVY,), tmp_path)
    found = json.loads(out)
    assert not Path(found["file"]).is_relative_to(ROOT), "the checkout's widgets was imported"
    assert 0.1 < found["p62"] < 10, found["p62"]
    shipped = {name.removeprefix("data/") for name in tracked_files(ROOT) if name.startswith("data/")}
    assert set(found["files"]) == shipped
    assert set(found["modules"]) == {name for name in tracked_files(ROOT)
                                     if name.startswith("widgets/") and name.endswith(".py")}
    assert found["heavy"] == []


def test_the_installed_book_draws_a_panel(installed_python, tmp_path):
    out = _run(installed_python, """
        from widgets.panels.machinery import flux_explorer_panel
        panel = flux_explorer_panel()
        print(panel.draw(panel.make_figure(), panel.values()).alt)
        """, tmp_path)
    assert "LC3" in out


def test_import_widgets_leaves_scipy_matplotlib_and_ipywidgets_unimported(tmp_path):
    out = _run(sys.executable, """
        import sys
        import widgets, widgets.model, widgets.quiz
        print(",".join(m for m in %r if m in sys.modules))
        """ % (HEAVY,), tmp_path)
    assert out.strip() == ""


def test_panel_declarations_and_draw_need_no_ipywidgets(tmp_path):
    """Every panel is declared, drawn and described with NumPy and matplotlib only."""
    out = _run(sys.executable, """
        import sys
        sys.modules["ipywidgets"] = None   # importing it now raises ImportError
        from widgets.panels import declared_panels
        for declare in declared_panels():
            panel = declare()
            description = panel.draw(panel.make_figure(), panel.values())
            assert description.alt, declare.__name__
            print(declare.__name__)
        """, tmp_path)
    from widgets.panels import declared_panels
    assert out.split() == [declare.__name__ for declare in declared_panels()]


@pytest.mark.parametrize("folder", ["_ext", "tools", "benchmarks", "tests", "chapters", "reference"])
def test_no_file_changes_the_import_path(folder):
    changing = []
    for path in sorted((ROOT / folder).rglob("*")):
        if path.suffix in (".py", ".ipynb", ".md") and PATH_CHANGE.search(path.read_text(encoding="utf-8")):
            changing.append(str(path.relative_to(ROOT)))
    assert changing == []


def test_no_notebook_unpacks_the_book():
    """A notebook on its own installs the book's package in one short guarded cell."""
    notebooks = [ROOT / name for name in tracked_files(ROOT) if name.endswith(".ipynb")]
    assert notebooks
    for path in notebooks:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
        set_up = [s for s in sources if ZIP_NAME in s]
        assert len(set_up) == 1, path
        assert "extractall" not in set_up[0] and len(set_up[0].splitlines()) <= 8, path
        assert f'%pip install --quiet "{ZIP_NAME}[notebook]"' in set_up[0], path


def test_no_file_points_at_a_document_outside_the_repository():
    outside = re.compile(r"DESIGN\.md|\.\./shared/|shared/(research|sources)/")
    pointing = [name for name in tracked_files(ROOT)
                if name.endswith((".py", ".md", ".ipynb", ".js", ".css", ".yml", ".toml", ".txt"))
                and outside.search((ROOT / name).read_text(encoding="utf-8"))]
    assert pointing == []
