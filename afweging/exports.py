"""Exports of an afweging, so nothing is locked in: scores and motivations as CSV and Excel.
The whole afweging as JSON is the exchange format, in `uitwisseling.exporteren`."""

from __future__ import annotations

import csv
import io

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
            "score": a.get_score_display() if a.score else "",
            "score_getal": int(a.score) if a.score not in ("", "?") else None,
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
    blad.append(["Provincie", afweging.provincies_kort])
    blad.append([])
    blad.append(KOLOMMEN)
    for cel in blad[7]:
        cel.font = Font(bold=True)
    for regel in scoreregels(afweging):
        blad.append([tekst(regel[k]) for k in KOLOMMEN])
    for rij in blad.iter_rows():
        for cel in rij:
            if isinstance(cel.value, str):
                cel.data_type = "s"  # Never a formula, whatever the text starts with.
    for kolom, breedte in zip("ABCDEFGH", (18, 10, 60, 9, 12, 10, 70, 40), strict=True):
        blad.column_dimensions[kolom].width = breedte
    for rij in blad.iter_rows(min_row=8):
        for cel in rij:
            cel.alignment = Alignment(wrap_text=True, vertical="top")
    inhoud = io.BytesIO()
    boek.save(inhoud)
    return inhoud.getvalue()
