"""Loading the kader versions from their fixtures, the checks before publishing, and making
a new version of one: for the afwegingskader (`kader_v*.json`) and the evaluatiekader
(`evaluatiekader_v*.json`) alike.

A version that an afweging or an evaluatie uses never changes: the loader refuses to
overwrite it and the admin only edits versions nobody uses yet. A beheerder who wants to
change a used kader makes a copy (`kader_nieuwe_versie`, `evaluatiekader_nieuwe_versie`,
or the admin action) and edits and publishes that one.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max, ProtectedError

from kader.models import (
    Deelvraag,
    Evaluatiedomein,
    Evaluatieindicator,
    Evaluatiekader,
    Indicator,
    Kader,
    Onderdeel,
    Succesfactor,
)
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


# The evaluatiekader (§4.3) ---------------------------------------------------------------

#: The points of the five-point scale an indicator is scored on (the afwegingskader's).
SCHAALPUNTEN = ("-2", "-1", "0", "1", "2")

_VERPLICHT = {
    "kader": ("versie", "naam", "bron", "schaal", "domeinen"),
    "domein": ("code", "naam", "indicatoren"),
    "indicator": ("code", "aspect", "niveau", "naam"),
}


def _evaluatiekader_vorm(inhoud: dict) -> dict:
    """An evaluatiekader file in its full shape: every optional key filled in, the order of
    domains and indicators being their order in the list (it is the order on the page)."""
    return {
        "versie": inhoud["versie"],
        "naam": inhoud["naam"],
        "bron": inhoud["bron"],
        "rapport_regel": inhoud.get("rapport_regel"),
        "toelichting": inhoud.get("toelichting", ""),
        "schaal": inhoud["schaal"],
        "domeinen": [
            {
                "code": d["code"],
                "naam": d["naam"],
                "toelichting": d.get("toelichting", ""),
                "rapport_paragraaf": d.get("rapport_paragraaf", ""),
                "rapport_regel": d.get("rapport_regel"),
                "indicatoren": [
                    {
                        "code": i["code"],
                        "aspect": i["aspect"],
                        "niveau": i["niveau"],
                        "naam": i["naam"],
                        "toelichting": i.get("toelichting", ""),
                        "bewijs": i.get("bewijs", ""),
                        "rapport_regel": i.get("rapport_regel"),
                    }
                    for i in d["indicatoren"]
                ],
            }
            for d in inhoud["domeinen"]
        ],
    }


def _evaluatiekader_inhoud(kader: Evaluatiekader) -> dict:
    """An evaluatiekader as plain data in the fixture's shape, to compare and to copy."""
    return {
        "versie": kader.versie,
        "naam": kader.naam,
        "bron": kader.bron,
        "rapport_regel": kader.rapport_regel,
        "toelichting": kader.toelichting,
        "schaal": kader.schaal,
        "domeinen": [
            {
                "code": d.code,
                "naam": d.naam,
                "toelichting": d.toelichting,
                "rapport_paragraaf": d.rapport_paragraaf,
                "rapport_regel": d.rapport_regel,
                "indicatoren": [
                    {
                        "code": i.code,
                        "aspect": i.aspect,
                        "niveau": i.niveau,
                        "naam": i.naam,
                        "toelichting": i.toelichting,
                        "bewijs": i.bewijs,
                        "rapport_regel": i.rapport_regel,
                    }
                    for i in d.indicatoren.all()
                ],
            }
            for d in kader.domeinen.prefetch_related("indicatoren")
        ],
    }


def _ontbrekend(inhoud: dict) -> list[str]:
    fouten = [f"Het kader mist '{k}'." for k in _VERPLICHT["kader"] if k not in inhoud]
    for n, d in enumerate(inhoud.get("domeinen") or [], start=1):
        fouten += [f"Domein {n} mist '{k}'." for k in _VERPLICHT["domein"] if k not in d]
        for m, i in enumerate(d.get("indicatoren") or [], start=1):
            fouten += [
                f"Indicator {m} van domein {n} mist '{k}'."
                for k in _VERPLICHT["indicator"]
                if k not in i
            ]
    return fouten


