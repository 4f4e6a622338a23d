"""The business case of an ambtelijke fusie: a ten-year projection per variant, and what
each member pays under a cost-allocation key. Pure functions on plain numbers (the
keys are a Django TextChoices only so that the model can offer them).

The report warns not to count on savings (§11.2 "reken je niet rijk"; §6.5): structural
savings default to 0%. Friction costs are one-off and spread over the first years (§6.4.2).
Serving several colleges and a P&C cycle of its own cost extra every year (§6.4, line 4818),
and since 1 January 2018 services bought from a joint organisation bear VAT (box at
line 5193). All amounts in euros per year unless said otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import models

from weergave import getallen

JAREN = 10
BTW_TARIEF = 0.21


@dataclass(frozen=True)
class Variantinvoer:
    naam: str
    besparing_pct: float = 0.0  # structural saving on the baseline overhead, in %
    ingroei_jaren: int = 3  # the saving grows linearly to full over these years
    frictiekosten: float = 0.0  # one-off, in euros
    frictie_jaren: int = 3  # spread evenly over the first years
    extra_kosten: float = 0.0  # per year: several colleges, own P&C cycle, hour registration
    btw_aandeel_pct: float = 0.0  # share of the services bought that bears VAT, in %


@dataclass(frozen=True)
class Jaar:
    jaar: int
    besparing: float
    frictie: float
    extra: float
    btw: float

    @property
    def netto(self) -> float:
        return self.besparing - self.frictie - self.extra - self.btw


@dataclass(frozen=True)
class Projectie:
    variant: Variantinvoer
    basis: float
    jaren: tuple[Jaar, ...]

    @property
    def cumulatief(self) -> list[float]:
        totaal, uit = 0.0, []
        for jaar in self.jaren:
            totaal += jaar.netto
            uit.append(totaal)
        return uit

    @property
    def zonder_effect(self) -> bool:
        return all(jaar.netto == 0 for jaar in self.jaren)

    @property
    def terugverdienjaar(self) -> int | None:
        """The first year in which the cumulative effect is no longer negative after having
        been negative; 1 if it never was; None if it stays negative for all ten years."""
        cumulatief = self.cumulatief
        if all(c >= 0 for c in cumulatief):
            return 1
        geweest = False
        for jaar, waarde in zip(self.jaren, cumulatief, strict=True):
            if waarde < 0:
                geweest = True
            elif geweest:
                return jaar.jaar
        return None

    @property
    def structurele_kosten(self) -> float:
        """The yearly overhead once savings have grown in and friction costs are spent."""
        laatste = self.jaren[-1]
        return self.basis - laatste.besparing + laatste.extra + laatste.btw


def projecteer(basis: float, variant: Variantinvoer, jaren: int = JAREN) -> Projectie:
    regels = []
    for jaar in range(1, jaren + 1):
        ingroei = min(1.0, jaar / variant.ingroei_jaren) if variant.ingroei_jaren > 0 else 1.0
        besparing = basis * variant.besparing_pct / 100 * ingroei
        frictie = (
            variant.frictiekosten / variant.frictie_jaren if jaar <= variant.frictie_jaren else 0.0
        )
        btw = (basis - besparing) * variant.btw_aandeel_pct / 100 * BTW_TARIEF
        regels.append(Jaar(jaar, besparing, frictie, variant.extra_kosten, btw))
    return Projectie(variant=variant, basis=basis, jaren=tuple(regels))


# --- cost-allocation keys (verdeelsleutels, table at line 5059) ---------------------------


class Verdeelsleutel(models.TextChoices):
    """How the members share the costs: the one definition, used by the model's choices."""

    INWONERS = "inwoners", "Naar inwoners"
    BEGROTING = "begroting", "Naar ingebracht budget (huidige overhead)"
    VAST = "vast", "Vaste verdeling"
    MIX = "mix", "Mix van inwoners en ingebracht budget"
    # Bevelanden: P&O and ICT by the fte of each member's organisation (line 5103).
    FTE = "fte", "Naar formatie (fte per gemeente)"
    # CGM: hours bought at a rate per group of salary scales (lines 5073-5077).
    UREN = "uren", "Naar uren tegen een gedifferentieerd uurtarief"
    # BAR: the sociaal domein by clients (line 5083).
    CLIENTEN = "clienten", "Naar cliënten"


