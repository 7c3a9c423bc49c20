"""The claims the widget notebooks of the non-coding RNA chapter make, checked on the model.

Each test reads what one notebook of ``chapters/ncrna/`` tells the reader to look for in its
"Things to try" and exercises (one test per widget notebook, named
``test_ncrna_<notebook>_claims``; ``tests/test_chapters.py`` asks for it). A teacher who edits
``data/`` sees here which notebook's text needs a look, instead of a failing cell in the notebook.
"""
import math

import widgets


def test_ncrna_mir21_contexts_claims():
    """What `chapters/ncrna/mir21_contexts.ipynb` tells the reader to look for."""
    from widgets.model.table1 import context_result

    parental, resistant = (context_result("sorafenib", line, 0.1) for line in ("Huh7", "Huh7-SR"))   # task 1
    assert resistant.flux > resistant.flux_basal and resistant.ic50_um < resistant.ic50_basal_um / 2
    assert abs(parental.ic50_um / parental.ic50_basal_um - 1) < 0.02
    parental, resistant = (context_result("sorafenib", line, 10.0) for line in ("Huh7", "Huh7-SR"))  # task 2
    assert parental.flux < parental.flux_basal and resistant.flux < resistant.flux_basal
    assert parental.ic50_um < parental.ic50_basal_um and resistant.ic50_um > resistant.ic50_basal_um
    no_atg7 = widgets.ic50("sorafenib", cell_line="Huh7-SR", knockdown={"ATG7": 1.0})                # task 4
    assert abs(widgets.ic50("sorafenib", cell_line="Huh7-SR", knockdown={"ATG7": 1.0},
                            ncrna={"miR-21": 0.1}) / no_atg7 - 1) < 0.05
    assert abs(widgets.ic50("sorafenib", cell_line="Huh7-SR", knockdown={"MIR21": 0.9})              # task 5
               / widgets.ic50("sorafenib", cell_line="Huh7-SR", ncrna={"miR-21": 0.1}) - 1) < 1e-6


def test_ncrna_table1_dial_claims():
    """What `chapters/ncrna/table1_dial.ipynb` tells the reader to look for."""
    from widgets.model.table1 import dial, table1_rows

    def shift(row, level):
        result = dial(row, level)
        return math.log(result.ic50_um / result.ic50_basal_um)

    basal, mimic = dial("mir26_doxorubicin", 1.0), dial("mir26_doxorubicin", 10.0)           # task 1
    assert mimic.targets["ULK1"] < 0.5 * basal.targets["ULK1"] and mimic.flux < basal.flux
    assert mimic.blot.flux["treated"] < mimic.blot.flux["control"] and mimic.ic50_um < basal.ic50_um
    assert dial("mir26_doxorubicin", 0.1).targets["ULK1"] > 1.0                                  # task 2
    assert 0 < shift("mir26_doxorubicin", 0.1) < -shift("mir26_doxorubicin", 10.0)
    assert abs(shift("mir223_doxorubicin", 0.1)) < 0.05
    rescued = dial("mir21_sorafenib", 0.1)                                                       # task 3
    assert rescued.flux > dial("mir21_sorafenib", 1.0).flux and rescued.ic50_um < rescued.ic50_basal_um / 2
    assert rescued.targets["PTEN"] > dial("mir21_sorafenib", 1.0).targets["PTEN"]
    silenced = dial("hulc_chemotherapy", 0.1)                                                    # task 4
    assert silenced.targets["SIRT1"] < 1 and silenced.flux < dial("hulc_chemotherapy", 1.0).flux
    assert silenced.ic50_um < silenced.ic50_basal_um and shift("hulc_chemotherapy", 10.0) > 0
    mirnas = [r.row for r in table1_rows(modelled_only=True) if r.row not in ("mir21_sorafenib", "hulc_chemotherapy")]
    assert min(mirnas, key=lambda row: shift(row, 10.0)) == "mir101_cisplatin"                   # task 5
    both = widgets.ic50("doxorubicin", ncrna={"miR-26a": 10.0, "miR-26b": 10.0})                 # task 6
    one = widgets.ic50("doxorubicin", ncrna={"miR-26a": 10.0})
    plain = widgets.ic50("doxorubicin")
    assert both < one < plain
    combined = widgets.ic50("doxorubicin", ncrna={"miR-26a": 10.0, "miR-26b": 10.0, "miR-223": 10.0})   # task 7
    assert combined < min(both, widgets.ic50("doxorubicin", ncrna={"miR-223": 10.0}))
