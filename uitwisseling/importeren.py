"""Importing an afweging from the JSON document its export writes ("fusietoets-afweging/1"),
as a new afweging of the importing adviseur.

The whole document is checked before anything is written: first by the schema
(`uitwisseling.schema`), then against this database (provincie, kader, gemeenten,
succesfactoren, users) and for the rules between fields. Every problem is reported at once,
in Dutch, in one `ImportFout`; if there is any, nothing is stored.

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
  another provincie is refused; as in the app, one of its deelnemers must lie in that
  provincie (the rule of `afweging/toegang.py`). An adviseur sees and edits the afwegingen of their
  provincie (see `toegang.py`); quietly moving an afweging to the importer's provincie
  would change who owns it and what the export says.
- People are found by username. A comment or reaction whose author does not exist here is
  put on the name of the importing adviseur, because the model needs a user; who answered
  a reaction is missing from older exports, so such answers are put on the importer's name
  as well, with the moment of the import. A vaststeller who does not exist here stays
  empty. The afweging is shared again only with users who are an active
  gemeentesecretaris of a deelnemende gemeente here, the rule of sharing in the app; no one
  is mailed. Each of these choices is written to the history, where the adviseur sees it.
- A vastgestelde afweging stays vastgesteld. The PDF frozen at the vaststelling is not in
  the document; its report is rendered from the (frozen) data when asked for.
"""

import json
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError

from afweging.models import Afweging, Antwoord, Deelnemer, SuccesfactorAntwoord
from afweging.services import vastleggen
from afweging.toegang import heeft_deelnemer_in
from businesscase.berekening import standaardvarianten
from businesscase.models import Businesscase, BusinesscaseVariant
from businesscase.projectie import MARGE_VASTE_VERDELING
from casussen.models import Gemeente, Provincie
from gebruikers.models import Gebruiker
from kader.models import Deelvraag, Kader
from review.models import Deling, Opmerking, Reactie
from uitwisseling.deels import ONGELDIG, gedeeltelijk
from uitwisseling.fouten import (
    CONTROLES,
    NA_DE_REGEL,
    Probleem,
    aantal,
    plek,
    soort_van,
    toon,
    vertaal,
)
from uitwisseling.schema import FORMAAT, Afwegingdocument
from weergave import getallen

MAX_TEKENS = 5_000_000  # a real export is some tens of kilobytes
MAX_PROBLEMEN = 100  # listed one by one; beyond that only counted
VARIANTVELDEN = (
    "besparing_pct", "ingroei_jaren", "frictiekosten", "frictie_jaren", "extra_kosten",
    "btw_aandeel_pct",
)  # fmt: skip


class ImportFout(ValueError):
    """The document cannot be imported; `problemen` lists every reason, in Dutch."""

    def __init__(self, problemen: list[str]):
        if len(problemen) > MAX_PROBLEMEN:
            rest = len(problemen) - MAX_PROBLEMEN
            problemen = [*problemen[:MAX_PROBLEMEN], f"En nog {aantal(rest)} problemen."]
        self.problemen = list(problemen)
        super().__init__(
            "De afweging is niet geïmporteerd:\n" + "\n".join(f"- {p}" for p in self.problemen)
        )


def importeer(data: dict | str, door: Gebruiker) -> Afweging:
    """A new afweging of `door`'s provincie made from an exported document (a dict, or its
    JSON text). Raises `ImportFout` with every problem and writes nothing if there is one."""
    with transaction.atomic():
        controle = _controleer(data, door)
        return _schrijf(controle, door)


def _controleer(data, door) -> "_Controle":
    data = _lees(data)
    try:
        document, fouten = Afwegingdocument.model_validate(data), []
    except ValidationError as fout:
        document, fouten = gedeeltelijk(Afwegingdocument, data), fout.errors()
    controle = _Controle(document, door, vorige=data.get("vorige"))
    kaderversie = controle.kader.versie if controle.kader else None
    problemen = controle.problemen + vertaal(
        fouten, data, namen=controle.namen, kaderversie=kaderversie
    )
    if problemen:
        raise ImportFout([p.tekst for p in sorted(problemen, key=lambda p: p.plek)])
    controle.koppel_gebruikers()
    return controle


