"""The page object that every page of an afweging is built from.

A view makes one object per page and hands it to the template as `pagina`. Everything
that costs a query or a computation is a `cached_property`: the template computes it on
first use, and a page served from the page cache (`{% paginacache %}`) never does. Other
apps (review, the business case) add their part of the page through the uitbreidingen
they registered (`pagina.delen.<naam>`), so this module imports none of them.
"""

from __future__ import annotations

from functools import cached_property

from afweging import selectors, uitbreidingen
from afweging.models import Afweging
from afweging.stappen import STAPPEN
from afweging.toegang import afweging_voor, is_eigenaar
from weergave import getallen


def laad(request, pk) -> Afweging:
    """The afweging with everything its pages need, if this user may see it (else 404)."""
    return afweging_voor(request.user, pk, selectors.met_alles(Afweging.objects.all()))


def licht(request, pk) -> Afweging:
    """The afweging row only, if this user may see it: enough for the access check, the
    page title and the cache key; the page loads the rest when it is rendered."""
    return afweging_voor(
        request.user, pk, selectors.met_stand(Afweging.objects.defer("vastgestelde_pdf"))
    )


def geposte_versie(request) -> int:
    """The version a posted form started from; -1 when it is missing or garbled."""
    try:
        return int(request.POST.get("versie", ""))
    except ValueError:
        return -1


class Delen:
    """The parts that other apps add to a page, each made on first use (`delen.review`).
    `alle` gives the registered uitbreidingen (the afweging's; an evaluatie's pages pass
    `evaluatie.uitbreidingen.alle`)."""

    def __init__(self, pagina, alle=uitbreidingen.alle):
        self._pagina = pagina
        self._alle = alle
        self._gemaakt: dict[str, object] = {}

    def __getitem__(self, naam: str):
        if naam not in self._gemaakt:
            uitbreiding = next((u for u in self._alle() if u.naam == naam), None)
            if uitbreiding is None:
                raise KeyError(naam)
            self._gemaakt[naam] = uitbreiding.pagina_deel(self._pagina)
        return self._gemaakt[naam]

    def __iter__(self):
        for uitbreiding in self._alle():
            deel = self[uitbreiding.naam]
            if deel is not None:
                yield deel


class Afwegingpagina:
    """What every page of an afweging may show.

    `afweging` is the row the view loaded (light or complete); `formulieren` holds forms
    re-shown with what was typed (a page with those is never cached); `status` is the HTTP
    status the view answers with.
    """

    stap_code: str | None = None

    def __init__(self, request, afweging: Afweging, *, formulieren=None, status: int = 200):
        self.request = request
        self.afweging = afweging
        self.formulieren = dict(formulieren or {})
        self.status = status

    @property
    def uit_cache(self) -> bool:
        """Whether the page may come from the page cache: not with re-shown forms."""
        return self.status == 200 and not self.formulieren

    @cached_property
    def stand(self) -> str | None:
        """What cached content of this page depends on: the afweging and everything recorded
        on it, the reference data, and who is looking (roles, own gemeenten)."""
        if not self.uit_cache:
            return None
        return f"{selectors.stand(self.afweging)}/{self.request.user.pk}"

    def context(self, **extra) -> dict:
        return {
            "pagina": self,
            "afweging": self.afweging,
            "stand": self.stand,
            "paginacache_uit": not self.uit_cache,
            **extra,
        }

    @cached_property
    def volledig(self) -> Afweging:
        """The afweging with its deelnemers, antwoorden and checklist prefetched."""
        if hasattr(self.afweging, "_prefetched_objects_cache"):
            return self.afweging
        return laad(self.request, self.afweging.pk)

    @cached_property
    def eigenaar(self) -> bool:
        return is_eigenaar(self.request.user, self.afweging)

    @cached_property
    def delen(self) -> Delen:
        return Delen(self)

    @cached_property
    def naast_deelvraag(self) -> dict[int, list]:
        """The parts other apps show beside a deelvraag (the business case at deelvraag 1)."""
        per_nummer: dict[int, list] = {}
        for deel in self.delen:
            for nummer in getattr(deel, "naast_deelvragen", ()):
                per_nummer.setdefault(nummer, []).append(deel)
        return per_nummer

    @cached_property
    def voortgang(self) -> dict:
        """The progress bar: per step (code, name, done, total), and deelvragen answered."""
        voortgang = selectors.voortgang(self.volledig)
        onderdelen = [s.code for s in STAPPEN if s.is_onderdeel]
        klaar = sum(voortgang[code][0] for code in onderdelen if code in voortgang)
        totaal = sum(voortgang[code][1] for code in onderdelen if code in voortgang)
        return {
            "stappen": [(s.code, s.naam, *voortgang.get(s.code, (0, 0))) for s in STAPPEN],
            "huidige_stap": self.stap_code,
            "beantwoord": klaar,
            "aantal_deelvragen": totaal,
            "procent": getallen.heel(100 * klaar / totaal) if totaal else 0,
        }
