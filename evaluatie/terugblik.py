"""What history says about the signalen: the rules of `afweging.signalen`, run on the fusions
the app knows as if each were proposed at its start, set against what became of them.

Two sources, counted apart so that neither hides the other:

- **The register** (`casussen.Fusieorganisatie`: the 25 numbered, the two that ended before
  2018, Werkorganisatie Voorne and Houten-Wijk bij Duurstede), each fusion once. A casus of
  §5.2 *is* a register organisation (`Casus.fusieorganisatie`): its deelnemers' inhabitants
  come from the report (`CasusDeelnemer.inwoners_rapport`), and its motives and perspectief
  from the coding below. Otherwise the inhabitants are CBS figures of the earliest year
  held, which lie after the start, and are marked so; a gemeente that no longer exists and
  has no figure is unknown. Regions (provincie, COROP, arbeidsmarktregio) are those CBS
  gives a gemeente now. The outcome is the register's current status.
- **Aflopen recorded in Fusietoets** (`evaluatie.Afloop`): per chain of versions of a
  vastgestelde afweging (`Afweging.vorige`), one fusion; its signalen are the latest
  vastgestelde version's own, as its uitkomst page shows them; the latest afloop (by date)
  decides the outcome. The voorbeeldafweging never counts.

A rule whose input cannot exist for a historical fusion (memberships of other
fusieorganisaties as of now, planning dates, budgets, the taakstelling) is not run: the
list `REGELS` says per rule what it reads and why it is or is not run here. A rule that is
run but cannot judge either says so itself (a code ending in `_onbekend`) or stays silent;
a silent rule counts as "niet te beoordelen" when its input was incomplete, never as "did
not fire".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Prefetch

from afweging import scoring, uitbreidingen
from afweging import signalen as regels
from afweging.models import MOTIEF_LABELS, Afweging, Deelnemer
from afweging.selectors import met_alles, met_stand, scoring_invoer
from afweging.selectors import stand as afwegingstand
from afweging.signalen import Context, Deelnemerprofiel, Signaal
from afweging.toegang import afwegingen_voor
from casussen.models import Casus, CasusDeelnemer, Deelname, Fusieorganisatie, Inwonertal
from evaluatie.models import Afloop
from weergave import getallen
from weergave.datums import datum

ONBEKEND_SUFFIX = "_onbekend"

# What a rule did for one fusion.
AF = "af"
NIET_AF = "niet_af"
NIET_TE_BEOORDELEN = "niet_te_beoordelen"
NIET_TOEGEPAST = "niet_toegepast"

# The outcomes, in the order of the table's columns (the register's statuses).
Status = Fusieorganisatie.Status
UITKOMSTEN = (Status.BEEINDIGD, Status.ACTIEF, Status.HERINDELING, Status.NOOIT, Status.GEPLAND)
UITKOMST_LABELS = {
    Status.BEEINDIGD: "Beëindigd",
    Status.ACTIEF: "Nog actief",
    Status.HERINDELING: "Opgegaan in herindeling",
    Status.NOOIT: "Nooit tot stand gekomen",
    Status.GEPLAND: "Gepland",
}
# A recorded afloop as an outcome: a fusion that started or was evaluated is still running.
AFLOOP_UITKOMST = {
    Afloop.Soort.GESTART: Status.ACTIEF,
    Afloop.Soort.GEEVALUEERD: Status.ACTIEF,
    Afloop.Soort.BEEINDIGD: Status.BEEINDIGD,
    Afloop.Soort.HERINDELING: Status.HERINDELING,
    Afloop.Soort.NOOIT: Status.NOOIT,
}

# The report's finding that the page must show: in both dissolved cases the largest member
# decided to leave, and §5.5 names the dissolved cases.
BEVINDING = (
    "In beide onderzochte fusies die werden beëindigd, de Bestuursdienst Ommen-Hardenberg en "
    "de UW-samenwerking, besloot de grootste gemeente de ambtelijke fusie te beëindigen, "
    "omdat zij te weinig voordeel ervoer."
)
BEVINDING_BRON = (
    "§5.4.2, regels 3725–3731; de beëindigde casussen: §5.5, regels 4053–4057; "
    "§8.4.1 Omgaan met schaalverschillen, regel 6726"
)


@dataclass(frozen=True)
class Codering:
    """The motives and perspectief that the report records for a casus, in the codes the
    rules read (afweging.models.MOTIEVEN, Deelnemer.Perspectief). The report gives them for
    the fusion as a whole, so each deelnemer gets them; `per_gemeente` is False where the
    report names views that differ between the deelnemers without saying whose they were.
    Only the motives that a rule reads are coded (kosten; zelfstandigheid, herindeling
    voorkomen or vooruitlopen): the others change no signal."""

    motieven: tuple[str, ...]
    perspectief: str
    toelichting: str
    per_gemeente: bool = True


CODERINGEN: dict[str, Codering] = {
    "cgm": Codering(
        ("kosten",),
        "onbekend",
        "De 3K's (kosten, kwaliteit en kwetsbaarheid): kostenverlaging. Een deel van de "
        "gemeenten zag de fusie als opmaat naar een herindeling, het andere deel als middel om "
        "zelfstandig te blijven; het rapport zegt niet welke gemeente wat zag, dus zijn "
        "perspectief en tegenstrijdige motieven per gemeente onbekend.",
        per_gemeente=False,
    ),
    "de-wolden-hoogeveen": Codering(
        ("kosten",),
        "eindoplossing",
        "Winst op kosten, kwaliteit en kwetsbaarheid: kostenverlaging. Uitdrukkelijk gekozen "
        "als eindoplossing.",
    ),
    "de-kompanjie": Codering(
        ("kosten", "zelfstandigheid", "herindeling_voorkomen"),
        "eindoplossing",
        "Winst op de kosten: kostenverlaging; een alternatief om herindeling tegen te gaan en "
        "zelfstandig te blijven: herindeling voorkomen, zelfstandigheid, en de fusie als "
        "eindoplossing.",
    ),
    "bar": Codering(
        ("kosten", "zelfstandigheid"),
        "eindoplossing",
        "Winst op de 3K's: kostenverlaging; behoud van zelfstandigheid, de fusie als middel "
        "daartoe: eindoplossing.",
    ),
    "duivenvoorde": Codering(
        ("kosten", "zelfstandigheid", "herindeling_voorkomen"),
        "eindoplossing",
        "Winst op de 3K's: kostenverlaging; bestuurlijke zelfstandigheid in plaats van een "
        "herindeling: zelfstandigheid, herindeling voorkomen, eindoplossing.",
    ),
    "ddfk": Codering(
        ("herindeling_vooruitlopen",),
        "tussenstap",
        "Een opstap naar een bestuurlijke herindeling: vooruitlopen op een herindeling, "
        "tussenstap. Geen kostenmotief genoemd. Dat Dantumadiel zelfstandig bleef, besloot "
        "het later.",
    ),
    "ommen-hardenberg": Codering(
        ("kosten",),
        "onbekend",
        "De efficiency verhogen, ingegeven door de landelijke bezuinigingen: "
        "kostenverlaging. Het rapport noemt geen perspectief.",
    ),
    "uw-samenwerking": Codering(
        ("kosten",),
        "onbekend",
        "Financieel voordeel: kostenverlaging. Het rapport noemt geen perspectief.",
    ),
    "houten-wijk-bij-duurstede": Codering(
        ("kosten",),
        "onbekend",
        "Efficiency in kosten: kostenverlaging. Het rapport noemt geen perspectief.",
    ),
}


@dataclass(frozen=True)
class Deelnemergegevens:
    """What the backtest used of one deelnemer, each with where it comes from."""

    naam: str
    inwoners: int | None
    inwoners_bron: str
    later_dan_start: bool | None  # None: the figure's year or the start is unknown
    provincie: str
    corop: str
    arbeidsmarktregio: str
    regio_bron: str
    perspectief: str
    motieven: tuple[str, ...]

    @property
    def perspectief_label(self) -> str:
        return Deelnemer.Perspectief(self.perspectief).label.lower()

    @property
    def motieven_labels(self) -> list[str]:
        return [MOTIEF_LABELS[code] for code in self.motieven]


@dataclass
class Fusieprofiel:
    """One fusion as if proposed at its start: the Context the rules read, and what the
    silent rules need to know to tell "did not fire" from "could not judge"."""

    context: Context
    motieven_bekend: bool  # the report records them (a casus)
    motieven_per_gemeente: bool  # and says whose they are


def _alle_inwoners(profiel: Fusieprofiel) -> bool:
    return all(d.inwoners for d in profiel.context.deelnemers)


@dataclass(frozen=True)
class Regel:
    """One rule of afweging.signalen as the backtest treats it.

    `codes` are the signal codes it gives (with their titles, as signalen.py writes them);
    `functie` is None for a rule that is not run on history; `onbeoordeelbaar` tells, for a
    rule that stays silent on unknown input, when its silence means "niet te beoordelen".
    """

    naam: str
    codes: tuple[tuple[str, str], ...]
    gegevens: str
    functie: Callable[[Context], Signaal | None] | None = None
    bij_onbekend: str = ""
    onbeoordeelbaar: Callable[[Fusieprofiel], bool] | None = None
    waarom_niet: str = ""
    regel: Callable | None = None  # the rule in afweging.signalen this entry is about

    @property
    def toegepast(self) -> bool:
        return self.functie is not None


ZEGT_HET_ZELF = "De regel zegt zelf dat het signaal niet te beoordelen is."
ZWIJGT = "De regel zwijgt; hier telt dat als niet te beoordelen, niet als niet afgegaan."

REGELS: tuple[Regel, ...] = (
    Regel(
        "Verschil in omvang",
        (("grootteverschil", "Grote verschillen in omvang"),),
        "De inwoners van elke deelnemer: bij een casus die van het rapport (§5.2), anders die "
        "van CBS in het vroegste jaar dat Fusietoets heeft (later dan de start).",
        regels.grootteverschil,
        ZEGT_HET_ZELF,
        regel=regels.grootteverschil,
    ),
    Regel(
        "Verschillende provincies",
        (("provincies", "Deelnemers in verschillende provincies"),),
        "De provincie van elke deelnemer volgens CBS (nu; een opgeheven gemeente houdt haar "
        "laatste).",
        regels.provincies,
        ZEGT_HET_ZELF,
        regel=regels.provincies,
    ),
    Regel(
        "Verschillende COROP-gebieden",
        (("corop", "Deelnemers in verschillende COROP-gebieden"),),
        "Het COROP-gebied van elke deelnemer volgens CBS, in de indeling van nu; een "
        "opgeheven gemeente heeft er geen.",
        regels.corop,
        ZEGT_HET_ZELF,
        regel=regels.corop,
    ),
    Regel(
        "Verschillende arbeidsmarktregio's",
        (("arbeidsmarktregio", "Deelnemers in verschillende arbeidsmarktregio's"),),
        "De arbeidsmarktregio van elke deelnemer volgens CBS, in de indeling van nu; een "
        "opgeheven gemeente heeft er geen.",
        regels.arbeidsmarktregio,
        ZEGT_HET_ZELF,
        regel=regels.arbeidsmarktregio,
    ),
    Regel(
        "Schijncoalitie",
        (("schijncoalitie", "Uiteenlopende perspectieven: een schijncoalitie"),),
        "Het perspectief van elke deelnemer (eindoplossing of tussenstap): alleen waar een "
        "casus het vastlegt, gecodeerd uit het rapport.",
        regels.schijncoalitie,
        ZWIJGT,
        lambda p: any(d.perspectief == "onbekend" for d in p.context.deelnemers),
        regel=regels.schijncoalitie,
    ),
    Regel(
        "Tegenstrijdige motieven",
        (("ongelijke_verwachtingen", "Tegenstrijdige motieven"),),
        "De motieven van elke deelnemer: alleen waar een casus ze vastlegt, gecodeerd uit het "
        "rapport; het rapport geeft ze voor de fusie als geheel.",
        regels.ongelijke_verwachtingen,
        ZWIJGT,
        lambda p: not p.motieven_per_gemeente,
        regel=regels.ongelijke_verwachtingen,
    ),
    Regel(
        "Reken je niet rijk",
        (("reken_je_niet_rijk", "Reken je niet rijk"),),
        "Alleen het motief kostenverlaging, waar een casus het vastlegt. De "
        "besparingstaakstelling, het andere gegeven van deze regel, is een plancijfer dat "
        "het register niet kent en wordt niet gebruikt.",
        regels.taakstelling,
        ZWIJGT,
        lambda p: not p.motieven_bekend,
        regel=regels.taakstelling,
    ),
    Regel(
        "Vorm en omvang",
        (("vorm_past_niet_bij_omvang", "Vorm en omvang"),),
        "De bestuurskundige vorm uit het register (klassiek of centrumregeling) en de "
        "inwoners van elke deelnemer.",
        regels.vorm_en_omvang,
        ZWIJGT,
        lambda p: not _alle_inwoners(p),
        regel=regels.vorm_en_omvang,
    ),
    Regel(
        "Al in een fusieorganisatie",
        (("al_in_fusieorganisatie", "Deelnemers zitten al in een fusieorganisatie"),),
        "Lidmaatschappen van andere actieve fusieorganisaties.",
        waarom_niet="Het register kent de lidmaatschappen van nu, niet die van bij de start: "
        "elke fusie zou haar eigen organisatie of een latere als lidmaatschap zien.",
        regel=regels.al_in_fusieorganisatie,
    ),
    Regel(
        "Oude keuze voor het motief herindeling",
        (("motief_herindeling_ongesplitst", "Motief over herindeling nog niet gekozen"),),
        "Een oude invoerkeuze in Fusietoets.",
        waarom_niet="Gaat over invoer in Fusietoets, niet over een fusie.",
        regel=regels.motief_ongesplitst,
    ),
    Regel(
        "Perspectief niet bekend",
        (("perspectief_onbekend", "Perspectief niet bekend"),),
        "Of het perspectief van elke deelnemer bekend is.",
        waarom_niet="Zou afgaan bij elke fusie zonder casus: het meet wat Fusietoets niet "
        "weet, niet wat de gemeenten bij de start wisten.",
        regel=regels.perspectief_onbekend,
    ),
    Regel(
        "Frictiekosten",
        (
            ("geen_frictiekostenbudget", "Geen budget voor frictiekosten"),
            (
                "frictiekosten_kleiner_dan_taakstelling",
                "Frictiekostenbudget kleiner dan de taakstelling",
            ),
        ),
        "Het frictiekostenbudget en de besparingstaakstelling.",
        waarom_niet="Plancijfers van het voorstel, die het register en de casussen niet "
        "kennen; zonder budget zou de regel bij elke fusie afgaan.",
        regel=regels.frictiekosten,
    ),
    Regel(
        "Eerste evaluatie",
        (
            ("evaluatie_niet_gepland", "Eerste evaluatie niet gepland"),
            ("evaluatie_te_vroeg", "Eerste evaluatie te vroeg"),
        ),
        "De geplande start en de geplande eerste evaluatie.",
        waarom_niet="Plandatums van het voorstel, die het register niet kent; zonder datum "
        "zou de regel bij elke fusie afgaan.",
        regel=regels.evaluatie,
    ),
    Regel(
        "Gecombineerd met een reorganisatie",
        (("gestapelde_verandering", "Fusie gecombineerd met een reorganisatie"),),
        "Of de fusie samenging met een reorganisatie of een nieuwe sturingsfilosofie.",
        waarom_niet="Het register en de casussen leggen dit niet als gegeven vast.",
        regel=regels.reorganisatie,
    ),
)


# The codes by which a rule says itself that it cannot judge (`_niet_te_beoordelen` in
# afweging.signalen), with the code of the signal they stand in for. Only these: a code that
# merely ends the same way (`perspectief_onbekend`) is a signal that fired.
ONBEKEND_CODES = {
    f"{code}{ONBEKEND_SUFFIX}": code
    for regel in REGELS
    if regel.bij_onbekend == ZEGT_HET_ZELF
    for code, _ in regel.codes
}


@dataclass(frozen=True)
class Uitslag:
    stand: str
    signaal: Signaal | None = None


def uitslag(regel: Regel, profiel: Fusieprofiel) -> Uitslag:
    """What one rule did for one fusion of the register."""
    if not regel.toegepast:
        return Uitslag(NIET_TOEGEPAST)
    signaal = regel.functie(profiel.context)
    if signaal is not None:
        stand = NIET_TE_BEOORDELEN if signaal.code in ONBEKEND_CODES else AF
        return Uitslag(stand, signaal)
    if regel.onbeoordeelbaar is not None and regel.onbeoordeelbaar(profiel):
        return Uitslag(NIET_TE_BEOORDELEN)
    return Uitslag(NIET_AF)


@dataclass
class Registerfusie:
    """One fusion of the register (with its casus, where there is one) in the backtest."""

    organisatie: Fusieorganisatie
    casus: Casus | None
    codering: Codering | None
    deelnemers: list[Deelnemergegevens]
    profiel: Fusieprofiel
    uitslagen: dict[str, Uitslag]  # per signal code

    @property
    def uitkomst(self) -> str:
        return self.organisatie.status

    @property
    def uitkomst_label(self) -> str:
        return UITKOMST_LABELS[self.uitkomst]

    @property
    def start(self) -> str:
        org = self.organisatie
        if org.startdatum_tekst:
            return org.startdatum_tekst
        return datum(org.startdatum) if org.startdatum else getallen.ONBEKEND

    @property
    def afgegaan(self) -> list[Signaal]:
        return [u.signaal for u in self.uitslagen.values() if u.stand == AF]

    @property
    def grootte(self) -> tuple[Deelnemergegevens, Deelnemergegevens, float] | None:
        """The largest and smallest deelnemer and their ratio, as the rule computes it;
        None when a deelnemer's inhabitants are unknown."""
        bekend = [d for d in self.deelnemers if d.inwoners]
        if len(bekend) < 2 or len(bekend) < len(self.deelnemers):
            return None
        grootste = max(bekend, key=lambda d: d.inwoners)
        kleinste = min(bekend, key=lambda d: d.inwoners)
        return grootste, kleinste, grootste.inwoners / kleinste.inwoners

    @property
    def niet_te_beoordelen(self) -> list[str]:
        return [
            titel
            for regel in REGELS
            for code, titel in regel.codes
            if self.uitslagen[code].stand == NIET_TE_BEOORDELEN
        ]

    @property
    def codering_regels(self) -> str:
        """Where the report gives the coded motives and perspectief: 'regels 2043, 2550
        en 2552' (the lines the casus records for those fields)."""
        if self.casus is None:
            return ""
        nummers = set()
        for sleutel in ("motieven", "perspectief"):
            waarde = self.casus.regels.get(sleutel)
            nummers |= set(waarde) if isinstance(waarde, list) else {waarde} if waarde else set()
        if not nummers:
            return ""
        tekst = getallen.opsomming(sorted(nummers))
        return f"regel {tekst}" if len(nummers) == 1 else f"regels {tekst}"


