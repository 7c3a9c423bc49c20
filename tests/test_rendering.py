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
    """The figure drawn from scratch, dynamic artists over it in their order, as pixels."""
    with rc_context(rendering.RENDER_SETTINGS):
        artists.figure.canvas.draw()
        for artist in artists.dynamic:
            artists.figure.draw_artist(artist)
    return np.asarray(artists.figure.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("make", DECLARATIONS, ids=[make.__name__ for make in DECLARATIONS])
def test_kept_backgrounds_give_the_pixels_of_a_full_redraw(make):
    """Random control changes, each rendered over kept backgrounds, equal a full redraw exactly."""
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
