"""Sphinx extension: the book's repository from one setting, and its buttons only when it is set.

The address is ``repository: url:`` in ``_config.yml``. Left empty, the git remote ``origin``
is used when it is a GitHub repository, so a teacher's fork on GitHub builds with buttons that
lead to that fork. With neither, the site shows no repository, Binder or Colab button: they
would lead nowhere. Downloads do not depend on it. (``use_repository_button`` stays false in
``_config.yml``: jupyter-book refuses it without an address; this extension turns it on.)
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:)([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")


def github_url(remote: str) -> str:
    """``https://github.com/<owner>/<name>`` for a GitHub remote (HTTPS or SSH), else ``""``."""
    match = GITHUB.match(remote.strip())
    return f"https://github.com/{match.group(1)}/{match.group(2)}" if match else ""


def git_remote(root: Path) -> str:
    """The address of the git remote ``origin`` of ``root`` (``""`` if there is none)."""
    try:
        result = subprocess.run(["git", "-C", str(root), "config", "--get", "remote.origin.url"],
                                capture_output=True, text=True, check=False)
    except FileNotFoundError:  # no git on this machine
        return ""
    return result.stdout.strip()


def repository_url(configured: str, root: Path) -> str:
    """The repository the site links to: the configured one, else a GitHub ``origin``, else ``""``."""
    return configured.strip() or github_url(git_remote(root))


def _set_repository(app, config) -> None:
    options = config.html_theme_options
    url = repository_url(options.get("repository_url", "") or "", Path(app.srcdir))
    options["repository_url"] = url
    options["use_repository_button"] = bool(url)
    if not url:
        options["launch_buttons"] = {}


def setup(app):
    app.connect("config-inited", _set_repository)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
