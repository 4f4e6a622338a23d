"""Loading the kader versions from their fixtures, the checks before publishing, and making
a new version of one.

A version that an afweging uses never changes: the loader refuses to overwrite it and
the admin only edits versions nobody uses yet. A beheerder who wants to change a used
kader makes a copy with `kader_nieuwe_versie` and edits and publishes that one.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from kader.models import Deelvraag, Indicator, Kader, Onderdeel, Succesfactor
from paginacache import stand

KADER_FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "kader"


class KaderFout(Exception):
    pass


def problemen(inhoud: dict) -> list[str]:
    """What makes a kader unusable for the scoring rules, which read deelvragen by number:
    the numbers must be exactly 1 to 8, once each, and every weight above zero."""
    nummers = [d["nummer"] for o in inhoud["onderdelen"] for d in o["deelvragen"]]
    fouten = []
    if sorted(nummers) != list(range(1, 9)):
        fouten.append(
            "De deelvragen moeten de nummers 1 tot en met 8 hebben, elk één keer; nu: "
            + ", ".join(str(n) for n in sorted(nummers))
        )
    for o in inhoud["onderdelen"]:
        for d in o["deelvragen"]:
            if float(d["gewicht"]) <= 0:
                fouten.append(
                    f"Deelvraag {d['nummer']} heeft gewicht {d['gewicht']}; dat moet boven nul."
                )
    return fouten


def kader_problemen(kader: Kader) -> list[str]:
    return problemen(_inhoud(kader))


def actief_kader() -> Kader | None:
    """The kader new afwegingen are made with: the highest published version."""
    return Kader.objects.filter(gepubliceerd=True).order_by("-versie").first()


def _inhoud(kader: Kader) -> dict:
    """A kader as plain data in the fixture's shape, to compare and to copy."""
    return {
        "versie": kader.versie,
        "naam": kader.naam,
        "bron": kader.bron,
        "rapport_regel": kader.rapport_regel,
        "toelichting": kader.toelichting,
        "schaal": kader.schaal,
        "onderdelen": [
            {
                "code": o.code,
                "naam": o.naam,
                "volgorde": o.volgorde,
                "toelichting": o.toelichting,
                "rapport_paragraaf": o.rapport_paragraaf,
                "rapport_regel": o.rapport_regel,
                "deelvragen": [
                    {
                        "nummer": d.nummer,
                        "code": d.code,
                        "naam": d.naam,
                        "toelichting": d.toelichting,
                        "aandachtspunten": d.aandachtspunten,
                        "gewicht": float(d.gewicht),
                        "rapport_paragraaf": d.rapport_paragraaf,
                        "rapport_regels": d.rapport_regels,
                        "indicatoren": [i.code for i in d.indicatoren.all()],
                    }
                    for d in o.deelvragen.all()
                ],
            }
            for o in kader.onderdelen.all()
        ],
        "indicatoren": [
            {
                "code": i.code,
                "domein": i.domein,
                "niveau": i.niveau,
                "naam": i.naam,
                "rapport_regel": i.rapport_regel,
            }
            for i in kader.indicatoren.all()
        ],
        "succesfactoren": [
            {
                "code": s.code,
                "fase": s.fase,
                "naam": s.naam,
                "adviezen": s.adviezen,
                "rapport_regel": s.rapport_regel,
            }
            for s in kader.succesfactoren.all()
        ],
    }