def _startjaar(organisatie: Fusieorganisatie) -> int | None:
    return organisatie.startdatum.year if organisatie.startdatum else None


def _deelnemer(deelname: Deelname, casusdeelnemer: CasusDeelnemer | None, casus: Casus | None,
               codering: Codering | None) -> tuple[Deelnemergegevens, Deelnemerprofiel]:  # fmt: skip
    gemeente = deelname.gemeente
    startjaar = _startjaar(deelname.fusieorganisatie)
    if casusdeelnemer is not None and casusdeelnemer.inwoners_rapport:
        inwoners = casusdeelnemer.inwoners_rapport
        regel = f", regel {casusdeelnemer.regel}" if casusdeelnemer.regel else ""
        bron = f"rapport §{casus.paragraaf}{regel}; jaar niet vermeld"
        later = None
    else:
        cijfers = sorted((t.jaar, t.aantal) for t in gemeente.inwonertallen.all())
        if cijfers:
            jaar, inwoners = cijfers[0]
            if startjaar is None:
                later, erbij = None, ", start onbekend"
            else:
                later = jaar > startjaar
                erbij = f", later dan de start ({startjaar})" if later else ""
            bron = f"CBS 1-1-{jaar}{erbij}"
        else:
            inwoners, later = None, None
            bron = (
                "onbekend: de gemeente bestaat niet meer en CBS-cijfers ontbreken"
                if not gemeente.bestaat
                else "onbekend: geen CBS-cijfer"
            )
    regio_bron = (
        "CBS, indeling van nu"
        if gemeente.corop_naam or gemeente.arbeidsmarktregio_naam
        else "onbekend: geen regio bij CBS (opgeheven gemeente)"
        if not gemeente.bestaat
        else "onbekend bij CBS"
    )
    perspectief = codering.perspectief if codering else "onbekend"
    motieven = codering.motieven if codering else ()
    provincie = gemeente.provincie.naam if gemeente.provincie else ""
    gegevens = Deelnemergegevens(
        naam=gemeente.naam,
        inwoners=inwoners,
        inwoners_bron=bron,
        later_dan_start=later,
        provincie=provincie,
        corop=gemeente.corop_naam,
        arbeidsmarktregio=gemeente.arbeidsmarktregio_naam,
        regio_bron=regio_bron,
        perspectief=perspectief,
        motieven=motieven,
    )
    profiel = Deelnemerprofiel(
        naam=gemeente.naam,
        inwoners=inwoners,
        provincie=provincie,
        corop=gemeente.corop_naam,
        arbeidsmarktregio=gemeente.arbeidsmarktregio_naam,
        perspectief=perspectief,
        motieven=motieven,
    )
    return gegevens, profiel