def _lees(data) -> dict:
    """The document as a JSON object of this format; anything else is refused on its own."""
    if isinstance(data, str):
        data = _uit_json(data)
    if not isinstance(data, dict):
        soort = soort_van(data)
        raise ImportFout(
            [f"Het bestand is geen afweging: verwacht een JSON-object, maar het is {soort}."]
        )
    if "formaat" not in data:
        raise ImportFout(
            [f"Het bestand noemt geen formaat; een export van een afweging heeft ‘{FORMAAT}’."]
        )
    if data["formaat"] != FORMAAT:
        raise ImportFout(
            [f"Onbekend formaat ‘{toon(data['formaat'])}’; Fusietoets leest ‘{FORMAAT}’."]
        )
    return data


def _uit_json(tekst: str):
    if len(tekst) > MAX_TEKENS:
        raise ImportFout(
            [
                f"Het bestand is te groot: {aantal(len(tekst))} tekens; een export van een "
                f"afweging is hooguit {aantal(MAX_TEKENS)} tekens."
            ]
        )

    def geen_constante(naam):
        raise ValueError(f"{naam} is geen getal")

    try:  # A byte order mark before the JSON is what some editors write; it is no content.
        return json.loads(tekst.removeprefix("\ufeff"), parse_constant=geen_constante)
    except json.JSONDecodeError as fout:
        raise ImportFout(
            [f"Het bestand is geen geldige JSON (regel {fout.lineno}, kolom {fout.colno})."]
        ) from fout
    except (ValueError, RecursionError) as fout:  # NaN, a 5000-digit number, deep nesting
        raise ImportFout(["Het bestand is geen geldige JSON."]) from fout


def _geldig(waarde):
    """None for a value the schema did not pass: its own problem is reported."""
    return None if waarde is ONGELDIG else waarde


def _rijen(rijen) -> list[tuple[int, object]]:
    """The rows of a list that are objects, by position; none of a list that is no list."""
    return [] if rijen is ONGELDIG else [(i, r) for i, r in enumerate(rijen) if r is not ONGELDIG]


# --- the checks against this database --------------------------------------------------


