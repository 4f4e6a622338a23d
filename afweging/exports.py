"""Exports of an afweging, so nothing is locked in: scores and motivations as CSV and Excel.
The whole afweging as JSON is the exchange format, in `uitwisseling.exporteren`.

The writers themselves (`csv_tekst`, `werkboek`) know no afweging: an evaluatie's exports
(`evaluatie.exports`) write their rows with them, so both keep user text as text the same
way (`veilig` in a CSV, a text cell in Excel).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

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


def csv_tekst(kolommen: list[str], regels: list[dict]) -> str:
    """The rows as CSV under a header of `kolommen`, every cell `veilig`."""
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=kolommen, lineterminator="\n")
    schrijver.writeheader()
    schrijver.writerows({k: veilig(v) for k, v in regel.items()} for regel in regels)
    # With a byte order mark Excel opens the file as UTF-8 (é, ë, −).
    return "\ufeff" + uit.getvalue()


@dataclass
class Blad:
    """One worksheet: a few label-value rows on top (`kop`), an empty row, then a table of
    `regels` under the bold header `kolommen`, its columns `breedtes` wide."""

    titel: str
    kolommen: list[str]
    regels: list[dict]
    breedtes: tuple[int, ...] = ()
    kop: list[list] = field(default_factory=list)


def werkboek(*bladen: Blad) -> bytes:
    """An Excel file of these sheets. Every text cell is a text cell, never a formula,
    whatever the text starts with; control characters (a vertical tab pasted from Word)
    are left out, as a worksheet cannot hold them."""
    from openpyxl import Workbook  # noqa: PLC0415 - only the exports need it.
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    def tekst(waarde):
        return ILLEGAL_CHARACTERS_RE.sub("", waarde) if isinstance(waarde, str) else waarde

    boek = Workbook()
    for nummer, blad in enumerate(bladen):
        vel = boek.active if nummer == 0 else boek.create_sheet()
        vel.title = blad.titel
        for rij in blad.kop:
            vel.append([tekst(w) for w in rij])
        if blad.kop:
            vel.append([])
        vel.append(blad.kolommen)
        koprij = vel.max_row
        for cel in vel[koprij]:
            cel.font = Font(bold=True)
        for regel in blad.regels:
            vel.append([tekst(regel.get(k)) for k in blad.kolommen])
        for rij in vel.iter_rows():
            for cel in rij:
                if isinstance(cel.value, str):
                    cel.data_type = "s"  # Never a formula, whatever the text starts with.
        for kolom, breedte in enumerate(blad.breedtes, 1):
            vel.column_dimensions[get_column_letter(kolom)].width = breedte
        for rij in vel.iter_rows(min_row=koprij + 1):
            for cel in rij:
                cel.alignment = Alignment(wrap_text=True, vertical="top")
    inhoud = io.BytesIO()
    boek.save(inhoud)
    return inhoud.getvalue()


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
    return csv_tekst(KOLOMMEN, scoreregels(afweging))


def als_excel(afweging: Afweging) -> bytes:
    uitkomst = resultaat(afweging).uitkomst
    return werkboek(
        Blad(
            "Scores",
            KOLOMMEN,
            scoreregels(afweging),
            breedtes=(18, 10, 60, 9, 12, 10, 70, 40),
            kop=[
                ["Afweging", afweging.titel],
                ["Advies", uitkomst.advies.label],
                ["Status", afweging.get_status_display()],
                ["Kaderversie", afweging.kader.versie],
                ["Provincie", afweging.provincies_kort],
            ],
        )
    )