def in_zin(sleutel: str) -> str:
    """A key in running text: "naar inwoners", "volgens een vaste verdeling"."""
    label = Verdeelsleutel(sleutel).label.lower()
    return label if label.startswith("naar ") else f"volgens een {label}"


# A part of the costs (a domain) has a key of its own; a fixed split and a mix have one set of
# figures for the whole business case, so they serve the main key only.
DOMEINSLEUTELS = (
    Verdeelsleutel.INWONERS,
    Verdeelsleutel.BEGROTING,
    Verdeelsleutel.FTE,
    Verdeelsleutel.UREN,
    Verdeelsleutel.CLIENTEN,
)

# CGM's groups of salary scales, each with its own hourly rate (lines 5073-5074).
TARIEFGROEPEN = {
    "schaal_1_6": "schaal 1 t/m 6",
    "schaal_7_9": "schaal 7 t/m 9",
    "schaal_10": "schaal 10 en hoger",
}

# The figures per member that the data cannot supply: the adviseur enters each with its
# source. The hours are entered per group of scales.
INGEVULDE_GEGEVENS = {
    "fte": "fte",
    "clienten": "cliënten",
    **{f"uren_{groep}": f"uren {naam}" for groep, naam in TARIEFGROEPEN.items()},
}

# A fixed split is typed in percentages with one decimal; its sum may miss 100 by rounding
# alone, never by more than this. The form and the maths use the same margin.
MARGE_VASTE_VERDELING = 0.05

# Sums of parts that differ from 1 by less than this differ by floating point alone.
AFRONDING = 1e-9

VAST_BRON = "vaste verdeling, ingevuld door de adviseur"


@dataclass(frozen=True)
class Gegeven:
    """A figure that the data cannot supply, entered by the adviseur with its source."""

    waarde: float
    bron: str


@dataclass(frozen=True)
class Deelnemerkosten:
    """What one deelnemende gemeente spends on overhead now: what the split compares with."""

    naam: str
    inwoners: int | None  # None: unknown (no Iv3 row for the member)
    # What the member spends on overhead alone now, euros per year; None: unknown (no Iv3
    # figures, such as Vijfheerenlanden in the jaarrekening 2023). Only the keys on the
    # budget brought in need it.
    overhead: float | None
    bron: str = ""  # where the inhabitants and the overhead come from
    # Entered figures by kind (see INGEVULDE_GEGEVENS); a kind not here is unknown.
    gegevens: Mapping[str, Gegeven] = field(default_factory=dict)


@dataclass(frozen=True)
class Domeinsleutel:
    """A part of the costs shared under a key of its own, as BAR does with the sociaal domein
    (line 5083); the main key shares the rest."""

    domein: str
    aandeel: float  # of the costs to share, 0..1
    sleutel: str
    bron: str  # where the part's share of the costs comes from


@dataclass(frozen=True)
class Grondslag:
    """One figure a member's share was computed from, and where it came from."""

    wat: str
    waarde: float
    bron: str
    bedrag: bool = False  # shown in euros
    decimalen: int = 0

    @property
    def tekst(self) -> str:
        if self.bedrag:
            getal = getallen.euro(self.waarde)
        elif self.decimalen:
            getal = getallen.decimaal(self.waarde, self.decimalen)
        else:
            getal = getallen.geheel(self.waarde)
        return f"{self.wat} {getal} ({self.bron})"