def registerfusie(organisatie: Fusieorganisatie) -> Registerfusie:
    """One fusion as if proposed at its start, with what each rule did. Reads the
    deelnames, inhabitants and casus the caller prefetched (see `registerfusies`)."""
    try:
        casus = organisatie.casus
    except Casus.DoesNotExist:
        casus = None
    codering = CODERINGEN.get(casus.slug) if casus is not None else None
    per_gemeente = {d.gemeente_id: d for d in casus.deelnemers.all()} if casus else {}
    gegevens, profielen = [], []
    for deelname in organisatie.deelnames.all():
        g, p = _deelnemer(deelname, per_gemeente.get(deelname.gemeente_id), casus, codering)
        gegevens.append(g)
        profielen.append(p)
    profiel = Fusieprofiel(
        context=Context(
            deelnemers=tuple(profielen),
            klassiek=organisatie.is_klassiek,
            startdatum=organisatie.startdatum,
        ),
        motieven_bekend=codering is not None,
        motieven_per_gemeente=codering is not None and codering.per_gemeente,
    )
    uitslagen = {}
    for regel in REGELS:
        gedaan = uitslag(regel, profiel)
        for code, _ in regel.codes:
            uitslagen[code] = gedaan
    return Registerfusie(organisatie, casus, codering, gegevens, profiel, uitslagen)


