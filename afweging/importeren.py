"""Importing an afweging from the JSON document its export writes ("fusietoets-afweging/1"),
as a new afweging of the importing adviseur.

The whole document is checked before anything is written. Every problem found is reported
at once, in Dutch, in one `ImportFout`; if there is any, nothing is stored.

What an import keeps, and what it makes new:

- Kept: the proposal, deelnemers, answers, succesfactoren, business case, status (also
  ‘vastgesteld’, with its moment), comments and formal reactions with their moments, and
  the optimistic-lock `versie`. Exported again, the afweging gives the same document.
- New, because they belong to this database and not to the afweging: the id, `aangemaakt`
  and `gewijzigd` (now), the ids of comments (answers point to the new ids), and the
  history. The history is not in the document; it starts with "Geïmporteerd uit een
  exportbestand" by the importing adviseur, who is also `aangemaakt_door`. The link to a
  previous version (`vorige`) is an id in the database the file came from and is dropped.
- Provincie: an adviseur imports only afwegingen of their own provincie, and a document of
  another provincie is refused. An adviseur sees and edits the afwegingen of their
  provincie (see `toegang.py`); quietly moving an afweging to the importer's provincie
  would change who owns it and what the export says.
- People are found by username. A comment or reaction whose author does not exist here is
  put on the name of the importing adviseur, because the model needs a user; who answered
  a reaction is not in the document, so answers are put on the importer's name as well,
  with the moment of the import. A vaststeller who does not exist here stays empty. The
  afweging is shared again only with users who are an active gemeentesecretaris of a
  deelnemende gemeente here, the rule of sharing in the app; no one is mailed. Each of
  these choices is written to the history, where the adviseur sees it.
- A vastgestelde afweging stays vastgesteld. The PDF frozen at the vaststelling is not in
  the document; its report is rendered from the (frozen) data when asked for.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from afweging.models import MOTIEVEN, Afweging, Antwoord, Deelnemer, SuccesfactorAntwoord
from afweging.services import vastleggen
from businesscase.models import Businesscase, BusinesscaseVariant
from casussen.models import Gemeente, Provincie
from gebruikers.models import Gebruiker
from kader.models import Deelvraag, Kader
from review.forms import OpmerkingForm, ReactieForm
from review.models import Deling, Opmerking, Reactie
from weergave import getallen

FORMAAT = "fusietoets-afweging/1"
# A real export is some tens of kilobytes; these limits only stop absurd input early.
MAX_TEKENS = 5_000_000
MAX_TEKST = 100_000  # for text without a limit of its own (motivering, notitie, ...)
MAX_REGELS = 2_000  # per list
MAX_PROBLEMEN = 100  # listed one by one; beyond that only counted
MAX_BEDRAG = 10**14 - 1  # DecimalField(max_digits=14, decimal_places=0)
MAX_KLEIN = 32_767  # PositiveSmallIntegerField
MAX_GETAL = 2_147_483_647  # PositiveIntegerField
MAX_ID = 2**63 - 1  # BigAutoField
MAX_CODE = 50  # a code or username longer than this is shown as not existing

OORDELEN = [waarde for waarde, _ in Antwoord.Oordeel.choices] + [""]
MOTIEFCODES = [code for code, _ in MOTIEVEN]
OPMERKING_MAX = OpmerkingForm.base_fields["tekst"].max_length
REACTIE_MAX = ReactieForm.base_fields["tekst"].max_length
_ONTBREEKT = object()


class ImportFout(ValueError):
    """The document cannot be imported; `problemen` lists every reason, in Dutch."""

    def __init__(self, problemen: list[str]):
        if len(problemen) > MAX_PROBLEMEN:
            rest = len(problemen) - MAX_PROBLEMEN
            problemen = [*problemen[:MAX_PROBLEMEN], f"En nog {_aantal(rest)} problemen."]
        self.problemen = list(problemen)
        super().__init__(
            "De afweging is niet geïmporteerd:\n" + "\n".join(f"- {p}" for p in self.problemen)
        )


def importeer(data: dict | str, door: Gebruiker) -> Afweging:
    """A new afweging of `door`'s provincie made from an exported document (a dict, or its
    JSON text). Raises `ImportFout` with every problem and writes nothing if there is one."""
    with transaction.atomic():
        plan = _controleer(data, door)
        return _schrijf(plan, door)


# --- checking ------------------------------------------------------------------------


@dataclass
class _Plan:
    """The document, checked and mapped to this database's objects."""

    bron_id: int | None = None
    kader: Kader | None = None
    deelvragen: dict[int, Deelvraag] = field(default_factory=dict)
    velden: dict = field(default_factory=dict)
    vastgesteld_door: str | None = None
    deelnemers: list[dict] = field(default_factory=list)
    antwoorden: dict[int, dict] = field(default_factory=dict)
    succesfactoren: dict[str, dict] = field(default_factory=dict)
    businesscase: dict | None = None
    varianten: dict[str, dict] = field(default_factory=dict)
    opmerkingen: list[dict] = field(default_factory=list)
    reacties: list[dict] = field(default_factory=list)
    gedeeld_met: list[str] = field(default_factory=list)
    gebruikers: dict[str, Gebruiker] = field(default_factory=dict)
    delen_met: list[Gebruiker] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)


