"""Import of CBS Iv3 figures (lasten, baten and salaries per taakveld) into the benchmark app.

Two formats are read:
- the per-taakveld files of michielsd/begrotingsanalysetool as shipped in `fixtures/iv3/`
  (`iv3_taakvelden_<jaar>_<document>.csv[.gz]`, `;`-separated, gemeente by name);
- a documented long format for new years from CBS, comma-separated with the header
  `gemeentecode,jaar,document,taakveld,lasten,baten` and optionally `salarissen`
  (amounts × € 1.000; `NL01` for the Nederland total; see fixtures/iv3/LEESMIJ.md).

The import is atomic and idempotent: every file is read and checked first, and every bad
row is reported with its file, line and reason; then each year and document is replaced
when its file changed (a checksum over the normalised rows), and otherwise compared row by
row with the database, so an amount edited in the admin is put back: the files are leading.
A second run changes nothing.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from benchmark.models import Iv3Bestand, Iv3Regel, Iv3Totaal, Taakveld
from casussen.models import Gemeente
from paginacache import stand

IV3_FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "iv3"
GEMEENTEN_CSV = Path(settings.BASE_DIR) / "fixtures" / "cbs" / "gemeenten_2022_2025.csv"
NEDERLAND = "NL01"
BRON_MICHIELSD = "Bron: CBS (Iv3), per taakveld samengevoegd door michielsd/begrotingsanalysetool"
BRON_LANG = "Bron: CBS (Iv3), aangeleverd in het lange formaat"
MICHIELSD_NAAM = re.compile(r"iv3_taakvelden_(\d{4})_(jaarrekening|begroting)\.csv(\.gz)?$")
LANG_KOLOMMEN = ["gemeentecode", "jaar", "document", "taakveld", "lasten", "baten"]
DOCUMENTEN = {keuze.value for keuze in Iv3Bestand.Document}
# Amounts are stored as DecimalField(max_digits=14, decimal_places=1): rounded to one
# decimal, they must stay below 10^13.
GRENS_BEDRAG = Decimal("9999999999999.95")
TAAKVELDNAAM_MAX = Taakveld._meta.get_field("naam").max_length


class Iv3Fout(Exception):
    def __init__(self, fouten: list[str]):
        self.fouten = fouten
        super().__init__("\n".join(fouten))


@dataclass(frozen=True)
class Record:
    bestand: str
    regel: int
    code: str  # gemeentecode, or NL01 for Nederland
    jaar: int
    document: str
    taakveld: str
    taakveldnaam: str | None
    lasten: Decimal
    baten: Decimal
    salarissen: Decimal | None

    @property
    def sleutel(self) -> tuple:
        return (self.jaar, self.document, self.code, self.taakveld)


def _open(pad: Path):
    if pad.suffix == ".gz":
        return gzip.open(pad, "rt", encoding="utf-8", newline="")
    return open(pad, encoding="utf-8", newline="")


def _bedrag(waarde: str, kolom: str, plek: str, fouten: list[str], *, leeg_mag: bool = False):
    waarde = (waarde or "").strip()
    if not waarde:
        if leeg_mag:
            return None
        fouten.append(f"{plek}: {kolom} ontbreekt")
        return None
    try:
        bedrag = Decimal(waarde)
    except InvalidOperation:
        fouten.append(f"{plek}: {kolom} is geen getal: {waarde!r}")
        return None
    if not bedrag.is_finite():
        fouten.append(f"{plek}: {kolom} is geen getal: {waarde!r}")
        return None
    if abs(bedrag) >= GRENS_BEDRAG:
        fouten.append(f"{plek}: {kolom} is te groot: {waarde!r}")
        return None
    return bedrag


def naam_naar_code() -> dict[str, str]:
    """Gemeente names as Iv3 spells them (plain and with CBS suffix) to CBS codes."""
    with open(GEMEENTEN_CSV, encoding="utf-8", newline="") as bestand:
        rijen = list(csv.DictReader(bestand))
    codes = {rij["gemeentenaam"]: rij["gemeentecode"] for rij in rijen}
    codes.update({rij["gemeentenaam_cbs_gebieden"]: rij["gemeentecode"] for rij in rijen})
    codes["Nederland"] = NEDERLAND
    return codes


def lees_michielsd(pad: Path, codes: dict[str, str], fouten: list[str]) -> list[Record]:
    jaar, document = MICHIELSD_NAAM.search(pad.name).groups()[:2]
    records = []
    with _open(pad) as bestand:
        lezer = csv.DictReader(bestand, delimiter=";")
        verplicht = {
            "Gemeenten",
            "Taakveld",
            "Lasten",
            "Baten",
            "L1.1 Salarissen en sociale lasten",
        }
        ontbreekt = verplicht - set(lezer.fieldnames or [])
        if ontbreekt:
            fouten.append(f"{pad.name} regel 1: kolommen ontbreken: {', '.join(sorted(ontbreekt))}")
            return []
        for nummer, rij in enumerate(lezer, start=2):
            plek = f"{pad.name} regel {nummer}"
            code = codes.get(rij["Gemeenten"])
            if code is None:
                fouten.append(f"{plek}: onbekende gemeentenaam {rij['Gemeenten']!r}")
                continue
            taakveld, _, naam = (rij["Taakveld"] or "").strip().partition(" ")
            if not re.fullmatch(r"[0-9]\.[0-9]{1,3}[a-z]?", taakveld):
                fouten.append(f"{plek}: onbekend taakveld {rij['Taakveld']!r}")
                continue
            if not naam.strip() or len(naam.strip()) > TAAKVELDNAAM_MAX or "\x00" in naam:
                fouten.append(
                    f"{plek}: taakveld {taakveld} heeft geen naam, een naam van meer dan "
                    f"{TAAKVELDNAAM_MAX} tekens of een nulteken erin"
                )
                continue
            lasten = _bedrag(rij["Lasten"], "Lasten", plek, fouten)
            baten = _bedrag(rij["Baten"], "Baten", plek, fouten)
            salarissen = _bedrag(
                rij["L1.1 Salarissen en sociale lasten"], "Salarissen", plek, fouten, leeg_mag=True
            )
            if lasten is None or baten is None:
                continue
            records.append(
                Record(pad.name, nummer, code, int(jaar), document, taakveld, naam.strip(),
                       lasten, baten, salarissen)
            )  # fmt: skip
    return records


def lees_lang(pad: Path, fouten: list[str]) -> list[Record]:
    records = []
    with _open(pad) as bestand:
        lezer = csv.DictReader(bestand)
        ontbreekt = [k for k in LANG_KOLOMMEN if k not in (lezer.fieldnames or [])]
        if ontbreekt:
            fouten.append(f"{pad.name} regel 1: kolommen ontbreken: {', '.join(ontbreekt)}")
            return []
        for nummer, rij in enumerate(lezer, start=2):
            plek = f"{pad.name} regel {nummer}"
            code = (rij["gemeentecode"] or "").strip().upper()
            if not (re.fullmatch(r"GM\d{4}", code) or code == NEDERLAND):
                fouten.append(f"{plek}: ongeldige gemeentecode {rij['gemeentecode']!r}")
                continue
            try:
                jaar = int(rij["jaar"])
                if not 2000 <= jaar <= 2100:
                    raise ValueError
            except (TypeError, ValueError):
                fouten.append(f"{plek}: ongeldig jaar {rij['jaar']!r}")
                continue
            document = (rij["document"] or "").strip().lower()
            if document not in DOCUMENTEN:
                fouten.append(
                    f"{plek}: document moet jaarrekening of begroting zijn, niet {rij['document']!r}"
                )
                continue
            taakveld = (rij["taakveld"] or "").strip()
            lasten = _bedrag(rij["lasten"], "lasten", plek, fouten)
            baten = _bedrag(rij["baten"], "baten", plek, fouten)
            salarissen = _bedrag(rij.get("salarissen"), "salarissen", plek, fouten, leeg_mag=True)
            if lasten is None or baten is None:
                continue
            records.append(
                Record(pad.name, nummer, code, jaar, document, taakveld, None, lasten, baten,
                       salarissen)
            )  # fmt: skip
    return records


def bronbestanden(map: Path = IV3_FIXTURES) -> list[Path]:
    return sorted(
        pad for pad in map.iterdir() if pad.name.endswith((".csv", ".csv.gz")) and pad.is_file()
    )


def _controlesom(records: list[Record]) -> str:
    inhoud = "\n".join(
        f"{r.code};{r.taakveld};{r.lasten};{r.baten};{r.salarissen}"
        for r in sorted(records, key=lambda r: r.sleutel)
    )
    return hashlib.sha256(inhoud.encode()).hexdigest()


TIENDE = Decimal("0.1")


def _als_opgeslagen(bedrag: Decimal | None) -> float | None:
    """An amount as the database keeps it (one decimal), as a float to compare with what
    it holds. Amounts stay below 10^13, so every one-decimal amount has its own float."""
    if bedrag is None:
        return None
    getal = float(bedrag)
    if round(getal, 1) != getal:  # More than one decimal: rounded as the database does.
        getal = float(bedrag.quantize(TIENDE))
    return getal


def _bedragen_in_database(model, bestand: Iv3Bestand, sleutelkolommen: tuple[str, ...]) -> dict:
    """(key) → (pk, lasten, baten, salarissen) of every row of `bestand`, read with one plain
    query: Django's decimal converters would cost more than the whole comparison."""
    tabel = model._meta.db_table
    kolommen = ", ".join(("id", *sleutelkolommen, "lasten", "baten", "salarissen"))
    n = len(sleutelkolommen)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {kolommen} FROM {tabel} WHERE bestand_id = %s", [bestand.pk])
        return {
            tuple(rij[1 : 1 + n]): (
                rij[0],
                *(None if waarde is None else float(waarde) for waarde in rij[1 + n :]),
            )
            for rij in cursor.fetchall()
        }


