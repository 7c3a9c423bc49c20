"""Text drawn from kept glyphs: a live figure re-renders the same labels and digits on every change.

Agg draws a text in two costly steps: shaping the string into positioned glyphs, then
rasterising each glyph. In the in-browser Python both run as WebAssembly and take about
two fifths of a live panel's change, although most strings (at-risk counts, legends,
read-outs) and nearly all glyphs (digits, units) recur from one change to the next.

:func:`keep_text` gives a canvas's renderer a ``draw_text`` that keeps both results:
the glyphs of each string (per font, size and resolution) and each glyph's bitmap (per
font, size, glyph, rotation and sub-pixel offset, in FreeType's 1/64 px units). A bitmap
rasterised at a whole-pixel offset is the same bitmap moved by that many pixels, so a kept
bitmap is drawn where a fresh one would be: the pixels equal those of an uncached draw
(``tests/test_rendering.py``). Maths text and matplotlib versions whose Agg renderer
draws text otherwise (before 3.11) keep matplotlib's own ``draw_text``.
"""
from __future__ import annotations

import math
import types
from collections import OrderedDict

import numpy as np
from matplotlib.backends import backend_agg

#: Strings and glyph bitmaps kept per renderer (a figure's worth of text many times over).
STRINGS_KEPT = 2048
GLYPHS_KEPT = 8192
_ONE = 0x10000
_SUBPIXELS = 0x40


def _supported() -> bool:
    from matplotlib.ft2font import FT2Font

    return hasattr(backend_agg, "RenderMode") and all(
        hasattr(FT2Font, name) for name in ("_layout", "_render_glyph", "_set_transform"))


class _Kept(OrderedDict):
    """A dictionary that forgets its oldest entries beyond ``limit``."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key, value):
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)
        return value


def _glyphs(renderer, s: str, prop, mtext) -> tuple:
    """The positioned glyphs of ``s``: ``(font, glyph index, x, y)`` in points from its origin."""
    flags = backend_agg.get_hinting_flag()
    features = mtext.get_fontfeatures() if mtext is not None else None
    language = mtext.get_language() if mtext is not None else None
    files = tuple(backend_agg._fontManager._find_fonts_by_props(prop))
    key = (s, files, prop.get_size_in_points(), renderer.dpi, flags,
           tuple(features) if features is not None else None, language)
    kept = renderer._book_strings.get(key)
    if kept is None:
        font = renderer._prepare_font(prop)
        items = font._layout(s, flags=flags, features=features, language=language)
        kept = renderer._book_strings.keep(
            key, tuple((item.ft_object, item.glyph_index, item.x, item.y) for item in items))
    return kept


def _bitmap(renderer, font, size: float, glyph_index: int, matrix: tuple,
            subpixel: tuple[int, int], antialiased: bool):
    """A glyph's coverage and its top-left corner (whole pixels) for the sub-pixel offset."""
    load_flags = backend_agg.get_hinting_flag()
    key = (font, size, renderer.dpi, glyph_index, matrix, subpixel, load_flags, antialiased)
    kept = renderer._book_glyphs.get(key)
    if kept is None:
        font.set_size(size, renderer.dpi)
        font._set_transform(np.array(matrix, dtype=int).reshape(2, 2), list(subpixel))
        bitmap = font._render_glyph(
            glyph_index, load_flags,
            backend_agg.RenderMode.NORMAL if antialiased else backend_agg.RenderMode.MONO)
        buffer = bitmap.buffer if antialiased else bitmap.buffer * 0xff
        kept = renderer._book_glyphs.keep(key, (buffer, bitmap.left, bitmap.top))
    return kept


def _draw_text(renderer, gc, x, y, s, prop, angle, ismath=False, mtext=None):
    """Agg's ``draw_text`` for plain text, from kept glyph lists and bitmaps."""
    if ismath:
        return renderer.draw_mathtext(gc, x, y, s, prop, angle)
    size = prop.get_size_in_points()
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    matrix = tuple((_ONE * np.array([[cos, -sin], [sin, cos]])).round().astype(int).ravel().tolist())
    antialiased = bool(gc.get_antialiased())
    for font, glyph_index, dx, dy in _glyphs(renderer, s, prop, mtext):   # dy is upwards
        px = round(_SUBPIXELS * (x + dx * cos - dy * sin))
        py = round(_SUBPIXELS * (renderer.height - y + dx * sin + dy * cos))   # FreeType's y is up
        whole_x, sub_x = divmod(px, _SUBPIXELS)
        whole_y, sub_y = divmod(py, _SUBPIXELS)
        buffer, left, top = _bitmap(renderer, font, size, glyph_index, matrix, (sub_x, sub_y),
                                    antialiased)
        # draw_text_image's y is downwards and names the bitmap's bottom side.
        renderer._renderer.draw_text_image(
            buffer, left + whole_x, int(renderer.height) - (top + whole_y) + buffer.shape[0], 0, gc)


def keep_text(canvas) -> None:
    """Give ``canvas``'s current renderer the kept-glyph ``draw_text`` (once; no-op if unsupported).

    Call it before each draw: the canvas makes a new renderer when the figure's size changes.
    """
    renderer = canvas.get_renderer()
    if "_book_glyphs" in renderer.__dict__ or not SUPPORTED:
        return
    renderer._book_strings = _Kept(STRINGS_KEPT)
    renderer._book_glyphs = _Kept(GLYPHS_KEPT)
    renderer.draw_text = types.MethodType(_draw_text, renderer)


SUPPORTED = _supported()