def _controleer(data, door) -> _Plan:
    c = _Controle()
    if isinstance(data, str):
        data = _uit_json(data)
    if not isinstance(data, dict):
        raise ImportFout(
            [f"Het bestand is geen afweging: verwacht een JSON-object, maar het is {_soort(data)}."]
        )
    if data.get("formaat", _ONTBREEKT) is _ONTBREEKT:
        raise ImportFout(
            [f"Het bestand noemt geen formaat; een export van een afweging heeft ‘{FORMAAT}’."]
        )
    if data["formaat"] != FORMAAT:
        raise ImportFout(
            [f"Onbekend formaat ‘{_toon(data['formaat'])}’; Fusietoets leest ‘{FORMAAT}’."]
        )

    plan = _Plan()
    if not (getattr(door, "is_adviseur", False) and getattr(door, "provincie_id", None)):
        c.fout("Alleen een adviseur met een provincie kan een afweging importeren.")
        door = None
    bron_id = data.get("id")
    if isinstance(bron_id, int) and not isinstance(bron_id, bool):
        plan.bron_id = bron_id
    if data.get("vorige") is not None:
        plan.meldingen.append(
            f"De koppeling met de vorige versie (afweging {_toon(data['vorige'])} in de bron) "
            "is niet overgenomen."
        )

    _controleer_provincie(c, data, door)
    _controleer_kader(c, data, plan)
    gemeenten = {g.code: g for g in Gemeente.objects.exclude(code=None)}
    leden = _controleer_deelnemers(c, data, plan, gemeenten)
    _controleer_afweging(c, data, plan, gemeenten, leden)
    _controleer_antwoorden(c, data, plan)
    _controleer_succesfactoren(c, data, plan)
    _controleer_businesscase(c, data, plan)
    _controleer_opmerkingen(c, data, plan)
    _controleer_reacties(c, data, plan, gemeenten, leden)
    for i, naam in enumerate(c.lijst(data, "gedeeld_met", "Gedeeld met"), start=1):
        if not isinstance(naam, str) or not 0 < len(naam) <= 150 or not _opslaanbaar(naam):
            c.fout(f"Gebruiker {i} bij ‘gedeeld_met’ is geen gebruikersnaam: {_toon(naam)}.")
        elif naam not in plan.gedeeld_met:
            plan.gedeeld_met.append(naam)

    if c.fouten:
        raise ImportFout(c.fouten)
    _koppel_gebruikers(plan, door, leden)
    return plan


def _uit_json(tekst: str):
    if len(tekst) > MAX_TEKENS:
        raise ImportFout(
            [
                f"Het bestand is te groot: {_aantal(len(tekst))} tekens; een export van een "
                f"afweging is hooguit {_aantal(MAX_TEKENS)} tekens."
            ]
        )

    def geen_constante(naam):
        raise ValueError(f"{naam} is geen getal")

    try:
        return json.loads(tekst.removeprefix("\ufeff"), parse_constant=geen_constante)
    except json.JSONDecodeError as fout:
        raise ImportFout(
            [f"Het bestand is geen geldige JSON (regel {fout.lineno}, kolom {fout.colno})."]
        ) from fout
    except (ValueError, RecursionError) as fout:  # NaN, a 5000-digit number, deep nesting
        raise ImportFout(["Het bestand is geen geldige JSON."]) from fout


def _controleer_provincie(c: _Controle, data: dict, door) -> None:
    code = c.tekst(data, "provincie", "Provincie", max_lengte=MAX_CODE, verplicht=True)
    if code is None:
        return
    provincie = Provincie.objects.filter(code=code).first()
    if provincie is None:
        c.fout(f"Provincie {_toon(code)} bestaat niet.")
    elif door is not None and provincie.pk != door.provincie_id:
        eigen = door.provincie
        c.fout(
            f"Deze afweging hoort bij de provincie {provincie.naam} ({provincie.code}); u bent "
            f"adviseur voor {eigen.naam} ({eigen.code}). Importeer alleen afwegingen van uw "
            f"eigen provincie, of vraag een adviseur van {provincie.naam} om dit te doen."
        )


def _controleer_kader(c: _Controle, data: dict, plan: _Plan) -> None:
    versie = c.geheel(data, "kaderversie", "Kaderversie", maximum=MAX_GETAL, verplicht=True)
    if versie is None:
        return
    kader = Kader.objects.filter(versie=versie).first()
    if kader is None:
        c.fout(f"Kader versie {versie} bestaat niet.")
    elif not kader.gepubliceerd and not kader.in_gebruik:
        # Importing would freeze a version a beheerder is still editing.
        c.fout(f"Kader versie {versie} is nog niet gepubliceerd.")
    else:
        plan.kader = kader
        plan.deelvragen = {d.nummer: d for d in Deelvraag.objects.filter(onderdeel__kader=kader)}


