"""Exports of an afweging, so nothing is locked in: scores and motivations as CSV and Excel,
the whole afweging as JSON."""

from __future__ import annotations

import csv
import io
import json

from afweging.models import Afweging
from afweging.selectors import resultaat

KOLOMMEN = [
    "onderdeel", "deelvraag", "vraag", "gewicht", "score", "score_getal", "motivering", "bronnen",
]  # fmt: skip
# Spreadsheets run a CSV cell that starts with one of these as a formula: user text is
# prefixed with an apostrophe so it stays text (CSV injection). The Excel export marks
# its cells as text instead.
FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde):
    if isinstance(waarde, str) and waarde.startswith(FORMULETEKENS):
        return "'" + waarde
    return waarde


def scoreregels(afweging: Afweging) -> list[dict]:
    return [
        {
            "onderdeel": a.deelvraag.onderdeel.naam,
            "deelvraag": a.deelvraag.nummer,
            "vraag": a.deelvraag.naam,
            "gewicht": float(a.deelvraag.gewicht),
            "score": a.get_oordeel_display() if a.oordeel else "",
            "score_getal": int(a.oordeel) if a.oordeel not in ("", "?") else None,
            "motivering": a.motivering,
            "bronnen": a.bronnen,
        }
        for a in afweging.antwoorden.all()
    ]


def als_csv(afweging: Afweging) -> str:
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=KOLOMMEN, lineterminator="\n")
    schrijver.writeheader()
    schrijver.writerows({k: veilig(v) for k, v in regel.items()} for regel in scoreregels(afweging))
    # With a byte order mark Excel opens the file as UTF-8 (é, ë, −).
    return "\ufeff" + uit.getvalue()


def als_excel(afweging: Afweging) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 - only this export needs it.
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    def tekst(waarde):
        # A worksheet cannot hold control characters (a vertical tab pasted from Word, say).
        return ILLEGAL_CHARACTERS_RE.sub("", waarde) if isinstance(waarde, str) else waarde

    uitkomst = resultaat(afweging).uitkomst
    boek = Workbook()
    blad = boek.active
    blad.title = "Scores"
    blad.append(["Afweging", tekst(afweging.titel)])
    blad.append(["Advies", uitkomst.advies.label])
    blad.append(["Status", afweging.get_status_display()])
    blad.append(["Kaderversie", afweging.kader.versie])
    blad.append([])
    blad.append(KOLOMMEN)
    for cel in blad[6]:
        cel.font = Font(bold=True)
    for regel in scoreregels(afweging):
        blad.append([tekst(regel[k]) for k in KOLOMMEN])
    for rij in blad.iter_rows():
        for cel in rij:
            if isinstance(cel.value, str):
                cel.data_type = "s"  # Never a formula, whatever the text starts with.
    for kolom, breedte in zip("ABCDEFGH", (18, 10, 60, 9, 12, 10, 70, 40), strict=True):
        blad.column_dimensions[kolom].width = breedte
    for rij in blad.iter_rows(min_row=7):
        for cel in rij:
            cel.alignment = Alignment(wrap_text=True, vertical="top")
    inhoud = io.BytesIO()
    boek.save(inhoud)
    return inhoud.getvalue()


