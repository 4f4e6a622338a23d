"""The exchange format `fusietoets-afweging/1`: one schema for the document that an export
writes and an import reads, and the JSON Schema published from it.

The models are strict: a value has the JSON type an export gives it (no "1" for 1, no "true"
for true). Unknown keys are ignored, as the importer always did: an export carries the names
of gemeenten and the computed uitkomst, which are not read back, and hand-made additions are
harmless. Where the importer has always been lenient, a validator with mode="before" keeps
exactly that leniency; each says which.

What the schema cannot know (whether a gemeente, kader or user exists here, duplicates, the
rules between fields) is checked by `uitwisseling.importeren` after the parse. The Dutch
messages for the problems the schema finds are in `uitwisseling.fouten`.

The class docstrings and the descriptions are Dutch because they are published: they are the
titles and descriptions of the JSON Schema.
"""

import json
import math
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from django.utils import timezone
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    WithJsonSchema,
    WrapValidator,
    field_validator,
)
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import InitErrorDetails, PydanticCustomError, PydanticKnownError

from afweging import lengtes
from afweging.models import (
    MOTIEF_ONGESPLITST,
    MOTIEVEN,
    Afweging,
    Antwoord,
    Deelnemer,
    SuccesfactorAntwoord,
)
from afweging.scoring import Advies, Waarde
from businesscase.forms import DOMEINEN, MAX_BRON, MAX_DOMEIN
from businesscase.models import Businesscase, BusinesscaseVariant
from businesscase.projectie import DOMEINSLEUTELS, INGEVULDE_GEGEVENS, TARIEFGROEPEN
from review.models import Reactie

FORMAAT = "fusietoets-afweging/1"
# The published JSON Schema; `manage.py schema_afweging` prints what it must hold.
SCHEMABESTAND = Path(__file__).with_name("fusietoets-afweging-1.schema.json")
# A real export has some tens of rows; these limits only stop absurd input early.
MAX_TEKST = 100_000  # for text without a limit of its own
MAX_REGELS = 2_000  # per list
MAX_BEDRAG = 10**14 - 1  # DecimalField(max_digits=14, decimal_places=0)
MAX_KLEIN = 32_767  # PositiveSmallIntegerField
MAX_GETAL = 2_147_483_647  # PositiveIntegerField
MAX_ID = 2**63 - 1  # BigAutoField
MAX_CODE = 50  # a code longer than this is shown as not existing
MAX_GEBRUIKERSNAAM = 150  # AbstractUser.username
MAX_TITEL = lengtes.TITEL


# --- value types -----------------------------------------------------------------------


def opslaanbaar(tekst: str) -> bool:
    """False for what a database refuses: a NUL character, or half a surrogate pair
    (JSON may spell one as \\ud800), which is no UTF-8."""
    if "\x00" in tekst:
        return False
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _opslaanbare_tekst(waarde):
    # Before the length check, as the importer always reported this first.
    if isinstance(waarde, str) and not opslaanbaar(waarde):
        raise PydanticCustomError("tekst_niet_opslaanbaar", "Text a database cannot store")
    return waarde


def _niet_leeg(tekst: str) -> str:
    # str.strip() rather than a pattern: Python's idea of white space is what was checked.
    if not tekst.strip():
        raise PydanticCustomError("tekst_leeg", "Text of white space only")
    return tekst


# The constraints come first in each Annotated below: pydantic puts them on the core type then
# (its own error types, such as string_too_long); a validator mode="before" listed after them
# still runs before that type.


def tekst(max_lengte: int = MAX_TEKST, *, verplicht: bool = False) -> Any:
    """Text of at most `max_lengte` characters that a database can store; `verplicht`: not
    empty and not only white space."""
    if verplicht:
        return Annotated[
            str,
            Field(min_length=1, max_length=max_lengte),
            BeforeValidator(_opslaanbare_tekst),
            AfterValidator(_niet_leeg),
        ]
    return Annotated[str, Field(max_length=max_lengte), BeforeValidator(_opslaanbare_tekst)]


