"""Exports of an evaluatie, so nothing is locked in: per indicator its domein, code, text,
aspect, niveau, score, motivation and sources, and the judgement of each domein and in
total with the rule that decided; as CSV, Excel and JSON.

The CSV and Excel files are written by the afweging's writers (`afweging.exports`), so user
text stays text the same way (no formula, whatever it starts with). A score that is not
there is "open" (an empty number, `null` in the JSON), never a zero; "onvoldoende
informatie" is a status of its own.
"""

from __future__ import annotations

import json

from afweging.exports import Blad, csv_tekst, werkboek
from afweging.scoring import Status, antwoordstatus
from evaluatie import scoring, selectors, vertrekpunt
from evaluatie.models import Evaluatie, Indicatoroordeel

OPEN = "open"

KOLOMMEN = [
    "soort", "domein", "code", "indicator", "aspect", "niveau", "score", "score_getal",
    "status", "motivering", "bronnen", "oordeel", "regel", "uitleg", "gemiddelde",
    "gescoord", "aantal",
]  # fmt: skip
INDICATORKOLOMMEN = KOLOMMEN[1:11]
OORDEELKOLOMMEN = ["soort", "domein", "code", "oordeel", "regel", "uitleg", "gemiddelde",
                   "gescoord", "aantal"]  # fmt: skip


def _score(score: str, status: Status) -> tuple[str, int | None]:
    if status == Status.OPEN:
        return OPEN, None
    getal = int(score) if score != "?" else None
    return Indicatoroordeel.Score(score).label, getal


def _per_domein(evaluatie: Evaluatie) -> list[tuple]:
    """Per domein in the kader's order, its indicators' rows (an evaluatie `met_alles`)."""
    oordelen = selectors.oordelen_per_indicator(evaluatie)
    uit = []
    for domein in selectors.domeinen(evaluatie):
        regels = []
        for indicator in sorted(domein.indicatoren.all(), key=lambda i: i.volgorde):
            oordeel = oordelen.get(indicator.pk)
            score, motivering = (oordeel.score, oordeel.motivering) if oordeel else ("", "")
            status = antwoordstatus(score, motivering)
            tekst, getal = _score(score, status)
            regels.append(
                {
                    "soort": "indicator",
                    "domein": domein.naam,
                    "code": indicator.code,
                    "indicator": indicator.naam,
                    "aspect": indicator.aspect,
                    "niveau": indicator.niveau,
                    "score": tekst,
                    "score_getal": getal,
                    "status": status.value,
                    "motivering": motivering,
                    "bronnen": oordeel.bronnen if oordeel else "",
                }
            )
        uit.append((domein, regels))
    return uit


def indicatorregels(evaluatie: Evaluatie) -> list[dict]:
    """One row per indicator, in the kader's order."""
    return [regel for _domein, regels in _per_domein(evaluatie) for regel in regels]


def _gemiddelde(waarde: float | None) -> float | None:
    return None if waarde is None else round(waarde, 2)


def oordeelregels(evaluatie: Evaluatie) -> list[dict]:
    """The judgement of each domein, then the total, each with the rule that decided."""
    totaal = selectors.totaaloordeel(evaluatie)
    regels = [
        {
            "soort": "domein",
            "domein": d.naam,
            "code": d.code,
            "oordeel": d.waarde.label,
            "regel": scoring.regelnummer(scoring.DOMEINREGELS, d.regel),
            "uitleg": d.uitleg,
            "gemiddelde": _gemiddelde(d.gemiddelde),
            "gescoord": d.gescoord,
            "aantal": d.aantal,
        }
        for d in totaal.domeinen
    ]
    regels.append(
        {
            "soort": "totaal",
            "domein": "",
            "code": "",
            "oordeel": totaal.waarde.label,
            "regel": scoring.regelnummer(scoring.TOTAALREGELS, totaal.regel),
            "uitleg": totaal.uitleg,
            "gemiddelde": None,
            "gescoord": totaal.gescoord,
            "aantal": totaal.aantal,
        }
    )
    return regels