def registerfusies() -> list[Registerfusie]:
    """Every fusion of the register once, in the register's order. The related rows are
    read without their models' default ordering, which would join the parent table for
    nothing (the deelnemers are sorted by name, the inhabitants by year where used)."""
    inwoners = Inwonertal.objects.order_by().only("gemeente_id", "jaar", "aantal")
    deelnames = (
        Deelname.objects.select_related("gemeente__provincie")
        .order_by("gemeente__naam")
        .prefetch_related(Prefetch("gemeente__inwonertallen", queryset=inwoners))
    )
    organisaties = Fusieorganisatie.objects.select_related("casus").prefetch_related(
        Prefetch("deelnames", queryset=deelnames),
        Prefetch("casus__deelnemers", queryset=CasusDeelnemer.objects.order_by("pk")),
    )
    return [registerfusie(org) for org in organisaties]


@dataclass
class Vastgelegdefusie:
    """A fusion assessed in Fusietoets whose afloop was recorded: the latest vastgestelde
    version of its afweging, its own signalen, and the latest afloop of the chain."""

    afweging: object  # afweging.models.Afweging
    afloop: Afloop
    signalen: list[Signaal]
    zichtbaar: bool  # whether the user may read the afweging (else only counted)

    @property
    def uitkomst(self) -> str:
        return AFLOOP_UITKOMST[self.afloop.soort]

    @property
    def uitkomst_label(self) -> str:
        return self.afloop.get_soort_display()

    def stand(self, code: str) -> str:
        codes = {s.code for s in self.signalen}
        if code in codes and code not in ONBEKEND_CODES:
            return AF
        if any(ONBEKEND_CODES.get(c) == code for c in codes):
            return NIET_TE_BEOORDELEN
        return NIET_AF

    @property
    def afgegaan(self) -> list[Signaal]:
        return [s for s in self.signalen if s.code not in ONBEKEND_CODES]

    @property
    def niet_te_beoordelen(self) -> list[Signaal]:
        return [s for s in self.signalen if s.code in ONBEKEND_CODES]