@dataclass(frozen=True)
class Deelbijdrage:
    """What a member pays for one part of the costs, under the key that decided it."""

    domein: str  # "" for the part the main key shares
    deel: float  # the part's share of all costs, 0..1
    domeinbron: str  # where that share comes from ("" for the main key's part)
    sleutel: str
    aandeel: float  # the member's share of this part, 0..1
    bedrag: float
    grondslagen: tuple[Grondslag, ...]

    @property
    def sleutelnaam(self) -> str:
        return Verdeelsleutel(self.sleutel).label

    @property
    def grondslagtekst(self) -> str:
        return "; ".join(g.tekst for g in self.grondslagen)


@dataclass(frozen=True)
class Bijdrage:
    deelnemer: Deelnemerkosten
    aandeel: float  # 0..1
    bijdrage: float  # euros per year
    delen: tuple[Deelbijdrage, ...] = ()

    @property
    def sleuteltekst(self) -> str:
        """Which key decided it: "Sociaal domein (25,0%) naar cliënten; de rest (75,0%) naar
        ingebracht budget (huidige overhead)"."""
        if len(self.delen) == 1 and not self.delen[0].domein:
            return self.delen[0].sleutelnaam
        tekst = "; ".join(
            f"{d.domein or 'de rest'} ({getallen.procent(d.deel)}) {in_zin(d.sleutel)}"
            for d in self.delen
        )
        return tekst[:1].upper() + tekst[1:]

    @property
    def verschil(self) -> float | None:
        """Against going alone: positive means the member pays more than now; None when
        what it spends now is unknown."""
        if self.deelnemer.overhead is None:
            return None
        return self.bijdrage - self.deelnemer.overhead

    @property
    def per_inwoner(self) -> float | None:
        if not self.deelnemer.inwoners:
            return None
        return self.bijdrage / self.deelnemer.inwoners


class SleutelFout(ValueError):
    pass


def _ingevuld(deelnemers, soorten: list[str], sleutelnaam: str) -> None:
    """Refuses a key whose entered figures are not all known: unknown is never 0."""
    ontbreekt = [
        f"{INGEVULDE_GEGEVENS[soort]} van {d.naam}"
        for soort in soorten
        for d in deelnemers
        if soort not in d.gegevens
    ]
    if ontbreekt:
        raise SleutelFout(
            f"Voor de verdeling {sleutelnaam.lower()} is onbekend: "
            f"{getallen.opsomming(ontbreekt)}. Vul deze gegevens in, met hun bron."
        )


def _uit_iv3(deelnemers, soorten: tuple[str, ...], sleutel: str) -> None:
    """Refuses a key on figures from Iv3 (inhabitants, overhead) that a member lacks,
    naming who: unknown is never 0."""
    zonder = [d.naam for d in deelnemers if any(getattr(d, s) is None for s in soorten)]
    if not zonder:
        return
    # Inhabitants are lacking only where the whole Iv3 row is; then inwoners is no way out.
    andere = "een vaste verdeling"
    if all(d.inwoners is not None for d in deelnemers):
        andere = f"naar inwoners of {andere}"
    raise SleutelFout(
        f"Voor de verdeling {Verdeelsleutel(sleutel).label.lower()} is onbekend: geen "
        f"Iv3-cijfers voor {getallen.opsomming(zonder)}. Kies een sleutel die geen "
        f"Iv3-cijfers nodig heeft, zoals {andere}."
    )


def _naar(gewichten: list[float], wat: str) -> list[float]:
    totaal = sum(gewichten)
    if totaal <= 0:
        raise SleutelFout(f"De {wat} van de deelnemers zijn samen 0; zo valt niets te verdelen.")
    return [g / totaal for g in gewichten]


def _tariefgroepen(deelnemers, tarieven: Mapping[str, Gegeven]) -> list[str]:
    """The groups in use: those with a rate or with hours for any member."""
    return [
        groep
        for groep in TARIEFGROEPEN
        if groep in tarieven or any(f"uren_{groep}" in d.gegevens for d in deelnemers)
    ]


