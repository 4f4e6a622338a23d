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
from benchmark.overhead import beschikbare_bestanden
from benchmark.svg import tegenfeitelijk_svg
from benchmark.tegenfeitelijk import tegenfeitelijk
from casussen.models import Fusieorganisatie
from weergave import datums
from weergave.svg import als_data_uri


def bestond_in(fusieorganisatie: Fusieorganisatie, jaar: int) -> bool:
    """Whether the fusieorganisatie worked in (part of) `jaar`: started by its end, not ended
    by its first day. An unknown start or end is no reason to leave a year out."""
    if fusieorganisatie.status == Fusieorganisatie.Status.NOOIT:
        return False
    start, einde = fusieorganisatie.startdatum, fusieorganisatie.einddatum
    return (start is None or start.year <= jaar) and (einde is None or einde.year > jaar)


def waarom_geen_cijfers(fusieorganisatie: Fusieorganisatie) -> str:
    """Why no Iv3 file the app holds says anything about this fusion ("" when one does):
    the figures of its gemeenten in years it did not work are not its costs."""
    jaren = sorted({b.jaar for b in beschikbare_bestanden()})
    if not jaren or any(bestond_in(fusieorganisatie, jaar) for jaar in jaren):
        return ""
    periode = f"{jaren[0]}–{jaren[-1]}" if len(jaren) > 1 else str(jaren[0])
    if fusieorganisatie.status == Fusieorganisatie.Status.NOOIT:
        return (
            "Deze fusieorganisatie is nooit tot stand gekomen: de overhead van haar gemeenten "
            "zegt niets over deze fusie, dus er is geen vergelijking."
        )
    if fusieorganisatie.einddatum and fusieorganisatie.einddatum.year <= jaren[0]:
        hoe = fusieorganisatie.get_status_display().lower()
        wanneer = (
            f"Deze fusieorganisatie bestaat niet meer sinds "
            f"{datums.datum(fusieorganisatie.einddatum)} ({hoe})"
        )
    else:
        wanneer = f"Deze fusieorganisatie begint pas op {datums.datum(fusieorganisatie.startdatum)}"
    return (
        f"{wanneer}: in geen van de jaren waarvan Fusietoets Iv3-cijfers heeft ({periode}) werkte "
        "zij. De overhead van de gemeenten in die jaren zegt niets over deze fusie, dus er is "
        "geen vergelijking."
    )


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
    def buiten_bestaan(self) -> str:
        """For a fusieorganisatie that worked in none of the files' years: why no figures."""
        return "" if self.fusieorganisatie is None else waarom_geen_cijfers(self.fusieorganisatie)

    @cached_property
    def niet_in_het_jaar(self) -> str:
        """Why the members are not shown together in the latest jaarrekening ("" if they
        are): the fusion did not work in its year."""
        if self.analyse is None or self.fusieorganisatie is None:
            return ""
        jaar = self.analyse.bestand.jaar
        if bestond_in(self.fusieorganisatie, jaar):
            return ""
        return self.buiten_bestaan or (
            f"De fusieorganisatie werkte in {jaar} niet: de overhead van de gemeenten in dat jaar "
            "zegt niets over deze fusie."
        )

    @cached_property
    def groep(self):
        if self.analyse is None or self.fusieorganisatie is None:
            return None
        if not bestond_in(self.fusieorganisatie, self.analyse.bestand.jaar):
            return None  # The members together, in a year the fusion did not work.
        codes = self._leden()
        if not all(codes):
            return None
        return self.analyse.groep(codes, self.fusieorganisatie.naam)

    @cached_property
    def tegenfeitelijk(self) -> Tegenfeitelijkdeel | None:
        """A fusieorganisatie's overhead over the years; None when a member has no CBS
        code (a gemeente dissolved before the codes the Iv3 figures use), or when the fusion
        worked in none of the files' years (`buiten_bestaan` says so)."""
        if self.fusieorganisatie is None or self.buiten_bestaan:
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
