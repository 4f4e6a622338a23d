"""What the apps that hang off an evaluatie add to it, so that `evaluatie` imports none of them.

The same pattern as `afweging.uitbreidingen`, for the apps above this one in the layering
(README *Lagen*): review shares an evaluatie with the deelnemers' gemeentesecretarissen,
and who may read one, what its pages and its report show of that, and what to look at
before vaststellen, are asked of the uitbreidingen registered here. Each app registers one
in its `AppConfig.ready()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.db.models import Q

    from afweging.uitbreidingen import Controlepunt
    from evaluatie.models import Evaluatie


class Evaluatieuitbreiding:
    """The hooks an app may fill in; each does nothing unless the app overrides it."""

    #: The name under which the app's part of a page or report is found: `pagina.delen.<naam>`.
    naam = ""

    def zichtbaar(self, gebruiker) -> Q | None:
        """Evaluaties this user may read through this app (shared for review, say)."""
        return None

    def pagina_deel(self, pagina):
        """This app's part of an evaluatie's page (an object with cached properties), or None."""
        return None

    def rapport_deel(self, evaluatie: Evaluatie):
        """This app's part of the evaluatie's report (page and PDF), or None: found as
        `rapport.delen[naam]`, and shown in both when it names a `template` (an attribute,
        or a key of a dict), which is included with the part as `deel` and the report as
        `rapport` (evaluatie.rapport)."""
        return None

    def controlepunten(self, evaluatie: Evaluatie) -> list[Controlepunt]:
        """What this app asks the adviseur to look at before vaststellen."""
        return []

    def betrokkenen(self, evaluatie: Evaluatie) -> list:
        """Users besides the maker who hear that the evaluatie was vastgesteld."""
        return []


_geregistreerd: dict[str, Evaluatieuitbreiding] = {}


def registreer(uitbreiding: Evaluatieuitbreiding) -> None:
    if not uitbreiding.naam:
        raise ValueError("Een uitbreiding heeft een naam nodig.")
    _geregistreerd[uitbreiding.naam] = uitbreiding


def alle() -> Iterator[Evaluatieuitbreiding]:
    return iter(_geregistreerd.values())
