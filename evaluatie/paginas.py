"""The page objects of the evaluatie app's pages (an evaluatie's, its report, the check
before vaststellen, the terugblik, the afloop). A view makes one per request and hands it to the
template as `pagina`; everything that costs a query or a computation is a `cached_property`,
which the template computes on first use inside `{% paginacache %}`: a page served from the
cache computes none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Prefetch
from django.utils import timezone

from afweging.views.pagina import Afwegingpagina, Delen
from afweging.views.stap import foutenlijst
from benchmark.positie import Tegenfeitelijkdeel, waarom_geen_cijfers
from evaluatie import (
    scoring,
    selectors,
    signalen,
    terugblik,
    uitbreidingen,
    vaststelling,
    vertrekpunt,
)
from evaluatie.controle import Controle
from evaluatie.forms import AfloopForm, VaststelForm, domeinformset
from evaluatie.models import Evaluatie, Indicatoroordeel
from evaluatie.rapport import ZONDER_CBS_CODE, Rapport, rapport_van
from evaluatie.selectors import aflopen_van, terugblikstand
from evaluatie.toegang import evaluatie_voor, evaluaties_voor, is_eigenaar
from evaluatie.toen_en_nu import ToenEnNu
from kader.models import Evaluatiedomein, Evaluatieindicator
from paginacache.pagina import Referentiepagina


class Evaluatiepagina:
    """What every page of an evaluatie may show. `evaluatie` is the light row the view
    loaded (with its stand); `volledig` the same with all its pages read."""

    pagina_code = ""  # "overzicht" or a domein's code

    #: The places this page has an opmerkingen box for (review's part): indicator ids.
    review_plekken: list[int] = []

    def __init__(self, request, evaluatie: Evaluatie, *, opnieuw: bool = False, status: int = 200,
                 formulieren: dict | None = None):  # fmt: skip
        self.request = request
        self.evaluatie = evaluatie
        # Forms of other apps re-shown with what was typed (review's opmerking, say).
        self.formulieren = dict(formulieren or {})
        # Forms re-shown with what was typed: never from the cache.
        self.opnieuw = opnieuw or bool(self.formulieren)
        self.status = status

    @property
    def uit_cache(self) -> bool:
        return self.status == 200 and not self.opnieuw

    @cached_property
    def stand(self) -> str | None:
        """What the cached content depends on: the evaluatie, the reference data, this page
        and who looks (an owner gets forms, a reader none)."""
        if not self.uit_cache:
            return None
        return f"{selectors.stand(self.evaluatie)}/{self.pagina_code}/{self.request.user.pk}"

    def context(self, **extra) -> dict:
        return {
            "pagina": self,
            "evaluatie": self.evaluatie,
            "stand": self.stand,
            "paginacache_uit": not self.uit_cache,
            **extra,
        }

    @cached_property
    def volledig(self) -> Evaluatie:
        return evaluatie_voor(
            self.request.user, self.evaluatie.pk, selectors.met_alles(Evaluatie.objects.all())
        )

    @cached_property
    def eigenaar(self) -> bool:
        return is_eigenaar(self.request.user, self.evaluatie)

    @cached_property
    def vastgesteld(self) -> bool:
        return self.evaluatie.status == Evaluatie.Status.VASTGESTELD

    @cached_property
    def delen(self) -> Delen:
        """The parts other apps add (`pagina.delen.review`), by `evaluatie.uitbreidingen`."""
        return Delen(self, uitbreidingen.alle)

    @cached_property
    def bewerkbaar(self) -> bool:
        return self.eigenaar and not self.vastgesteld

    @cached_property
    def invoer(self) -> list[scoring.DomeinInvoer]:
        return selectors.scoring_invoer(self.volledig)

    @cached_property
    def totaal(self) -> scoring.Totaaloordeel:
        return scoring.oordeel_totaal(self.invoer)

    @cached_property
    def voortgang(self) -> list[selectors.Domeinstand]:
        return [
            selectors.Domeinstand(d.code, d.naam, d.gescoord, d.aantal)
            for d in self.totaal.domeinen
        ]

    @cached_property
    def gemeenten(self) -> list:
        return sorted(self.volledig.gemeenten.all(), key=lambda g: g.naam)

    @cached_property
    def andere_provincies(self) -> list[str]:
        return sorted(
            {
                g.provincie.naam
                for g in self.gemeenten
                if g.provincie and g.provincie_id != self.evaluatie.provincie_id
            }
        )


@dataclass(frozen=True)
class Groep:
    """Indicators of one aspect and niveau, as the report's table groups them."""

    aspect: str
    niveau: str
    regels: list  # (indicator, form or oordeel)