def _herstel(bestand: Iv3Bestand, groep: list[Record], bron: str, gemeenten: dict[str, int],
             taakvelden: dict[str, int]) -> int:  # fmt: skip
    """Put back every row of `bestand` that differs from the file's records (an edit in the
    admin): changed amounts are restored, missing rows made, extra rows deleted. Returns
    how many rows it touched; 0 means the database already equals the file."""
    aantal = 0
    for model, kolommen, sleutel_van in (
        (Iv3Regel, ("gemeente_id", "taakveld_id"),
         lambda r: (gemeenten[r.code], taakvelden[r.taakveld]) if r.code != NEDERLAND else None),
        (Iv3Totaal, ("taakveld_id",),
         lambda r: (taakvelden[r.taakveld],) if r.code == NEDERLAND else None),
    ):  # fmt: skip
        bestaand = _bedragen_in_database(model, bestand, kolommen)
        gewijzigd, nieuw = [], []
        for r in groep:
            sleutel = sleutel_van(r)
            if sleutel is None:
                continue
            gevonden = bestaand.pop(sleutel, None)
            bedragen = (
                _als_opgeslagen(r.lasten),
                _als_opgeslagen(r.baten),
                _als_opgeslagen(r.salarissen),
            )
            if gevonden is not None and gevonden[1:] == bedragen:
                continue
            velden = {"lasten": r.lasten, "baten": r.baten, "salarissen": r.salarissen}
            if gevonden is None:
                nieuw.append(model(bestand=bestand, **dict(zip(kolommen, sleutel, strict=True)),
                                   **velden))  # fmt: skip
            else:
                gewijzigd.append(model(pk=gevonden[0], **velden))
        if gewijzigd:
            model.objects.bulk_update(gewijzigd, ["lasten", "baten", "salarissen"], batch_size=2000)
        if nieuw:
            model.objects.bulk_create(nieuw, batch_size=2000)
        if bestaand:
            model.objects.filter(pk__in=[pk for pk, *_ in bestaand.values()]).delete()
        aantal += len(gewijzigd) + len(nieuw) + len(bestaand)
    if aantal or bestand.bron != bron or bestand.aantal_regels != len(groep):
        bestand.bron = bron
        bestand.aantal_regels = len(groep)
        bestand.save()
    return aantal