def als_dict(afweging: Afweging) -> dict:
    """The whole afweging as plain data: proposal, members, answers, checklist, business
    case, reactions and the outcome it leads to."""
    uitkomst = resultaat(afweging).uitkomst
    bc = getattr(afweging, "businesscase", None)
    return {
        "formaat": "fusietoets-afweging/1",
        "id": afweging.pk,
        "titel": afweging.titel,
        "provincie": afweging.provincie.code,
        "status": afweging.status,
        "kaderversie": afweging.kader.versie,
        "versie": afweging.versie,
        "vorige": afweging.vorige_id,
        "is_voorbeeld": afweging.is_voorbeeld,
        "variant": afweging.variant,
        "centrumgemeente": afweging.centrumgemeente.code if afweging.centrumgemeente else None,
        "geplande_startdatum": _datum(afweging.geplande_startdatum),
        "geplande_evaluatiedatum": _datum(afweging.geplande_evaluatiedatum),
        "taakstelling": _getal(afweging.taakstelling),
        "frictiekostenbudget": _getal(afweging.frictiekostenbudget),
        "reorganisatie_gecombineerd": afweging.reorganisatie_gecombineerd,
        "deelnemers": [
            {
                "gemeentecode": d.gemeente.code,
                "gemeente": d.gemeente.naam,
                "perspectief": d.perspectief,
                "motieven": d.motieven,
                "motieven_toelichting": d.motieven_toelichting,
            }
            for d in afweging.deelnemers.all()
        ],
        "antwoorden": [
            {
                "deelvraag": a.deelvraag.nummer,
                "oordeel": a.oordeel,
                "motivering": a.motivering,
                "bronnen": a.bronnen,
            }
            for a in afweging.antwoorden.all()
        ],  # fmt: skip
        "succesfactoren": [
            {"code": s.succesfactor.code, "status": s.status, "notitie": s.notitie}
            for s in afweging.succesfactorantwoorden.all()
        ],
        "businesscase": None
        if bc is None
        else {
            "basis_overhead": _getal(bc.basis_overhead),
            "verdeelsleutel": bc.verdeelsleutel,
            "mix_inwoners_pct": _getal(bc.mix_inwoners_pct),
            "vaste_verdeling": bc.vaste_verdeling,
            "varianten": [
                {
                    "soort": v.soort,
                    "besparing_pct": _getal(v.besparing_pct),
                    "ingroei_jaren": v.ingroei_jaren,
                    "frictiekosten": _getal(v.frictiekosten),
                    "frictie_jaren": v.frictie_jaren,
                    "extra_kosten": _getal(v.extra_kosten),
                    "btw_aandeel_pct": _getal(v.btw_aandeel_pct),
                }
                for v in bc.varianten.order_by("-soort")
            ],
        },
        "reacties": [
            {
                "gemeentecode": r.gemeente.code,
                "standpunt": r.standpunt,
                "tekst": r.tekst,
                "auteur": r.auteur.username,
                "gegeven": r.gegeven.isoformat(),
                "antwoord": r.antwoord,
                "beantwoord_door": r.beantwoord_door.username if r.beantwoord_door else None,
                "beantwoord_op": r.beantwoord_op.isoformat() if r.beantwoord_op else None,
            }
            for r in afweging.reacties.select_related("gemeente", "auteur", "beantwoord_door")
        ],
        "opmerkingen": [
            {
                "id": o.pk,
                "deelvraag": o.deelvraag.nummer,
                "auteur": o.auteur.username,
                "tekst": o.tekst,
                "antwoord_op": o.antwoord_op_id,
                "geplaatst": o.geplaatst.isoformat(),
            }
            for o in afweging.opmerkingen.select_related("deelvraag", "auteur").order_by("pk")
        ],
        "gedeeld_met": [
            d.gebruiker.username for d in afweging.delingen.select_related("gebruiker")
        ],
        "aangemaakt": afweging.aangemaakt.isoformat(),
        "gewijzigd": afweging.gewijzigd.isoformat(),
        "vastgesteld_op": afweging.vastgesteld_op.isoformat() if afweging.vastgesteld_op else None,
        "vastgesteld_door": afweging.vastgesteld_door.username
        if afweging.vastgesteld_door
        else None,
        "uitkomst": {
            "advies": uitkomst.advies.value,
            "regel": uitkomst.regel,
            "volledigheid_procent": uitkomst.volledigheid.procent,
            "oordelen": {n: o.waarde.value for n, o in uitkomst.oordelen.items()},
        },
    }


def als_json(afweging: Afweging) -> str:
    return json.dumps(als_dict(afweging), ensure_ascii=False, indent=2)


def _datum(waarde):
    return waarde.isoformat() if waarde else None


def _getal(waarde):
    if waarde is None:
        return None
    return int(waarde) if waarde == int(waarde) else float(waarde)