class Domeinpagina(Evaluatiepagina):
    def __init__(self, request, evaluatie, domein: Evaluatiedomein, *, formset=None,
                 conflict: str | None = None, versie: int | None = None,
                 formulieren: dict | None = None, status: int | None = None):  # fmt: skip
        super().__init__(
            request, evaluatie, opnieuw=formset is not None,
            status=status or (409 if conflict else 200), formulieren=formulieren,
        )  # fmt: skip
        self.domein = domein
        self.pagina_code = domein.code
        self.conflict = conflict
        self._formset = formset
        # Re-shown forms keep the version they were based on, so fixing an error can never
        # slip past a colleague's save.
        self.versie = evaluatie.versie if versie is None else versie

    @cached_property
    def review_plekken(self) -> list[int]:
        return [i.pk for i in self.domein.indicatoren.all()]

    @cached_property
    def formset(self):
        if self._formset is not None:
            return self._formset
        if not self.bewerkbaar:
            return None
        return domeinformset(self.evaluatie, self.domein)

    @cached_property
    def groepen(self) -> list[Groep]:
        if self.formset is not None:
            regels = [(f.instance.indicator, f) for f in self.formset.forms]
        else:
            oordelen = selectors.oordelen_per_indicator(self.volledig)
            regels = [
                (i, oordelen.get(i.pk))
                for i in sorted(self.domein.indicatoren.all(), key=lambda i: i.volgorde)
            ]
        groepen: list[Groep] = []
        for indicator, item in regels:
            if not groepen or (groepen[-1].aspect, groepen[-1].niveau) != (
                indicator.aspect, indicator.niveau
            ):  # fmt: skip
                groepen.append(Groep(indicator.aspect, indicator.niveau, []))
            groepen[-1].regels.append((indicator, item))
        return groepen

    @cached_property
    def foutenlijst(self) -> list[tuple[str, str]]:
        return foutenlijst({"oordelen": self._formset}) if self._formset is not None else []

    @cached_property
    def heeft_kostenbewijs(self) -> bool:
        """Whether this domein holds the indicator whose evidence comes from the data (one
        query, also when the page comes from the cache: the page then loads plotly)."""
        return Evaluatieindicator.objects.filter(
            domein=self.domein, bewijs=Evaluatieindicator.Bewijs.KOSTEN
        ).exists()

    @cached_property
    def kostenbewijs_waarom_niet(self) -> str:
        """Why there is no evidence from the data (a sentence), or ""."""
        organisatie = self.volledig.fusieorganisatie
        if organisatie is not None and (waarom := waarom_geen_cijfers(organisatie)):
            return waarom
        gemeenten = list(self.volledig.gemeenten.all())
        return ZONDER_CBS_CODE if not gemeenten or any(not g.code for g in gemeenten) else ""

    @cached_property
    def kostenbewijs(self) -> Tegenfeitelijkdeel | None:
        """The evidence of the cost indicator: the deelnemers' overhead per inhabitant
        together, in every Iv3 file, against the trend and the band of gemeenten without a
        fusion of similar size (`benchmark.tegenfeitelijk`): the counterfactual, not "toen".
        None when a deelnemer has no CBS code (then there are no Iv3 figures of it) or the
        fusion worked in none of the files' years (`kostenbewijs_waarom_niet` says which)."""
        gemeenten = list(self.volledig.gemeenten.all())
        if not self.heeft_kostenbewijs or self.kostenbewijs_waarom_niet:
            return None
        organisatie = self.volledig.fusieorganisatie
        naam = organisatie.naam if organisatie else self.volledig.titel
        return Tegenfeitelijkdeel([g.code for g in gemeenten], naam, prefix="kostenbewijs")

    @cached_property
    def oordeel(self) -> scoring.Domeinoordeel | None:
        return next((d for d in self.totaal.domeinen if d.code == self.domein.code), None)

    @cached_property
    def buren(self) -> tuple:
        domeinen = selectors.domeinen(self.volledig)
        codes = [d.code for d in domeinen]
        index = codes.index(self.domein.code)
        vorige = domeinen[index - 1] if index > 0 else None
        volgende = domeinen[index + 1] if index + 1 < len(domeinen) else None
        return vorige, volgende

    @property
    def vorige(self):
        return self.buren[0]

    @property
    def volgende(self):
        return self.buren[1]