def _controleer_deelnemers(c: _Controle, data: dict, plan: _Plan, gemeenten: dict) -> set[str]:
    rijen = c.lijst(data, "deelnemers", "Deelnemers", verplicht=True)
    if isinstance(data.get("deelnemers"), list) and len(data["deelnemers"]) < 2:
        c.fout(
            "Een afweging heeft minstens twee deelnemende gemeenten; dit bestand noemt er "
            f"{len(data['deelnemers'])}."
        )
    leden: set[str] = set()
    for i, rij in enumerate(rijen, start=1):
        rij = c.object(rij, f"Deelnemer {i}")
        if rij is None:
            continue
        code = c.tekst(
            rij, "gemeentecode", f"Gemeentecode van deelnemer {i}", max_lengte=MAX_CODE,
            verplicht=True,
        )  # fmt: skip
        gemeente = gemeenten.get(code) if code is not None else None
        if code is not None and gemeente is None:
            c.fout(f"Gemeente {_toon(code)} bestaat niet.")
        elif gemeente is not None and code in leden:
            c.fout(f"Gemeente {code} staat meer dan één keer bij de deelnemers.")
        wie = f"deelnemer {code}" if gemeente is not None else f"deelnemer {i}"
        perspectief = c.keuze(
            rij, "perspectief", f"Perspectief van {wie}", Deelnemer.Perspectief,
            standaard=Deelnemer.Perspectief.ONBEKEND,
        )  # fmt: skip
        motieven = []
        for motief in c.lijst(rij, "motieven", f"Motieven van {wie}"):
            if motief not in MOTIEFCODES:
                c.fout(f"Motief ‘{_toon(motief)}’ van {wie} bestaat niet.")
            elif motief in motieven:
                c.fout(f"Motief ‘{motief}’ staat meer dan één keer bij {wie}.")
            else:
                motieven.append(motief)
        toelichting = c.tekst(rij, "motieven_toelichting", f"Toelichting op de motieven van {wie}")
        if gemeente is not None and code not in leden:
            leden.add(code)
            plan.deelnemers.append(
                {
                    "gemeente": gemeente,
                    "perspectief": perspectief,
                    "motieven": motieven,
                    "motieven_toelichting": toelichting,
                }
            )
    return leden


def _controleer_afweging(
    c: _Controle, data: dict, plan: _Plan, gemeenten: dict, leden: set[str]
) -> None:
    v = plan.velden
    v["titel"] = c.tekst(
        data, "titel", "Titel", max_lengte=Afweging._meta.get_field("titel").max_length,
        verplicht=True,
    )  # fmt: skip
    v["status"] = c.keuze(
        data, "status", "Status", Afweging.Status, standaard=Afweging.Status.CONCEPT
    )
    v["variant"] = c.keuze(data, "variant", "Variant", Afweging.Variant, verplicht=True)
    v["reorganisatie_gecombineerd"] = c.keuze(
        data, "reorganisatie_gecombineerd", "Gecombineerd met reorganisatie",
        Afweging.JaNeeOnbekend, standaard=Afweging.JaNeeOnbekend.ONBEKEND,
    )  # fmt: skip
    v["is_voorbeeld"] = c.ja_nee(data, "is_voorbeeld", "Voorbeeld", standaard=False)
    v["versie"] = c.geheel(data, "versie", "Versie", maximum=MAX_GETAL, standaard=1)
    v["geplande_startdatum"] = c.datum(data, "geplande_startdatum", "Geplande startdatum")
    v["geplande_evaluatiedatum"] = c.datum(
        data, "geplande_evaluatiedatum", "Geplande eerste evaluatie"
    )
    start, evaluatie = v["geplande_startdatum"], v["geplande_evaluatiedatum"]
    if start and evaluatie and evaluatie <= start:
        c.fout("De geplande eerste evaluatie moet na de geplande startdatum liggen.")
    v["taakstelling"] = c.bedrag(data, "taakstelling", "Besparingstaakstelling", null=True)
    v["frictiekostenbudget"] = c.bedrag(
        data, "frictiekostenbudget", "Budget frictiekosten", null=True
    )

    code = c.tekst(
        data, "centrumgemeente", "Centrumgemeente", max_lengte=MAX_CODE, null=True, standaard=None
    )
    v["centrumgemeente"] = gemeenten.get(code) if code is not None else None
    if code is not None and v["centrumgemeente"] is None:
        c.fout(f"Gemeente {_toon(code)} bestaat niet.")
    elif code is not None and leden and code not in leden:
        # Possible in the app: an autosave keeps the centrumgemeente but changes the
        # deelnemers only on an explicit save. Kept as it is, and pointed out.
        plan.meldingen.append(
            f"De centrumgemeente {code} is geen van de deelnemende gemeenten; controleer het "
            "voorstel."
        )
    if v["variant"] == Afweging.Variant.CENTRUMCONSTRUCTIE:
        if data.get("centrumgemeente") is None:
            c.fout("Een centrumconstructie heeft een centrumgemeente nodig (‘centrumgemeente’).")
    elif v["variant"] is not None and code is not None:
        c.fout("Een centrumgemeente hoort alleen bij een centrumconstructie.")

    v["vastgesteld_op"] = c.moment(data, "vastgesteld_op", "Vastgesteld op", null=True)
    plan.vastgesteld_door = c.tekst(
        data, "vastgesteld_door", "Vastgesteld door", max_lengte=150, null=True, standaard=None
    )
    if v["status"] == Afweging.Status.VASTGESTELD and data.get("vastgesteld_op") is None:
        c.fout("Een vastgestelde afweging heeft een moment van vaststelling (‘vastgesteld_op’).")
    elif v["status"] not in (None, Afweging.Status.VASTGESTELD) and (
        data.get("vastgesteld_op") is not None or data.get("vastgesteld_door") is not None
    ):
        c.fout(
            "Alleen een vastgestelde afweging heeft ‘vastgesteld_op’ en ‘vastgesteld_door’; "
            f"deze heeft status {v['status']}."
        )


