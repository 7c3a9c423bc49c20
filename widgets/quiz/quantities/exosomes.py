"""Quiz quantities of the exosome chapter: the co-culture, the EV characterisation and the
vesicles of donors under autophagy inhibitors."""
from __future__ import annotations

from ...model.exosomes import recipient_ic50, simulate_coculture, vesicle_transfer
from ...model.labels import typical_dose
from ...model.vesicles import MARKERS, characterise
from . import chosen_read_out, conditions, relative_to_reference

#: What :func:`coculture` can read at the end of a co-culture.
COCULTURE_READ_OUTS = ("recipient_viability", "recipient_alone_viability", "donor_viability",
                       "exosomes", "exosomal_mir21", "gain")


def coculture_ic50_shift(spec: dict) -> float:
    """Recipient IC50 with donors / alone (:func:`widgets.model.exosomes.recipient_ic50`):
    ``drug``, ``hours`` (default 72), ``donor`` (default Huh7-SR), ``cell_line`` (the recipient),
    ``donor_fraction`` (default 0.5), ``treatments``, ``ph`` (default 7.4)."""
    treatments, _, line, _ = conditions(spec)
    together, alone = recipient_ic50(spec["drug"], spec.get("hours", 72.0),
                                     spec.get("donor", "Huh7-SR"), line,
                                     spec.get("donor_fraction", 0.5), treatments,
                                     spec.get("ph", 7.4))
    return together / alone


#: What :func:`vesicle_transfer_read_out` can read: the donors, their vesicles, the recipients.
TRANSFER_READ_OUTS = ("donor_lc3_ii", "donor_p62", "vesicles", "vesicle_lc3_ii", "vesicle_p62",
                      "recipient_lc3_ii", "recipient_p62", "recipient_viability", "gain")


def _transfer_read_out(spec: dict) -> float:
    read_out = chosen_read_out(spec, TRANSFER_READ_OUTS, "vesicles")
    treatments, knockdown, _, _ = conditions(spec)
    drug = spec.get("drug", "sorafenib")
    result = vesicle_transfer(treatments, knockdown, drug, spec.get("dose", typical_dose(drug)),
                              spec.get("donor", "Huh7-SR"),
                              conditioning_hours=spec.get("conditioning_hours", 24.0))
    without, given = result.recipient_viability
    if read_out == "gain":
        return given - without
    value = getattr(result, read_out)
    if isinstance(value, tuple):          # the recipients: (without, with the vesicles)
        return value[1] if spec.get("given", True) else value[0]
    return value


def vesicle_transfer_read_out(spec: dict) -> float:
    """A read-out of :func:`widgets.model.exosomes.vesicle_transfer`: donors conditioned with
    an autophagy inhibitor, their vesicles given to Huh7 recipients under a drug.

    Reads ``read_out`` (one of ``TRANSFER_READ_OUTS``, default ``vesicles``: released
    vesicles relative to untreated donors; the donors' levels are relative to untreated
    donors, the vesicles' LC3-II and p62 in a.u., the recipients' levels relative to
    untreated recipients, viability a fraction of untreated cells; ``gain`` is the
    recipients' viability with the vesicles minus without), ``treatments`` (µM) and
    ``knockdown`` (fraction removed) of the donors, ``donor`` (default Huh7-SR),
    ``conditioning_hours`` (default 24), the recipients' ``drug`` (default sorafenib) and
    ``dose`` (µM, default its typical dose), ``given`` (default true: the recipients given
    the vesicles; false: without them), and ``reference``, a dict of keys to change: if
    given, the read-out is divided by the same read-out with those changes.
    """
    return relative_to_reference(_transfer_read_out, spec)


def coculture_ic50(spec: dict) -> float:
    """The Huh7 recipients' IC50 (µM) with donors, or ``alone`` (default false), read as
    :func:`coculture_ic50_shift` reads its keys (``drug`` default sorafenib, recipients
    Huh7)."""
    together, alone = recipient_ic50(spec.get("drug", "sorafenib"), spec.get("hours", 72.0),
                                     spec.get("donor", "Huh7-SR"), "Huh7",
                                     spec.get("donor_fraction", 0.5),
                                     spec.get("treatments", {}), spec.get("ph", 7.4))
    return alone if spec.get("alone", False) else together


def _coculture_read_out(spec: dict) -> float:
    read_out = chosen_read_out(spec, COCULTURE_READ_OUTS, "gain")
    drug = spec.get("drug", "sorafenib")
    result = simulate_coculture(drug, spec.get("dose", typical_dose(drug)),
                                spec.get("hours", 72.0), spec.get("donor", "Huh7-SR"), "Huh7",
                                spec.get("donor_fraction", 0.5), spec.get("treatments", {}),
                                spec.get("ph", 7.4))
    if read_out == "gain":
        return float(result.recipient_viability[-1] - result.recipient_alone_viability[-1])
    return float(getattr(result, read_out)[-1])


def coculture(spec: dict) -> float:
    """A read-out at the end of :func:`widgets.model.exosomes.simulate_coculture` with Huh7
    recipients.

    Reads ``read_out`` (one of ``COCULTURE_READ_OUTS``; ``gain`` is the recipients'
    viability with donors minus alone; default ``gain``), ``drug`` (default sorafenib),
    ``dose`` (µM, default the drug's typical dose), ``hours`` (default 72), ``donor``
    (default Huh7-SR), ``donor_fraction`` (default 0.5), ``treatments`` (e.g. GW4869),
    ``ph`` (default 7.4), and ``reference``, a dict of keys to change: if given, the
    read-out is divided by the same read-out with those changes.
    """
    return relative_to_reference(_coculture_read_out, spec)


def vesicles(spec: dict) -> float:
    """What :func:`widgets.model.vesicles.characterise` reports for ``preparation`` (default
    ultracentrifugation) from ``treated`` cells (default false): ``read_out`` is a marker's
    band (``CD63``, ``CD9``, ``TSG101``, ``ALIX``, ``calnexin``), ``percent_in_range`` (%
    of particles 30-150 nm across) or ``mode_nm`` (nm)."""
    result = characterise(spec.get("preparation", "ultracentrifugation"),
                          spec.get("treated", False))
    read_out = chosen_read_out(spec, (*MARKERS, "percent_in_range", "mode_nm"))
    if read_out == "percent_in_range":
        return 100.0 * result.share_in_range
    if read_out == "mode_nm":
        return result.mode_nm
    return result.markers[read_out]


QUANTITIES = {"coculture_ic50_shift": coculture_ic50_shift,
              "vesicle_transfer": vesicle_transfer_read_out,
              "coculture_ic50": coculture_ic50,
              "coculture": coculture,
              "vesicles": vesicles}