@dataclass(frozen=True)
class Cel:
    """One signal for one outcome of one source: of `n` fusions, it fired for `af` and
    could not be judged for `onbeoordeeld`; `toegepast` False: the rule is not run."""

    n: int
    af: int = 0
    onbeoordeeld: int = 0
    toegepast: bool = True

    @property
    def beoordeeld(self) -> int:
        return self.n - self.onbeoordeeld

    @property
    def aandeel(self) -> float | None:
        """The share of the judged fusions for which it fired; None if none was judged."""
        return self.af / self.beoordeeld if self.beoordeeld else None

    @property
    def aandeel_tekst(self) -> str:
        """In whole percents: with a handful of fusions a decimal is false precision."""
        return getallen.procent(self.aandeel, 0) if self.aandeel is not None else ""


@dataclass
class Rij:
    code: str
    titel: str
    regel: Regel | None  # None: a signal only an app above afweging gives (business case)
    register: dict[str, Cel] = field(default_factory=dict)
    fusietoets: dict[str, Cel] = field(default_factory=dict)


def _tel(fusies, code: str, uitkomst: str, stand_van) -> Cel:
    kolom = [f for f in fusies if f.uitkomst == uitkomst]
    standen = [stand_van(f, code) for f in kolom]
    return Cel(
        n=len(kolom),
        af=standen.count(AF),
        onbeoordeeld=standen.count(NIET_TE_BEOORDELEN),
    )


