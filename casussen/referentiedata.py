"""Load the reference data from `fixtures/` into the casussen models.

The load is one transaction and idempotent: every table is brought in line with the
files (new rows created, changed rows updated, nothing else touched), so running it
twice changes nothing. A malformed file stops the whole load with its line and reason.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import models, transaction

from casussen.models import (
    Casus,
    CasusDeelnemer,
    Deelname,
    Fusieorganisatie,
    Gemeente,
    Herindeling,
    Inwonertal,
    Provincie,
)
from paginacache import stand

FIXTURES = Path(settings.BASE_DIR) / "fixtures"

# Inhabitants on 1 January; 2022 comes from CBS 85067NED itself (see below), which also
# covers the gemeenten that existed in 2022 but not in 2023.
INWONER_KOLOMMEN = {
    2023: ("inwoners_2023_01_01_gebieden", "cbs-gebieden"),
    2024: ("inwoners_2024_01_01", "cbs-gebieden"),
    2025: ("inwoners_2025_01_01", "cbs-gebieden"),
}


class ReferentiedataFout(Exception):
    """A fixture file is malformed; the message names every bad line."""

    def __init__(self, fouten: list[str]):
        self.fouten = fouten
        super().__init__("\n".join(fouten))


@dataclass
class Telling:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    verwijderd: int = 0

    def __str__(self) -> str:
        tekst = f"{self.nieuw} nieuw, {self.gewijzigd} gewijzigd, {self.ongewijzigd} ongewijzigd"
        if self.verwijderd:
            tekst += f", {self.verwijderd} verwijderd"
        return tekst


@dataclass
class Verslag:
    tellingen: dict[str, Telling] = field(default_factory=dict)

    @property
    def iets_gewijzigd(self) -> bool:
        return any(t.nieuw or t.gewijzigd or t.verwijderd for t in self.tellingen.values())

    def regels(self) -> list[str]:
        return [f"{naam}: {telling}" for naam, telling in self.tellingen.items()]


def _lees_csv(pad: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows with their line number in the file (the header is line 1)."""
    opener = gzip.open if pad.suffix == ".gz" else open
    with opener(pad, "rt", encoding="utf-8", newline="") as bestand:
        return [(nummer, rij) for nummer, rij in enumerate(csv.DictReader(bestand), start=2)]


def _lees_json(pad: Path, fouten: list[str]) -> list[dict]:
    try:
        with open(pad, encoding="utf-8") as bestand:
            return json.load(bestand)
    except json.JSONDecodeError as fout:
        fouten.append(f"fixtures/{pad.parent.name}/{pad.name} regel {fout.lineno}: {fout.msg}")
        return []


def _datum(waarde: str | None) -> date | None:
    return date.fromisoformat(waarde) if waarde else None


def synchroniseer(
    model: type[models.Model],
    sleutelvelden: tuple[str, ...],
    rijen: Iterable[dict],
    telling: Telling,
    *,
    bereik: models.QuerySet | None = None,
    verwijder: bool = False,
) -> dict[tuple, models.Model]:
    """Make the rows of `model` equal `rijen`, matched on `sleutelvelden`.

    Compares field by field and writes only what differs, in bulk. With `verwijder`,
    rows in `bereik` that the source no longer has are deleted. Returns the
    instances by key.
    """
    bereik = model.objects.all() if bereik is None else bereik

    def sleutel_van(obj) -> tuple:
        return tuple(getattr(obj, veld) for veld in sleutelvelden)

    bestaand = {sleutel_van(obj): obj for obj in bereik}
    gezien: set[tuple] = set()
    nieuw, gewijzigd, velden = [], [], set()
    for rij in rijen:
        sleutel = tuple(rij[veld] for veld in sleutelvelden)
        gezien.add(sleutel)
        obj = bestaand.get(sleutel)
        if obj is None:
            nieuw.append(model(**rij))
            continue
        verschil = [naam for naam, waarde in rij.items() if getattr(obj, naam) != waarde]
        if verschil:
            for naam in verschil:
                setattr(obj, naam, rij[naam])
            velden.update(verschil)
            gewijzigd.append(obj)
        else:
            telling.ongewijzigd += 1
    if verwijder:
        weg = [obj.pk for sleutel, obj in bestaand.items() if sleutel not in gezien]
        if weg:
            model.objects.filter(pk__in=weg).delete()
            telling.verwijderd += len(weg)
    if nieuw:
        model.objects.bulk_create(nieuw)
        telling.nieuw += len(nieuw)
    if gewijzigd:
        model.objects.bulk_update(gewijzigd, sorted(velden))
        telling.gewijzigd += len(gewijzigd)
    return {sleutel_van(obj): obj for obj in bereik.all() if sleutel_van(obj) in gezien}