def _hooguit(maximum: int):
    def controleer(tekst: str) -> str:
        if lengtes.tekstlengte(tekst) > maximum:
            raise PydanticKnownError("string_too_long", {"max_length": maximum})
        return tekst

    return controleer


def gebruikerstekst(maximum: int, *, verplicht: bool = False) -> Any:
    """Text a user types in the app, at most `maximum` characters counted as the app counts
    them (`afweging.lengtes`: a line break is one), so whatever the app saved imports again;
    `verplicht`: not empty and not only white space."""
    schema = {"type": "string", "maxLength": maximum} | ({"minLength": 1} if verplicht else {})
    return Annotated[
        str,
        *([Field(min_length=1)] if verplicht else []),
        BeforeValidator(_opslaanbare_tekst),
        AfterValidator(_hooguit(maximum)),
        *([AfterValidator(_niet_leeg)] if verplicht else []),
        WithJsonSchema(schema),
    ]


def keuze(waarden) -> Any:
    """One of the values of a Django TextChoices (or a list of them), as a JSON string."""
    return Literal[tuple(getattr(waarden, "values", waarden))]


def geheel(minimum: int, maximum: int) -> Any:
    return Annotated[int, Field(ge=minimum, le=maximum)]


def _een_getal(waarde):
    # A JSON number, int or float; true and false are no numbers, though Python says so.
    if not isinstance(waarde, int | float) or isinstance(waarde, bool):
        raise PydanticKnownError("float_type")
    if isinstance(waarde, float) and not math.isfinite(waarde):  # 1e400 reads as inf
        raise PydanticKnownError("finite_number")
    return waarde


def _naar_decimal(waarde) -> Decimal:
    waarde = _een_getal(waarde)
    return Decimal(str(waarde)) if isinstance(waarde, float) else Decimal(waarde)


def _als_getal(waarde: Decimal) -> int | float:
    """A Decimal as the export writes it: a whole number without a decimal point."""
    return int(waarde) if waarde == int(waarde) else float(waarde)


def decimaal(*, maximum: int, decimalen: int) -> Any:
    """A number from 0 to `maximum` with at most `decimalen` decimals, as a Decimal. The
    decimals are checked after the range (pydantic's own `decimal_places` comes first), as
    the importer always reported a number out of range rather than its decimals."""

    def hooguit_decimalen(getal: Decimal) -> Decimal:
        if getal != round(getal, decimalen):
            raise PydanticKnownError("decimal_max_places", {"decimal_places": decimalen})
        return getal

    eenheid = "hele euro's" if decimalen == 0 else f"hooguit {decimalen} decimaal"
    return Annotated[
        Decimal,
        Field(ge=0, le=maximum),
        BeforeValidator(_naar_decimal),
        AfterValidator(hooguit_decimalen),
        PlainSerializer(_als_getal, return_type=int | float),
        WithJsonSchema(
            {"type": "number", "minimum": 0, "maximum": maximum, "description": eenheid}
        ),
    ]


def _datum(waarde) -> date:
    if not isinstance(waarde, str):
        raise PydanticKnownError("date_type")
    try:
        if len(waarde) == 10:
            return date.fromisoformat(waarde)
    except ValueError:
        pass
    raise PydanticKnownError("date_parsing", {"error": "expected yyyy-mm-dd"})


def _moment(waarde) -> datetime:
    # Python's ISO reader, as always: it takes more forms than JSON Schema's date-time. A
    # moment without a zone is in the app's zone.
    if not isinstance(waarde, str):
        raise PydanticKnownError("datetime_type")
    try:
        if len(waarde) <= 40:
            moment = datetime.fromisoformat(waarde)
            moment = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
            # The database stores moments in UTC: one that falls outside years 1-9999 there
            # (0001-01-01T00:00+14:00) is refused here, not by a crash on saving.
            moment.astimezone(UTC)
            return moment
    except (ValueError, OverflowError):
        pass
    raise PydanticKnownError("datetime_parsing", {"error": "expected an ISO 8601 moment"})