def grondslagen_en_aandelen(
    deelnemers: list[Deelnemerkosten],
    sleutel: str,
    *,
    vast: dict[str, float] | None = None,
    mix_inwoners: float = 0.5,
    tarieven: Mapping[str, Gegeven] | None = None,
) -> list[tuple[float, tuple[Grondslag, ...]]]:
    """Per member its share under `sleutel` and the figures it was computed from."""
    tarieven = tarieven or {}
    inwoners = [Grondslag("inwoners", d.inwoners, d.bron) for d in deelnemers]
    budget = [
        Grondslag("ingebracht budget (overhead nu)", d.overhead, d.bron, bedrag=True)
        for d in deelnemers
    ]
    if sleutel == Verdeelsleutel.INWONERS:
        _uit_iv3(deelnemers, ("inwoners",), sleutel)
        return list(
            zip(
                _naar([d.inwoners for d in deelnemers], "inwoners"),
                [(g,) for g in inwoners],
                strict=True,
            )
        )
    if sleutel == Verdeelsleutel.BEGROTING:
        _uit_iv3(deelnemers, ("overhead",), sleutel)
        if not sum(d.overhead for d in deelnemers):
            raise SleutelFout("Zonder ingebracht budget kan niet naar budget worden verdeeld.")
        return list(
            zip(
                _naar([d.overhead for d in deelnemers], "budgetten"),
                [(g,) for g in budget],
                strict=True,
            )
        )
    if sleutel == Verdeelsleutel.MIX:
        if not 0 <= mix_inwoners <= 1:
            raise SleutelFout("Het aandeel inwoners in de mix moet tussen 0 en 100% liggen.")
        _uit_iv3(deelnemers, ("inwoners", "overhead"), sleutel)
        naar_inwoners = _naar([d.inwoners for d in deelnemers], "inwoners")
        som = sum(d.overhead for d in deelnemers)
        naar_budget = [d.overhead / som for d in deelnemers] if som else [0.0] * len(deelnemers)
        return [
            (mix_inwoners * i + (1 - mix_inwoners) * b, (gi, gb))
            for i, b, gi, gb in zip(naar_inwoners, naar_budget, inwoners, budget, strict=True)
        ]
    if sleutel == Verdeelsleutel.VAST:
        vast = vast or {}
        procenten = [float(vast.get(d.naam, 0)) for d in deelnemers]
        if abs(sum(procenten) - 100) > MARGE_VASTE_VERDELING:
            nu = getallen.decimaal(sum(procenten))
            raise SleutelFout(f"De vaste verdeling moet samen 100% zijn; nu {nu}%.")
        return [
            (p / 100, (Grondslag("vast aandeel (%)", p, VAST_BRON, decimalen=1),))
            for p in procenten
        ]
    if sleutel in (Verdeelsleutel.FTE, Verdeelsleutel.CLIENTEN):
        _ingevuld(deelnemers, [sleutel], Verdeelsleutel(sleutel).label)
        gegevens = [d.gegevens[sleutel] for d in deelnemers]
        wat = INGEVULDE_GEGEVENS[sleutel]
        decimalen = 1 if sleutel == Verdeelsleutel.FTE else 0
        return list(
            zip(
                _naar([g.waarde for g in gegevens], wat),
                [(Grondslag(wat, g.waarde, g.bron, decimalen=decimalen),) for g in gegevens],
                strict=True,
            )
        )
    if sleutel == Verdeelsleutel.UREN:
        # CGM: each member pays for its hours at the rate of their group of scales; the
        # overhead follows those hours (lines 5073-5077). The rates weigh the hours.
        groepen = _tariefgroepen(deelnemers, tarieven)
        if not groepen:
            groepen = list(TARIEFGROEPEN)[:1]
        _ingevuld(deelnemers, [f"uren_{g}" for g in groepen], Verdeelsleutel.UREN.label)
        zonder_tarief = [f"uurtarief {TARIEFGROEPEN[g]}" for g in groepen if g not in tarieven]
        if zonder_tarief:
            raise SleutelFout(
                f"Voor de verdeling {Verdeelsleutel.UREN.label.lower()} is onbekend: "
                f"{getallen.opsomming(zonder_tarief)}. Vul deze gegevens in, met hun bron."
            )
        gewichten, grond = [], []
        for d in deelnemers:
            uren = [d.gegevens[f"uren_{g}"] for g in groepen]
            gewichten.append(
                sum(u.waarde * tarieven[g].waarde for u, g in zip(uren, groepen, strict=True))
            )
            grond.append(
                tuple(
                    Grondslag(
                        f"uren {TARIEFGROEPEN[g]} à {getallen.euro(tarieven[g].waarde)}",
                        u.waarde,
                        f"{u.bron}; tarief: {tarieven[g].bron}",
                    )
                    for u, g in zip(uren, groepen, strict=True)
                )
            )
        return list(zip(_naar(gewichten, "uren maal tarief"), grond, strict=True))
    raise SleutelFout(f"Onbekende verdeelsleutel {sleutel!r}.")