# --- reading and checking the files ---------------------------------------------------


def _lees_cbs_85067() -> dict[str, dict[str, str]]:
    """CBS 85067NED by gemeentecode; cells are right-padded in the source, so stripped."""
    rijen = {}
    for _nummer, rij in _lees_csv(FIXTURES / "cbs" / "85067NED_data.csv.gz"):
        rij = {sleutel: (waarde or "").strip() for sleutel, waarde in rij.items()}
        rijen[rij["Code_1"]] = rij
    return rijen


REGIOVELDEN = ("corop_code", "corop_naam", "arbeidsmarktregio_code", "arbeidsmarktregio_naam")


def _lees_regioaanvulling(fouten: list[str]) -> dict[str, dict[str, str]]:
    """The regions of gemeenten formed after CBS 85067NED (2022), by gemeentecode, each
    row with its source (fixtures/BRONNEN.md)."""
    bestand = "fixtures/cbs/regios_aanvulling_2023.csv"
    regios = {}
    for nummer, rij in _lees_csv(FIXTURES / "cbs" / "regios_aanvulling_2023.csv"):
        if not all(rij.get(veld, "").strip() for veld in (*REGIOVELDEN, "bron")):
            fouten.append(f"{bestand} regel {nummer}: een regio of de bron ontbreekt")
            continue
        regios[rij["gemeentecode"]] = {veld: rij[veld].strip() for veld in REGIOVELDEN}
    return regios


def _gemeenterijen(fouten: list[str]) -> tuple[list[dict], list[dict], dict[str, str]]:
    """Gemeenten (current and those of 2018) and inhabitants, as model field dicts."""
    cbs2022 = _lees_cbs_85067()
    aanvulling = _lees_regioaanvulling(fouten)
    gemeenten: dict[str, dict] = {}
    inwoners: list[dict] = []
    provincies: dict[str, str] = {}

    def regio(code: str) -> dict[str, str]:
        rij = cbs2022.get(code)
        if not rij:
            return aanvulling.get(code) or dict.fromkeys(REGIOVELDEN, "")
        return dict(
            corop_code=rij["Code_8"],
            corop_naam=rij["Naam_9"],
            arbeidsmarktregio_code=rij["Code_4"],
            arbeidsmarktregio_naam=rij["Naam_5"],
        )

    bestand = "fixtures/cbs/gemeenten_2022_2025.csv"
    for nummer, rij in _lees_csv(FIXTURES / "cbs" / "gemeenten_2022_2025.csv"):
        code = rij["gemeentecode"]
        if not code.startswith("GM") or not rij["gemeentenaam"] or not rij["provinciecode"]:
            fouten.append(f"{bestand} regel {nummer}: code, naam of provincie ontbreekt")
            continue
        if code in gemeenten:
            fouten.append(f"{bestand} regel {nummer}: gemeentecode {code} komt dubbel voor")
            continue
        provincies[rij["provinciecode"]] = rij["provincienaam"]
        gemeenten[code] = dict(
            slug=code.lower(),
            code=code,
            naam=rij["gemeentenaam"],
            provincie=rij["provinciecode"],
            datum_opheffing=None,
            bron="cbs-gebieden",
            **regio(code),
        )
        if not all(gemeenten[code][veld] for veld in REGIOVELDEN):
            # The region signalen compare every deelnemer: a current gemeente needs both.
            fouten.append(
                f"{bestand} regel {nummer}: {code} {rij['gemeentenaam']} heeft geen COROP-gebied "
                "of arbeidsmarktregio in CBS 85067NED; vul fixtures/cbs/regios_aanvulling_2023.csv "
                "aan, met bron"
            )
        for jaar, (kolom, bron) in INWONER_KOLOMMEN.items():
            waarde = rij[kolom].strip()
            if not waarde:
                continue  # Unknown stays unknown (Voorne aan Zee did not exist in 2022).
            if not waarde.isdigit():
                fouten.append(f"{bestand} regel {nummer}: {kolom} is geen geheel getal: {waarde!r}")
                continue
            inwoners.append(dict(gemeente=code, jaar=jaar, aantal=int(waarde), bron=bron))

    bestand = "fixtures/cbs/gemeenten_2018.csv"
    for nummer, rij in _lees_csv(FIXTURES / "cbs" / "gemeenten_2018.csv"):
        code = rij["gemeentecode"]
        bestaat = rij["bestaat_nog_2023"] == "ja"
        if bestaat:
            if code not in gemeenten:
                fouten.append(f"{bestand} regel {nummer}: {code} zou nog bestaan maar ontbreekt")
            continue
        if not rij["datum_opheffing"]:
            fouten.append(f"{bestand} regel {nummer}: opgeheven gemeente {code} zonder datum")
            continue
        provincies.setdefault(rij["provinciecode_2018"], rij["provincienaam_2018"])
        gemeenten[code] = dict(
            slug=code.lower(),
            code=code,
            naam=rij["gemeentenaam"],
            provincie=rij["provinciecode_2018"],
            datum_opheffing=_datum(rij["datum_opheffing"]),
            bron="cbs-gemeenten-2018",
            **regio(code),
        )
    for code in gemeenten:
        rij = cbs2022.get(code)
        if rij and rij["Inwonertal_54"]:
            inwoners.append(
                dict(gemeente=code, jaar=2022, aantal=int(rij["Inwonertal_54"]), bron="cbs-85067")
            )
    return list(gemeenten.values()), inwoners, provincies