def _score(waarde):
    # A score written by hand as 1 means "1"; null and absent mean no score.
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return str(waarde)
    return "" if waarde is None else waarde


def _of_niets(waarde, handler):
    """For what the export writes but the import does not read: anything goes, and what does
    not fit reads as None."""
    try:
        return handler(waarde)
    except ValidationError:
        return None


def _zonder_standaard(schema: dict) -> None:
    # Absent means "now" for these moments; null is no moment, so the schema shows no default.
    schema.pop("default")


Code = tekst(MAX_CODE, verplicht=True)
Auteur = tekst(MAX_GEBRUIKERSNAAM, verplicht=True)
Gebruikersnaam = tekst(MAX_GEBRUIKERSNAAM)
Centrumcode = tekst(MAX_CODE)
Reactietekst = gebruikerstekst(lengtes.REACTIE, verplicht=True)
Opmerkingtekst = gebruikerstekst(lengtes.OPMERKING, verplicht=True)
Bedrag = decimaal(maximum=MAX_BEDRAG, decimalen=0)
Percentage = decimaal(maximum=100, decimalen=1)
Datum = Annotated[date, BeforeValidator(_datum)]
Moment = Annotated[datetime, BeforeValidator(_moment), PlainSerializer(datetime.isoformat)]
Id = geheel(1, MAX_ID)
Deelvraagnummer = geheel(1, MAX_KLEIN)
# The joint herindeling motive from before the split is still read and written: old files
# import unchanged, and a stored one stays until the adviseur chooses (afweging.models).
Motief = keuze([*(code for code, _ in MOTIEVEN), MOTIEF_ONGESPLITST])
Score = Annotated[keuze([*Antwoord.Score.values, ""]), BeforeValidator(_score)]
# Kept as given, int or float: the business case stores the numbers as they are.
Aandeel = Annotated[
    int | float,
    Field(ge=0, le=100),
    BeforeValidator(_een_getal),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]
Verdeelcode = Annotated[str, Field(max_length=MAX_CODE), BeforeValidator(_opslaanbare_tekst)]
Lezer = Annotated[
    str, Field(min_length=1, max_length=MAX_GEBRUIKERSNAAM), BeforeValidator(_opslaanbare_tekst)
]
Genegeerd = WrapValidator(_of_niets)
# An export for someone who is not the afweging's adviseur (a gemeentesecretaris) holds
# what their page shows: people by name, not by username (uitwisseling.exporteren).
_ALS_TOONT = "; in de export voor een gemeentesecretaris de naam zoals de pagina die toont"


def lijst(soort) -> Any:
    return Annotated[list[soort], Field(max_length=MAX_REGELS)]


class _Model(BaseModel):
    # A field whose key in the published format differs from its name here has an alias;
    # the document is read and written by those keys.
    model_config = ConfigDict(strict=True, extra="ignore", serialize_by_alias=True)


# --- the document ----------------------------------------------------------------------


class Deelnemerregel(_Model):
    """Een deelnemende gemeente, met haar perspectief en motieven."""

    model_config = ConfigDict(title="Deelnemer")

    gemeentecode: Code = Field(description="CBS-code van de gemeente, bijvoorbeeld GM0489.")
    gemeente: Annotated[str | None, Genegeerd] = Field(
        None, description="Naam van de gemeente; bij importeren niet gelezen."
    )
    perspectief: keuze(Deelnemer.Perspectief) = Field(
        Deelnemer.Perspectief.ONBEKEND.value,
        description="Eindoplossing of tussenstap naar herindeling.",
    )
    motieven: lijst(Motief) = Field(
        [],
        description="Codes van de motieven (§2.6). ‘herindeling’ is de oude keuze "
        "‘Herindeling voorkomen of erop vooruitlopen’ van vóór de splitsing in "
        "‘herindeling_voorkomen’ en ‘herindeling_vooruitlopen’; die wordt nog gelezen en "
        "blijft staan tot de adviseur een van beide kiest.",
    )
    motieven_toelichting: gebruikerstekst(lengtes.MOTIEVEN_TOELICHTING) = Field(
        "", description="Andere motieven of toelichting."
    )


