"""What the apps that hang off an afweging add to it, so that `afweging` imports none of them.

Review (sharing, opmerkingen, reacties) and the business case live in apps of their own that
depend on `afweging`, never the other way round (the layering in the README, checked by the
import-linter contracts in pyproject.toml). Where the afweging's own services and pages need
them (copying a new version, a gemeente that leaves, who hears of a vaststelling, who may
read an afweging, a part of a page or of the report, a signaal from their data), they ask
the uitbreidingen registered here. Each app registers one in its `AppConfig.ready()`; a
later module (a peiling, say) adds itself the same way without a change to `afweging`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.db.models import Q

    from afweging.models import Afweging
    from afweging.scoring import Uitkomst
    from afweging.signalen import Signaal


@dataclass(frozen=True)
class Controlepunt:
    """One thing to look at before vaststellen, in Dutch, with where to see it; a point that
    `blokkeert` stops the vaststelling until it is dealt with."""

    tekst: str
    link: str = ""
    linktekst: str = ""
    blokkeert: bool = False


@dataclass(frozen=True)
class Nieuw:
    """How many things of one kind others added to an afweging since the user last opened
    it (`afweging.models.Gezien`), with the words for one and for more."""

    soort: str
    aantal: int
    enkelvoud: str
    meervoud: str
    anker: str = ""

    @property
    def tekst(self) -> str:
        return f"{self.aantal} {self.enkelvoud if self.aantal == 1 else self.meervoud}"


@dataclass(frozen=True)
class Wachtpunt:
    """Something an afweging waits for, from `wie`, by `termijn` (inclusive; None: no
    termijn was set): a gemeente's formal reactie, say."""

    afweging_id: int
    wat: str
    wie: str
    termijn: date | None = None
    anker: str = ""

    def verstreken(self, vandaag: date) -> bool:
        return self.termijn is not None and vandaag > self.termijn

    def dagen_tot(self, vandaag: date) -> int | None:
        return None if self.termijn is None else (self.termijn - vandaag).days


class Uitbreiding:
    """The hooks an app may fill in; each does nothing unless the app overrides it."""

    #: The name under which the app's part of a page or report is found: `pagina.delen.<naam>`.
    naam = ""

    def bij_aanmaken(self, afweging: Afweging) -> None:
        """A new afweging was made (in the same transaction)."""

    def bij_deelnemers_weg(self, afweging: Afweging, *, gebleven: set[int]) -> None:
        """Gemeenten left the afweging; `gebleven` holds the ids of those still in it."""

    def bij_nieuwe_versie(self, *, oud: Afweging, kopie: Afweging) -> None:
        """`kopie` is the new concept version of the vastgestelde `oud`: copy what carries on."""

    def betrokkenen(self, afweging: Afweging) -> list:
        """Users besides the maker who hear that the afweging was vastgesteld."""
        return []

    def zichtbaar(self, gebruiker) -> Q | None:
        """Afwegingen this user may read through this app (e.g. shared for review)."""
        return None

    def pagina_deel(self, pagina):
        """This app's part of an afweging's page (an object with cached properties), or None."""
        return None

    def rapport_deel(self, afweging: Afweging):
        """This app's part of the report (page and PDF), or None."""
        return None

    def signalen(self, afweging: Afweging, *, uitkomst: Uitkomst) -> list[Signaal]:
        """The warning signs only this app's data can raise, beside those of
        `afweging.signalen`; `uitkomst` is the afweging's computed advies."""
        return []

    def controlepunten(self, afweging: Afweging) -> list[Controlepunt]:
        """What this app asks the adviseur to look at before vaststellen."""
        return []

    def gaat_mee_weg_met_deelnemer(self, afweging: Afweging, gemeente) -> list[str]:
        """What of this app goes when `gemeente` leaves the afweging, in Dutch."""
        return []

    def gaat_mee_weg(self, afweging: Afweging) -> list[str]:
        """What of this app goes when the afweging is deleted, in Dutch, one line each (the
        rows themselves go by the database's cascade)."""
        return []

    def nieuw(self, gebruiker, afwegingen: list[Afweging]) -> dict[int, list[Nieuw]]:
        """Per afweging id: what others added since this user last opened it (for the start
        page; `afweging.selectors.nieuw_voor` says what counts as new)."""
        return {}

    def wacht_op(self, gebruiker, afwegingen: list[Afweging]) -> list[Wachtpunt]:
        """What these afwegingen wait for that this user should see: for their adviseur
        all that is outstanding, for anyone else only what they owe themselves."""
        return []

    def op_start(self, gebruiker):
        """This app's part of the start page for this user (an object with a `template`),
        or None: what waits for them elsewhere than in an afweging."""
        return None

    def exportformaten(self, gebruiker) -> dict:
        """Exports this app offers at `export.<formaat>` to this user: {formaat: (maak,
        content type)}, where `maak(afweging)` gives the file's content, holding no more
        than the user's own page shows."""
        return {}


_geregistreerd: dict[str, Uitbreiding] = {}


def registreer(uitbreiding: Uitbreiding) -> None:
    if not uitbreiding.naam:
        raise ValueError("Een uitbreiding heeft een naam nodig.")
    _geregistreerd[uitbreiding.naam] = uitbreiding


def alle() -> Iterator[Uitbreiding]:
    return iter(_geregistreerd.values())
