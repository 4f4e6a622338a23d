"""The benchmark's page object (see paginacache.pagina)."""

from __future__ import annotations

from functools import cached_property

from benchmark.analyse import analyse
from benchmark.charts import spreiding_figuur
from benchmark.forms import BenchmarkForm
from benchmark.overhead import beschikbare_bestanden
from paginacache import stand
from paginacache.pagina import Referentiepagina


class Benchmarkpagina(Referentiepagina):
    def __init__(self, request):
        super().__init__(request)
        self.sleutel = stand.filtersleutel(request, BenchmarkForm)
        self.bestanden = beschikbare_bestanden()

    @property
    def heeft_cijfers(self) -> bool:
        return bool(self.bestanden)

    @cached_property
    def form(self) -> BenchmarkForm:
        """The filter form; without a chosen file, the latest jaarrekening (else the first
        file there is)."""
        standaard = next((b for b in self.bestanden if b.document == "jaarrekening"), None) or (
            self.bestanden[0] if self.bestanden else None
        )
        data = self.request.GET.copy()
        if standaard and not data.get("bestand"):
            data["bestand"] = f"{standaard.jaar}-{standaard.document}"
        return BenchmarkForm(data, bestanden=self.bestanden)

    @cached_property
    def analyse(self):
        return analyse(*self.form.jaar_en_document()) if self.form.is_valid() else None

    @cached_property
    def organisatie(self):
        return self.form.cleaned_data["fusieorganisatie"] if self.analyse else None

    @cached_property
    def _leden(self) -> list[str]:
        if self.organisatie is None:
            return []
        return [d.gemeente.code for d in self.organisatie.deelnames.select_related("gemeente")]

    @cached_property
    def gekozen(self) -> list[str]:
        """The gemeenten marked: those chosen, then the organisation's other members."""
        if self.analyse is None:
            return []
        gekozen = [g.code for g in self.form.cleaned_data["gemeenten"]]
        return gekozen + [code for code in self._leden if code not in gekozen]

    @property
    def aantal_gekozen(self) -> int:
        return len(self.gekozen)

    @cached_property
    def groep(self):
        if self.organisatie is None:
            return None
        return self.analyse.groep(self._leden, self.organisatie.naam)

    @cached_property
    def rijen(self) -> list[dict]:
        if self.analyse is None:
            return []
        gemarkeerd = set(self.gekozen)
        rijen = [dict(r, gekozen=r["gemeentecode"] in gemarkeerd) for r in self.analyse.tabelrijen]
        rijen.sort(key=lambda r: not r["gekozen"])  # Stable: alphabetical within each part.
        return rijen

    @cached_property
    def figuur(self):
        return spreiding_figuur(self.analyse, self.gekozen) if self.analyse else None
