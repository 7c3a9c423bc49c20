"""The kept backgrounds of a live figure never show a reader anything a full redraw would not."""
import random

import numpy as np
import pytest
from matplotlib import rc_context

from widgets.figures import rendering
from widgets.panels import declared_panels
from widgets.panels.browser_build import values_at

DECLARATIONS = declared_panels()
CHANGES = 10


def _full_redraw(artists) -> np.ndarray:
    """The figure drawn from scratch by matplotlib's own text drawing, dynamic artists over it."""
    renderer = artists.figure.canvas.get_renderer()
    kept_text = renderer.__dict__.pop("draw_text", None)
    try:
        with rc_context(rendering.RENDER_SETTINGS):
            artists.figure.canvas.draw()
            for artist in artists.dynamic:
                artists.figure.draw_artist(artist)
    finally:
        if kept_text is not None:
            renderer.draw_text = kept_text
    return np.asarray(artists.figure.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("make", DECLARATIONS, ids=[make.__name__ for make in DECLARATIONS])
def test_kept_backgrounds_give_the_pixels_of_a_full_redraw(make):
    """Random control changes, each rendered over kept backgrounds with kept glyphs, equal a
    full redraw by matplotlib exactly."""
    panel = make()
    artists = panel.make_figure()
    chosen = random.Random(make.__name__)
    for _ in range(CHANGES):
        indices = [chosen.randrange(len(control.options)) for control in panel.controls]
        panel.draw(artists, values_at(panel, indices))
        with rc_context(rendering.RENDER_SETTINGS):
            rendering._draw_over_background(artists)
        shown = np.asarray(artists.figure.canvas.buffer_rgba()).copy()
        np.testing.assert_array_equal(shown, _full_redraw(artists),
                                      err_msg=f"{make.__name__} at option indices {indices}")


def test_a_control_that_rescales_one_panel_redraws_that_panel_alone():
    """In a four-panel figure, new limits on one axes keep the other three from the cache."""
    figure, axes = rendering.new_figure(2, 2, (6.0, 4.0))
    lines = [ax.plot([0, 1], [0, 1])[0] for ax in axes.flat]
    artists = rendering.StaticFigure(figure, lines)
    rendering.render_png(artists)
    kept = figure._book_backgrounds
    assert len(kept.groups) == 4, "four separate axes are four groups"
    axes[0, 0].set_ylim(0, 5)
    drawn = []
    for ax in axes.flat:
        original = ax.draw
        ax.draw = lambda renderer, ax=ax, original=original: (
            ax.get_visible() and drawn.append(ax), original(renderer))
    rendering.render_png(artists)
    assert drawn == [axes[0, 0]]
    assert [len(k) for k in kept.kept] == [2, 1, 1, 1]


def test_overlapping_axes_are_kept_together():
    """A twin axis shares its area with its host, so the two are one group."""
    figure, ax = rendering.new_figure(1, 1, (4.0, 3.0))
    ax.twinx()
    line = ax.plot([0, 1], [0, 1])[0]
    rendering.render_png(rendering.StaticFigure(figure, [line]))
    assert [len(group) for group in figure._book_backgrounds.groups] == [2]


def test_text_is_drawn_from_kept_glyphs_once_they_are_known():
    """A second render of the same strings rasterises nothing new (matplotlib 3.11's Agg)."""
    from widgets.figures import text_cache

    assert text_cache.SUPPORTED, "the pinned matplotlib draws text glyph by glyph"
    figure, ax = rendering.new_figure(1, 1, (4.0, 3.0))
    label = ax.text(0.5, 0.5, "HR 0.85", rotation=30)
    artists = rendering.StaticFigure(figure, [label])
    rendering.render_png(artists)
    renderer = figure.canvas.get_renderer()
    glyphs, strings = len(renderer._book_glyphs), len(renderer._book_strings)
    assert glyphs > 0 and strings > 0
    label.set_text("HR 0.58")
    rendering.render_png(artists)
    assert len(renderer._book_strings) == strings + 1, "a new string is shaped once"
    assert len(renderer._book_glyphs) <= glyphs + 2, "only the new digits' glyphs are rasterised"
    known = len(renderer._book_strings), len(renderer._book_glyphs)
    label.set_text("HR 0.85")
    rendering.render_png(artists)
    assert (len(renderer._book_strings), len(renderer._book_glyphs)) == known, \
        "a string drawn before is drawn from what was kept"
