"""What review needs to know of what it reviews: an afweging or an evaluatie.

Sharing, opmerkingen, the formal reacties and the provincie's answers work the same for
both (review/services.py, review/pagina.py); where they differ (which rows are theirs, who
takes part, where an opmerking is placed and what it is called, the page a link points to,
who may still read it) they ask the `Onderwerp` of the row, made by `onderwerp_van`.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from afweging.models import Afweging, Deelnemer
from afweging.toegang import afwegingen_voor
from afweging.toegang import is_meelezer as afweging_meelezer
from evaluatie.models import Evaluatie
from evaluatie.toegang import evaluaties_voor
from evaluatie.toegang import is_meelezer as evaluatie_meelezer
from kader.models import Deelvraag, Evaluatieindicator


class Onderwerp:
    """An afweging's or an evaluatie's side of review."""

    #: The field on Deling, Opmerking and Reactie that holds the row, and the word for it.
    veld = ""
    #: The field of an opmerking's place (a deelvraag, an indicator).
    plekveld = ""

    def __init__(self, rij):
        self.rij = rij

    #: The words for more of them and for their places: "afwegingen", "deelvragen".
    meervoud = ""
    plekken = ""

    @property
    def woord(self) -> str:
        return self.veld

    def pagina_url(self) -> str:
        """The page where its review is shown."""
        return self.rij.get_absolute_url()

    def filter(self) -> dict:
        """Review's rows of this one: `Opmerking.objects.filter(**onderwerp.filter())`."""
        return {self.veld: self.rij}

    def gemeenten(self) -> QuerySet:
        """The ids of the deelnemende gemeenten (a subquery)."""
        raise NotImplementedError

    def link(self) -> str:
        """The page in an e-mail: where the review is."""
        return settings.BASIS_URL.rstrip("/") + self.pagina_url()

    def zichtbaar_voor(self, gebruiker) -> bool:
        raise NotImplementedError

    def met_toegang(self, gebruikers) -> list:
        """Those of `gebruikers` who may still read it: whom its e-mails may reach."""
        return [g for g in gebruikers if self.zichtbaar_voor(g)]

    def plek_van(self, nummer: int):
        """The place an opmerking's form names (its number in the form; None: not of this one)."""
        raise NotImplementedError

    def plek_nummer(self, plek) -> int:
        raise NotImplementedError

    def plek_volgorde(self, plek) -> tuple:
        """Where a place comes on the page."""
        raise NotImplementedError

    def plek_naam(self, plek) -> str:
        """The place in words, for the history, the e-mails and the messages."""
        raise NotImplementedError

    def plek(self, opmerking):
        return getattr(opmerking, self.plekveld)

    def is_meelezer(self, gebruiker) -> bool:
        """An adviseur of another provincie with a deelnemer: reads along and comments."""
        raise NotImplementedError

    def gemeenten_op_naam(self) -> list:
        """The deelnemende gemeenten, by name."""
        raise NotImplementedError


class Afwegingonderwerp(Onderwerp):
    veld = "afweging"
    plekveld = "deelvraag"
    meervoud = "afwegingen"
    plekken = "deelvragen"

    def pagina_url(self) -> str:
        return reverse("afweging:uitkomst", kwargs={"pk": self.rij.pk})

    def gemeenten(self) -> QuerySet:
        return self.rij.deelnemers.values("gemeente")

    def zichtbaar_voor(self, gebruiker) -> bool:
        return afwegingen_voor(gebruiker).filter(pk=self.rij.pk).exists()

    def plek_van(self, nummer: int):
        return Deelvraag.objects.filter(onderdeel__kader=self.rij.kader_id, nummer=nummer).first()

    def plek_nummer(self, plek) -> int:
        return plek.nummer

    def plek_volgorde(self, plek) -> tuple:
        return (plek.nummer,)

    def plek_naam(self, plek) -> str:
        return f"deelvraag {plek.nummer}"

    def is_meelezer(self, gebruiker) -> bool:
        return afweging_meelezer(gebruiker, self.rij)

    def gemeenten_op_naam(self) -> list:
        return [
            d.gemeente
            for d in self.rij.deelnemers.select_related("gemeente").order_by("gemeente__naam")
        ]


class Evaluatieonderwerp(Onderwerp):
    veld = "evaluatie"
    plekveld = "indicator"
    meervoud = "evaluaties"
    plekken = "indicatoren"

    def gemeenten(self) -> QuerySet:
        return self.rij.gemeenten.values("pk")

    def zichtbaar_voor(self, gebruiker) -> bool:
        return evaluaties_voor(gebruiker).filter(pk=self.rij.pk).exists()

    def plek_van(self, nummer: int):
        """An indicator of the evaluatie's kader, by its id."""
        return (
            Evaluatieindicator.objects.select_related("domein")
            .filter(domein__kader=self.rij.kader_id, pk=nummer)
            .first()
        )

    def plek_nummer(self, plek) -> int:
        return plek.pk

    def plek_volgorde(self, plek) -> tuple:
        return (plek.domein.volgorde, plek.volgorde)

    def plek_naam(self, plek) -> str:
        # Two indicators of a domein may share their text: its number tells them apart,
        # as on the domein's page.
        return f"indicator {plek.volgorde} van {plek.domein.naam}"

    def is_meelezer(self, gebruiker) -> bool:
        return evaluatie_meelezer(gebruiker, self.rij)

    def gemeenten_op_naam(self) -> list:
        return list(self.rij.gemeenten.order_by("naam"))


def onderwerp_van(rij) -> Onderwerp:
    if isinstance(rij, Onderwerp):
        return rij
    if isinstance(rij, Afweging):
        return Afwegingonderwerp(rij)
    if isinstance(rij, Evaluatie):
        return Evaluatieonderwerp(rij)
    raise TypeError(f"Review kent geen {type(rij).__name__}.")


def werkt_voor_deelnemer() -> Q:
    """For a share: its reviewer works for a deelnemende gemeente of its afweging or its
    evaluatie now."""
    afweging = Exists(
        Deelnemer.objects.filter(
            afweging_id=OuterRef("afweging_id"), gemeente__secretarissen=OuterRef("gebruiker_id")
        )
    )
    evaluatie = Exists(
        Evaluatie.gemeenten.through.objects.filter(
            evaluatie_id=OuterRef("evaluatie_id"), gemeente__secretarissen=OuterRef("gebruiker_id")
        )
    )
    return afweging | evaluatie