def _evaluatiekader_fouten(inhoud: dict) -> list[str]:
    """What makes an evaluatiekader unusable for an evaluatie, which scores every indicator
    and summarizes per domain: a domain without indicators has nothing to summarize, an
    indicator code used twice cannot say which indicator a score belongs to, and the scores
    need a label for each point of the scale."""
    fouten = []
    if sorted(inhoud["schaal"]) != sorted(SCHAALPUNTEN):
        fouten.append(
            "De schaal moet precies de punten −2, −1, 0, 1 en 2 een label geven; nu: "
            + (", ".join(sorted(inhoud["schaal"])) or "geen")
            + "."
        )
    if not inhoud["domeinen"]:
        fouten.append("Het evaluatiekader heeft geen domeinen.")
    domeincodes = [d["code"] for d in inhoud["domeinen"]]
    for code in sorted({c for c in domeincodes if domeincodes.count(c) > 1}):
        fouten.append(f"De domeincode '{code}' komt meer dan eens voor.")
    codes = [i["code"] for d in inhoud["domeinen"] for i in d["indicatoren"]]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        fouten.append(
            f"De indicatorcode '{code}' komt meer dan eens voor; een code is uniek in het hele "
            "kader."
        )
    bewijzen = {waarde for waarde, _ in Evaluatieindicator.Bewijs.choices}
    kosten = []
    for d in inhoud["domeinen"]:
        if not d["indicatoren"]:
            fouten.append(f"Domein '{d['naam']}' heeft geen indicatoren.")
        for i in d["indicatoren"]:
            for veld in ("code", "naam", "aspect", "niveau"):
                if not str(i[veld]).strip():
                    fouten.append(f"Een indicator in domein '{d['naam']}' heeft geen {veld}.")
            if i["bewijs"] not in bewijzen:
                fouten.append(f"Indicator '{i['code']}' heeft onbekend bewijs '{i['bewijs']}'.")
            if i["bewijs"] == Evaluatieindicator.Bewijs.KOSTEN:
                kosten.append(i["code"])
    # The app fills in the overhead figures once per evaluatie, beside the one indicator
    # they are the evidence for.
    if len(kosten) > 1:
        fouten.append("Hooguit één indicator heeft bewijs 'kosten'; nu: " + ", ".join(kosten) + ".")
    return fouten


def evaluatiekader_problemen(kader: Evaluatiekader) -> list[str]:
    """The checks before publishing an evaluatiekader (and before loading its file)."""
    return _evaluatiekader_fouten(_evaluatiekader_inhoud(kader))


def actief_evaluatiekader() -> Evaluatiekader | None:
    """The evaluatiekader new evaluaties are made with: the highest published version."""
    return Evaluatiekader.objects.filter(gepubliceerd=True).order_by("-versie").first()


def _maak_evaluatiekader(inhoud: dict, *, versie: int, gepubliceerd: bool) -> Evaluatiekader:
    kader = Evaluatiekader.objects.create(
        versie=versie,
        naam=inhoud["naam"],
        bron=inhoud["bron"],
        rapport_regel=inhoud["rapport_regel"],
        toelichting=inhoud["toelichting"],
        schaal=inhoud["schaal"],
        gepubliceerd=gepubliceerd,
    )
    for volgorde, d in enumerate(inhoud["domeinen"], start=1):
        domein = Evaluatiedomein.objects.create(
            kader=kader,
            code=d["code"],
            naam=d["naam"],
            volgorde=volgorde,
            toelichting=d["toelichting"],
            rapport_paragraaf=d["rapport_paragraaf"],
            rapport_regel=d["rapport_regel"],
        )
        Evaluatieindicator.objects.bulk_create(
            Evaluatieindicator(domein=domein, volgorde=nummer, **i)
            for nummer, i in enumerate(d["indicatoren"], start=1)
        )
    return kader


