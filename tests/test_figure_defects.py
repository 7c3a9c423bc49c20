"""What a student sees in each panel's figure: nothing cut off, nothing hidden, nothing promised
that the controls cannot show.

Each check is one a reader would make by eye: a curve's peak lies inside its axis, a time
axis ends with the run, every curve the legend names can be seen, every label and title is
whole, a number the caption recommends can be set, and a virtual trial opens on a typical
trial of its size.
"""
import re
from itertools import product

import numpy as np
import pytest
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.textpath import TextPath

from widgets.figures.rendering import render_png
from widgets.model.cytometry import isotype_gate, stain
from widgets.model.ncrna import target_levels
from widgets.model.trials import replicate_hazard_ratios, virtual_trial
from widgets.panels import declared_panels, exosomes, ncrna, stem_cells, trials
from widgets.panels.ipywidgets_build import LABEL_WIDTH

DECLARATIONS = declared_panels()
# A control's label sits in a box LABEL_WIDTH wide and is cut ("autophagy-d…") beyond it; less
# the label's margin, 6.8 em of DejaVu Sans, wider than the sans-serif fonts browsers use.
LABEL_EM = float(LABEL_WIDTH.removesuffix("em")) - 0.7


def _frames(panel):
    """The values of the opening frame and of every static frame."""
    statics = panel.static_controls
    yield panel.values()
    for chosen in product(*(c.static for c in statics)):
        yield panel.values({c.name: v for c, v in zip(statics, chosen)})


def _curves(ax):
    """Visible data curves of ``ax`` (not reference lines drawn in axes coordinates)."""
    return [line for line in ax.get_lines() if line.get_visible()
            and line.get_transform() == ax.transData and len(line.get_xdata()) > 0]


def _see_both(below: Line2D, above: Line2D) -> bool:
    """Whether a curve drawn over another that it coincides with leaves the lower one visible."""
    wider = below.get_linewidth() > above.get_linewidth() + 1.0
    marked = above.get_marker() not in (None, "None", "", " ")
    broken = above.get_linestyle() not in ("-", "solid") and below.get_linestyle() in ("-", "solid")
    return wider or marked or broken


def _problems(artists) -> list[str]:
    found = []
    figure = artists.figure
    renderer = figure.canvas.get_renderer()
    order = {id(a): i for i, a in enumerate(artists.dynamic)}
    texts = list(figure.texts)
    for ax in figure.axes:
        bottom, top = sorted(ax.get_ylim())
        left, right = sorted(ax.get_xlim())
        curves = _curves(ax)
        for line in curves:
            x = np.asarray(line.get_xdata(), float)
            y = np.asarray(line.get_ydata(), float)
            if y.size and (np.nanmax(y) > top + 1e-9 or np.nanmin(y) < bottom - 1e-9):
                found.append(f"{line.get_label()!r} runs from {np.nanmin(y):.3g} to "
                             f"{np.nanmax(y):.3g}, outside its axis {bottom:.3g}-{top:.3g}")
            drawn_as_curve = line.get_linestyle() not in ("None", "none", "", " ")
            if (ax.get_xscale() == "linear" and x.size > 2 and drawn_as_curve
                    and not line.get_label().startswith("_")
                    and np.nanmax(x) < left + 0.9 * (right - left)):
                found.append(f"{line.get_label()!r} ends at x = {np.nanmax(x):.3g} on an axis "
                             f"to {right:.3g}")
        legend = ax.get_legend()
        named = {t.get_text() for t in legend.get_texts() if t.get_visible()} if legend else set()
        for line in ax.get_lines():
            if line.get_label() in named and len(line.get_xdata()) == 0:
                found.append(f"legend names {line.get_label()!r}, which has nothing drawn")
        shown = [line for line in curves if line.get_label() in named]
        for a, b in ((a, b) for i, a in enumerate(shown) for b in shown[i + 1:]):
            ya, yb = np.asarray(a.get_ydata(), float), np.asarray(b.get_ydata(), float)
            if ya.shape != yb.shape or not np.allclose(ya, yb, atol=0.01 * (top - bottom)):
                continue
            below, above = sorted((a, b), key=lambda line: order.get(id(line), 0))
            if not _see_both(below, above):
                found.append(f"legend names {below.get_label()!r}, hidden under "
                             f"{above.get_label()!r}")
        texts += [*ax.texts, ax.title, ax.xaxis.label, ax.yaxis.label,
                  *(legend.get_texts() if legend else ())]
    page = figure.bbox
    for text in texts:
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < page.x0 - 0.5 or box.x1 > page.x1 + 0.5 or box.y0 < page.y0 - 0.5 \
                or box.y1 > page.y1 + 0.5:
            found.append(f"text {text.get_text()[:50]!r} is cut by the figure's edge")
    return found