def _deelvraag(c: _Controle, plan: _Plan, rij: dict, wat: str) -> int | None:
    """The number of an existing deelvraag of the kader, or None (with a problem noted)."""
    if "deelvraag" not in rij:
        c.fout(f"Het veld ‘deelvraag’ ontbreekt ({wat[:1].lower()}{wat[1:]}).")
        return None
    nummer = rij["deelvraag"]
    if plan.kader is None:
        return None  # The kader's own problem is reported already.
    if not _is_geheel(nummer) or nummer not in plan.deelvragen:
        c.fout(f"Deelvraag {_toon(nummer)} bestaat niet in kader versie {plan.kader.versie}.")
        return None
    return nummer


def _controleer_antwoorden(c: _Controle, data: dict, plan: _Plan) -> None:
    for i, rij in enumerate(c.lijst(data, "antwoorden", "Antwoorden"), start=1):
        rij = c.object(rij, f"Antwoord {i}")
        if rij is None:
            continue
        nummer = _deelvraag(c, plan, rij, f"Antwoord {i}")
        bij = f"deelvraag {nummer}" if nummer is not None else f"antwoord {i}"
        oordeel = rij.get("oordeel")
        if _is_geheel(oordeel):
            oordeel = str(oordeel)  # 1 for "1": written by hand, meant the same.
        elif oordeel is None:
            oordeel = ""
        if oordeel not in OORDELEN:
            c.fout(
                f"Score {_toon(oordeel)} bij {bij} ligt niet tussen −2 en +2; kies −2, −1, 0, 1 "
                "of 2, ‘?’ voor onvoldoende informatie, of laat de score leeg."
            )
        motivering = c.tekst(rij, "motivering", f"Motivering bij {bij}")
        bronnen = c.tekst(rij, "bronnen", f"Bronnen bij {bij}")
        if nummer in plan.antwoorden:
            c.fout(f"Deelvraag {nummer} staat meer dan één keer bij de antwoorden.")
        elif nummer is not None:
            plan.antwoorden[nummer] = {
                "oordeel": oordeel, "motivering": motivering, "bronnen": bronnen,
            }  # fmt: skip


def _controleer_succesfactoren(c: _Controle, data: dict, plan: _Plan) -> None:
    factoren = set(plan.kader.succesfactoren.values_list("code", flat=True)) if plan.kader else None
    for i, rij in enumerate(c.lijst(data, "succesfactoren", "Succesfactoren"), start=1):
        rij = c.object(rij, f"Succesfactor {i}")
        if rij is None:
            continue
        code = c.tekst(
            rij, "code", f"Code van succesfactor {i}", max_lengte=MAX_CODE, verplicht=True
        )
        if code is not None and factoren is not None and code not in factoren:
            c.fout(
                f"Succesfactor ‘{_toon(code)}’ bestaat niet in kader versie {plan.kader.versie}."
            )
            code = None
        wie = f"succesfactor ‘{code}’" if code else f"succesfactor {i}"
        status = c.keuze(
            rij, "status", f"Status van {wie}", SuccesfactorAntwoord.Status,
            standaard=SuccesfactorAntwoord.Status.ONBEKEND,
        )  # fmt: skip
        notitie = c.tekst(rij, "notitie", f"Notitie bij {wie}")
        if code in plan.succesfactoren:
            c.fout(f"Succesfactor ‘{code}’ staat meer dan één keer in het bestand.")
        elif code is not None:
            plan.succesfactoren[code] = {"status": status, "notitie": notitie}


