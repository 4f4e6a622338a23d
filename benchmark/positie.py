"""The overhead position of a gemeente, or of a fusieorganisatie's members together,
against the trend, and for a fusieorganisatie its overhead over the years against gemeenten
without a fusion: the benchmark's part of casussen's pages (see casussen.paginadelen) and
of other pages that show a fusion's counterfactual (templates/benchmark/_tegenfeitelijk.html)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse

from benchmark.analyse import laatste_jaarrekening
from benchmark.charts import tegenfeitelijk_figuur
from benchmark.svg import tegenfeitelijk_svg
from benchmark.tegenfeitelijk import tegenfeitelijk
from weergave.svg import als_data_uri


class Tegenfeitelijkdeel:
    """The counterfactual over the years of `codes` (members' CBS codes) as a page shows
    it: the series, its chart (plotly on the page, SVG in a PDF) and the ids that join the
    chart to its table. `prefix` keeps the ids unique on a page that shows more than one.
    Nothing is computed before the template asks for it."""

    def __init__(self, codes: list[str], naam: str, prefix: str = "tegenfeitelijk"):
        self.codes = list(codes)
        self.naam = naam
        self.element_id = f"{prefix}-figuur"
        self.tabel_id = f"{prefix}-tabel"
        self.kop_id = f"{prefix}-tabel-kop"

    @cached_property
    def tijdreeks(self):
        return tegenfeitelijk(self.codes, self.naam)

    @cached_property
    def figuur(self) -> dict:
        return tegenfeitelijk_figuur(self.tijdreeks)

    @cached_property
    def svg(self) -> str:
        return tegenfeitelijk_svg(self.tijdreeks)

    @property
    def svg_uri(self) -> str:
        return als_data_uri(self.svg)


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
    def tegenfeitelijk(self) -> Tegenfeitelijkdeel | None:
        """A fusieorganisatie's overhead over the years; None when a member has no CBS
        code (a gemeente dissolved before the codes the Iv3 figures use)."""
        if self.fusieorganisatie is None:
            return None
        codes = self._leden()
        if not codes or not all(codes):
            return None
        return Tegenfeitelijkdeel(codes, self.fusieorganisatie.naam)

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