def _verschillen(oud: dict, nieuw: dict) -> str:
    """What a reload restores, in words: the kader's own fields, and the domains and
    indicators (by code) that differ, appear or disappear."""
    delen = [sleutel for sleutel in oud if sleutel != "domeinen" and oud[sleutel] != nieuw[sleutel]]

    def per_code(lijst):
        return {x["code"]: x for x in lijst}

    oude_domeinen, nieuwe_domeinen = per_code(oud["domeinen"]), per_code(nieuw["domeinen"])
    if list(oude_domeinen) != list(nieuwe_domeinen):
        delen.append("domeinen (" + ", ".join(nieuwe_domeinen) + ")")
    for code in nieuwe_domeinen.keys() & oude_domeinen.keys():
        o, n = oude_domeinen[code], nieuwe_domeinen[code]
        if {k: v for k, v in o.items() if k != "indicatoren"} != {
            k: v for k, v in n.items() if k != "indicatoren"
        }:
            delen.append(f"domein {code}")
    oude = per_code(i for d in oud["domeinen"] for i in d["indicatoren"])
    nieuwe = per_code(i for d in nieuw["domeinen"] for i in d["indicatoren"])
    gewijzigd = sorted(c for c in oude.keys() & nieuwe.keys() if oude[c] != nieuwe[c])
    if gewijzigd:
        delen.append("indicator " + ", ".join(gewijzigd))
    if nieuwe.keys() - oude.keys():
        delen.append("terug: indicator " + ", ".join(sorted(nieuwe.keys() - oude.keys())))
    if oude.keys() - nieuwe.keys():
        delen.append("weg: indicator " + ", ".join(sorted(oude.keys() - nieuwe.keys())))
    if not delen:
        delen.append("volgorde")
    return "; ".join(delen)


def _lees(pad: Path) -> dict:
    with open(pad, encoding="utf-8") as bestand:
        try:
            return json.load(bestand)
        except json.JSONDecodeError as fout:
            raise KaderFout(f"{pad.name} regel {fout.lineno}: {fout.msg}") from fout


@transaction.atomic
@stand.gebundeld()
def laad_evaluatiekaders(map: Path = KADER_FIXTURES) -> list[str]:
    """Load every evaluatiekader_v*.json; returns one Dutch line per version. A file that
    fails a check, or that differs from a version in use, loads nothing at all."""
    regels = []
    for pad in sorted(map.glob("evaluatiekader_v*.json")):
        ruw = _lees(pad)
        fouten = _ontbrekend(ruw)
        if fouten:
            raise KaderFout(f"{pad.name}: " + " ".join(fouten))
        inhoud = _evaluatiekader_vorm(ruw)
        fouten = _evaluatiekader_fouten(inhoud)
        if fouten:
            raise KaderFout(f"{pad.name}: " + " ".join(fouten))
        versie = inhoud["versie"]
        bestaand = Evaluatiekader.objects.filter(versie=versie).first()
        if bestaand is None:
            _maak_evaluatiekader(inhoud, versie=versie, gepubliceerd=True)
            regels.append(f"Evaluatiekader versie {versie}: nieuw")
            continue
        huidig = _evaluatiekader_inhoud(bestaand)
        if huidig == inhoud:
            regels.append(f"Evaluatiekader versie {versie}: ongewijzigd")
            continue
        verschillen = _verschillen(huidig, inhoud)
        if bestaand.in_gebruik:
            raise KaderFout(
                f"Evaluatiekader versie {versie} wordt gebruikt ({bestaand.gebruikt_door}) en "
                f"wijkt af van {pad.name} ({verschillen}). Een gebruikte versie verandert nooit: "
                "geef het bestand een nieuw versienummer."
            )
        try:
            bestaand.delete()
        except ProtectedError as fout:
            raise KaderFout(
                f"Evaluatiekader versie {versie} kan niet worden teruggezet naar {pad.name}: "
                "er verwijzen nog gegevens naar."
            ) from fout
        _maak_evaluatiekader(inhoud, versie=versie, gepubliceerd=True)
        regels.append(f"Evaluatiekader versie {versie}: bijgewerkt (teruggezet: {verschillen})")
    return regels


@transaction.atomic
def evaluatiekader_nieuwe_versie(*, kader: Evaluatiekader) -> Evaluatiekader:
    """A copy of `kader` with the next version number, unpublished, to edit in the admin."""
    volgende = (Evaluatiekader.objects.aggregate(hoogste=Max("versie"))["hoogste"] or 0) + 1
    return _maak_evaluatiekader(_evaluatiekader_inhoud(kader), versie=volgende, gepubliceerd=False)