def _controleer_businesscase(c: _Controle, data: dict, plan: _Plan) -> None:
    if data.get("businesscase") is None:
        return  # Made with its defaults when the adviseur first opens it.
    bc = c.object(data["businesscase"], "Businesscase")
    if bc is None:
        return
    verdeling = bc.get("vaste_verdeling", {})
    if not isinstance(verdeling, dict):
        c.fout(
            f"Vaste verdeling van de businesscase moet een object zijn, niet {_soort(verdeling)}."
        )
        verdeling = {}
    elif len(verdeling) > MAX_REGELS:
        c.fout(f"Vaste verdeling van de businesscase heeft te veel gemeenten ({len(verdeling)}).")
        verdeling = {}
    for code in verdeling:
        if not isinstance(code, str) or len(code) > MAX_CODE or not _opslaanbaar(code):
            c.fout(f"Vaste verdeling: ‘{_toon(code)}’ is geen gemeentecode.")
        else:
            c.decimaal(
                verdeling, code, f"Aandeel van {code} in de vaste verdeling", decimalen=None,
                maximum=100,
            )  # fmt: skip
    plan.businesscase = {
        "basis_overhead": c.bedrag(bc, "basis_overhead", "Overhead in de businesscase", null=True),
        "verdeelsleutel": c.keuze(
            bc, "verdeelsleutel", "Verdeelsleutel", Businesscase.Sleutel,
            standaard=Businesscase.Sleutel.INWONERS,
        ),
        "mix_inwoners_pct": c.decimaal(
            bc, "mix_inwoners_pct", "Aandeel inwoners in de mix", decimalen=1, maximum=100,
            standaard=Decimal("50"),
        ),
        "vaste_verdeling": dict(verdeling),
    }  # fmt: skip
    for i, rij in enumerate(c.lijst(bc, "varianten", "Varianten van de businesscase"), start=1):
        rij = c.object(rij, f"Variant {i} van de businesscase")
        if rij is None:
            continue
        soort = c.keuze(
            rij, "soort", f"Soort van variant {i}", BusinesscaseVariant.Soort, verplicht=True
        )
        wie = f"de variant ‘{soort}’" if soort else f"variant {i}"
        waarden = {
            "besparing_pct": c.decimaal(
                rij, "besparing_pct", f"Besparing van {wie}", decimalen=1, maximum=100,
                standaard=Decimal("0"),
            ),
            "ingroei_jaren": c.geheel(
                rij, "ingroei_jaren", f"Jaren tot volle besparing van {wie}", minimum=0,
                maximum=MAX_KLEIN, standaard=3,
            ),
            "frictiekosten": c.bedrag(rij, "frictiekosten", f"Frictiekosten van {wie}"),
            "frictie_jaren": c.geheel(
                rij, "frictie_jaren", f"Jaren frictiekosten van {wie}", maximum=MAX_KLEIN,
                standaard=3,
            ),
            "extra_kosten": c.bedrag(rij, "extra_kosten", f"Extra kosten van {wie}"),
            "btw_aandeel_pct": c.decimaal(
                rij, "btw_aandeel_pct", f"Deel met btw van {wie}", decimalen=1, maximum=100,
                standaard=Decimal("0"),
            ),
        }  # fmt: skip
        if soort in plan.varianten:
            c.fout(f"De variant ‘{soort}’ staat meer dan één keer in de businesscase.")
        elif soort is not None:
            plan.varianten[soort] = waarden


def _controleer_opmerkingen(c: _Controle, data: dict, plan: _Plan) -> None:
    eerder: dict[int, int | None] = {}  # id in the document -> its deelvraag
    for i, rij in enumerate(c.lijst(data, "opmerkingen", "Opmerkingen"), start=1):
        rij = c.object(rij, f"Opmerking {i}")
        if rij is None:
            continue
        oud_id = c.geheel(rij, "id", f"Id van opmerking {i}", maximum=MAX_ID, verplicht=True)
        wie = f"Opmerking {oud_id}" if oud_id is not None else f"Opmerking {i}"
        nummer = _deelvraag(c, plan, rij, wie)
        op = c.geheel(
            rij, "antwoord_op", f"‘antwoord_op’ van {wie.lower()}", maximum=MAX_ID, null=True,
            standaard=None,
        )  # fmt: skip
        if op is not None and op not in eerder:
            c.fout(f"{wie} antwoordt op opmerking {op}, maar die staat niet eerder in het bestand.")
        elif op is not None and None not in (nummer, eerder[op]) and nummer != eerder[op]:
            c.fout(
                f"{wie} staat bij deelvraag {nummer}, maar antwoordt op een opmerking bij "
                f"deelvraag {eerder[op]}; een antwoord hoort bij dezelfde deelvraag."
            )
        auteur = c.tekst(rij, "auteur", f"Auteur van {wie.lower()}", max_lengte=150, verplicht=True)
        tekst = c.tekst(
            rij, "tekst", f"Tekst van {wie.lower()}", max_lengte=OPMERKING_MAX, verplicht=True
        )
        geplaatst = c.moment(rij, "geplaatst", f"Moment van {wie.lower()}")
        if oud_id is not None and oud_id in eerder:
            c.fout(f"Er staan meerdere opmerkingen met id {oud_id} in het bestand.")
        elif oud_id is not None:
            eerder[oud_id] = nummer
            plan.opmerkingen.append(
                {"id": oud_id, "deelvraag": nummer, "antwoord_op": op, "auteur": auteur,
                 "tekst": tekst, "geplaatst": geplaatst}
            )  # fmt: skip