@pytest.mark.parametrize("declare", DECLARATIONS, ids=[d.__name__ for d in DECLARATIONS])
def test_every_static_frame_shows_whole_curves_and_labels_and_every_curve_it_names(declare):
    panel = declare()
    artists = panel.make_figure()
    for index, values in enumerate(_frames(panel)):
        panel.draw(artists, values)
        if index == 0:
            render_png(artists)   # lays the figure out once, as both lives do
        assert not _problems(artists), (values, _problems(artists))


def _label_em(label: str) -> float:
    return TextPath((0, 0), label, prop=FontProperties(family="DejaVu Sans", size=1)
                    ).get_extents().width


def test_every_control_label_fits_its_box_uncut():
    for declare in DECLARATIONS:
        for control in declare().controls:
            assert _label_em(control.label) <= LABEL_EM, (declare.__name__, control.label)
    assert _label_em("autophagy-dependent tumours") > LABEL_EM   # the label that was cut


def test_coculture_mir21_peak_is_inside_its_axis_even_in_the_most_acid_medium():
    panel = exosomes.coculture_panel()
    artists = panel.make_figure()
    for chosen in ({"ph": 6.6}, {"ph": 6.4, "share": 0.9, "drug": "doxorubicin", "donor": "Huh7"}):
        panel.draw(artists, panel.values(chosen))
        peak = np.max(artists.mir21_line.get_ydata())
        assert peak > 3.0                     # above the axis's old fixed top
        assert peak <= artists.medium_ax.get_ylim()[1] / 1.04, chosen


def test_coculture_at_neutral_ph_shows_and_says_that_vesicles_and_mir21_coincide():
    panel = exosomes.coculture_panel()
    artists = panel.make_figure()
    said = panel.draw(artists, panel.values({"ph": 7.4})).numbers
    assert np.allclose(artists.exosome_line.get_ydata(), artists.mir21_line.get_ydata())
    assert _see_both(artists.exosome_line, artists.mir21_line)
    assert "the vesicle and miR-21 curves" in said and "coincide" in said
    assert "vesicle and miR-21" not in panel.draw(artists, panel.values({"ph": 6.6})).numbers


@pytest.mark.parametrize("declare, run_days", [
    (stem_cells.therapy_cycles_panel,
     {(c,): c * (stem_cells.DAYS_ON + stem_cells.DAYS_OFF) for c in stem_cells.CYCLES}),
    (stem_cells.sorted_cells_panel, {(d,): d for d in stem_cells.REGROWTH_DAYS})])
def test_time_axis_ends_within_a_tenth_of_the_run(declare, run_days):
    panel = declare()
    artists = panel.make_figure()
    name = "cycles" if declare is stem_cells.therapy_cycles_panel else "days"
    for (value,), days in run_days.items():
        panel.draw(artists, panel.values({name: value}))
        for ax in (artists.count_ax, artists.fraction_ax):
            assert days <= ax.get_xlim()[1] <= 1.1 * days, (value, ax.get_xlim())


def test_table1_dial_reads_one_at_basal_in_every_row_and_explains_a_line_whose_basal_differs():
    panel = ncrna.table1_dial_panel()
    artists = panel.make_figure()
    for row in panel.control("row").values:
        said = panel.draw(artists, panel.values({"row": row, "level": 1.0})).numbers
        proteins = re.sub(r"\(.*?\)", "", said.split(";")[0])   # without the note on basal
        targets = re.findall(r"(\w+) (\d\.\d\d)", proteins)
        assert targets and all(value == "1.00" for _, value in targets), (row, said)
    said = panel.draw(artists, panel.values({"row": "mir21_sorafenib", "level": 1.0})).numbers
    pten = target_levels({}, "Huh7-SR")["PTEN"]
    assert pten < 0.5      # the resistant line's high miR-21 keeps its PTEN low
    assert f"basal in Huh7-SR: PTEN {pten:.2f} × parental" in said
    assert f"PTEN {pten:.2f}" in artists.basal_note.get_text()


