"""Commands that work on the book's checkout: calibration, student notebooks, student edition.

Run from the book's folder, e.g. ``python -m tools.student_notebooks --out DIR``.
"""