class _Controle:
    """The checks that need the database or more than one field, on the document as the
    schema read it. Notes every problem; names every row for the schema's messages ("deelnemer
    GM0489" when the gemeente exists here, else by position); keeps what it looked up."""

    def __init__(self, document: Afwegingdocument, door, *, vorige):
        self.d = document
        self.door = door
        self.problemen: list[Probleem] = []
        self.namen: dict[tuple, str] = {}
        self.meldingen: list[str] = []
        self.kader: Kader | None = None
        self.deelvragen: dict[int, Deelvraag] = {}
        self.gemeenten = {g.code: g for g in Gemeente.objects.exclude(code=None)}
        self.leden: dict[str, Gemeente] = {}  # the deelnemers' gemeenten, by code
        # As the document gives them, known here or not; None if the list has a problem of
        # its own (then which codes belong to the afweging is not known).
        self.deelnemercodes: set[str] | None = None
        self.gebruikers: dict[str, Gebruiker] = {}
        self.delen_met: list[Gebruiker] = []
        self.andere_provincie = False

        if not (getattr(door, "is_adviseur", False) and getattr(door, "provincie_id", None)):
            self.fout((), "geen_adviseur", fase=-1)
            self.door = None
        if vorige is not None:
            self.meldingen.append(
                f"De koppeling met de vorige versie (afweging {toon(vorige)} in de bron) "
                "is niet overgenomen."
            )
        self._provincie()
        self._kader()
        self._deelnemers()
        self._voorstel()
        self._antwoorden()
        self._succesfactoren()
        self._varianten()
        self._businesscase()
        self._opmerkingen()
        self._reacties()

    def fout(self, loc: tuple, controle: str, *, fase: int = 1, **waarden) -> None:
        tekst = CONTROLES[controle].format(**waarden)
        self.problemen.append(Probleem(plek(loc, fase), tekst))

    def _provincie(self) -> None:
        code, door = _geldig(self.d.provincie), self.door
        provincie = Provincie.objects.filter(code=code).first() if code is not None else None
        if code is not None and provincie is None:
            self.fout(("provincie",), "provincie_onbekend", code=toon(code))
        elif provincie is not None and door is not None and provincie.pk != door.provincie_id:
            self.fout(("provincie",), "andere_provincie", provincie=provincie, eigen=door.provincie)
            self.andere_provincie = True

    def _kader(self) -> None:
        versie = _geldig(self.d.kaderversie)
        kader = Kader.objects.filter(versie=versie).first() if versie is not None else None
        if versie is not None and kader is None:
            self.fout(("kaderversie",), "kader_onbekend", versie=versie)
        elif kader is not None and not kader.gepubliceerd and not kader.in_gebruik:
            # Importing would freeze a version a beheerder is still editing.
            self.fout(("kaderversie",), "kader_niet_gepubliceerd", versie=versie)
        elif kader is not None:
            self.kader = kader
            self.deelvragen = {
                d.nummer: d for d in Deelvraag.objects.filter(onderdeel__kader=kader)
            }

    def _deelnemers(self) -> None:
        for i, rij in _rijen(self.d.deelnemers):
            code = _geldig(rij.gemeentecode)
            gemeente = self.gemeenten.get(code) if code is not None else None
            if code is not None and gemeente is None:
                self.fout(("deelnemers", i, "gemeentecode"), "gemeente_onbekend", code=toon(code))
            elif gemeente is not None and code in self.leden:
                self.fout(("deelnemers", i, "gemeentecode"), "deelnemer_dubbel", code=code)
            wie = self.namen["deelnemers", i] = f"deelnemer {i + 1 if gemeente is None else code}"
            motieven = set()
            for j, motief in enumerate([] if rij.motieven is ONGELDIG else rij.motieven):
                if motief in motieven:
                    self.fout(
                        ("deelnemers", i, "motieven", j), "motief_dubbel", motief=motief, wie=wie
                    )
                elif motief is not ONGELDIG:
                    motieven.add(motief)
            if gemeente is not None:
                self.leden.setdefault(code, gemeente)
        codes = [_geldig(r.gemeentecode) for _, r in _rijen(self.d.deelnemers)]
        if len(codes) >= 2 and len(codes) == len(self.d.deelnemers) and None not in codes:
            self.deelnemercodes = set(codes)
        # As in the app: the importer's provincie, which will lead, has a deelnemer of its own.
        # (A document of another provincie has heard why already.)
        door = self.door
        if (
            door is not None
            and not self.andere_provincie
            and self.leden
            and not heeft_deelnemer_in(door.provincie_id, self.leden.values())
        ):
            self.fout(("deelnemers",), "geen_eigen_deelnemer", eigen=door.provincie)

    def _voorstel(self) -> None:
        d = self.d
        start, evaluatie = _geldig(d.geplande_startdatum), _geldig(d.geplande_evaluatiedatum)
        if start and evaluatie and evaluatie <= start:
            self.fout(("geplande_evaluatiedatum",), "evaluatie_niet_na_start")

        code = _geldig(d.centrumgemeente)
        if code is not None and code not in self.gemeenten:
            self.fout(("centrumgemeente",), "gemeente_onbekend", code=toon(code))
        elif code is not None and self.leden and code not in self.leden:
            # Possible in the app: an autosave keeps the centrumgemeente but changes the
            # deelnemers only on an explicit save. Kept as it is, and pointed out.
            self.meldingen.append(
                f"De centrumgemeente {code} is geen van de deelnemende gemeenten; controleer "
                "het voorstel."
            )
        # ONGELDIG is not None: a centrumgemeente that is there but wrong has its own problem.
        if d.variant == Afweging.Variant.CENTRUMCONSTRUCTIE and d.centrumgemeente is None:
            self.fout(("centrumgemeente",), "centrumgemeente_nodig", fase=2)
        elif d.variant not in (ONGELDIG, Afweging.Variant.CENTRUMCONSTRUCTIE) and code is not None:
            self.fout(("centrumgemeente",), "centrumgemeente_zonder_centrumconstructie", fase=2)

        if d.status == Afweging.Status.VASTGESTELD and d.vastgesteld_op is None:
            self.fout(("vastgesteld_door",), "vaststelling_nodig")
        elif d.status not in (ONGELDIG, Afweging.Status.VASTGESTELD) and (
            d.vastgesteld_op is not None or d.vastgesteld_door is not None
        ):
            self.fout(("vastgesteld_door",), "vaststelling_zonder_status", status=d.status)

    def _deelvraag(self, loc: tuple, rij) -> int | None:
        """The number of an existing deelvraag of the kader, or None."""
        nummer = _geldig(rij.deelvraag)
        if nummer is None or self.kader is None:
            return None  # Its own problem, or the kader's, is reported already.
        if nummer not in self.deelvragen:
            versie = self.kader.versie
            self.fout(
                (*loc, "deelvraag"), "deelvraag_onbekend", waarde=toon(nummer), kaderversie=versie
            )
            return None
        return nummer

    def _antwoorden(self) -> None:
        gezien = set()
        for i, rij in _rijen(self.d.antwoorden):
            nummer = self._deelvraag(("antwoorden", i), rij)
            self.namen["antwoorden", i] = (
                f"deelvraag {nummer}" if nummer is not None else f"antwoord {i + 1}"
            )
            if nummer in gezien:
                self.fout(("antwoorden", i), "antwoord_dubbel", fase=NA_DE_REGEL, nummer=nummer)
            elif nummer is not None:
                gezien.add(nummer)

    def _succesfactoren(self) -> None:
        kader = self.kader
        factoren = set(kader.succesfactoren.values_list("code", flat=True)) if kader else None
        gezien = set()
        for i, rij in _rijen(self.d.succesfactoren):
            code = _geldig(rij.code)
            if code is not None and factoren is not None and code not in factoren:
                loc = ("succesfactoren", i, "code")
                self.fout(loc, "succesfactor_onbekend", code=toon(code), versie=kader.versie)
                code = None
            self.namen["succesfactoren", i] = f"succesfactor {f'‘{code}’' if code else i + 1}"
            if code in gezien:
                self.fout(("succesfactoren", i), "succesfactor_dubbel", fase=NA_DE_REGEL, code=code)
            elif code is not None:
                gezien.add(code)

    def _varianten(self) -> None:
        bc = _geldig(self.d.businesscase)
        gezien = set()
        for i, rij in _rijen(bc.varianten if bc is not None else []):
            soort, loc = _geldig(rij.soort), ("businesscase", "varianten", i)
            self.namen[loc] = f"de variant ‘{soort}’" if soort else f"variant {i + 1}"
            if soort in gezien:
                self.fout(loc, "variant_dubbel", fase=NA_DE_REGEL, soort=soort)
            elif soort is not None:
                gezien.add(soort)

    def _businesscase(self) -> None:
        """What the business case's form refuses and the schema cannot see: a gemeente that
        is no deelnemer (the form has fields for the deelnemers only, and saving again would
        drop it), domains over 100% together, a fixed split as the key that is not 100%."""
        bc = _geldig(self.d.businesscase)
        if bc is None:
            return
        loc = ("businesscase", "vaste_verdeling")
        vast = _geldig(bc.vaste_verdeling) or {}
        for code in vast:
            self._deelnemercode(loc, "Vaste verdeling", code)
        som = sum(vast.values())
        if (
            bc.verdeelsleutel == Businesscase.Sleutel.VAST
            and abs(som - 100) > MARGE_VASTE_VERDELING
        ):
            self.fout(loc, "vaste_verdeling_niet_100", fase=2, nu=getallen.decimaal(som))
        for soort, per_code in (_geldig(bc.verdeelgegevens) or {}).items():
            for code in per_code:
                loc = ("businesscase", "verdeelgegevens", soort)
                self._deelnemercode(loc, f"Gegevens ‘{soort}’", code)
        aandelen = [
            r.aandeel_pct for _, r in _rijen(_geldig(bc.domeinsleutels) or [])
            if isinstance(r.aandeel_pct, int | float)
        ]  # fmt: skip
        if (samen := sum(aandelen)) > 100:
            loc = ("businesscase", "domeinsleutels")
            self.fout(loc, "domeinen_boven_100", fase=NA_DE_REGEL, samen=getallen.decimaal(samen))

    def _deelnemercode(self, loc: tuple, wat: str, code: str) -> None:
        if self.deelnemercodes is not None and code not in self.deelnemercodes:
            self.fout(loc, "verdeelcode_geen_deelnemer", wat=wat, code=toon(code))

    def _opmerkingen(self) -> None:
        eerder: dict[int, int | None] = {}  # id in the document -> its deelvraag
        for i, rij in _rijen(self.d.opmerkingen):
            oud_id = _geldig(rij.id)
            wie = self.namen["opmerkingen", i] = f"opmerking {i + 1 if oud_id is None else oud_id}"
            nummer = self._deelvraag(("opmerkingen", i), rij)
            op, loc = _geldig(rij.antwoord_op), ("opmerkingen", i, "antwoord_op")
            if op is not None and op not in eerder:
                self.fout(loc, "antwoord_op_onbekend", wie=wie.capitalize(), op=op)
            elif op is not None and None not in (nummer, eerder[op]) and nummer != eerder[op]:
                waarden = {"wie": wie.capitalize(), "nummer": nummer, "eerder": eerder[op]}
                self.fout(loc, "antwoord_op_andere_deelvraag", **waarden)
            if oud_id is not None and oud_id in eerder:
                self.fout(("opmerkingen", i), "opmerking_dubbel", fase=NA_DE_REGEL, id=oud_id)
            elif oud_id is not None:
                eerder[oud_id] = nummer

    def _reacties(self) -> None:
        gezien: set[str] = set()
        for i, rij in _rijen(self.d.reacties):
            code, loc = _geldig(rij.gemeentecode), ("reacties", i, "gemeentecode")
            if code is not None and code not in self.gemeenten:
                self.fout(loc, "gemeente_onbekend", code=toon(code))
            elif code is not None and code not in self.leden:
                self.fout(loc, "reactie_zonder_deelnemer", code=code)
            elif code in gezien:
                self.fout(loc, "reactie_dubbel", code=code)
            self.namen["reacties", i] = f"de reactie namens {code}" if code else f"reactie {i + 1}"
            if code is not None:
                gezien.add(code)

    def koppel_gebruikers(self) -> None:
        """Find the users the document names, by username; note what could not be kept."""
        d, door = self.d, self.door
        auteurs = [o.auteur for o in d.opmerkingen] + [r.auteur for r in d.reacties]
        beantwoorders = [r.beantwoord_door for r in d.reacties if r.antwoord]
        lezers = list(dict.fromkeys(d.gedeeld_met))
        namen = {*auteurs, *beantwoorders, *lezers, d.vastgesteld_door} - {None}
        self.gebruikers = {g.username: g for g in Gebruiker.objects.filter(username__in=namen)}
        op_naam_van = door.get_full_name() or door.username
        for naam in dict.fromkeys(auteurs):
            if naam not in self.gebruikers:
                self.meldingen.append(
                    f"Gebruiker ‘{naam}’ bestaat hier niet; haar of zijn opmerkingen en "
                    f"reacties staan op naam van {op_naam_van}."
                )
        if any(r.antwoord and r.beantwoord_door not in self.gebruikers for r in d.reacties):
            self.meldingen.append(
                "Wie een formele reactie beantwoordde, staat niet in het bestand of bestaat "
                f"hier niet; die antwoorden staan op naam van {op_naam_van}."
            )
        if d.vastgesteld_door is not None and d.vastgesteld_door not in self.gebruikers:
            self.meldingen.append(
                f"Gebruiker ‘{d.vastgesteld_door}’, die de afweging vaststelde, bestaat hier "
                "niet; ‘vastgesteld door’ blijft leeg."
            )
        for naam in lezers:
            gebruiker = self.gebruikers.get(naam)
            if gebruiker is None:
                self.meldingen.append(
                    f"Niet gedeeld met ‘{naam}’: die gebruiker bestaat hier niet."
                )
            elif not (
                gebruiker.is_active
                and gebruiker.is_gemeentesecretaris
                and gebruiker.gemeenten.filter(code__in=list(self.leden)).exists()
            ):
                self.meldingen.append(
                    f"Niet gedeeld met ‘{naam}’: geen actieve gemeentesecretaris van een "
                    "deelnemende gemeente."
                )
            else:
                self.delen_met.append(gebruiker)