def tabel(register: list[Registerfusie], vastgelegd: list[Vastgelegdefusie]) -> list[Rij]:
    """Per signal code, per outcome, per source: how often it fired."""
    rijen: list[Rij] = []
    bekend = set()
    for regel in REGELS:
        for code, titel in regel.codes:
            rijen.append(Rij(code, titel, regel))
            bekend.add(code)
    # Signalen of the apps above afweging (the business case), in the order first seen.
    for fusie in vastgelegd:
        for signaal in fusie.signalen:
            code = ONBEKEND_CODES.get(signaal.code, signaal.code)
            if code not in bekend:
                rijen.append(Rij(code, signaal.titel, None))
                bekend.add(code)
    for rij in rijen:
        for uitkomst in UITKOMSTEN:
            if rij.regel is not None and rij.regel.toegepast:
                rij.register[uitkomst] = _tel(
                    register, rij.code, uitkomst, lambda f, c: f.uitslagen[c].stand
                )
            else:
                n = sum(1 for f in register if f.uitkomst == uitkomst)
                rij.register[uitkomst] = Cel(n=n, toegepast=False)
            rij.fusietoets[uitkomst] = _tel(vastgelegd, rij.code, uitkomst, lambda f, c: f.stand(c))
    return rijen


def laatste_afloop(aflopen: list[Afloop]) -> Afloop | None:
    """The afloop that decides: the latest by date, then the one recorded last."""
    return max(aflopen, key=lambda a: (a.datum, a.pk), default=None)