def _controleer_reacties(
    c: _Controle, data: dict, plan: _Plan, gemeenten: dict, leden: set[str]
) -> None:
    gezien: set[str] = set()
    for i, rij in enumerate(c.lijst(data, "reacties", "Reacties"), start=1):
        rij = c.object(rij, f"Reactie {i}")
        if rij is None:
            continue
        code = c.tekst(
            rij, "gemeentecode", f"Gemeentecode van reactie {i}", max_lengte=MAX_CODE,
            verplicht=True,
        )  # fmt: skip
        if code is not None and code not in gemeenten:
            c.fout(f"Gemeente {_toon(code)} bestaat niet.")
        elif code is not None and code not in leden:
            c.fout(f"De reactie namens {code} komt van een gemeente die geen deelnemer is.")
        elif code in gezien:
            c.fout(f"Gemeente {code} heeft meer dan één formele reactie in het bestand.")
        wie = f"de reactie namens {code}" if code else f"reactie {i}"
        reactie = {
            "gemeente": gemeenten.get(code) if code else None,
            "standpunt": c.keuze(
                rij, "standpunt", f"Standpunt van {wie}", Reactie.Standpunt, verplicht=True
            ),
            "tekst": c.tekst(
                rij, "tekst", f"Toelichting van {wie}", max_lengte=REACTIE_MAX, verplicht=True
            ),
            "auteur": c.tekst(rij, "auteur", f"Auteur van {wie}", max_lengte=150, verplicht=True),
            "gegeven": c.moment(rij, "gegeven", f"Moment van {wie}"),
            "antwoord": c.tekst(rij, "antwoord", f"Antwoord op {wie}"),
            # Absent from exports made before these two were added.
            "beantwoord_door": c.tekst(
                rij,
                "beantwoord_door",
                f"Wie {wie} beantwoordde",
                max_lengte=150,
                null=True,
                standaard=None,
            ),
            "beantwoord_op": c.moment(
                rij, "beantwoord_op", f"Moment van het antwoord op {wie}", null=True
            ),
        }
        if code is not None:
            gezien.add(code)
        plan.reacties.append(reactie)


def _koppel_gebruikers(plan: _Plan, door: Gebruiker, leden: set[str]) -> None:
    """Find the users the document names, by username; note what could not be kept."""
    auteurs = [o["auteur"] for o in plan.opmerkingen] + [r["auteur"] for r in plan.reacties]
    beantwoorders = [r["beantwoord_door"] for r in plan.reacties if r["antwoord"]]
    namen = {*auteurs, *beantwoorders, *plan.gedeeld_met, plan.vastgesteld_door} - {None}
    plan.gebruikers = {g.username: g for g in Gebruiker.objects.filter(username__in=namen)}
    op_naam_van = door.get_full_name() or door.username
    for naam in dict.fromkeys(auteurs):
        if naam not in plan.gebruikers:
            plan.meldingen.append(
                f"Gebruiker ‘{naam}’ bestaat hier niet; haar of zijn opmerkingen en reacties "
                f"staan op naam van {op_naam_van}."
            )
    if any(r["antwoord"] and r["beantwoord_door"] not in plan.gebruikers for r in plan.reacties):
        plan.meldingen.append(
            "Wie een formele reactie beantwoordde, staat niet in het bestand of bestaat hier "
            f"niet; die antwoorden staan op naam van {op_naam_van}."
        )
    if plan.vastgesteld_door is not None and plan.vastgesteld_door not in plan.gebruikers:
        plan.meldingen.append(
            f"Gebruiker ‘{plan.vastgesteld_door}’, die de afweging vaststelde, bestaat hier niet; "
            "‘vastgesteld door’ blijft leeg."
        )
    for naam in plan.gedeeld_met:
        gebruiker = plan.gebruikers.get(naam)
        if gebruiker is None:
            plan.meldingen.append(f"Niet gedeeld met ‘{naam}’: die gebruiker bestaat hier niet.")
        elif not (
            gebruiker.is_active
            and gebruiker.is_gemeentesecretaris
            and gebruiker.gemeenten.filter(code__in=leden).exists()
        ):
            plan.meldingen.append(
                f"Niet gedeeld met ‘{naam}’: geen actieve gemeentesecretaris van een "
                "deelnemende gemeente."
            )
        else:
            plan.delen_met.append(gebruiker)


# --- writing -------------------------------------------------------------------------


