"""The page objects of the evaluatie app (see paginacache.pagina and afweging.views.pagina)."""

from __future__ import annotations

from functools import cached_property

from afweging.views.pagina import Afwegingpagina
from evaluatie import terugblik
from evaluatie.forms import AfloopForm
from evaluatie.selectors import aflopen_van, afwegingenstand
from paginacache.pagina import Referentiepagina


class Terugblikpagina(Referentiepagina):
    """What history says about the signalen. Cached under the reference stamp (which every
    recorded afloop renews, evaluatie/apps.py), the stand of the vastgestelde afwegingen,
    and the user's provincie, which decides which recorded fusions are shown in detail."""

    regels = terugblik.REGELS
    bevinding = terugblik.BEVINDING
    bevinding_bron = terugblik.BEVINDING_BRON
    AF = terugblik.AF
    NIET_TE_BEOORDELEN = terugblik.NIET_TE_BEOORDELEN

    def __init__(self, request):
        super().__init__(request)  # The stamp first: see Referentiepagina.
        self.afwegingenstand = afwegingenstand()
        self.provincie = request.user.provincie_id or "-"

    @cached_property
    def terugblik(self) -> terugblik.Terugblik:
        return terugblik.terugblik(self.request.user)


class Afloopvastleggenpagina(Afwegingpagina):
    """An adviseur records what became of the fusion of a vastgestelde afweging."""

    def __init__(self, request, afweging, *, form=None, status=200):
        super().__init__(
            request, afweging, formulieren={"form": form} if form else None, status=status
        )

    @cached_property
    def form(self) -> AfloopForm:
        return self.formulieren.get("form") or AfloopForm()

    @cached_property
    def aflopen(self) -> list:
        return aflopen_van(self.afweging)
