"""The page objects of casussen's cached pages (see paginacache.pagina)."""

from __future__ import annotations

from collections import Counter
from functools import cached_property

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from casussen import kaart, paginadelen
from casussen.bronnen import BRONNEN
from casussen.forms import RegisterFilterForm
from casussen.grafieken import inwoners_grafiek
from casussen.models import CasusDeelnemer, Deelname, Fusieorganisatie, Gemeente
from casussen.register import (
    INWONERJAREN,
    LAATSTE_JAAR,
    fusieorganisaties,
    met_eigen_afloop,
    registerregel,
    tijdlijn,
)
from casussen.register import register as registerregels
from paginacache import stand
from paginacache.pagina import Referentiepagina

FILTERS = ("status", "provincie", "bestuurskundige_vorm", "juridische_vorm")


class Registerpagina(Referentiepagina):
    jaar = LAATSTE_JAAR

    def __init__(self, request):
        super().__init__(request)
        self.sleutel = stand.filtersleutel(request, RegisterFilterForm)

    @cached_property
    def form(self) -> RegisterFilterForm:
        return RegisterFilterForm(self.request.GET or None)

    @cached_property
    def filters(self) -> dict:
        return self.form.cleaned_data if self.form.is_valid() else {}

    @cached_property
    def regels(self) -> list:
        return registerregels(
            **{sleutel: waarde for sleutel, waarde in self.filters.items() if waarde}
        )

    @cached_property
    def aantal_gemeenten(self) -> int:
        return len({lid.gemeente.pk for regel in self.regels for lid in regel.leden})

    @cached_property
    def _statussen(self) -> Counter:
        return Counter(Fusieorganisatie.objects.values_list("status", flat=True))

    @cached_property
    def statustellingen(self) -> list[tuple[str, int]]:
        return [
            (label, self._statussen.get(waarde, 0))
            for waarde, label in Fusieorganisatie.Status.choices
        ]

    @cached_property
    def totaal_aantal(self) -> int:
        return sum(self._statussen.values())

    @cached_property
    def gefilterd(self) -> bool:
        return any(self.filters.get(veld) for veld in FILTERS)


class Fusieorganisatiepagina(Referentiepagina):
    jaren = INWONERJAREN

    def __init__(self, request, slug: str):
        super().__init__(request)  # The stamp first: see Referentiepagina.
        self.org = get_object_or_404(Fusieorganisatie, slug=slug)

    @cached_property
    def regel(self):
        return registerregel(fusieorganisaties().get(pk=self.org.pk))

    @cached_property
    def tijdlijn(self) -> list:
        return tijdlijn(self.regel)

    @cached_property
    def delen(self) -> dict:
        return paginadelen.delen(
            "fusieorganisatie",
            gebruiker=self.request.user,
            fusieorganisatie=self.org,
            leden=lambda: [lid.gemeente.code for lid in self.regel.leden],
        )


class Gemeentepagina(Referentiepagina):
    """`gemeente` is the light row found by its slug (the title needs its name only);
    `volledig` is the same gemeente with everything the cached content shows."""

    bronnen = BRONNEN

    def __init__(self, request, slug: str):
        super().__init__(request)  # The stamp first: see Referentiepagina.
        self.gemeente = get_object_or_404(Gemeente, slug=slug)

    @cached_property
    def inwonertallen(self) -> list:
        return list(self.gemeente.inwonertallen.all())

    @cached_property
    def volledig(self) -> Gemeente:
        return (
            Gemeente.objects.select_related("provincie")
            .prefetch_related(
                "huidige_gemeenten",
                "voorgangers_sinds",
                "herindelingen_als_oude__nieuwe_gemeente",
                "herindelingen_als_nieuwe__oude_gemeente",
                Prefetch("deelnames", queryset=Deelname.objects.select_related("fusieorganisatie")),
                Prefetch("casusdeelnames", queryset=CasusDeelnemer.objects.select_related("casus")),
            )
            .get(pk=self.gemeente.pk)
        )

    @cached_property
    def delen(self) -> dict:
        return paginadelen.delen("gemeente", gebruiker=self.request.user, gemeente=self.gemeente)

    @cached_property
    def grafiek(self):
        if not self.inwonertallen:
            return None
        return inwoners_grafiek(self.gemeente.naam, self.inwonertallen)

    @cached_property
    def deelnames(self) -> list:
        """The gemeente's own memberships, each with its own fate (`met_eigen_afloop`)."""
        return met_eigen_afloop(list(self.volledig.deelnames.all()))

    @cached_property
    def via_voorgangers(self) -> list:
        """Memberships through predecessors: a current gemeente inherits the history of
        the gemeenten that merged into it."""
        return met_eigen_afloop(
            list(
                Deelname.objects.filter(gemeente__in=self.volledig.voorgangers_sinds.all())
                .select_related("fusieorganisatie", "gemeente")
                .order_by("fusieorganisatie__startdatum")
            )
        )


class Kaartpagina(Referentiepagina):
    bron = BRONNEN["kwb-2023"]

    @cached_property
    def kleuring(self) -> list:
        return kaart.kleuring()

    @cached_property
    def figuur(self):
        return kaart.figuur(self.kleuring)
