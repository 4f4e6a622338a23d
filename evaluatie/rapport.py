"""The report of an evaluatie: one dataclass that feeds both the report page and the PDF, as
`afweging.rapport` does for an afweging, so the two never disagree.

What it holds is what the overview shows, and what the overview leaves to the domein pages:
per indicator its score, motivation and sources, with what is missing said as missing (an
indicator not scored is "open", "onvoldoende informatie" is a gap; neither is a zero), the
evidence of the cost indicator against gemeenten without a fusion (`benchmark.tegenfeitelijk`,
its SVG for the PDF), then and now when the fusion was assessed in Fusietoets, and the parts
other apps add (`evaluatie.uitbreidingen`, `rapport_deel`): by their name in `delen`, each
shown through the template it names (`deel.template`), in the page and in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from afweging.models import Antwoord
from afweging.scoring import Status, antwoordstatus
from benchmark.positie import Tegenfeitelijkdeel, waarom_geen_cijfers
from casussen.bronnen import BRONNEN
from evaluatie import scoring, selectors, signalen, uitbreidingen, vertrekpunt
from evaluatie.models import Evaluatie
from evaluatie.toen_en_nu import ToenEnNu
from kader.models import Evaluatieindicator
from weergave.getallen import opsomming

OPEN = "open"
ZONDER_CBS_CODE = (
    "Onbekend: niet elke deelnemer heeft een CBS-code, dus er zijn geen Iv3-cijfers van allemaal."
)


@dataclass(frozen=True)
class Indicatorregel:
    volgorde: int
    code: str
    naam: str
    aspect: str
    niveau: str
    score: str  # as shown: "+1", "Onvoldoende informatie", or "open" when not scored
    status: Status
    motivering: str
    bronnen: str
    kosten: bool = False  # the indicator whose evidence the app takes from the data

    @property
    def zonder_motivering(self) -> bool:
        """A draft the autosave kept: shown, but it does not count."""
        return self.status == Status.ZONDER_MOTIVERING


@dataclass(frozen=True)
class Domeinblok:
    code: str
    naam: str
    oordeel: scoring.Domeinoordeel
    regelnummer: int
    regel: str  # the rule that decided, in words
    indicatoren: list[Indicatorregel]


@dataclass(frozen=True)
class Deelnemerregel:
    naam: str
    provincie: str
    reden: str  # why it takes part: a member, or the successor of members


@dataclass(frozen=True)
class Kostenbewijs:
    """The evidence of the cost indicator: the deelnemers' overhead per inhabitant over the
    Iv3 files against the trend and the band of gemeenten without a fusion. `deel` is None
    when it cannot be computed, and `waarom_niet` says why (a sentence)."""

    indicator: str
    domein: str
    deel: Tegenfeitelijkdeel | None
    waarom_niet: str = ""


@dataclass
class Rapport:
    evaluatie: Evaluatie
    datum: date
    totaal: scoring.Totaaloordeel
    totaalregel: tuple[int, str]
    domeinen: list[Domeinblok]
    deelnemers: list[Deelnemerregel]
    signalen: list
    kostenbewijs: Kostenbewijs | None
    toen_en_nu: ToenEnNu | None
    # The parts other apps add (review's formal reacties), by their name.
    delen: dict = field(default_factory=dict)
    bronnen: list = field(default_factory=list)
    domeinregels: list = field(default_factory=lambda: list(scoring.DOMEINREGELS))
    totaalregels: list = field(default_factory=lambda: list(scoring.TOTAALREGELS))
    verwachtingsregels: list = field(default_factory=lambda: list(scoring.VERWACHTINGSREGELS))

    @property
    def concept(self) -> bool:
        return self.evaluatie.status != Evaluatie.Status.VASTGESTELD

    @property
    def stand(self) -> datetime:
        """The moment the report's content is of: when it was vastgesteld, else the last
        save (on the cover, instead of the internal edit counter)."""
        return self.evaluatie.vastgesteld_op or self.evaluatie.gewijzigd

    @property
    def gemeenten(self) -> list[str]:
        return [d.naam for d in self.deelnemers]

    @property
    def andere_provincies(self) -> list[str]:
        """The provincies that read along: another in which a deelnemer lies."""
        leidend = self.evaluatie.provincie.naam
        return sorted(
            {d.provincie for d in self.deelnemers if d.provincie and d.provincie != leidend}
        )

    @property
    def provincies_zin(self) -> str:
        andere = self.andere_provincies
        if not andere:
            return self.evaluatie.provincie.naam
        woord = "leest" if len(andere) == 1 else "lezen"
        return (
            f"Geleid door {self.evaluatie.provincie.naam}; {opsomming(andere)} {woord} mee, "
            f"omdat daar ook {'een deelnemer ligt' if len(andere) == 1 else 'deelnemers liggen'}"
        )

    @property
    def register_start(self) -> str:
        """What the register says of the start when it gives no date ('2008'), or ''."""
        organisatie = self.evaluatie.fusieorganisatie
        if self.evaluatie.startdatum_fusie is None and organisatie is not None:
            return organisatie.startdatum_tekst
        return ""

    @property
    def delen_met_template(self) -> list:
        """The parts of other apps that name a template to be shown with, in order."""
        return [d for d in self.delen.values() if _template(d)]


def _template(deel) -> str:
    if isinstance(deel, dict):
        return deel.get("template", "")
    return getattr(deel, "template", "")


def _score_getoond(score: str, status: Status) -> str:
    if status == Status.OPEN:
        return OPEN
    return Antwoord.Score(score).label


def _kostenbewijs(evaluatie: Evaluatie) -> Kostenbewijs | None:
    """As the domein page shows it (`paginas.Domeinpagina.kostenbewijs`): only when the
    pinned kader has the cost indicator."""
    indicator = next(
        (
            i
            for d in selectors.domeinen(evaluatie)
            for i in d.indicatoren.all()
            if i.bewijs == Evaluatieindicator.Bewijs.KOSTEN
        ),
        None,
    )
    if indicator is None:
        return None
    gemeenten = list(evaluatie.gemeenten.all())
    domein = next(d.naam for d in selectors.domeinen(evaluatie) if d.pk == indicator.domein_id)
    organisatie = evaluatie.fusieorganisatie
    if organisatie is not None and (waarom := waarom_geen_cijfers(organisatie)):
        return Kostenbewijs(indicator.naam, domein, None, waarom)
    if not gemeenten or any(not g.code for g in gemeenten):
        return Kostenbewijs(indicator.naam, domein, None, ZONDER_CBS_CODE)
    naam = organisatie.naam if organisatie else evaluatie.titel
    deel = Tegenfeitelijkdeel(
        [g.code for g in sorted(gemeenten, key=lambda g: g.naam)], naam, prefix="rapport-kosten"
    )
    return Kostenbewijs(indicator.naam, domein, deel)


def rapport_van(evaluatie: Evaluatie, *, datum: date | None = None) -> Rapport:
    """Build the report of an evaluatie loaded with `selectors.met_alles`."""
    invoer = selectors.scoring_invoer(evaluatie)
    totaal = scoring.oordeel_totaal(invoer)
    oordelen = selectors.oordelen_per_indicator(evaluatie)
    per_domein = {d.code: d for d in totaal.domeinen}
    domeinregels = dict(scoring.DOMEINREGELS)
    domeinen = []
    for domein in selectors.domeinen(evaluatie):
        regels = []
        for indicator in sorted(domein.indicatoren.all(), key=lambda i: i.volgorde):
            oordeel = oordelen.get(indicator.pk)
            score = oordeel.score if oordeel else ""
            motivering = oordeel.motivering if oordeel else ""
            status = antwoordstatus(score, motivering)
            regels.append(
                Indicatorregel(
                    volgorde=indicator.volgorde,
                    code=indicator.code,
                    naam=indicator.naam,
                    aspect=indicator.aspect,
                    niveau=indicator.niveau,
                    score=_score_getoond(score, status),
                    status=status,
                    motivering=motivering,
                    bronnen=oordeel.bronnen if oordeel else "",
                    kosten=indicator.bewijs == Evaluatieindicator.Bewijs.KOSTEN,
                )
            )
        oordeel = per_domein[domein.code]
        domeinen.append(
            Domeinblok(
                code=domein.code,
                naam=domein.naam,
                oordeel=oordeel,
                regelnummer=scoring.regelnummer(scoring.DOMEINREGELS, oordeel.regel),
                regel=domeinregels[oordeel.regel],
                indicatoren=regels,
            )
        )
    redenen = vertrekpunt.redenen(evaluatie)
    deelnemers = [
        Deelnemerregel(g.naam, g.provincie.naam if g.provincie else "", redenen.get(g.pk, ""))
        for g in sorted(evaluatie.gemeenten.all(), key=lambda g: g.naam)
    ]
    vastgesteld = evaluatie.vastgesteld_op
    return Rapport(
        evaluatie=evaluatie,
        # A vastgestelde report carries the date it was fixed, so it reads the same later.
        datum=datum or (timezone.localdate(vastgesteld) if vastgesteld else timezone.localdate()),
        totaal=totaal,
        totaalregel=(
            scoring.regelnummer(scoring.TOTAALREGELS, totaal.regel),
            dict(scoring.TOTAALREGELS)[totaal.regel],
        ),
        domeinen=domeinen,
        deelnemers=deelnemers,
        signalen=signalen.signalen(signalen.context_van(evaluatie)),
        kostenbewijs=_kostenbewijs(evaluatie),
        toen_en_nu=ToenEnNu(evaluatie, invoer) if evaluatie.afweging_id else None,
        delen={
            u.naam: deel
            for u in uitbreidingen.alle()
            if (deel := u.rapport_deel(evaluatie)) is not None
        },
        bronnen=list(BRONNEN.values()),
    )