def test_the_gate_the_flow_caption_recommends_can_be_set_on_the_site_and_in_a_notebook():
    panel = stem_cells.flow_cytometer_panel()
    recommended = round(isotype_gate(stain(0.0)), 2)
    assert f"{recommended:.2f} (log10)" in panel.shows
    gate = panel.control("gate")
    assert recommended in gate.static and recommended in gate.values
    for number in re.findall(r"\d\.\d\d", panel.shows):
        assert float(number) in gate.static, number


def _hazard_ratio(values) -> float:
    return float(re.search(r"HR (\d\.\d\d)", values).group(1))


def test_virtual_trial_opens_on_a_typical_trial_of_its_size():
    panel = trials.virtual_trial_panel()
    values = panel.values()
    arms = trials.trial_arms(values["comparison"], values["hcq"])
    pool = replicate_hazard_ratios(arms, values["n"], range(trials.POOL), trials.MONTHS,
                                   dependent_share=values["share"])
    opening = _hazard_ratio(panel.draw(panel.make_figure(), values).numbers)
    nearest = pool[np.argmin(np.abs(np.log(pool) - np.log(np.median(pool))))]
    assert opening == pytest.approx(nearest, abs=0.005)
    low, high = np.quantile(pool, (0.25, 0.75))
    assert low < opening < high


def test_virtual_trial_replicate_choices_lean_both_ways_at_every_static_size():
    panel = trials.virtual_trial_panel()
    artists = panel.make_figure()
    for comparison, n in product(panel.control("comparison").static, panel.control("n").static):
        ratios = {shown: _hazard_ratio(panel.draw(artists, panel.values(
            {"comparison": comparison, "n": n, "replicate": shown})).numbers)
            for shown in ("lower", "median", "upper")}
        assert ratios["lower"] < ratios["median"] < ratios["upper"], (comparison, n, ratios)


def test_twenty_more_trials_show_their_spread_around_the_true_effect_in_both_lives():
    panel = trials.virtual_trial_panel()
    assert "more" in panel.control("replicate").static         # a precomputed frame too
    artists = panel.make_figure()
    values = panel.values({"replicate": "more"})
    said = panel.draw(artists, values).numbers
    arms = trials.trial_arms(values["comparison"], values["hcq"])
    more = [virtual_trial(arms, values["n"], trials.MONTHS, seed,
                          dependent_share=values["share"]).hazard_ratio
            for seed in range(trials.POOL, trials.POOL + trials.MORE_TRIALS)]
    dots = artists.more_trials.get_xdata()
    np.testing.assert_allclose(dots, more)
    true = virtual_trial(arms, trials.LARGE_TRIAL, trials.MONTHS, 1,
                         dependent_share=values["share"]).hazard_ratio
    assert artists.true_line.get_xdata()[0] == pytest.approx(true)
    left, right = artists.strip_ax.get_xlim()
    assert left < min(more) and max(more) < right
    above = sum(r > true for r in more)
    assert f"{trials.MORE_TRIALS} more trials" in said and 0 < above < trials.MORE_TRIALS
    assert f"{above} above and {trials.MORE_TRIALS - above} below the true effect" in said
    hidden = panel.draw(artists, panel.values()).numbers
    assert len(artists.more_trials.get_xdata()) == 0 and "more trials" not in hidden


def test_replicate_hazard_ratios_are_those_of_the_seeded_trials():
    arms = trials.trial_arms("add_hcq", 1.0)
    quick = replicate_hazard_ratios(arms, 34, (0, 7, 41))
    assert quick.tolist() == [virtual_trial(arms, 34, 24.0, s).hazard_ratio for s in (0, 7, 41)]
    with pytest.raises(ValueError, match="seeds"):
        replicate_hazard_ratios(arms, 34, [])