@transaction.atomic
@stand.gebundeld()
def laad_iv3(paden: list[Path] | None = None) -> list[str]:
    """Load every Iv3 file; returns one Dutch line per year and document."""
    paden = bronbestanden() if paden is None else paden
    fouten: list[str] = []
    codes = naam_naar_code()
    records: list[Record] = []
    for pad in paden:
        try:
            if MICHIELSD_NAAM.search(pad.name):
                records += lees_michielsd(pad, codes, fouten)
            else:
                records += lees_lang(pad, fouten)
        except (UnicodeDecodeError, csv.Error, gzip.BadGzipFile, EOFError, zlib.error):
            ingepakt = " (ingepakt met gzip)" if pad.suffix == ".gz" else ""
            fouten.append(f"{pad.name}: niet te lezen als CSV-bestand in UTF-8{ingepakt}")

    bekende_taakvelden = {r.taakveld for r in records if r.taakveldnaam is not None}
    bekende_taakvelden |= set(Taakveld.objects.values_list("code", flat=True))
    gemeenten = dict(Gemeente.objects.filter(code__isnull=False).values_list("code", "pk"))
    huidige = set(
        Gemeente.objects.filter(datum_opheffing__isnull=True).values_list("code", flat=True)
    )
    gezien: dict[tuple, Record] = {}
    groepen: dict[tuple[int, str], list[Record]] = defaultdict(list)
    for r in records:
        plek = f"{r.bestand} regel {r.regel}"
        if r.taakveld not in bekende_taakvelden:
            fouten.append(f"{plek}: onbekend taakveld {r.taakveld!r}")
        if r.code != NEDERLAND and r.code not in gemeenten:
            fouten.append(f"{plek}: onbekende gemeentecode {r.code}")
        if r.sleutel in gezien:
            eerder = gezien[r.sleutel]
            fouten.append(
                f"{plek}: dubbel met {eerder.bestand} regel {eerder.regel} "
                f"({r.code}, taakveld {r.taakveld}, {r.document} {r.jaar})"
            )
        gezien[r.sleutel] = r
        groepen[(r.jaar, r.document)].append(r)
    for (jaar, document), groep in sorted(groepen.items()):
        ontbrekend = sorted(huidige - {r.code for r in groep})
        if ontbrekend:
            fouten.append(
                f"{document} {jaar}: geen cijfers voor {len(ontbrekend)} gemeente(n): "
                + ", ".join(ontbrekend[:10])
                + (" …" if len(ontbrekend) > 10 else "")
            )
    if fouten:
        raise Iv3Fout(fouten)

    for code, naam in sorted({(r.taakveld, r.taakveldnaam) for r in records if r.taakveldnaam}):
        Taakveld.objects.update_or_create(code=code, defaults={"naam": naam})
    taakvelden = dict(Taakveld.objects.values_list("code", "pk"))

    regels = []
    for (jaar, document), groep in sorted(groepen.items()):
        som = _controlesom(groep)
        bestand = Iv3Bestand.objects.filter(jaar=jaar, document=document).first()
        bron = BRON_MICHIELSD if groep[0].taakveldnaam is not None else BRON_LANG
        bron = f"{bron} ({', '.join(sorted({r.bestand for r in groep}))})"
        if bestand is not None and bestand.controlesom == som:
            # The same file as last time; the rows may still have been edited in the admin.
            # The files are leading, so the rows are compared with the file and put back.
            hersteld = _herstel(bestand, groep, bron, gemeenten, taakvelden)
            if hersteld:
                regels.append(
                    f"Iv3 {document} {jaar}: {hersteld} regel(s) teruggezet naar het bestand "
                    f"({bestand.aantal_regels} regels)"
                )
            else:
                regels.append(
                    f"Iv3 {document} {jaar}: ongewijzigd ({bestand.aantal_regels} regels)"
                )
            continue
        if bestand is None:
            bestand = Iv3Bestand(jaar=jaar, document=document)
        else:
            bestand.regels.all().delete()
            bestand.totalen.all().delete()
        bestand.bron = bron
        bestand.controlesom = som
        bestand.aantal_regels = len(groep)
        bestand.save()
        Iv3Regel.objects.bulk_create(
            (
                Iv3Regel(bestand=bestand, gemeente_id=gemeenten[r.code],
                         taakveld_id=taakvelden[r.taakveld], lasten=r.lasten, baten=r.baten,
                         salarissen=r.salarissen)
                for r in groep
                if r.code != NEDERLAND
            ),
            batch_size=2000,
        )  # fmt: skip
        Iv3Totaal.objects.bulk_create(
            Iv3Totaal(bestand=bestand, taakveld_id=taakvelden[r.taakveld], lasten=r.lasten,
                      baten=r.baten, salarissen=r.salarissen)
            for r in groep
            if r.code == NEDERLAND
        )  # fmt: skip
        regels.append(f"Iv3 {document} {jaar}: geladen ({len(groep)} regels)")
    return regels
