"""The book's data: every number the model uses, with its source; quiz banks; the bibliography.

This folder stays at the top of the book. Installed, it is the package ``widgets.data``
(see ``pyproject.toml``), which :mod:`widgets.model.data_files` reads with
:mod:`importlib.resources`.
"""