# --- writing ---------------------------------------------------------------------------


def _velden(rij, *namen: str) -> dict:
    """Those fields of a row of the document; none for a row that is not there (the model's
    defaults apply)."""
    return {naam: getattr(rij, naam) for naam in namen} if rij is not None else {}


def _schrijf(c: _Controle, door: Gebruiker) -> Afweging:
    d, nu = c.d, timezone.now()
    bekend = c.gebruikers.get  # a username to the user here
    afweging = Afweging.objects.create(
        **_velden(
            d, "titel", "status", "variant", "reorganisatie_gecombineerd", "is_voorbeeld",
            "versie", "geplande_startdatum", "geplande_evaluatiedatum", "taakstelling",
            "frictiekostenbudget", "vastgesteld_op",
        ),
        centrumgemeente=c.gemeenten.get(d.centrumgemeente),
        vastgesteld_door=bekend(d.vastgesteld_door) if d.vastgesteld_door else None,
        provincie=door.provincie,
        kader=c.kader,
        aangemaakt_door=door,
        gewijzigd_door=door,
    )  # fmt: skip
    Deelnemer.objects.bulk_create(
        Deelnemer(
            afweging=afweging,
            gemeente=c.leden[r.gemeentecode],
            **_velden(r, "perspectief", "motieven", "motieven_toelichting"),
        )
        for r in d.deelnemers
    )
    antwoorden = {r.deelvraag: r for r in d.antwoorden}
    Antwoord.objects.bulk_create(
        Antwoord(
            afweging=afweging,
            deelvraag=deelvraag,
            **_velden(antwoorden.get(nummer), "score", "motivering", "bronnen"),
        )
        for nummer, deelvraag in sorted(c.deelvragen.items())
    )
    factoren = {r.code: r for r in d.succesfactoren}
    SuccesfactorAntwoord.objects.bulk_create(
        SuccesfactorAntwoord(
            afweging=afweging, succesfactor=f, **_velden(factoren.get(f.code), "status", "notitie")
        )
        for f in c.kader.succesfactoren.all()
    )
    if d.businesscase is not None:
        _schrijf_businesscase(afweging, d.businesscase)

    # One by one: an answer needs the new id of the comment it answers. The moments are
    # set afterwards, as `auto_now_add` would overwrite them on create.
    nieuw: dict[int, Opmerking] = {}
    for o in d.opmerkingen:
        nieuw[o.id] = Opmerking.objects.create(
            afweging=afweging,
            deelvraag=c.deelvragen[o.deelvraag],
            auteur=bekend(o.auteur, door),
            tekst=o.tekst,
            antwoord_op=nieuw[o.antwoord_op] if o.antwoord_op is not None else None,
        )
        nieuw[o.id].geplaatst = o.geplaatst or nieuw[o.id].geplaatst
    Opmerking.objects.bulk_update(nieuw.values(), ["geplaatst"])

    reacties = Reactie.objects.bulk_create(
        Reactie(
            afweging=afweging,
            gemeente=c.gemeenten[r.gemeentecode],
            auteur=bekend(r.auteur, door),
            standpunt=r.standpunt,
            tekst=r.tekst,
            antwoord=r.antwoord,
            beantwoord_door=(bekend(r.beantwoord_door) or door) if r.antwoord else None,
            beantwoord_op=(r.beantwoord_op or nu) if r.antwoord else None,
            ontvangen_per=r.ontvangen_per or "",
            # An earlier text means something only beside an answer about it.
            eerdere_tekst=r.eerdere_tekst if r.antwoord else "",
            eerder_standpunt=(r.eerder_standpunt or "") if r.antwoord and r.eerdere_tekst else "",
        )
        for r in d.reacties
    )
    for reactie, r in zip(reacties, d.reacties, strict=True):
        reactie.gegeven = r.gegeven or reactie.gegeven
    Reactie.objects.bulk_update(reacties, ["gegeven"])

    delingen = Deling.objects.bulk_create(
        Deling(afweging=afweging, gebruiker=lezer, gedeeld_door=door) for lezer in c.delen_met
    )
    # Delingen are listed by moment; one microsecond apart keeps the document's order.
    for i, deling in enumerate(delingen):
        deling.gedeeld_op = nu + timedelta(microseconds=i)
    Deling.objects.bulk_update(delingen, ["gedeeld_op"])

    bron = f" (afweging {d.id} in de bron)" if d.id is not None else ""
    vastleggen(
        afweging, door, f"Geïmporteerd uit een exportbestand{bron}",
        bron_id=d.id, meldingen=c.meldingen,
    )  # fmt: skip
    for melding in c.meldingen:
        vastleggen(afweging, door, f"Bij het importeren: {melding}")
    return afweging


def _schrijf_businesscase(afweging: Afweging, bc) -> None:
    businesscase = Businesscase.objects.create(
        afweging=afweging,
        **_velden(bc, "basis_overhead", "verdeelsleutel", "mix_inwoners_pct"),
        vaste_verdeling=dict(bc.vaste_verdeling),
        verdeelgegevens={
            soort: {code: g.model_dump() for code, g in per_code.items()}
            for soort, per_code in bc.verdeelgegevens.items()
        },
        uurtarieven={groep: g.model_dump() for groep, g in bc.uurtarieven.items()},
        domeinsleutels=[d.model_dump() for d in bc.domeinsleutels],
    )
    varianten = {v.soort: v for v in bc.varianten}
    # A variant not in the document gets the defaults of a new one (the proposed one starts
    # from the frictiekosten budget): the same defaults the app makes.
    rijen = []
    for standaard in standaardvarianten(afweging, businesscase):
        if standaard.soort in varianten:
            standaard = BusinesscaseVariant(
                businesscase=businesscase,
                soort=standaard.soort,
                **_velden(varianten[standaard.soort], *VARIANTVELDEN),
            )
        rijen.append(standaard)
    BusinesscaseVariant.objects.bulk_create(rijen)
