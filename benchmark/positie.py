"""The overhead position of a gemeente, or of a fusieorganisatie's members together,
against the trend: the benchmark's part of casussen's pages (see casussen.paginadelen)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse

from benchmark.analyse import laatste_jaarrekening


class Positie:
    def __init__(self, *, gemeentecode=None, fusieorganisatie=None, leden: Callable = list):
        self.gemeentecode = gemeentecode
        self.fusieorganisatie = fusieorganisatie
        self._leden = leden  # the members' gemeentecodes, asked for only when needed

    @cached_property
    def analyse(self):
        if self.fusieorganisatie is None and not self.gemeentecode:
            return None
        return laatste_jaarrekening()

    @cached_property
    def rij(self):
        if self.analyse is None or not self.gemeentecode:
            return None
        return self.analyse.rij(self.gemeentecode)

    @cached_property
    def groep(self):
        if self.analyse is None or self.fusieorganisatie is None:
            return None
        codes = self._leden()
        if not all(codes):
            return None
        return self.analyse.groep(codes, self.fusieorganisatie.naam)

    @cached_property
    def link(self) -> str:
        if self.analyse is None:
            return ""
        markeer = (
            {"fusieorganisatie": self.fusieorganisatie.slug}
            if self.fusieorganisatie is not None
            else {"gemeenten": self.gemeentecode}
        )
        bestand = self.analyse.bestand
        query = urlencode({"bestand": f"{bestand.jaar}-{bestand.document}", **markeer})
        return f"{reverse('benchmark:benchmark')}?{query}"


def positie(pagina: str, *, gebruiker=None, gemeente=None, fusieorganisatie=None, leden=list):
    """The same for every user (`gebruiker` is not read): it is part of the cached content."""
    if pagina == "gemeente":
        return Positie(gemeentecode=gemeente.code)
    if pagina == "fusieorganisatie":
        return Positie(fusieorganisatie=fusieorganisatie, leden=leden)
    return None