def _maak(inhoud: dict, *, versie: int, gepubliceerd: bool) -> Kader:
    kader = Kader.objects.create(
        versie=versie,
        naam=inhoud["naam"],
        bron=inhoud["bron"],
        rapport_regel=inhoud.get("rapport_regel"),
        toelichting=inhoud.get("toelichting", ""),
        schaal=inhoud["schaal"],
        gepubliceerd=gepubliceerd,
    )
    indicatoren = {
        i["code"]: Indicator.objects.create(
            kader=kader,
            code=i["code"],
            domein=i["domein"],
            niveau=i["niveau"],
            naam=i["naam"],
            rapport_regel=i.get("rapport_regel"),
        )
        for i in inhoud["indicatoren"]
    }
    for o in inhoud["onderdelen"]:
        onderdeel = Onderdeel.objects.create(
            kader=kader,
            code=o["code"],
            naam=o["naam"],
            volgorde=o["volgorde"],
            toelichting=o.get("toelichting", ""),
            rapport_paragraaf=o.get("rapport_paragraaf", ""),
            rapport_regel=o.get("rapport_regel"),
        )
        for d in o["deelvragen"]:
            deelvraag = Deelvraag.objects.create(
                onderdeel=onderdeel,
                nummer=d["nummer"],
                code=d["code"],
                naam=d["naam"],
                toelichting=d.get("toelichting", ""),
                aandachtspunten=d.get("aandachtspunten", []),
                gewicht=d["gewicht"],
                rapport_paragraaf=d.get("rapport_paragraaf", ""),
                rapport_regels=d.get("rapport_regels", []),
            )
            onbekend = [code for code in d.get("indicatoren", []) if code not in indicatoren]
            if onbekend:
                raise KaderFout(
                    f"Deelvraag {d['nummer']} verwijst naar onbekende indicatoren: "
                    + ", ".join(onbekend)
                )
            deelvraag.indicatoren.set([indicatoren[code] for code in d.get("indicatoren", [])])
    for volgorde, s in enumerate(inhoud["succesfactoren"], start=1):
        Succesfactor.objects.create(
            kader=kader,
            code=s["code"],
            fase=s["fase"],
            naam=s["naam"],
            adviezen=s.get("adviezen", []),
            rapport_regel=s.get("rapport_regel"),
            volgorde=volgorde,
        )
    return kader


def _vergelijkbaar(inhoud: dict) -> str:
    gewoon = json.loads(json.dumps(inhoud, sort_keys=True))
    for onderdeel in gewoon["onderdelen"]:
        for deelvraag in onderdeel["deelvragen"]:
            deelvraag["gewicht"] = float(deelvraag["gewicht"])
            deelvraag["indicatoren"] = sorted(deelvraag["indicatoren"])
    return json.dumps(gewoon, sort_keys=True, ensure_ascii=False)


@transaction.atomic
@stand.gebundeld()
def laad_kaders(map: Path = KADER_FIXTURES) -> list[str]:
    """Load every kader_v*.json; returns one Dutch line per version."""
    regels = []
    for pad in sorted(map.glob("kader_v*.json")):
        with open(pad, encoding="utf-8") as bestand:
            try:
                inhoud = json.load(bestand)
            except json.JSONDecodeError as fout:
                raise KaderFout(f"{pad.name} regel {fout.lineno}: {fout.msg}") from fout
        fouten = problemen(inhoud)
        if fouten:
            raise KaderFout(f"{pad.name}: " + " ".join(fouten))
        bestaand = Kader.objects.filter(versie=inhoud["versie"]).first()
        if bestaand is None:
            _maak(inhoud, versie=inhoud["versie"], gepubliceerd=True)
            regels.append(f"Kader versie {inhoud['versie']}: nieuw")
            continue
        verwacht = {sleutel: inhoud[sleutel] for sleutel in _inhoud(bestaand)}
        if _vergelijkbaar(_inhoud(bestaand)) == _vergelijkbaar(verwacht):
            regels.append(f"Kader versie {inhoud['versie']}: ongewijzigd")
            continue
        if bestaand.in_gebruik:
            raise KaderFout(
                f"Kader versie {inhoud['versie']} wordt gebruikt door afwegingen en wijkt af van "
                f"{pad.name}. Een gebruikte versie verandert nooit: geef het bestand een nieuw "
                f"versienummer."
            )
        bestaand.delete()
        _maak(inhoud, versie=inhoud["versie"], gepubliceerd=True)
        regels.append(f"Kader versie {inhoud['versie']}: bijgewerkt")
    return regels


@transaction.atomic
def kader_nieuwe_versie(*, kader: Kader) -> Kader:
    """A copy of `kader` with the next version number, unpublished, to edit in the admin."""
    volgende = (Kader.objects.aggregate(hoogste=Max("versie"))["hoogste"] or 0) + 1
    return _maak(_inhoud(kader), versie=volgende, gepubliceerd=False)