def _herindelingrijen(
    gemeenten: list[dict], provincienamen: dict[str, str], fouten: list[str]
) -> list[dict]:
    """Herindelingen 2018-2023. The gemeenten dissolved on 1-1-2018 itself are not among
    the 380 of that date; they are added here with the code and province this file gives."""
    bestand = "fixtures/cbs/herindelingen_2018_2023.csv"
    bekend = {rij["code"] for rij in gemeenten}
    provinciecodes = {naam: code for code, naam in provincienamen.items()}
    rijen = []
    for nummer, rij in _lees_csv(FIXTURES / "cbs" / "herindelingen_2018_2023.csv"):
        oud, nieuw = rij["oude_gemeentecode"], rij["nieuwe_gemeentecode"]
        try:
            datum = date.fromisoformat(rij["datum_ingang"])
        except ValueError:
            fouten.append(f"{bestand} regel {nummer}: ongeldige datum {rij['datum_ingang']!r}")
            continue
        if oud not in bekend and datum == date(2018, 1, 1):
            provincie = provinciecodes.get(rij["oude_provincie_laatst"])
            if provincie is None:
                fouten.append(
                    f"{bestand} regel {nummer}: onbekende provincie {rij['oude_provincie_laatst']!r}"
                )
                continue
            gemeenten.append(
                dict(
                    slug=oud.lower(),
                    code=oud,
                    naam=rij["oude_gemeentenaam"],
                    provincie=provincie,
                    datum_opheffing=datum,
                    bron="cbs-gemeenten-2018",
                    corop_code="",
                    corop_naam="",
                    arbeidsmarktregio_code="",
                    arbeidsmarktregio_naam="",
                )
            )
            bekend.add(oud)
        for code in (oud, nieuw):
            if code not in bekend:
                fouten.append(f"{bestand} regel {nummer}: onbekende gemeentecode {code}")
        rijen.append(
            dict(
                oud=oud,
                nieuw=nieuw,
                datum=datum,
                soort=rij["soort"],
                opmerking=rij["opmerking"],
                bron="cbs-gemeenten-2018",
            )
        )
    return rijen


# --- the load ---------------------------------------------------------------------------