class Overzichtpagina(Evaluatiepagina):
    pagina_code = "overzicht"
    domeinregels = scoring.DOMEINREGELS
    totaalregels = scoring.TOTAALREGELS
    verwachtingsregels = scoring.VERWACHTINGSREGELS

    @cached_property
    def totaalregel(self) -> tuple[int, str]:
        regel = self.totaal.regel
        return scoring.regelnummer(scoring.TOTAALREGELS, regel), dict(scoring.TOTAALREGELS)[regel]

    @cached_property
    def domeinen(self) -> list[tuple]:
        """Per domein: the domein, its oordeel, the number of its rule, and its indicators
        with their oordelen."""
        oordelen = {d.code: d for d in self.totaal.domeinen}
        per_indicator = selectors.oordelen_per_indicator(self.volledig)
        return [
            (
                domein,
                oordelen[domein.code],
                scoring.regelnummer(scoring.DOMEINREGELS, oordelen[domein.code].regel),
                [
                    (i, per_indicator.get(i.pk))
                    for i in sorted(domein.indicatoren.all(), key=lambda i: i.volgorde)
                ],
            )
            for domein in selectors.domeinen(self.volledig)
        ]

    @cached_property
    def signalen(self) -> list:
        return signalen.signalen(signalen.context_van(self.volledig))

    @cached_property
    def deelnemers(self) -> list[tuple]:
        """The deelnemers, each with why it is one (`vertrekpunt.redenen`: a member, or the
        successor of members)."""
        redenen = vertrekpunt.redenen(self.volledig)
        return [(g, redenen.get(g.pk, "")) for g in self.gemeenten]

    @cached_property
    def geschiedenis(self) -> list:
        """Who changed what and when, newest first, as an afweging's page shows it."""
        return list(self.evaluatie.wijzigingen.select_related("door")[:50])

    @cached_property
    def toen_en_nu(self) -> ToenEnNu | None:
        if not self.volledig.afweging_id:
            return None
        return ToenEnNu(self.volledig, self.invoer)


class Rapportpagina(Evaluatiepagina):
    """The report in the browser: the same `Rapport` as the PDF."""

    pagina_code = "rapport"

    @cached_property
    def stand(self) -> str | None:
        # A concept report carries today's date.
        eigen = super().stand
        return None if eigen is None else f"{eigen}/{timezone.localdate()}"

    @cached_property
    def rapport(self) -> Rapport:
        return rapport_van(self.volledig)


class Controlepagina(Evaluatiepagina):
    """Check before vaststellen: what is scored and open, and the confirmation. Never from
    the page cache: it is the last look before the evaluatie is frozen."""

    pagina_code = "vaststellen"

    def __init__(self, request, evaluatie, *, form=None, status: int = 200):
        super().__init__(request, evaluatie, opnieuw=True, status=status)
        self._form = form

    @cached_property
    def controle(self) -> Controle:
        return Controle(self.volledig)

    @cached_property
    def form(self) -> VaststelForm:
        return self._form or VaststelForm(initial={"versie": self.evaluatie.versie})


class Vastgesteldpagina(Evaluatiepagina):
    pagina_code = "vastgesteld"

    @cached_property
    def ontvangers(self) -> list:
        return vaststelling.ontvangers(self.volledig)


class Lijstpagina:
    """The evaluaties this adviseur may see: those of their provincie and those another
    provincie leads with a deelnemer in theirs."""

    def __init__(self, request):
        self.request = request
        self.provincie = request.user.provincie

    @cached_property
    def rijen(self) -> list[tuple[Evaluatie, scoring.Totaaloordeel]]:
        evaluaties = (
            evaluaties_voor(self.request.user)
            .defer("vastgestelde_pdf")
            .select_related("provincie", "kader", "fusieorganisatie", "afweging", "gewijzigd_door")
            .prefetch_related(
                "gemeenten",
                Prefetch("oordelen", queryset=Indicatoroordeel.objects.only(
                    "evaluatie_id", "indicator_id", "score", "motivering"
                )),
                Prefetch(
                    "kader__domeinen",
                    queryset=Evaluatiedomein.objects.prefetch_related("indicatoren"),
                ),
            )
            .order_by("-gewijzigd", "-pk")
        )  # fmt: skip
        return [(e, selectors.totaaloordeel(e)) for e in evaluaties]


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