class Antwoordregel(_Model):
    """De score op één deelvraag van het kader, met motivering en bronnen."""

    model_config = ConfigDict(title="Antwoord")

    deelvraag: Deelvraagnummer = Field(description="Nummer van de deelvraag in het kader.")
    # In /1 the key is `oordeel`, from before the score got its own name; a published
    # format keeps its keys.
    score: Score = Field(
        "",
        alias="oordeel",
        description="De score: −2 tot en met 2 (als tekst), ‘?’ voor onvoldoende informatie, "
        "of leeg. Een geheel getal of null wordt ook gelezen.",
    )
    motivering: gebruikerstekst(lengtes.MOTIVERING) = Field(
        "", description="Motivering van de score."
    )
    bronnen: gebruikerstekst(lengtes.BRONNEN) = Field("", description="Bronnen bij de score.")


class Succesfactorregel(_Model):
    """De stand van één kritieke succesfactor."""

    model_config = ConfigDict(title="Succesfactor")

    code: Code = Field(description="Code van de succesfactor in het kader.")
    status: keuze(SuccesfactorAntwoord.Status) = Field(
        SuccesfactorAntwoord.Status.ONBEKEND.value, description="Voldaan, deels, niet of onbekend."
    )
    notitie: gebruikerstekst(lengtes.NOTITIE) = Field(
        "", description="Notitie bij de succesfactor."
    )


class Variantregel(_Model):
    """De aannames van de businesscase voor één variant."""

    model_config = ConfigDict(title="Variant van de businesscase")

    soort: keuze(BusinesscaseVariant.Soort) = Field(
        description="De voorgestelde variant of de alternatieve vorm."
    )
    besparing_pct: Percentage = Field(Decimal("0"), description="Structurele besparing in %.")
    ingroei_jaren: geheel(0, MAX_KLEIN) = Field(3, description="Jaren tot volle besparing.")
    frictiekosten: Bedrag = Field(Decimal("0"), description="Frictiekosten, eenmalig, in euro.")
    frictie_jaren: geheel(1, MAX_KLEIN) = Field(
        3, description="Jaren waarover de frictiekosten vallen."
    )
    extra_kosten: Bedrag = Field(Decimal("0"), description="Extra kosten per jaar in euro.")
    btw_aandeel_pct: Percentage = Field(
        Decimal("0"), description="Deel van de diensten met btw, in %."
    )


# An entered figure: kept as given, int or float, like the fixed split.
Getal = Annotated[
    int | float,
    Field(ge=0, le=MAX_BEDRAG),
    BeforeValidator(_een_getal),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_BEDRAG}),
]
Bron = tekst(MAX_BRON, verplicht=True)
# A domain's share of the costs, as the form takes it: more than 0, at most 100.
Domeinaandeel = Annotated[
    int | float,
    Field(gt=0, le=100),
    BeforeValidator(_een_getal),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": 100}),
]


class Verdeelgegeven(_Model):
    """Een gegeven dat de data niet leveren (fte, uren, cliënten, een uurtarief), ingevuld
    door de adviseur met de bron."""

    model_config = ConfigDict(title="Ingevuld gegeven")

    waarde: Getal = Field(description="Het gegeven: fte, uren, cliënten of euro per uur.")
    bron: Bron = Field(description="Waar het gegeven vandaan komt.")