@transaction.atomic
@stand.gebundeld()
def laad_referentiedata() -> Verslag:
    """Bring the casussen tables in line with the files in `fixtures/`."""
    verslag = Verslag()
    fouten: list[str] = []

    gemeenterijen, inwonerrijen, provincienamen = _gemeenterijen(fouten)
    herindelingrijen = _herindelingrijen(gemeenterijen, provincienamen, fouten)
    vroeg = _lees_json(FIXTURES / "rapport" / "gemeenten_voor_2018.json", fouten)
    organisaties = _lees_json(FIXTURES / "rapport" / "fusieorganisaties.json", fouten)
    casussen = _lees_json(FIXTURES / "rapport" / "casussen.json", fouten)

    # Gemeenten that ceased before 2018 and appear in the report: name, end date and
    # successor from the report; their provincie is that of the successor.
    per_code = {rij["code"]: rij for rij in gemeenterijen}
    for rij in vroeg:
        opvolger = per_code.get(rij["opvolger"])
        if opvolger is None:
            fouten.append(
                f"fixtures/rapport/gemeenten_voor_2018.json: {rij['naam']}: "
                f"onbekende opvolger {rij['opvolger']}"
            )
            continue
        gemeenterijen.append(
            dict(
                slug=rij["slug"],
                code=None,
                naam=rij["naam"],
                provincie=opvolger["provincie"],
                datum_opheffing=_datum(rij["datum_opheffing"]),
                bron=rij["bron"],
                corop_code="",
                corop_naam="",
                arbeidsmarktregio_code="",
                arbeidsmarktregio_naam="",
            )
        )
        herindelingrijen.append(
            dict(
                oud=rij["slug"],
                nieuw=rij["opvolger"],
                datum=_datum(rij["datum_opheffing"]),
                soort="samenvoeging",
                opmerking="",
                bron=rij["bron"],
            )
        )
    _controleer_verwijzingen(gemeenterijen, organisaties, casussen, fouten)
    if fouten:
        raise ReferentiedataFout(fouten)

    # Everything is checked; from here on the load writes.
    telling = verslag.tellingen["Provincies"] = Telling()
    provincies = {
        sleutel[0]: obj
        for sleutel, obj in synchroniseer(
            Provincie,
            ("code",),
            [dict(code=code, naam=naam) for code, naam in sorted(provincienamen.items())],
            telling,
        ).items()
    }
    for rij in gemeenterijen:
        rij["provincie"] = provincies[rij["provincie"]]
    telling = verslag.tellingen["Gemeenten"] = Telling()
    gemeenten = {
        sleutel[0]: obj
        for sleutel, obj in synchroniseer(Gemeente, ("slug",), gemeenterijen, telling).items()
    }

    def gemeente(verwijzing: str) -> Gemeente:
        """A gemeente by CBS code (GM0014) or, for those without one, by slug."""
        return gemeenten[verwijzing.lower()]

    telling = verslag.tellingen["Inwonertallen"] = Telling()
    synchroniseer(
        Inwonertal,
        ("gemeente_id", "jaar"),
        [
            dict(
                gemeente_id=gemeente(r["gemeente"]).pk,
                jaar=r["jaar"],
                aantal=r["aantal"],
                bron=r["bron"],
            )
            for r in inwonerrijen
        ],
        telling,
        verwijder=True,
    )

    telling = verslag.tellingen["Herindelingen"] = Telling()
    synchroniseer(
        Herindeling,
        ("oude_gemeente_id", "nieuwe_gemeente_id"),
        [
            dict(
                oude_gemeente_id=gemeente(r["oud"]).pk,
                nieuwe_gemeente_id=gemeente(r["nieuw"]).pk,
                datum=r["datum"],
                soort=r["soort"],
                opmerking=r["opmerking"],
                bron=r["bron"],
            )
            for r in herindelingrijen
        ],
        telling,
        verwijder=True,
    )
    _koppel_huidige_gemeenten(verslag)

    # Fusieorganisaties and their members.
    telling = verslag.tellingen["Fusieorganisaties"] = Telling()
    orgvelden = [
        "nummer", "naam", "bestuurskundige_vorm", "juridische_vorm",
        "juridische_vorm_toelichting", "startdatum_tekst", "einddatum_tekst", "status",
        "status_rapport", "status_toelichting", "bijzonderheden_rapport", "inwoners_rapport",
        "bron", "bron_regel", "regeling_url",
    ]  # fmt: skip
    fusieorganisaties = {
        sleutel[0]: obj
        for sleutel, obj in synchroniseer(
            Fusieorganisatie,
            ("slug",),
            [
                dict(
                    slug=org["slug"],
                    startdatum=_datum(org["startdatum"]),
                    einddatum=_datum(org["einddatum"]),
                    **{veld: org[veld] for veld in orgvelden},
                )
                for org in organisaties
            ],
            telling,
        ).items()
    }
    telling = verslag.tellingen["Deelnames"] = Telling()
    synchroniseer(
        Deelname,
        ("fusieorganisatie_id", "gemeente_id"),
        [
            dict(
                fusieorganisatie_id=fusieorganisaties[org["slug"]].pk,
                gemeente_id=gemeente(verwijzing).pk,
                # The files give no note per member: one typed in the admin is put back.
                toelichting="",
            )
            for org in organisaties
            for verwijzing in org["deelnemers"]
        ],
        telling,
        verwijder=True,
    )

    # The nine casussen of §5.2.
    telling = verslag.tellingen["Casussen"] = Telling()
    casusobjecten = {
        sleutel[0]: obj
        for sleutel, obj in synchroniseer(
            Casus,
            ("slug",),
            [_casusrij(casus, fusieorganisaties) for casus in casussen],
            telling,
        ).items()
    }
    telling = verslag.tellingen["Casusdeelnemers"] = Telling()
    synchroniseer(
        CasusDeelnemer,
        ("casus_id", "gemeente_id"),
        [
            dict(
                casus_id=casusobjecten[casus["slug"]].pk,
                gemeente_id=gemeente(deelnemer["gemeentecode"]).pk,
                naam_in_rapport=deelnemer["naam"],
                inwoners_rapport=deelnemer["inwoners"],
                regel=deelnemer["regel"],
            )
            for casus in casussen
            for deelnemer in casus["deelnemers"]
        ],
        telling,
        verwijder=True,
    )
    return verslag


