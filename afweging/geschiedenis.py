"""What a save changed, in words for the history: Dutch labels, from what to what.

"deelvraag 3: score +1 → −1, motivering gewijzigd". Choices, numbers, amounts, dates and
gemeenten are shown before and after; free text only as changed (the history is a table,
not a diff; the text itself is on the page). Free text is also what
autosave saves every few seconds while someone types: its entry reads the same each time,
so `vastleggen` merges them into one.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model

from weergave import getallen

LEEG = "leeg"


def _label(form, naam: str) -> str:
    """The field's own name, not a per-row label ("Score", not "Score deelvraag 3"), and
    not a question ("perspectief Onbekend → Eindoplossing", not "hoe ziet deze gemeente de
    fusie? Onbekend → Eindoplossing"): then the model field's name."""
    label = getattr(getattr(form, "_meta", None), "labels", None) or {}
    tekst = label.get(naam)
    if (tekst is None or str(tekst).endswith("?")) and getattr(form, "_meta", None) is not None:
        try:
            tekst = form._meta.model._meta.get_field(naam).verbose_name
        except FieldDoesNotExist:  # a form field of its own (the fixed split per gemeente)
            tekst = None
    tekst = str(tekst or form.fields[naam].label or naam)
    return tekst[:1].lower() + tekst[1:]


def _keuzes(form, naam: str) -> dict:
    """The labels of a field's choices: the model's own (short: "+1"), else the form's."""
    keuzes = None
    if getattr(form, "_meta", None) is not None:
        try:
            keuzes = form._meta.model._meta.get_field(naam).choices
        except FieldDoesNotExist:
            keuzes = None
    keuzes = keuzes or getattr(form.fields[naam], "choices", None) or []
    return {str(waarde): str(label) for waarde, label in keuzes}


def _toon(form, naam: str, waarde) -> str:
    if waarde in (None, "", [], ()):
        return LEEG
    if isinstance(waarde, Model):
        return str(waarde)
    if isinstance(waarde, list | tuple) or hasattr(waarde, "model"):  # choices, querysets
        return getallen.opsomming([_toon(form, naam, w) for w in waarde]) or LEEG
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, date):
        return f"{waarde.day}-{waarde.month}-{waarde.year}"
    if isinstance(waarde, Decimal | int | float):
        # As the field shows it: a percentage with its one decimal (0,0 → 2,5), an amount
        # in whole euros; a number without fixed decimals only with the ones it has.
        cijfers = getattr(form.fields.get(naam), "decimal_places", None)
        if cijfers is not None:
            return getallen.afgerond(waarde, cijfers, duizendtallen=True)
        return getallen.afgerond(waarde, 1, duizendtallen=True, hele_zonder_decimalen=True)
    keuzes = _keuzes(form, naam)
    if str(waarde) in keuzes:
        return keuzes[str(waarde)]
    if hasattr(form.fields[naam], "queryset"):  # an id given as initial value
        gevonden = form.fields[naam].queryset.filter(pk=waarde).first()
        return str(gevonden) if gevonden is not None else str(waarde)
    return f"‘{waarde}’"


def _oud(form, naam: str):
    veld = form.fields[naam]
    waarde = form.get_initial_for_field(veld, naam)
    if hasattr(veld, "queryset") and isinstance(waarde, list | tuple):
        return list(veld.queryset.filter(pk__in=[getattr(w, "pk", w) for w in waarde]))
    return waarde


def veranderingen(form, *, zonder=("versie",)) -> list[dict]:
    """Per changed field: its Dutch label, and the value before and after, as text."""
    uit = []
    for naam in form.changed_data:
        if naam in zonder:
            continue
        oud, nieuw = _oud(form, naam), form.cleaned_data.get(naam)
        regel = {"veld": _label(form, naam)}
        vrije_tekst = not _keuzes(form, naam) and any(isinstance(w, str) for w in (oud, nieuw))
        if vrije_tekst:
            regel["gewijzigd"] = True
        else:
            regel |= {"van": _toon(form, naam, oud), "naar": _toon(form, naam, nieuw)}
        uit.append(regel)
    return uit


def in_woorden(regels: list[dict]) -> str:
    """ "score +1 → −1, motivering gewijzigd"."""
    return ", ".join(
        f"{r['veld']} gewijzigd" if r.get("gewijzigd") else f"{r['veld']} {r['van']} → {r['naar']}"
        for r in regels
    )


# The field names in entries written before the history had Dutch labels (issue 10):
# "Leiderdorp: perspectief, motieven_toelichting". Frozen: no code writes them any more,
# but such entries stay in the history of older afwegingen.
OUDE_VELDNAMEN = {
    "motieven_toelichting": "andere motieven of toelichting",
    "geplande_startdatum": "geplande startdatum",
    "geplande_evaluatiedatum": "geplande eerste evaluatie",
    "reorganisatie_gecombineerd": "gecombineerd met reorganisatie of nieuwe sturingsfilosofie",
    "basis_overhead": "overhead van de deelnemers samen",
    "mix_inwoners_pct": "aandeel inwoners in de mix",
    "besparing_pct": "structurele besparing",
    "ingroei_jaren": "jaren tot volle besparing",
    "frictie_jaren": "frictiekosten verdeeld over jaren",
    "extra_kosten": "extra kosten per jaar",
    "btw_aandeel_pct": "deel van de diensten met btw",
    "vaste_verdeling": "vaste verdeling",
}
_OUDE_NAAM = re.compile(r"\b(?:vast_GM\d{4}|" + "|".join(OUDE_VELDNAMEN) + r")\b")


def _nieuw_formaat(details: dict) -> bool:
    """Whether the entry was written with Dutch labels: its changes as from-to rows."""
    return any(isinstance(w, dict) for w in details.get("wijzigingen") or ())


def tekst(wijziging) -> str:
    """An entry as the history shows it: in full (the stored line stops at 300 characters;
    the rest is kept in the details) and, in an entry of before the Dutch labels, each old
    field name in Dutch."""
    details = wijziging.details or {}
    wat = details.get("tekst") or wijziging.wat
    if _nieuw_formaat(details):
        return wat
    return _OUDE_NAAM.sub(
        lambda m: (
            "vaste verdeling" if m.group().startswith("vast_GM") else OUDE_VELDNAMEN[m.group()]
        ),
        wat,
    )
