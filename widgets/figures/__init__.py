"""Matplotlib figures, one module per chapter; shared rendering and palette once.

* :mod:`.rendering` — figures outside pyplot, nice axis limits, cached-background PNGs,
  :class:`~.rendering.Description` (alternative text and key numbers) and the HTML image.
* :mod:`.palette` — the Okabe–Ito colour-blind-safe colours.
* :mod:`.machinery` — time courses and the virtual western blot.
* :mod:`.drugs` — dose-response curves, causes of cell loss, the toy immune model.
"""