def _schrijf(plan: _Plan, door: Gebruiker) -> Afweging:
    nu = timezone.now()
    bekend = plan.gebruikers.get  # a username to the user here
    afweging = Afweging.objects.create(
        **plan.velden,
        vastgesteld_door=bekend(plan.vastgesteld_door) if plan.vastgesteld_door else None,
        provincie=door.provincie,
        kader=plan.kader,
        aangemaakt_door=door,
        gewijzigd_door=door,
    )
    Deelnemer.objects.bulk_create(Deelnemer(afweging=afweging, **d) for d in plan.deelnemers)
    Antwoord.objects.bulk_create(
        Antwoord(afweging=afweging, deelvraag=deelvraag, **plan.antwoorden.get(nummer, {}))
        for nummer, deelvraag in sorted(plan.deelvragen.items())
    )
    SuccesfactorAntwoord.objects.bulk_create(
        SuccesfactorAntwoord(
            afweging=afweging, succesfactor=f, **plan.succesfactoren.get(f.code, {})
        )
        for f in plan.kader.succesfactoren.all()
    )
    if plan.businesscase is not None:
        businesscase = Businesscase.objects.create(afweging=afweging, **plan.businesscase)
        standaard = {"voorgesteld": {"frictiekosten": afweging.frictiekostenbudget or 0}}
        BusinesscaseVariant.objects.bulk_create(
            BusinesscaseVariant(
                businesscase=businesscase,
                soort=soort,
                **plan.varianten.get(soort, standaard.get(soort, {})),
            )
            for soort in BusinesscaseVariant.Soort.values
        )

    # One by one: an answer needs the new id of the comment it answers. The moments are
    # set afterwards, as `auto_now_add` would overwrite them on create.
    nieuw: dict[int, Opmerking] = {}
    for o in plan.opmerkingen:
        nieuw[o["id"]] = Opmerking.objects.create(
            afweging=afweging,
            deelvraag=plan.deelvragen[o["deelvraag"]],
            auteur=bekend(o["auteur"], door),
            tekst=o["tekst"],
            antwoord_op=nieuw[o["antwoord_op"]] if o["antwoord_op"] is not None else None,
        )
        nieuw[o["id"]].geplaatst = o["geplaatst"] or nieuw[o["id"]].geplaatst
    Opmerking.objects.bulk_update(nieuw.values(), ["geplaatst"])

    reacties = Reactie.objects.bulk_create(
        Reactie(
            afweging=afweging,
            gemeente=r["gemeente"],
            auteur=bekend(r["auteur"], door),
            standpunt=r["standpunt"],
            tekst=r["tekst"],
            antwoord=r["antwoord"],
            beantwoord_door=(bekend(r["beantwoord_door"]) or door) if r["antwoord"] else None,
            beantwoord_op=(r["beantwoord_op"] or nu) if r["antwoord"] else None,
        )
        for r in plan.reacties
    )
    for reactie, r in zip(reacties, plan.reacties, strict=True):
        reactie.gegeven = r["gegeven"] or reactie.gegeven
    Reactie.objects.bulk_update(reacties, ["gegeven"])

    delingen = Deling.objects.bulk_create(
        Deling(afweging=afweging, gebruiker=lezer, gedeeld_door=door) for lezer in plan.delen_met
    )
    # Delingen are listed by moment; one microsecond apart keeps the document's order.
    for i, deling in enumerate(delingen):
        deling.gedeeld_op = nu + timedelta(microseconds=i)
    Deling.objects.bulk_update(delingen, ["gedeeld_op"])

    bron = f" (afweging {plan.bron_id} in de bron)" if plan.bron_id is not None else ""
    vastleggen(
        afweging, door, f"Geïmporteerd uit een exportbestand{bron}",
        bron_id=plan.bron_id, meldingen=plan.meldingen,
    )  # fmt: skip
    for melding in plan.meldingen:
        vastleggen(afweging, door, f"Bij het importeren: {melding}")
    return afweging


# --- reading values ------------------------------------------------------------------