def _bereken_signalen(afweging: Afweging) -> list[Signaal]:
    """The afweging's signalen as its uitkomst page computes them (afweging.selectors)."""
    deelvragen, factoren = scoring_invoer(afweging)
    uitkomst = scoring.bereken_uitkomst(deelvragen, factoren)
    erbij = [s for u in uitbreidingen.alle() for s in u.signalen(afweging, uitkomst=uitkomst)]
    return regels.op_volgorde([*regels.signalen(regels.context_van(afweging)), *erbij])


def eigen_signalen(afwegingen: list[Afweging]) -> dict[int, list[Signaal]]:
    """Per afweging (rows of `met_stand`) its own signalen. Each costs a business case
    computation, so they are kept in the cache under the afweging's stand (which moves
    with every change to it, to anything recorded on it and to the reference data): a
    vastgestelde afweging's signalen are computed once, not on every new afloop."""
    sleutels = {a.pk: f"terugblik-signalen:{afwegingstand(a)}" for a in afwegingen}
    bewaard = cache.get_many(list(sleutels.values()))
    uit = {pk: bewaard[sleutel] for pk, sleutel in sleutels.items() if sleutel in bewaard}
    missen = [pk for pk in sleutels if pk not in uit]
    if missen:
        nieuw = {
            a.pk: _bereken_signalen(a) for a in met_alles(Afweging.objects.filter(pk__in=missen))
        }
        cache.set_many({sleutels[pk]: signalen for pk, signalen in nieuw.items()})
        uit |= nieuw
    return uit


def vastgelegde_fusies(gebruiker) -> list[Vastgelegdefusie]:
    """The fusions assessed in Fusietoets with a recorded afloop, one per chain of versions.

    Counted: chains with at least one vastgestelde version and no voorbeeld in them, with
    the aflopen recorded on their vastgestelde versions; the signalen are those of the
    latest vastgestelde version, the outcome that of the latest afloop. `gebruiker` decides
    only which of them the page may show in detail (afweging.toegang)."""
    aflopen = list(
        Afloop.objects.filter(afweging__status=Afweging.Status.VASTGESTELD).order_by("datum", "pk")
    )
    if not aflopen:
        return []
    rijen = Afweging.objects.values_list("pk", "vorige_id", "status", "is_voorbeeld")
    vorige = {pk: v for pk, v, _, _ in rijen}
    status = {pk: (s, voorbeeld) for pk, _, s, voorbeeld in rijen}
    volgende = {v: pk for pk, v in vorige.items() if v is not None}

    def keten(pk: int) -> list[int]:
        while vorige.get(pk) is not None:
            pk = vorige[pk]
        versies = [pk]
        while versies[-1] in volgende:
            versies.append(volgende[versies[-1]])
        return versies

    per_keten: dict[int, list[Afloop]] = defaultdict(list)
    ketens: dict[int, list[int]] = {}
    for afloop in aflopen:
        versies = keten(afloop.afweging_id)
        ketens[versies[0]] = versies
        per_keten[versies[0]].append(afloop)
    nieuwste: dict[int, int] = {}
    for wortel, versies in ketens.items():
        if any(status[pk][1] for pk in versies):
            continue  # The voorbeeldafweging is fictitious: never counted.
        vastgesteld = [pk for pk in versies if status[pk][0] == Afweging.Status.VASTGESTELD]
        nieuwste[wortel] = vastgesteld[-1]
    afwegingen = (
        met_stand(Afweging.objects.filter(pk__in=nieuwste.values()).defer("vastgestelde_pdf"))
        .select_related("provincie")
        .prefetch_related(
            Prefetch("deelnemers", queryset=Deelnemer.objects.select_related("gemeente"))
        )
        .in_bulk()
    )
    zichtbaar = set(
        afwegingen_voor(gebruiker).filter(pk__in=list(afwegingen)).values_list("pk", flat=True)
    )
    gevonden = eigen_signalen(list(afwegingen.values()))
    fusies = [
        Vastgelegdefusie(
            afwegingen[pk], laatste_afloop(per_keten[wortel]), gevonden[pk], pk in zichtbaar
        )
        for wortel, pk in nieuwste.items()
    ]
    fusies.sort(key=lambda f: (f.afloop.datum, f.afweging.pk))
    return fusies