def _controleer_verwijzingen(
    gemeenterijen: list[dict], organisaties: list[dict], casussen: list[dict], fouten: list[str]
) -> None:
    """Every member named in the report files must be a known gemeente, every casus a
    known fusieorganisatie, and no key may occur twice."""
    bekend = {rij["slug"] for rij in gemeenterijen}
    slugs = [org["slug"] for org in organisaties]
    for dubbel in sorted({slug for slug in slugs if slugs.count(slug) > 1}):
        fouten.append(f"fixtures/rapport/fusieorganisaties.json: {dubbel} komt dubbel voor")
    for org in organisaties:
        for verwijzing in org["deelnemers"]:
            if verwijzing.lower() not in bekend:
                fouten.append(
                    f"fixtures/rapport/fusieorganisaties.json: {org['slug']}: "
                    f"onbekende deelnemer {verwijzing}"
                )
    for casus in casussen:
        if casus["fusieorganisatie"] not in slugs:
            fouten.append(
                f"fixtures/rapport/casussen.json: {casus['slug']}: "
                f"onbekende fusieorganisatie {casus['fusieorganisatie']}"
            )
        for deelnemer in casus["deelnemers"]:
            if (deelnemer["gemeentecode"] or "").lower() not in bekend:
                fouten.append(
                    f"fixtures/rapport/casussen.json: {casus['slug']}: "
                    f"onbekende gemeente {deelnemer['naam']} ({deelnemer['gemeentecode']})"
                )


def _casusrij(casus: dict, fusieorganisaties: dict[str, Fusieorganisatie]) -> dict:
    regels = {
        veld.removesuffix("_regel").removesuffix("_regels"): casus[veld]
        for veld in casus
        if veld.endswith(("_regel", "_regels")) and casus[veld]
    }
    return dict(
        slug=casus["slug"],
        naam=casus["naam"],
        fusieorganisatie_id=fusieorganisaties[casus["fusieorganisatie"]].pk,
        paragraaf=casus["paragraaf"],
        regel_van=casus["regel_van"],
        regel_tot=casus["regel_tot"],
        inwoners_kop=casus["kop_totaal_inwoners"],
        startdatum=_datum(casus["startdatum"]),
        einddatum=_datum(casus["einddatum"]),
        juridische_vorm=casus["juridische_vorm"] or "",
        topstructuur=casus["topstructuur"] or "",
        motieven=casus["motieven"],
        perspectief=casus["perspectief"] or "",
        uitkomst=casus["uitkomst"],
        bijzonderheden=casus["bijzonderheden"] or "",
        regels=regels,
    )


def huidige_opvolgers(
    start: int, opvolgers_van: dict[int, list[int]], bestaat: dict[int, bool]
) -> set[int]:
    """The current gemeenten a dissolved gemeente ended up in, following every herindeling."""
    gevonden, te_doen, gezien = set(), [start], {start}
    while te_doen:
        huidige = te_doen.pop()
        for volgende in opvolgers_van.get(huidige, []):
            if volgende in gezien:
                continue
            gezien.add(volgende)
            if bestaat[volgende]:
                gevonden.add(volgende)
            else:
                te_doen.append(volgende)
    return gevonden


def _koppel_huidige_gemeenten(verslag: Verslag) -> None:
    opvolgers_van: dict[int, list[int]] = defaultdict(list)
    for oud, nieuw in Herindeling.objects.values_list("oude_gemeente_id", "nieuwe_gemeente_id"):
        opvolgers_van[oud].append(nieuw)
    bestaat = dict(
        Gemeente.objects.annotate(leeft=models.Q(datum_opheffing__isnull=True)).values_list(
            "pk", "leeft"
        )
    )
    Koppeling = Gemeente.huidige_gemeenten.through
    gewenst = {
        (pk, opvolger)
        for pk, leeft in bestaat.items()
        if not leeft
        for opvolger in huidige_opvolgers(pk, opvolgers_van, bestaat)
    }
    telling = verslag.tellingen["Koppelingen aan huidige gemeenten"] = Telling()
    synchroniseer(
        Koppeling,
        ("from_gemeente_id", "to_gemeente_id"),
        [dict(from_gemeente_id=oud, to_gemeente_id=nieuw) for oud, nieuw in sorted(gewenst)],
        telling,
        verwijder=True,
    )