class Domeinsleutelregel(_Model):
    """Een deel van de kosten met een eigen verdeelsleutel, zoals BAR het sociaal domein naar
    cliënten verdeelt; de verdeelsleutel van de businesscase verdeelt de rest."""

    model_config = ConfigDict(title="Domein met een eigen verdeelsleutel")

    domein: tekst(MAX_DOMEIN, verplicht=True) = Field(description="Naam van het domein.")
    aandeel_pct: Domeinaandeel = Field(
        description="Deel van de kosten dat dit domein is, in %; meer dan 0, en alle domeinen "
        "samen hooguit 100."
    )
    verdeelsleutel: keuze(list(DOMEINSLEUTELS)) = Field(
        description="Hoe de kosten van dit domein worden verdeeld."
    )
    bron: Bron = Field(description="Waar het aandeel van het domein vandaan komt.")


class Grondslagregel(_Model):
    """Een gegeven waarop een aandeel berust, met zijn bron."""

    model_config = ConfigDict(title="Grondslag")

    wat: str = Field(description="Welk gegeven, bijvoorbeeld ‘fte’ of ‘inwoners’.")
    waarde: float = Field(description="Het gegeven.")
    bron: str = Field(description="Waar het vandaan komt.")


class Deelbijdrageregel(_Model):
    """Wat een deelnemer betaalt voor één deel van de kosten, onder de sleutel die besliste."""

    model_config = ConfigDict(title="Deel van een bijdrage")

    domein: str | None = Field(description="Het domein; null: de rest, onder de hoofdsleutel.")
    deel_pct: float = Field(description="Deel van alle kosten, in %.")
    domeinbron: str | None = Field(description="Bron van het aandeel van het domein.")
    verdeelsleutel: str = Field(description="De verdeelsleutel die dit deel verdeelde.")
    aandeel_pct: float = Field(description="Aandeel van de deelnemer in dit deel, in %.")
    bedrag: float = Field(description="Euro per jaar.")
    grondslagen: list[Grondslagregel] = Field(description="De gegevens van de deelnemer.")


class Bijdrageregel(_Model):
    """De bijdrage van één deelnemer aan de structurele overhead, zoals berekend."""

    model_config = ConfigDict(title="Bijdrage per deelnemer")

    gemeentecode: str = Field(description="CBS-code van de deelnemer.")
    aandeel_pct: float = Field(description="Aandeel in de kosten, in %.")
    bijdrage: float = Field(description="Euro per jaar.")
    delen: list[Deelbijdrageregel] = Field(description="Per deel van de kosten de sleutel.")


class Verdelingsgegevens(_Model):
    """De verdeling van de structurele overhead over de deelnemers, zoals berekend bij de
    export; bij importeren niet gelezen, maar opnieuw berekend."""

    model_config = ConfigDict(title="Verdeling")

    sleutels: str = Field(description="De verdeelsleutel(s) in woorden.")
    onbekend: str | None = Field(
        description="Waarom de verdeling onbekend is (een gegeven ontbreekt); null: berekend."
    )
    bijdragen: list[Bijdrageregel] = Field(description="Per deelnemer; leeg als onbekend.")


