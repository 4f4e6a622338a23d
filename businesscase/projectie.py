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

from dataclasses import dataclass

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


# A fixed split is typed in percentages with one decimal; its sum may miss 100 by rounding
# alone, never by more than this. The form and the maths use the same margin.
MARGE_VASTE_VERDELING = 0.05


@dataclass(frozen=True)
class Deelnemerkosten:
    """What one deelnemende gemeente spends on overhead now: what the split compares with."""

    naam: str
    inwoners: int
    overhead: float  # what the member spends on overhead alone now, euros per year


@dataclass(frozen=True)
class Bijdrage:
    deelnemer: Deelnemerkosten
    aandeel: float  # 0..1
    bijdrage: float  # euros per year

    @property
    def verschil(self) -> float:
        """Against going alone: positive means the member pays more than now."""
        return self.bijdrage - self.deelnemer.overhead

    @property
    def per_inwoner(self) -> float:
        return self.bijdrage / self.deelnemer.inwoners


class SleutelFout(ValueError):
    pass


def aandelen(
    deelnemers: list[Deelnemerkosten],
    sleutel: str,
    *,
    vast: dict[str, float] | None = None,
    mix_inwoners: float = 0.5,
) -> list[float]:
    inwoners = sum(deelnemer.inwoners for deelnemer in deelnemers)
    budget = sum(deelnemer.overhead for deelnemer in deelnemers)
    naar_inwoners = [deelnemer.inwoners / inwoners for deelnemer in deelnemers]
    naar_budget = (
        [deelnemer.overhead / budget for deelnemer in deelnemers]
        if budget
        else [0.0] * len(deelnemers)
    )
    if sleutel == Verdeelsleutel.INWONERS:
        return naar_inwoners
    if sleutel == Verdeelsleutel.BEGROTING:
        if not budget:
            raise SleutelFout("Zonder ingebracht budget kan niet naar budget worden verdeeld.")
        return naar_budget
    if sleutel == Verdeelsleutel.MIX:
        if not 0 <= mix_inwoners <= 1:
            raise SleutelFout("Het aandeel inwoners in de mix moet tussen 0 en 100% liggen.")
        return [
            mix_inwoners * i + (1 - mix_inwoners) * b
            for i, b in zip(naar_inwoners, naar_budget, strict=True)
        ]
    if sleutel == Verdeelsleutel.VAST:
        vast = vast or {}
        procenten = [float(vast.get(deelnemer.naam, 0)) for deelnemer in deelnemers]
        if abs(sum(procenten) - 100) > MARGE_VASTE_VERDELING:
            nu = getallen.decimaal(sum(procenten))
            raise SleutelFout(f"De vaste verdeling moet samen 100% zijn; nu {nu}%.")
        return [p / 100 for p in procenten]
    raise SleutelFout(f"Onbekende verdeelsleutel {sleutel!r}.")


def verdeel(
    deelnemers: list[Deelnemerkosten],
    totaal: float,
    sleutel: str,
    *,
    vast=None,
    mix_inwoners: float = 0.5,
) -> list[Bijdrage]:
    return [
        Bijdrage(deelnemer, aandeel, totaal * aandeel)
        for deelnemer, aandeel in zip(
            deelnemers,
            aandelen(deelnemers, sleutel, vast=vast, mix_inwoners=mix_inwoners),
            strict=True,
        )
    ]
