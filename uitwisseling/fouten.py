"""The problems found in a document, in Dutch: a table from pydantic's error type to the
message, the messages of the importer's own checks (`CONTROLES`), the Dutch label of every
field, and the order in which problems are listed.

The messages are the importer's of old, word for word: people and tests know them. A value is
named as `toon` shows it; a field by its label, and a row by what identifies it when that is
known (the importer decides: "deelnemer GM0489" when the gemeente exists here, else
"deelnemer 2", by position).
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin

from annotated_types import Ge, Le
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from uitwisseling.deels import kern
from uitwisseling.schema import Afwegingdocument, Businesscasegegevens, Opmerkingregel
from weergave.getallen import tekstlengte

# --- the messages ----------------------------------------------------------------------

# By pydantic's error type. {wat}: the field's label; {waarde}, {soort}: the value and its
# kind; {lengte}: the number of characters or rows; {minimum}, {maximum}, {keuzes}: what the
# schema allows.
BERICHTEN: dict[str, str] = {
    "missing": "Het veld ‘{veld}’ ontbreekt ({wat_klein}).",
    "model_type": "{wat} moet een object zijn, niet {soort}.",
    "dict_type": "{wat} moet een object zijn, niet {soort}.",
    "list_type": "{wat} moet een lijst zijn, niet {soort}.",
    "too_long": "{wat}: te veel regels ({lengte}; hooguit {maximum}).",
    "string_type": "{wat} moet tekst zijn, niet {soort}.",
    "tekst_niet_opslaanbaar": "{wat} bevat tekens die niet kunnen worden opgeslagen.",
    "string_too_long": "{wat} is te lang: {lengte} tekens, hooguit {maximum}.",
    "string_too_short": "{wat} is leeg.",
    "tekst_leeg": "{wat} is leeg.",
    "literal_error": "{wat} ‘{waarde}’ bestaat niet; kies uit: {keuzes}.",
    # A choice given as text that is no Unicode (half a surrogate pair): pydantic refuses it
    # before comparing, and it is no choice all the same.
    "string_unicode": "{wat} ‘{waarde}’ bestaat niet; kies uit: {keuzes}.",
    "bool_type": "{wat} moet true of false zijn, niet {soort}.",
    "int_type": "{wat} moet een geheel getal zijn, niet {soort}.",
    "greater_than_equal": "{wat} is {waarde}; dat ligt niet tussen {minimum} en {maximum}.",
    "less_than_equal": "{wat} is {waarde}; dat ligt niet tussen {minimum} en {maximum}.",
    "float_type": "{wat} moet een getal zijn, niet {soort}.",
    "finite_number": "{wat} moet een getal zijn.",
    "decimal_max_places": "{wat} is {waarde}; geef hooguit {decimalen} decimaal.",
    "decimal_max_places/0": "{wat} is {waarde}; geef een bedrag in hele euro's.",
    "date_type": "{wat} ‘{waarde}’ is geen datum (verwacht jjjj-mm-dd).",
    "date_parsing": "{wat} ‘{waarde}’ is geen datum (verwacht jjjj-mm-dd).",
    "datetime_type": "{wat} ‘{waarde}’ is geen datum met tijd (verwacht bijvoorbeeld "
    "2025-03-01T14:30:00+01:00).",
    "datetime_parsing": "{wat} ‘{waarde}’ is geen datum met tijd (verwacht bijvoorbeeld "
    "2025-03-01T14:30:00+01:00).",
}
# Only for an error type this table does not know: none that the schema raises.
ONBEKEND = "{wat} is ongeldig: {waarde}."

BERICHT_DEELVRAAG = "Deelvraag {waarde} bestaat niet in kader versie {kaderversie}."

# For one field, by error type ("*": every type but `missing`), before the table above.
VELDBERICHTEN: dict[tuple[str, str], str] = {
    ("deelnemers", "too_short"): "Een afweging heeft minstens twee deelnemende gemeenten; dit "
    "bestand noemt er {lengte}.",
    ("deelnemers[].motieven[]", "*"): "Motief ‘{waarde}’ van {wie} bestaat niet.",
    # Whether a number is no number or not in the kader, it is no deelvraag of it; without a
    # known kader, its own problem says enough.
    ("antwoorden[].deelvraag", "*"): BERICHT_DEELVRAAG,
    ("opmerkingen[].deelvraag", "*"): BERICHT_DEELVRAAG,
    ("antwoorden[].oordeel", "*"): "Score {waarde} bij {wie} ligt niet tussen −2 en +2; kies "
    "−2, −1, 0, 1 of 2, ‘?’ voor onvoldoende informatie, of laat de score leeg.",
    ("businesscase.vaste_verdeling", "too_long"): "Vaste verdeling van de businesscase heeft "
    "te veel gemeenten ({aantal}).",
    ("businesscase.vaste_verdeling{sleutel}", "*"): "Vaste verdeling: ‘{waarde}’ is geen "
    "gemeentecode.",
    ("businesscase.domeinsleutels", "too_long"): "De businesscase heeft hooguit {maximum} "
    "domeinen met een eigen verdeelsleutel; dit bestand noemt er {lengte}.",
    ("businesscase.domeinsleutels[].aandeel_pct", "greater_than"): "{wat} is {waarde}; een "
    "domein heeft een deel van de kosten, meer dan 0%.",
    ("gedeeld_met[]", "*"): "Gebruiker {positie} bij ‘gedeeld_met’ is geen gebruikersnaam: "
    "{waarde}.",
}

# The problems the importer finds after the schema, by the name it gives each check.
CONTROLES: dict[str, str] = {
    "geen_adviseur": "Alleen een adviseur met een provincie kan een afweging importeren.",
    "provincie_onbekend": "Provincie {code} bestaat niet.",
    "andere_provincie": "Deze afweging hoort bij de provincie {provincie.naam} "
    "({provincie.code}); u bent adviseur voor {eigen.naam} ({eigen.code}). Importeer alleen "
    "afwegingen van uw eigen provincie, of vraag een adviseur van {provincie.naam} om dit te "
    "doen.",
    "geen_eigen_deelnemer": "Geen van de deelnemende gemeenten ligt in uw provincie, "
    "{eigen.naam}. Een afweging wordt geleid door de provincie van een van de deelnemers; "
    "vraag een adviseur van de provincie van de deelnemers om dit te doen.",
    "kader_onbekend": "Kader versie {versie} bestaat niet.",
    "kader_niet_gepubliceerd": "Kader versie {versie} is nog niet gepubliceerd.",
    "gemeente_onbekend": "Gemeente {code} bestaat niet.",
    "deelnemer_dubbel": "Gemeente {code} staat meer dan één keer bij de deelnemers.",
    "motief_dubbel": "Motief ‘{motief}’ staat meer dan één keer bij {wie}.",
    "evaluatie_niet_na_start": "De geplande eerste evaluatie moet na de geplande startdatum "
    "liggen.",
    "centrumgemeente_nodig": "Een centrumconstructie heeft een centrumgemeente nodig "
    "(‘centrumgemeente’).",
    "centrumgemeente_zonder_centrumconstructie": "Een centrumgemeente hoort alleen bij een "
    "centrumconstructie.",
    "vaststelling_nodig": "Een vastgestelde afweging heeft een moment van vaststelling "
    "(‘vastgesteld_op’).",
    "vaststelling_zonder_status": "Alleen een vastgestelde afweging heeft ‘vastgesteld_op’ en "
    "‘vastgesteld_door’; deze heeft status {status}.",
    "deelvraag_onbekend": BERICHT_DEELVRAAG,
    "antwoord_dubbel": "Deelvraag {nummer} staat meer dan één keer bij de antwoorden.",
    "succesfactor_onbekend": "Succesfactor ‘{code}’ bestaat niet in kader versie {versie}.",
    "succesfactor_dubbel": "Succesfactor ‘{code}’ staat meer dan één keer in het bestand.",
    "variant_dubbel": "De variant ‘{soort}’ staat meer dan één keer in de businesscase.",
    "antwoord_op_onbekend": "{wie} antwoordt op opmerking {op}, maar die staat niet eerder in "
    "het bestand.",
    "antwoord_op_andere_deelvraag": "{wie} staat bij deelvraag {nummer}, maar antwoordt op een "
    "opmerking bij deelvraag {eerder}; een antwoord hoort bij dezelfde deelvraag.",
    "opmerking_dubbel": "Er staan meerdere opmerkingen met id {id} in het bestand.",
    "reactie_zonder_deelnemer": "De reactie namens {code} komt van een gemeente die geen "
    "deelnemer is.",
    "reactie_dubbel": "Gemeente {code} heeft meer dan één formele reactie in het bestand.",
    # The business case's own rules, as its form has them (businesscase.forms).
    "domeinen_boven_100": "De domeinen hebben samen {samen}% van de kosten; hooguit 100%.",
    "vaste_verdeling_niet_100": "De vaste verdeling moet samen 100% zijn; nu {nu}%.",
    "verdeelcode_geen_deelnemer": "{wat}: gemeente {code} is geen deelnemer; de businesscase "
    "verdeelt alleen over de deelnemende gemeenten.",
}

# --- the labels ------------------------------------------------------------------------

# By place in the document: "[]" is a row of a list, "{}" a value of an object by key and
# "{sleutel}" that key. {positie}: the row's position (from 1); {wie}: the row as the
# importer names it; {sleutel}: the key.
LABELS: dict[str, str] = {
    "provincie": "Provincie",
    "kaderversie": "Kaderversie",
    "deelnemers": "Deelnemers",
    "deelnemers[]": "Deelnemer {positie}",
    "deelnemers[].gemeentecode": "Gemeentecode van deelnemer {positie}",
    "deelnemers[].perspectief": "Perspectief van {wie}",
    "deelnemers[].motieven": "Motieven van {wie}",
    "deelnemers[].motieven_toelichting": "Toelichting op de motieven van {wie}",
    "titel": "Titel",
    "status": "Status",
    "variant": "Variant",
    "reorganisatie_gecombineerd": "Gecombineerd met reorganisatie",
    "is_voorbeeld": "Voorbeeld",
    "versie": "Versie",
    "geplande_startdatum": "Geplande startdatum",
    "geplande_evaluatiedatum": "Geplande eerste evaluatie",
    "taakstelling": "Besparingstaakstelling",
    "frictiekostenbudget": "Budget frictiekosten",
    "centrumgemeente": "Centrumgemeente",
    "vastgesteld_op": "Vastgesteld op",
    "vastgesteld_door": "Vastgesteld door",
    "antwoorden": "Antwoorden",
    "antwoorden[]": "Antwoord {positie}",
    "antwoorden[].deelvraag": "Antwoord {positie}",
    "antwoorden[].motivering": "Motivering bij {wie}",
    "antwoorden[].bronnen": "Bronnen bij {wie}",
    "succesfactoren": "Succesfactoren",
    "succesfactoren[]": "Succesfactor {positie}",
    "succesfactoren[].code": "Code van succesfactor {positie}",
    "succesfactoren[].status": "Status van {wie}",
    "succesfactoren[].notitie": "Notitie bij {wie}",
    "businesscase": "Businesscase",
    "businesscase.vaste_verdeling": "Vaste verdeling van de businesscase",
    "businesscase.vaste_verdeling{}": "Aandeel van {sleutel} in de vaste verdeling",
    "businesscase.basis_overhead": "Overhead in de businesscase",
    "businesscase.verdeelsleutel": "Verdeelsleutel",
    "businesscase.mix_inwoners_pct": "Aandeel inwoners in de mix",
    "businesscase.verdeelgegevens": "Ingevulde gegevens van de businesscase",
    "businesscase.verdeelgegevens{sleutel}": "Soort gegeven",
    "businesscase.verdeelgegevens{}": "Gegevens ‘{sleutel}’ van de businesscase",
    "businesscase.verdeelgegevens{}{sleutel}": "Gemeentecode bij de gegevens ‘{sleutel}’",
    "businesscase.verdeelgegevens{}{}": "Gegeven ‘{sleutel}’",
    "businesscase.verdeelgegevens{}{}.waarde": "Gegeven bij {sleutel}",
    "businesscase.verdeelgegevens{}{}.bron": "Bron van het gegeven bij {sleutel}",
    "businesscase.uurtarieven": "Uurtarieven van de businesscase",
    "businesscase.uurtarieven{sleutel}": "Groep van schalen",
    "businesscase.uurtarieven{}": "Uurtarief {sleutel}",
    "businesscase.uurtarieven{}.waarde": "Uurtarief {sleutel}",
    "businesscase.uurtarieven{}.bron": "Bron van uurtarief {sleutel}",
    "businesscase.domeinsleutels": "Domeinen van de businesscase",
    "businesscase.domeinsleutels[]": "Domein {positie} van de businesscase",
    "businesscase.domeinsleutels[].domein": "Naam van domein {positie}",
    "businesscase.domeinsleutels[].aandeel_pct": "Aandeel van domein {positie}",
    "businesscase.domeinsleutels[].verdeelsleutel": "Verdeelsleutel van domein {positie}",
    "businesscase.domeinsleutels[].bron": "Bron van domein {positie}",
    "businesscase.varianten": "Varianten van de businesscase",
    "businesscase.varianten[]": "Variant {positie} van de businesscase",
    "businesscase.varianten[].soort": "Soort van variant {positie}",
    "businesscase.varianten[].besparing_pct": "Besparing van {wie}",
    "businesscase.varianten[].ingroei_jaren": "Jaren tot volle besparing van {wie}",
    "businesscase.varianten[].frictiekosten": "Frictiekosten van {wie}",
    "businesscase.varianten[].frictie_jaren": "Jaren frictiekosten van {wie}",
    "businesscase.varianten[].extra_kosten": "Extra kosten van {wie}",
    "businesscase.varianten[].btw_aandeel_pct": "Deel met btw van {wie}",
    "opmerkingen": "Opmerkingen",
    "opmerkingen[]": "Opmerking {positie}",
    "opmerkingen[].id": "Id van opmerking {positie}",
    "opmerkingen[].deelvraag": "{wie}",
    "opmerkingen[].antwoord_op": "‘antwoord_op’ van {wie}",
    "opmerkingen[].auteur": "Auteur van {wie}",
    "opmerkingen[].tekst": "Tekst van {wie}",
    "opmerkingen[].geplaatst": "Moment van {wie}",
    "reacties": "Reacties",
    "reacties[]": "Reactie {positie}",
    "reacties[].gemeentecode": "Gemeentecode van reactie {positie}",
    "reacties[].standpunt": "Standpunt van {wie}",
    "reacties[].tekst": "Toelichting van {wie}",
    "reacties[].auteur": "Auteur van {wie}",
    "reacties[].gegeven": "Moment van {wie}",
    "reacties[].antwoord": "Antwoord op {wie}",
    "reacties[].beantwoord_door": "Wie {wie} beantwoordde",
    "reacties[].beantwoord_op": "Moment van het antwoord op {wie}",
    "reacties[].ontvangen_per": "Hoe {wie} binnenkwam",
    "reacties[].eerdere_tekst": "Eerdere toelichting van {wie}",
    "reacties[].eerder_standpunt": "Eerder standpunt van {wie}",
    "gedeeld_met": "Gedeeld met",
}

# --- the order -------------------------------------------------------------------------

# The fields of an object in the order their problems are listed, where that is not the
# order of the document: the order in which the importer has always checked them (a check
# against the database comes right after the field it is about).
VOLGORDE: dict[type[BaseModel], tuple[str, ...]] = {
    Afwegingdocument: (
        "provincie", "kaderversie", "deelnemers", "titel", "status", "variant",
        "reorganisatie_gecombineerd", "is_voorbeeld", "versie", "geplande_startdatum",
        "geplande_evaluatiedatum", "taakstelling", "frictiekostenbudget", "centrumgemeente",
        "vastgesteld_op", "vastgesteld_door", "antwoorden", "succesfactoren", "businesscase",
        "opmerkingen", "reacties", "gedeeld_met",
    ),
    Businesscasegegevens: (
        "vaste_verdeling", "basis_overhead", "verdeelsleutel", "mix_inwoners_pct", "varianten",
    ),
    Opmerkingregel: ("id", "deelvraag", "antwoord_op", "auteur", "tekst", "geplaatst"),
}  # fmt: skip
# `fase` of a check of a whole row, after those of its fields.
NA_DE_REGEL = 1_000


@dataclass(frozen=True)
class Probleem:
    plek: tuple[int, ...]  # where it is listed; see `plek`
    tekst: str = field(compare=False)


def plek(loc: tuple, fase: int = 0) -> tuple[int, ...]:
    """Where a problem at `loc` is listed: by field in the order above and by row; `fase`
    orders the problems of one place (0: the schema's, 1 and on: the checks after it)."""
    return (*_doel(loc).plek, fase)


# --- from pydantic's errors to problems ------------------------------------------------


def vertaal(
    fouten: list[ErrorDetails], document: dict, *, namen: dict[tuple, str], kaderversie
) -> list[Probleem]:
    """The problems of pydantic's `fouten` in `document`, in Dutch. `namen`: what each row
    is called (by its loc); `kaderversie`: the version of the kader, if it exists."""
    problemen = []
    for fout in _wat_telt(fouten):
        doel = _doel(fout["loc"])
        tekst = _bericht(fout, doel, document, namen, kaderversie)
        if tekst is not None:
            problemen.append(Probleem(doel.plek, tekst))
    return problemen


def _wat_telt(fouten: list[ErrorDetails]) -> list[ErrorDetails]:
    """Without what follows from another problem: the rows of a list too long to be read,
    and the value of a key that is no key."""
    te_lang = [f["loc"] for f in fouten if f["type"] == "too_long"]
    sleutels = [f["loc"][:-1] for f in fouten if f["loc"][-1:] == ("[key]",)]
    return [
        f
        for f in fouten
        if not any(f["loc"][: len(p)] == p and f["loc"] != p for p in te_lang)
        and not any(f["loc"][: len(p)] == p and f["loc"][len(p) :] != ("[key]",) for p in sleutels)
    ]


def _bericht(fout: ErrorDetails, doel, document: dict, namen, kaderversie) -> str | None:
    fouttype, ctx = fout["type"], fout.get("ctx") or {}
    if fouttype == "decimal_max_places" and ctx["decimal_places"] == 0:
        fouttype = "decimal_max_places/0"
    sjabloon = BERICHTEN.get(fouttype, ONBEKEND)
    if fouttype != "missing":
        sjabloon = VELDBERICHTEN.get((doel.pad, "*"), sjabloon)
    sjabloon = VELDBERICHTEN.get((doel.pad, fouttype), sjabloon)
    if sjabloon is BERICHT_DEELVRAAG and kaderversie is None:
        return None
    waarde = fout["input"]
    if isinstance(waarde, Decimal):  # converted by the schema: show what the document says
        waarde = _op(document, fout["loc"])
    wie = namen.get(doel.rij, "")
    wat = LABELS.get(doel.pad, doel.pad).format(positie=doel.positie, wie=wie, sleutel=doel.sleutel)
    # A text as the app counts it (afweging.lengtes): a line break is one character.
    lengte = (
        tekstlengte(waarde) if isinstance(waarde, str)
        else len(waarde) if isinstance(waarde, list | dict) else 0
    )  # fmt: skip
    minimum = next((m.ge for m in doel.metadata if isinstance(m, Ge)), 0)
    maximum = next((m.le for m in doel.metadata if isinstance(m, Le)), None)
    maximum = ctx.get("max_length", maximum)
    keuzes = get_args(doel.soort) if get_origin(doel.soort) is Literal else ()
    return sjabloon.format(
        veld=fout["loc"][-1] if fout["loc"] else "",
        wat=wat,
        wat_klein=wat[:1].lower() + wat[1:],
        wie=wie,
        positie=doel.positie,
        waarde=toon(waarde),
        soort=soort_van(waarde),
        lengte=aantal(lengte),
        aantal=lengte,
        minimum=minimum,
        maximum=aantal(maximum) if isinstance(maximum, int) else maximum,
        decimalen=ctx.get("decimal_places"),
        keuzes=", ".join(keuzes),
        kaderversie=kaderversie,
    )


def _op(document, loc: tuple):
    """The value at `loc` in the document as it was read."""
    for stap in loc:
        document = document[stap]
    return document


@dataclass
class _Doel:
    """What a loc points at: its place ("deelnemers[].motieven[]"), its type and constraints,
    the row it is in and where it is listed."""

    pad: str = ""
    soort: Any = Afwegingdocument
    metadata: list = field(default_factory=list)
    plek: tuple[int, ...] = ()
    rij: tuple = ()  # the loc of the innermost row that is an object
    positie: int = 0  # of the innermost row, from 1
    sleutel: str = ""  # the innermost key of an object by key


def _doel(loc: tuple) -> _Doel:
    doel = _Doel()
    for i, stap in enumerate(loc):
        soort, _ = kern(doel.soort)
        if isinstance(soort, type) and issubclass(soort, BaseModel):
            volgorde = VOLGORDE.get(soort, tuple(soort.model_fields))
            velden = [*volgorde, *(n for n in soort.model_fields if n not in volgorde)]
            # A loc names the key in the document; a field with an alias has another name.
            naam = next((n for n, v in soort.model_fields.items() if v.alias == stap), stap)
            veld = soort.model_fields[naam]
            doel.pad += f".{stap}" if doel.pad else stap
            doel.plek += (velden.index(naam),)
            doel.soort, doel.metadata = kern(veld.annotation)
            doel.metadata += veld.metadata
        elif get_origin(soort) is list:
            (item,) = get_args(soort)
            doel.pad += "[]"
            doel.plek += (stap,)
            doel.positie = stap + 1
            doel.soort, doel.metadata = kern(item)
            if isinstance(doel.soort, type) and issubclass(doel.soort, BaseModel):
                doel.rij = loc[: i + 1]
        elif get_origin(soort) is dict:
            # All the keys of one object in one place: pydantic lists their problems in order.
            sleutel, waarde = get_args(soort)
            if loc[i + 1 : i + 2] == ("[key]",):
                doel.pad += "{sleutel}"
                doel.soort, doel.metadata = kern(sleutel)
                break
            doel.pad += "{}"
            doel.sleutel = stap
            doel.soort, doel.metadata = kern(waarde)
        else:
            break
    return doel


# --- values in words -------------------------------------------------------------------


def soort_van(waarde) -> str:
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


def toon(waarde) -> str:
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
        return soort_van(waarde)
    return tekst if len(tekst) <= 40 else tekst[:39] + "…"


def aantal(getal: int) -> str:
    return f"{getal:,}".replace(",", ".")
