"""Run inside the book's WebAssembly Python at build time (``_ext/live_runtime.py``), not here.

The book is on the import path (its bytecode compiled by the runtime's Python beforehand). It
does what the live panels of the site do (imports every module of ``widgets`` that needs no
ipywidgets, declares every panel again from its origin and draws it for its default and for the
first and last option of each control) and what a code cell typically does (pyplot, a few
standard modules), watching which modules are imported and which files are opened. Prints one JSON line:
``{"modules": [file, ...], "names": [module, ...], "opened": [path, ...], "seconds": ...}``.
"""
import importlib
import json
import os
import pkgutil
import sys
import time

opened = set()


def _watch(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.add(args[0])


start = time.perf_counter()
import matplotlib.font_manager  # noqa: E402,F401  (scans every font once: not what is used)

sys.addaudithook(_watch)

import widgets  # noqa: E402
from widgets.panels import browser_build, declared_panels  # noqa: E402

for info in pkgutil.walk_packages(widgets.__path__, "widgets."):
    if not info.name.endswith(("ipywidgets_build", "__main__")):
        importlib.import_module(info.name)

for number, make in enumerate(declared_panels()):
    spec = browser_build.panel_spec(make(), with_results=False)   # the browser gets them
    key = f"panel{number}"
    browser_build.open_panel(key, spec["origin"])
    defaults = [control["default"] for control in spec["controls"]]
    browser_build.draw(key, defaults)
    for place, control in enumerate(spec["controls"]):
        for index in {0, len(control["labels"]) - 1} - {control["default"]}:
            browser_build.draw(key, defaults[:place] + [index] + defaults[place + 1:])

# What a code cell of the site runs besides the book's own code.
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

figure, ax = plt.subplots()
ax.plot([0, 1, 2], [1, 3, 2], label="a line")
ax.set_title("title $\\mu$M")
ax.legend()
figure.savefig(os.path.join(os.environ["TMPDIR"], "cell.png"))
for name in ("random", "statistics", "fractions", "decimal", "textwrap", "pprint", "json", "csv",
             "itertools", "functools", "collections", "dataclasses", "traceback", "ast", "codeop"):
    importlib.import_module(name)

# A module may stand in for another under its name (decimal is _pydecimal here): list both.
print(json.dumps({"modules": sorted({getattr(module, "__file__", None) or ""
                                     for module in list(sys.modules.values())} - {""}),
                  "names": sorted(sys.modules),
                  "opened": sorted(opened), "seconds": time.perf_counter() - start}))