@dataclass
class Terugblik:
    register: list[Registerfusie]
    vastgelegd: list[Vastgelegdefusie]
    rijen: list[Rij]

    @property
    def tabelrijen(self) -> list[tuple[Rij, list[tuple[str, Cel]], list[tuple[str, Cel]]]]:
        """Each row with its (outcome, cell) pairs in the order of `kolommen`."""
        kolommen = [k[0] for k in self.kolommen]
        return [
            (
                rij,
                [(k, rij.register[k]) for k in kolommen],
                [(k, rij.fusietoets[k]) for k in kolommen],
            )
            for rij in self.rijen
        ]

    @property
    def nooit(self) -> int:
        return sum(1 for f in self.register if f.uitkomst == Status.NOOIT)

    @property
    def kolommen(self) -> list[tuple[str, str, int, int]]:
        """(outcome, label, n in the register, n in Fusietoets); 'gepland' only when a
        fusion has it."""
        kolommen = []
        for uitkomst in UITKOMSTEN:
            n_register = sum(1 for f in self.register if f.uitkomst == uitkomst)
            n_fusietoets = sum(1 for f in self.vastgelegd if f.uitkomst == uitkomst)
            if uitkomst == Status.GEPLAND and not (n_register or n_fusietoets):
                continue
            kolommen.append((uitkomst, UITKOMST_LABELS[uitkomst], n_register, n_fusietoets))
        return kolommen

    @property
    def beeindigd(self) -> list[Registerfusie]:
        """The register's ended fusions, for the report's finding on size."""
        return [f for f in self.register if f.uitkomst == Status.BEEINDIGD]

    @property
    def grootteverschil_bij_beeindigd(self) -> int:
        return sum(1 for f in self.beeindigd if f.uitslagen["grootteverschil"].stand == AF)

    @property
    def grootteverschil_elders(self) -> list[tuple[str, Cel]]:
        """The base rate beside the finding: the same signal for the register's fusions of
        every other outcome (a signal that fires for most active fusions too says little)."""
        rij = next(r for r in self.rijen if r.code == "grootteverschil")
        return [
            (label, rij.register[uitkomst])
            for uitkomst, label, n, _ in self.kolommen
            if uitkomst != Status.BEEINDIGD and n
        ]

    @property
    def met_casus(self) -> int:
        return sum(1 for f in self.register if f.casus is not None)

    @property
    def cbs_later(self) -> int:
        """Deelnemers whose CBS inhabitants are of a year after their fusion's start."""
        return sum(1 for f in self.register for d in f.deelnemers if d.later_dan_start)

    @property
    def inwoners_onbekend(self) -> int:
        return sum(1 for f in self.register for d in f.deelnemers if d.inwoners is None)

    @property
    def aantal_deelnemers(self) -> int:
        return sum(len(f.deelnemers) for f in self.register)

    @property
    def verborgen(self) -> list[Vastgelegdefusie]:
        return [f for f in self.vastgelegd if not f.zichtbaar]

    @property
    def verborgen_provincies(self) -> list[str]:
        return sorted({f.afweging.provincie.naam for f in self.verborgen})


def terugblik(gebruiker) -> Terugblik:
    register = registerfusies()
    vastgelegd = vastgelegde_fusies(gebruiker)
    return Terugblik(register, vastgelegd, tabel(register, vastgelegd))