class Businesscasegegevens(_Model):
    """De invoer van de businesscase; de uitkomsten worden berekend, niet uitgewisseld
    (de verdeling staat erbij zoals berekend, maar wordt niet gelezen)."""

    model_config = ConfigDict(title="Businesscase")

    basis_overhead: Bedrag | None = Field(
        None,
        description="Overhead van de deelnemers samen in euro per jaar; null: de som uit de "
        "Iv3-jaarrekening.",
    )
    verdeelsleutel: keuze(Businesscase.Sleutel) = Field(
        Businesscase.Sleutel.INWONERS.value, description="Hoe kosten en besparing worden verdeeld."
    )
    mix_inwoners_pct: Percentage = Field(
        Decimal("50"), description="Aandeel inwoners in de mix, in %."
    )
    vaste_verdeling: Annotated[dict[Verdeelcode, Aandeel], Field(max_length=MAX_REGELS)] = Field(
        {},
        description="Per gemeentecode van een deelnemer het percentage bij een vaste verdeling; "
        "is die de verdeelsleutel, dan samen 100.",
    )
    varianten: lijst(Variantregel) = Field(
        [], description="Een variant die ontbreekt, krijgt de standaardwaarden."
    )
    # Absent from exports made before the keys of §6.4.1 were added (issue 12).
    verdeelgegevens: Annotated[
        dict[keuze(list(INGEVULDE_GEGEVENS)), Annotated[
            dict[Verdeelcode, Verdeelgegeven], Field(max_length=MAX_REGELS)
        ]],
        Field(max_length=len(INGEVULDE_GEGEVENS)),
    ] = Field(
        {},
        description="Per soort (fte, clienten, uren per groep van schalen) en gemeentecode van "
        "een deelnemer het ingevulde gegeven met zijn bron; ontbreekt: onbekend.",
    )  # fmt: skip
    uurtarieven: dict[keuze(list(TARIEFGROEPEN)), Verdeelgegeven] = Field(
        {}, description="Per groep van schalen het uurtarief in euro, met zijn bron."
    )
    domeinsleutels: Annotated[list[Domeinsleutelregel], Field(max_length=DOMEINEN)] = Field(
        [], description=f"Delen van de kosten met een eigen verdeelsleutel; hooguit {DOMEINEN}."
    )
    verdeling: Annotated[Verdelingsgegevens | None, Genegeerd] = Field(
        None, description="De berekende bijdrage per deelnemer; bij importeren niet gelezen."
    )


class Reactieregel(_Model):
    """De formele reactie van een deelnemende gemeente, met het antwoord van de provincie."""

    model_config = ConfigDict(title="Formele reactie")

    gemeentecode: Code = Field(description="CBS-code van de gemeente die reageert.")
    standpunt: keuze(Reactie.Standpunt) = Field(description="Het standpunt van de gemeente.")
    tekst: Reactietekst = Field(description="Toelichting.")
    auteur: Auteur = Field(description=f"Gebruikersnaam van wie reageerde{_ALS_TOONT}.")
    gegeven: Moment = Field(
        None,
        description="Moment van de reactie; ontbreekt: nu.",
        json_schema_extra=_zonder_standaard,
    )
    antwoord: gebruikerstekst(lengtes.ANTWOORD_OP_REACTIE) = Field(
        "", description="Antwoord van de provincie."
    )
    # Absent from exports made before these two were added.
    beantwoord_door: Gebruikersnaam | None = Field(
        None,
        description=f"Gebruikersnaam van wie antwoordde{_ALS_TOONT} (ontbreekt in oudere exports).",
    )
    beantwoord_op: Moment | None = Field(
        None, description="Moment van het antwoord (ontbreekt in oudere exports)."
    )
    # Absent from exports made before these three were added, like the two above.
    ontvangen_per: keuze(Reactie.Ontvangen) | None = Field(
        None,
        description="Per brief of e-mail ontvangen en door de auteur (een adviseur) namens de "
        "gemeente vastgelegd; null: in Fusietoets gegeven door de gemeentesecretaris.",
    )
    eerdere_tekst: gebruikerstekst(lengtes.REACTIE) = Field(
        "",
        description="Als de reactie na het antwoord van de provincie is gewijzigd: de "
        "toelichting waarover dat antwoord gaat.",
    )
    eerder_standpunt: keuze(Reactie.Standpunt) | None = Field(
        None, description="Het standpunt waarover het antwoord gaat, bij een eerdere tekst."
    )