def als_csv(evaluatie: Evaluatie) -> str:
    """One table: a row per indicator, then a row per domein and one for the total (their
    `soort` says which), each filling the columns that belong to it."""
    return csv_tekst(KOLOMMEN, [*indicatorregels(evaluatie), *oordeelregels(evaluatie)])


def _van(evaluatie: Evaluatie) -> str:
    delen = []
    if evaluatie.fusieorganisatie_id:
        delen.append(evaluatie.fusieorganisatie.naam)
    if evaluatie.afweging_id:
        delen.append(f"de fusie uit de afweging {evaluatie.afweging.titel}")
    return ", ".join(delen)


def als_excel(evaluatie: Evaluatie) -> bytes:
    totaal = selectors.totaaloordeel(evaluatie)
    kader = evaluatie.kader
    return werkboek(
        Blad(
            "Scores",
            INDICATORKOLOMMEN,
            indicatorregels(evaluatie),
            breedtes=(22, 22, 60, 20, 20, 12, 10, 14, 70, 40),
            kop=[
                ["Evaluatie", evaluatie.titel],
                ["Van", _van(evaluatie)],
                ["Provincie", evaluatie.provincie.naam],
                ["Peildatum", evaluatie.peildatum],
                ["Status", evaluatie.get_status_display()],
                ["Evaluatiekader", f"versie {kader.versie} ({kader.bron})"],
                ["Totaaloordeel", totaal.waarde.label],
            ],
        ),
        Blad(
            "Oordelen",
            OORDEELKOLOMMEN,
            oordeelregels(evaluatie),
            breedtes=(10, 26, 22, 20, 8, 80, 12, 10, 8),
        ),
    )


def _datum(waarde) -> str | None:
    return waarde.isoformat() if waarde else None


def als_dict(evaluatie: Evaluatie) -> dict:
    """The evaluatie as data: what it is of, its deelnemers, its judgements and per domein
    its indicators."""
    redenen = vertrekpunt.redenen(evaluatie)
    alle = oordeelregels(evaluatie)
    oordelen = {r["code"]: r for r in alle if r["soort"] == "domein"}
    totaal = alle[-1]
    organisatie, afweging, kader = evaluatie.fusieorganisatie, evaluatie.afweging, evaluatie.kader
    return {
        "soort": "evaluatie",
        "id": evaluatie.pk,
        "titel": evaluatie.titel,
        "provincie": evaluatie.provincie.naam,
        "fusieorganisatie": {"naam": organisatie.naam, "slug": organisatie.slug}
        if organisatie
        else None,
        "afweging": {"id": afweging.pk, "titel": afweging.titel} if afweging else None,
        "deelnemers": [
            {
                "code": g.code,
                "naam": g.naam,
                "provincie": g.provincie.naam if g.provincie else None,
                "reden": redenen.get(g.pk, ""),
            }
            for g in sorted(evaluatie.gemeenten.all(), key=lambda g: g.naam)
        ],
        "startdatum_fusie": _datum(evaluatie.startdatum_fusie),
        "peildatum": _datum(evaluatie.peildatum),
        "status": evaluatie.status,
        "vastgesteld_op": _datum(evaluatie.vastgesteld_op),
        "evaluatiekader": {"versie": kader.versie, "naam": kader.naam, "bron": kader.bron},
        "totaaloordeel": {
            k: totaal[k] for k in ("oordeel", "regel", "uitleg", "gescoord", "aantal")
        },
        "domeinen": [
            {
                **{k: oordelen[d.code][k] for k in OORDEELKOLOMMEN[1:]},
                "indicatoren": [
                    {k: r[k] for k in INDICATORKOLOMMEN if k != "domein"} for r in regels
                ],
            }
            for d, regels in _per_domein(evaluatie)
        ],
    }


def als_json(evaluatie: Evaluatie) -> str:
    return json.dumps(als_dict(evaluatie), ensure_ascii=False, indent=2)
