"""The page objects of the evaluatie app (see paginacache.pagina and afweging.views.pagina)."""

from __future__ import annotations

from functools import cached_property

from afweging.views.pagina import Afwegingpagina
from evaluatie import terugblik
from evaluatie.forms import AfloopForm
from evaluatie.selectors import aflopen_van, terugblikstand
from paginacache.pagina import Referentiepagina


class Terugblikpagina(Referentiepagina):
    """What history says about the signalen. Cached under the reference stamp, the stand of
    the aflopen and vastgestelde afwegingen (evaluatie.selectors.terugblikstand), and what
    the user may read, which decides which recorded fusions are shown in detail."""

    regels = terugblik.REGELS
    bevinding = terugblik.BEVINDING
    bevinding_bron = terugblik.BEVINDING_BRON
    AF = terugblik.AF
    NIET_TE_BEOORDELEN = terugblik.NIET_TE_BEOORDELEN

    def __init__(self, request):
        super().__init__(request)  # The stamp first: see Referentiepagina.
        self.terugblikstand = terugblikstand()
        # Which recorded fusions are shown in detail follows the adviseur's provincie
        # (afweging.toegang); without one, whatever else the user may read (shared for
        # review), so then the page is the user's own.
        gebruiker = request.user
        self.zicht = (
            f"provincie-{gebruiker.provincie_id}"
            if gebruiker.provincie_id
            else f"gebruiker-{gebruiker.pk}"
        )

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