class Opmerkingregel(_Model):
    """Een opmerking bij een deelvraag, of een antwoord op een eerdere opmerking."""

    model_config = ConfigDict(title="Opmerking")

    id: Id = Field(description="Id in het bestand; een antwoord verwijst ernaar.")
    deelvraag: Deelvraagnummer = Field(description="Nummer van de deelvraag.")
    auteur: Auteur = Field(description=f"Gebruikersnaam van de auteur{_ALS_TOONT}.")
    tekst: Opmerkingtekst = Field(description="De opmerking.")
    antwoord_op: Id | None = Field(
        None, description="Id van een eerdere opmerking bij dezelfde deelvraag."
    )
    geplaatst: Moment = Field(
        None, description="Moment van plaatsen; ontbreekt: nu.", json_schema_extra=_zonder_standaard
    )


class Uitkomstgegevens(_Model):
    """Het advies waartoe de afweging leidt, zoals berekend bij de export."""

    model_config = ConfigDict(title="Uitkomst")

    advies: keuze(list(Advies)) = Field(description="Het advies.")
    regel: str = Field(description="Code van de regel die het advies bepaalde.")
    volledigheid_procent: geheel(0, 100) = Field(description="Deel van de deelvragen beantwoord.")
    oordelen: dict[str, keuze(list(Waarde))] = Field(
        description="Per oordeel (verstandig, effectief, duurzaam) de waarde."
    )


Deelnemers = Annotated[list[Deelnemerregel], Field(min_length=2, max_length=MAX_REGELS)]