def aandelen(
    deelnemers: list[Deelnemerkosten],
    sleutel: str,
    *,
    vast: dict[str, float] | None = None,
    mix_inwoners: float = 0.5,
    tarieven: Mapping[str, Gegeven] | None = None,
) -> list[float]:
    return [
        aandeel
        for aandeel, _ in grondslagen_en_aandelen(
            deelnemers, sleutel, vast=vast, mix_inwoners=mix_inwoners, tarieven=tarieven
        )
    ]


def verdeel(
    deelnemers: list[Deelnemerkosten],
    totaal: float,
    sleutel: str,
    *,
    vast=None,
    mix_inwoners: float = 0.5,
    tarieven: Mapping[str, Gegeven] | None = None,
    domeinen: tuple[Domeinsleutel, ...] | list[Domeinsleutel] = (),
) -> list[Bijdrage]:
    """Share `totaal` among the members: each domain's part under its own key, the rest under
    `sleutel`. Each contribution says per part which key decided it and on what figures."""
    for domein in domeinen:
        if domein.sleutel not in DOMEINSLEUTELS:
            raise SleutelFout(
                f"Domein {domein.domein} kan niet met een vaste verdeling of een mix worden "
                "verdeeld; kies een andere sleutel."
            )
    rest = 1 - sum(domein.aandeel for domein in domeinen)
    if rest < -AFRONDING:
        samen = getallen.decimaal(100 * (1 - rest))
        raise SleutelFout(f"De domeinen hebben samen {samen}% van de kosten; hooguit 100%.")
    delen = [(d.domein, d.aandeel, d.bron, d.sleutel) for d in domeinen]
    # Domains that take all costs leave nothing for the main key (whose figures may then
    # be unknown without harm).
    if rest > AFRONDING:
        delen.append(("", rest, "", sleutel))
    per_deel = [
        grondslagen_en_aandelen(
            deelnemers, deelsleutel, vast=vast, mix_inwoners=mix_inwoners, tarieven=tarieven
        )
        for _, _, _, deelsleutel in delen
    ]
    uit = []
    for i, deelnemer in enumerate(deelnemers):
        eigen = tuple(
            Deelbijdrage(
                domein, deel, bron, deelsleutel, uitkomst[i][0], totaal * deel * uitkomst[i][0],
                uitkomst[i][1],
            )
            for (domein, deel, bron, deelsleutel), uitkomst in zip(delen, per_deel, strict=True)
        )  # fmt: skip
        bedrag = sum(d.bedrag for d in eigen)
        uit.append(Bijdrage(deelnemer, sum(d.deel * d.aandeel for d in eigen), bedrag, eigen))
    return uit
