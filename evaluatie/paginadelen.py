"""The evaluatie's parts of other apps' pages: on a fusieorganisatie's page in the register
(through `casussen.paginadelen`) and on a vastgestelde afweging's uitkomst page (through the
afweging's uitbreiding, `evaluatie/uitbreiding.py`). Each offers to start an evaluatie to
an adviseur who may, and lists the evaluaties of it that the user may see.

Both depend on who looks. The fusieorganisatie page's cached content is the same for
everyone, so its template shows this part outside it; the uitkomst page is cached per user
and per the afweging's history, in which starting an evaluatie of it is recorded, as is the
afloop that lets one start (evaluatie/services.py).
"""

from __future__ import annotations

from functools import cached_property

from afweging.models import Afweging
from evaluatie import vertrekpunt
from evaluatie.toegang import evaluaties_voor, mag_starten


def _als_adviseur(gebruiker) -> bool:
    return bool(gebruiker.is_authenticated and gebruiker.is_adviseur and gebruiker.provincie_id)


class Fusieorganisatiedeel:
    template = "evaluatie/_bij_fusieorganisatie.html"

    def __init__(self, organisatie, gebruiker):
        self.organisatie = organisatie
        self.gebruiker = gebruiker

    @cached_property
    def zichtbaar(self) -> bool:
        return _als_adviseur(self.gebruiker)

    @cached_property
    def kan_starten(self) -> bool:
        """Shown on every view of the page, outside its cache: one query (the provincies of
        the deelnemers now), not the whole vertrekpunt the start form shows."""
        return (
            self.zichtbaar
            and self.organisatie.status not in vertrekpunt.NIET_TE_EVALUEREN
            and self.gebruiker.provincie_id in vertrekpunt.provincies_nu(self.organisatie)
        )

    @cached_property
    def evaluaties(self) -> list:
        if not self.zichtbaar:
            return []
        return list(
            evaluaties_voor(self.gebruiker)
            .filter(fusieorganisatie=self.organisatie)
            .defer("vastgestelde_pdf")
            .order_by("-peildatum", "-pk")
        )


def bij_fusieorganisatie(pagina: str, *, gebruiker=None, fusieorganisatie=None, **_):
    """The maker that `casussen.paginadelen` asks (evaluatie/apps.py)."""
    if pagina != "fusieorganisatie" or gebruiker is None:
        return None
    return Fusieorganisatiedeel(fusieorganisatie, gebruiker)


class Afwegingdeel:
    """On the uitkomst page of a vastgestelde afweging: its fusion evaluated."""

    template = "evaluatie/_bij_afweging.html"

    def __init__(self, pagina):
        self.afweging = pagina.afweging
        self.gebruiker = pagina.request.user

    @cached_property
    def zichtbaar(self) -> bool:
        return _als_adviseur(self.gebruiker) and self.afweging.status == Afweging.Status.VASTGESTELD

    @cached_property
    def vertrekpunt(self) -> vertrekpunt.Vertrekpunt:
        return vertrekpunt.van_afweging(self.afweging)

    @cached_property
    def kan_starten(self) -> bool:
        return (
            self.zichtbaar
            and self.vertrekpunt.kan_starten
            and mag_starten(self.gebruiker, self.vertrekpunt.gemeenten)
        )

    @cached_property
    def evaluaties(self) -> list:
        if not self.zichtbaar:
            return []
        return list(
            evaluaties_voor(self.gebruiker)
            .filter(afweging=self.afweging)
            .defer("vastgestelde_pdf")
            .order_by("-peildatum", "-pk")
        )
