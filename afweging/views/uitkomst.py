"""The uitkomst page: the advies with the rule that decided, the oordelen, scores, signalen
and similar fusion organisations, with the parts other apps add (review, business case)."""

from __future__ import annotations

from functools import cached_property

from django.shortcuts import render
from django.views.decorators.http import require_GET

from afweging import selectors, services
from afweging.scoring import REGELS
from afweging.toegang import adviseur_of_reviewer
from afweging.views.pagina import Afwegingpagina, licht


class Uitkomstpagina(Afwegingpagina):
    regels = REGELS

    @cached_property
    def resultaat(self) -> selectors.Resultaat:
        return selectors.resultaat(self.volledig)

    @cached_property
    def review_plekken(self) -> list[int]:
        """The deelvragen this page has an opmerkingen box under (review's part)."""
        return [d.nummer for o in self.onderdelen for d, _ in o[2]]

    @cached_property
    def onderdelen(self) -> list:
        """Per onderdeel: the onderdeel, its score, and (deelvraag, antwoord) pairs."""
        antwoorden = {a.deelvraag_id: a for a in self.volledig.antwoorden.all()}
        scores = self.resultaat.uitkomst.onderdelen
        return [
            (
                onderdeel,
                scores.get(onderdeel.code),
                [(d, antwoorden.get(d.pk)) for d in onderdeel.deelvragen.all()],
            )
            for onderdeel in self.afweging.kader.onderdelen.prefetch_related("deelvragen").order_by(
                "volgorde"
            )
        ]

    @cached_property
    def regelnummer(self) -> int:
        regel = self.resultaat.uitkomst.regel
        return next(i for i, (code, _) in enumerate(REGELS, 1) if code == regel)

    @cached_property
    def regeltekst(self) -> str:
        return dict(REGELS)[self.resultaat.uitkomst.regel]

    @cached_property
    def geschiedenis(self) -> list:
        if not self.eigenaar:
            return []
        return list(self.afweging.wijzigingen.select_related("door")[:50])


def toon_uitkomst(request, afweging, *, formulieren=None, status: int = 200):
    """The uitkomst page; with `formulieren` (a form re-shown with its errors, by the app
    that owns it) never from the cache."""
    pagina = Uitkomstpagina(request, afweging, formulieren=formulieren, status=status)
    return render(request, "afweging/uitkomst.html", pagina.context(), status=status)


@require_GET
@adviseur_of_reviewer
def uitkomst_view(request, pk):
    afweging = licht(request, pk)
    # Before the page reads the opmerkingen: what arrives while it renders stays new.
    services.gezien_vastleggen(afweging=afweging, gebruiker=request.user)
    return toon_uitkomst(request, afweging)