class _Controle:
    """Reads one value of the document at a time; a problem is noted, never raised, so
    that one run finds them all. A value with a problem reads as None."""

    def __init__(self):
        self.fouten: list[str] = []

    def fout(self, tekst: str) -> None:
        self.fouten.append(tekst)

    def _waarde(self, bron: dict, sleutel: str, wat: str, verplicht: bool):
        if sleutel in bron:
            return bron[sleutel]
        if verplicht:
            self.fout(f"Het veld ‘{sleutel}’ ontbreekt ({wat[:1].lower()}{wat[1:]}).")
        return _ONTBREEKT

    def tekst(
        self, bron, sleutel, wat, *, max_lengte=MAX_TEKST, verplicht=False, null=False,
        standaard="",
    ):  # fmt: skip
        waarde = self._waarde(bron, sleutel, wat, verplicht)
        if waarde is _ONTBREEKT:
            return None if verplicht else standaard
        if waarde is None and null:
            return None
        if not isinstance(waarde, str):
            self.fout(f"{wat} moet tekst zijn, niet {_soort(waarde)}.")
        elif not _opslaanbaar(waarde):
            self.fout(f"{wat} bevat tekens die niet kunnen worden opgeslagen.")
        elif len(waarde) > max_lengte:
            self.fout(
                f"{wat} is te lang: {_aantal(len(waarde))} tekens, hooguit {_aantal(max_lengte)}."
            )
        elif verplicht and not waarde.strip():
            self.fout(f"{wat} is leeg.")
        else:
            return waarde
        return None

    def keuze(self, bron, sleutel, wat, keuzes, *, verplicht=False, standaard=None):
        waarde = self._waarde(bron, sleutel, wat, verplicht)
        if waarde is _ONTBREEKT:
            return None if verplicht else standaard
        if not isinstance(waarde, str) or waarde not in keuzes.values:
            self.fout(
                f"{wat} ‘{_toon(waarde)}’ bestaat niet; kies uit: {', '.join(keuzes.values)}."
            )
            return None
        return waarde

    def ja_nee(self, bron, sleutel, wat, *, standaard):
        waarde = self._waarde(bron, sleutel, wat, False)
        if waarde is _ONTBREEKT:
            return standaard
        if not isinstance(waarde, bool):
            self.fout(f"{wat} moet true of false zijn, niet {_soort(waarde)}.")
            return None
        return waarde

    def geheel(
        self, bron, sleutel, wat, *, minimum=1, maximum, verplicht=False, null=False,
        standaard=None,
    ):  # fmt: skip
        waarde = self._waarde(bron, sleutel, wat, verplicht)
        if waarde is _ONTBREEKT:
            return None if verplicht else standaard
        if waarde is None and null:
            return None
        if not _is_geheel(waarde):
            self.fout(f"{wat} moet een geheel getal zijn, niet {_soort(waarde)}.")
        elif not minimum <= waarde <= maximum:
            self.fout(
                f"{wat} is {_toon(waarde)}; dat ligt niet tussen {minimum} en {_aantal(maximum)}."
            )
        else:
            return waarde
        return None

    def decimaal(
        self, bron, sleutel, wat, *, decimalen, maximum, null=False, standaard=None
    ) -> Decimal | None:
        """A number from 0 to `maximum` with at most `decimalen` decimals (None: any)."""
        waarde = self._waarde(bron, sleutel, wat, False)
        if waarde is _ONTBREEKT:
            return standaard
        if waarde is None and null:
            return None
        if not isinstance(waarde, int | float) or isinstance(waarde, bool):
            self.fout(f"{wat} moet een getal zijn, niet {_soort(waarde)}.")
        elif isinstance(waarde, float) and not math.isfinite(waarde):
            self.fout(f"{wat} moet een getal zijn.")
        elif not 0 <= waarde <= maximum:
            self.fout(f"{wat} is {_toon(waarde)}; dat ligt niet tussen 0 en {_aantal(maximum)}.")
        elif decimalen is not None and (getal := Decimal(str(waarde))) != round(getal, decimalen):
            if decimalen == 0:
                self.fout(f"{wat} is {_toon(waarde)}; geef een bedrag in hele euro's.")
            else:
                self.fout(f"{wat} is {_toon(waarde)}; geef hooguit {decimalen} decimaal.")
        else:
            return Decimal(str(waarde)) if isinstance(waarde, float) else Decimal(waarde)
        return None

    def bedrag(self, bron, sleutel, wat, *, null=False):
        """Whole euros, as the DecimalFields of 14 digits without decimals hold them."""
        return self.decimaal(
            bron, sleutel, wat, decimalen=0, maximum=MAX_BEDRAG, null=null,
            standaard=None if null else Decimal("0"),
        )  # fmt: skip

    def datum(self, bron, sleutel, wat) -> date | None:
        waarde = self._waarde(bron, sleutel, wat, False)
        if waarde is _ONTBREEKT or waarde is None:
            return None
        try:
            if isinstance(waarde, str) and len(waarde) == 10:
                return date.fromisoformat(waarde)
        except ValueError:
            pass
        self.fout(f"{wat} ‘{_toon(waarde)}’ is geen datum (verwacht jjjj-mm-dd).")
        return None

    def moment(self, bron, sleutel, wat, *, null=False) -> datetime | None:
        waarde = self._waarde(bron, sleutel, wat, False)
        if waarde is _ONTBREEKT or (waarde is None and null):
            return None
        try:
            if isinstance(waarde, str) and len(waarde) <= 40:
                moment = datetime.fromisoformat(waarde)
                if timezone.is_naive(moment):
                    moment = timezone.make_aware(moment)
                return moment
        except (ValueError, OverflowError):
            pass
        self.fout(
            f"{wat} ‘{_toon(waarde)}’ is geen datum met tijd (verwacht bijvoorbeeld "
            "2025-03-01T14:30:00+01:00)."
        )
        return None

    def lijst(self, bron, sleutel, wat, *, verplicht=False) -> list:
        waarde = self._waarde(bron, sleutel, wat, verplicht)
        if waarde is _ONTBREEKT:
            return []
        if not isinstance(waarde, list):
            self.fout(f"{wat} moet een lijst zijn, niet {_soort(waarde)}.")
            return []
        if len(waarde) > MAX_REGELS:
            self.fout(
                f"{wat}: te veel regels ({_aantal(len(waarde))}; hooguit {_aantal(MAX_REGELS)})."
            )
            return []
        return waarde

    def object(self, waarde, wat) -> dict | None:
        if not isinstance(waarde, dict):
            self.fout(f"{wat} moet een object zijn, niet {_soort(waarde)}.")
            return None
        return waarde


def _is_geheel(waarde) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _opslaanbaar(tekst: str) -> bool:
    """False for what a database refuses: a NUL character, or half a surrogate pair
    (JSON may spell one as \\ud800), which is no UTF-8."""
    if "\x00" in tekst:
        return False
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _soort(waarde) -> str:
    """The kind of a JSON value, in words."""
    if waarde is None:
        return "leeg (null)"
    if isinstance(waarde, bool):
        return "true of false"
    if isinstance(waarde, int):
        return "een geheel getal"
    if isinstance(waarde, float):
        return "een getal"
    if isinstance(waarde, str):
        return "tekst"
    if isinstance(waarde, list):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een object"
    return "een onbekend soort waarde"


def _toon(waarde) -> str:
    """A value as it may appear in a message: short, on one line."""
    if isinstance(waarde, str):
        tekst = " ".join("".join(t if t.isprintable() else " " for t in waarde[:80]).split())
    elif isinstance(waarde, bool) or waarde is None:
        tekst = json.dumps(waarde)
    elif isinstance(waarde, int):
        tekst = str(waarde) if abs(waarde) < 10**40 else "een heel groot getal"
    elif isinstance(waarde, float):
        tekst = repr(waarde)
    else:
        return _soort(waarde)
    return tekst if len(tekst) <= 40 else tekst[:39] + "…"


def _aantal(getal: int) -> str:
    return getallen.geheel(getal)