class Afwegingdocument(_Model):
    """Een afweging van de Fusietoets, zoals een export haar schrijft en een import haar
    leest: voorstel, deelnemers, antwoorden, succesfactoren, businesscase, opmerkingen en
    formele reacties. Velden die ontbreken krijgen hun standaardwaarde; onbekende velden
    worden genegeerd."""

    model_config = ConfigDict(title=f"Afweging ({FORMAAT})")

    formaat: Literal[FORMAAT] = Field(description="Het formaat van het bestand.")
    id: Annotated[int | None, Genegeerd] = Field(
        None,
        description="Id van de afweging in de database waaruit het bestand komt; bij "
        "importeren alleen in de geschiedenis genoemd.",
    )
    titel: tekst(MAX_TITEL, verplicht=True) = Field(description="Titel van de afweging.")
    provincie: Code = Field(
        description="Code van de leidende provincie, bijvoorbeeld PV28: die van de adviseur die "
        "de afweging begon. De adviseurs van andere provincies met een deelnemer lezen mee."
    )
    status: keuze(Afweging.Status) = Field(
        Afweging.Status.CONCEPT.value, description="Concept, ter review of vastgesteld."
    )
    kaderversie: geheel(1, MAX_GETAL) = Field(description="Versie van het afwegingskader.")
    versie: geheel(1, MAX_GETAL) = Field(
        1, description="Teller van de optimistische vergrendeling."
    )
    vorige: Annotated[int | None, Genegeerd] = Field(
        None,
        description="Id van de vastgestelde vorige versie in de bron; bij importeren niet "
        "overgenomen.",
    )
    is_voorbeeld: bool = Field(False, description="Een voorbeeldafweging met fictieve oordelen.")
    variant: keuze(Afweging.Variant) = Field(description="De vorm van de samenwerking.")
    centrumgemeente: Centrumcode | None = Field(
        None, description="CBS-code van de centrumgemeente; alleen bij een centrumconstructie."
    )
    geplande_startdatum: Datum | None = Field(None, description="Datum (jjjj-mm-dd).")
    geplande_evaluatiedatum: Datum | None = Field(
        None, description="Geplande eerste evaluatie (jjjj-mm-dd), na de startdatum."
    )
    taakstelling: Bedrag | None = Field(
        None, description="Besparingstaakstelling in euro per jaar."
    )
    frictiekostenbudget: Bedrag | None = Field(
        None, description="Budget voor frictiekosten in euro, eenmalig."
    )
    reorganisatie_gecombineerd: keuze(Afweging.JaNeeOnbekend) = Field(
        Afweging.JaNeeOnbekend.ONBEKEND.value,
        description="Gecombineerd met een reorganisatie of nieuwe sturingsfilosofie.",
    )
    deelnemers: Deelnemers = Field(description="De deelnemende gemeenten, minstens twee.")
    antwoorden: lijst(Antwoordregel) = Field(
        [], description="Een deelvraag zonder antwoord blijft open."
    )
    succesfactoren: lijst(Succesfactorregel) = Field(
        [], description="Een succesfactor die ontbreekt, staat op onbekend."
    )
    businesscase: Businesscasegegevens | None = Field(
        None, description="null: de businesscase krijgt haar standaardwaarden."
    )
    reacties: lijst(Reactieregel) = Field([], description="Eén per gemeente.")
    opmerkingen: lijst(Opmerkingregel) = Field(
        [], description="In volgorde: een antwoord staat na de opmerking die het beantwoordt."
    )
    gedeeld_met: lijst(Lezer) = Field(
        [],
        description="Gebruikersnamen van de gemeentesecretarissen met wie gedeeld is; leeg in "
        "de export voor een gemeentesecretaris.",
    )
    aangemaakt: Annotated[Moment | None, Genegeerd] = Field(
        None, description="Moment van aanmaken in de bron; bij importeren: nu."
    )
    gewijzigd: Annotated[Moment | None, Genegeerd] = Field(
        None, description="Moment van de laatste wijziging in de bron; bij importeren: nu."
    )
    vastgesteld_op: Moment | None = Field(
        None, description="Moment van vaststellen; alleen en altijd bij status vastgesteld."
    )
    vastgesteld_door: Gebruikersnaam | None = Field(
        None, description=f"Gebruikersnaam van wie vaststelde{_ALS_TOONT}."
    )
    uitkomst: Annotated[Uitkomstgegevens | None, Genegeerd] = Field(
        None, description="Het berekende advies; bij importeren opnieuw berekend."
    )

    @field_validator("deelnemers", mode="wrap")
    @classmethod
    def _minstens_twee(cls, waarde, handler):
        # Pydantic checks a list's minimum length only when all its rows pass; the importer
        # always said there were too few deelnemers whatever the rows said.
        try:
            return handler(waarde)
        except ValidationError as fout:
            fouten = fout.errors()
            if isinstance(waarde, list) and len(waarde) < 2 and fouten[0]["type"] != "too_short":
                ctx = {"field_type": "List", "min_length": 2, "actual_length": len(waarde)}
                te_kort = InitErrorDetails(type="too_short", loc=(), input=waarde, ctx=ctx)
                fouten = [te_kort, *_opnieuw(fouten)]
                raise ValidationError.from_exception_data(fout.title, fouten) from None
            raise


def _opnieuw(fouten) -> list[InitErrorDetails]:
    return [
        InitErrorDetails(type=f["type"], loc=f["loc"], input=f["input"], ctx=f.get("ctx", {}))
        for f in fouten
    ]


class _JsonSchema(GenerateJsonSchema):
    def field_title_should_be_set(self, schema) -> bool:
        return False  # Pydantic's titles are the field names title-cased; the descriptions say it.

    def encode_default(self, dflt):
        return _als_getal(dflt) if isinstance(dflt, Decimal) else super().encode_default(dflt)


def json_schema() -> dict:
    """The published JSON Schema of the format: what an import accepts."""
    schema = Afwegingdocument.model_json_schema(schema_generator=_JsonSchema)
    return _op_een_regel({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema})


def _op_een_regel(schema):
    # A class docstring, wrapped at 100 columns, is a description of one line.
    if isinstance(schema, dict):
        return {
            k: " ".join(v.split()) if k == "description" else _op_een_regel(v)
            for k, v in schema.items()
        }
    return [_op_een_regel(v) for v in schema] if isinstance(schema, list) else schema


def json_schema_tekst() -> str:
    """The JSON Schema as `schema_afweging` prints it and SCHEMABESTAND holds it."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
