"""Student edition of the site: the same book with every exercise's solution left out.

sphinx-exercise drops the ``{solution}`` blocks when ``hide_solutions`` is set; this command
builds the book with that setting (and "student edition" in its title), without the instructor
guide (its answer keys), warnings as errors, into its own folder. Run from the book's folder::

    python -m tools.student_edition        # the site lands in _build/student/_build/html
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "_build" / "student"


def student_config(root: Path = ROOT) -> dict:
    """The book's ``_config.yml`` with solutions hidden and the edition named in the title."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = f"{config['title']} (student edition)"
    sphinx = config.setdefault("sphinx", {})
    sphinx.setdefault("config", {})["hide_solutions"] = True
    # jupyter-book finds local extensions relative to the configuration file, which moves here.
    sphinx["local_extensions"] = {name: str(root / folder)
                                  for name, folder in sphinx.get("local_extensions", {}).items()}
    return config


INSTRUCTOR_PAGES = "reference/instructor/"


def student_toc(root: Path = ROOT) -> dict:
    """The book's ``_toc.yml`` without the parts that hold the instructor guide."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    toc["parts"] = [part for part in toc["parts"]
                    if not any(chapter["file"].startswith(INSTRUCTOR_PAGES)
                               for chapter in part["chapters"])]
    return toc


def build_command(config_file: Path, toc_file: Path, output: Path, root: Path = ROOT) -> list[str]:
    """The ``jupyter-book build`` command line for the student edition."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")  # installed beside this Python
    return [str(jupyter_book), "build", str(root), "--config", str(config_file),
            "--toc", str(toc_file), "--path-output", str(output), "-W", "-n", "--keep-going"]


def build(output: Path = OUTPUT, root: Path = ROOT) -> int:
    """Build the student edition into ``output`` (its HTML in ``output/_build/html``).

    Returns the build's exit status (0: built with no warning).
    """
    output.mkdir(parents=True, exist_ok=True)
    config_file, toc_file = output / "_config.yml", output / "_toc.yml"
    config_file.write_text(yaml.safe_dump(student_config(root), sort_keys=False), encoding="utf-8")
    toc_file.write_text(yaml.safe_dump(student_toc(root), sort_keys=False), encoding="utf-8")
    return subprocess.run(build_command(config_file, toc_file, output, root),
                          check=False).returncode


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT,
                        help=f"output folder (default: {OUTPUT.relative_to(ROOT)})")
    status = build(parser.parse_args(argv).out)
    if status == 0:
        print(f"student edition built in {OUTPUT.relative_to(ROOT) / '_build' / 'html'}")
    sys.exit(status)


if __name__ == "__main__":
    main()
