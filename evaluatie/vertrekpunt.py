"""Where an evaluatie starts from: a fusieorganisatie in the register, or a vastgestelde
afweging whose fusion has started (an Afloop "gestart"). Each gives the deelnemers as they
are now, the start of the fusion and a title to begin with; nothing here writes.

The deelnemers of an evaluatie are gemeenten that exist now. A member that has since
merged into another gemeente (a herindeling, CBS) is followed to the gemeente it became
part of, and the page says so: Cuijk, Grave and Mill en Sint Hubert are Land van Cuijk
since 1 January 2022. A member with no known successor is left out, with that reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from afweging.models import Afweging
from casussen.models import Deelname, Fusieorganisatie, Gemeente, Herindeling
from evaluatie.models import Afloop
from weergave import getallen
from weergave.datums import datum

# A fusieorganisatie that never formed, or is only planned, has had no fusion to evaluate.
# An evaluatie takes the stand of a fusion that runs. One that ended has no members to
# evaluate for now: after a herindeling its "successor" is a gemeente of its own (De Waard's
# Molenlanden also holds Giessenlanden), and the figures of today say nothing of a fusion
# that is gone.
NIET_TE_EVALUEREN = {
    Fusieorganisatie.Status.NOOIT: "deze fusieorganisatie is nooit tot stand gekomen",
    Fusieorganisatie.Status.GEPLAND: "deze fusieorganisatie is nog niet gestart",
    Fusieorganisatie.Status.BEEINDIGD: (
        "deze fusieorganisatie is beëindigd; een evaluatie neemt de stand op van een fusie "
        "die loopt"
    ),
    Fusieorganisatie.Status.HERINDELING: (
        "de deelnemers van deze fusieorganisatie zijn opgegaan in een herindeling; een "
        "evaluatie neemt de stand op van een fusie die loopt"
    ),
}


@dataclass(frozen=True)
class Deelnemerkeuze:
    """A gemeente that takes part in the evaluatie, with the members it stands for and why."""

    gemeente: Gemeente
    reden: str
    opvolger: bool = False  # it stands for members that merged into it


@dataclass(frozen=True)
class Vertrekpunt:
    titel: str  # the title the form begins with
    deelnemers: tuple[Deelnemerkeuze, ...]
    weggelaten: tuple[str, ...] = ()  # members without a current gemeente, each with why
    startdatum: date | None = None
    startdatum_tekst: str = ""  # as the register gives it, when it gives no date
    startbron: str = ""  # where the start comes from, in words
    fusieorganisatie: Fusieorganisatie | None = None
    afweging: Afweging | None = None
    afloop: Afloop | None = None
    bezwaar: str = ""  # why this cannot be evaluated; empty when it can
    gemeenten: tuple[Gemeente, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "gemeenten", tuple(d.gemeente for d in self.deelnemers))

    @property
    def kan_starten(self) -> bool:
        return not self.bezwaar and bool(self.deelnemers)


def _opvolging(gemeente: Gemeente) -> tuple[list[Gemeente], str]:
    """The current gemeenten a dissolved gemeente became part of (its recorded
    `huidige_gemeenten`), and the way there in words: along the herindelingen when they lead
    there one step at a time ("per 1 januari 2013 opgegaan in Molenwaard, dat per 1 januari
    2019 opging in Molenlanden"), else in one step."""
    huidige = list(gemeente.huidige_gemeenten.all())
    if not huidige:
        return [], ""
    stappen, huidig, gezien = [], gemeente, {gemeente.pk}
    while not huidig.bestaat:
        herindelingen = list(huidig.herindelingen_als_oude.all())
        if len(herindelingen) != 1 or herindelingen[0].nieuwe_gemeente_id in gezien:
            break  # split over several, or not recorded
        stappen.append(herindelingen[0])
        huidig = herindelingen[0].nieuwe_gemeente
        gezien.add(huidig.pk)
    if stappen and [huidig] == huidige:
        delen = [
            f"per {datum(stappen[0].datum)} opgegaan in {stappen[0].nieuwe_gemeente.naam}",
            *(f"dat per {datum(s.datum)} opging in {s.nieuwe_gemeente.naam}" for s in stappen[1:]),
        ]
        return huidige, ", ".join(delen)
    wanneer = f"per {datum(gemeente.datum_opheffing)} " if gemeente.datum_opheffing else ""
    return huidige, f"{wanneer}opgegaan in {getallen.opsomming(g.naam for g in huidige)}"


def provincies_nu(organisatie: Fusieorganisatie) -> set[int]:
    """The provincies in which the deelnemers of an evaluatie of this fusieorganisatie lie
    (`huidige_deelnemers`: a member, or the current gemeenten of a dissolved one), in one
    query: enough to say whether an adviseur may start one."""
    rijen = Deelname.objects.filter(fusieorganisatie=organisatie).values_list(
        "gemeente__datum_opheffing",
        "gemeente__provincie_id",
        "gemeente__huidige_gemeenten__provincie_id",
    )
    return {
        opvolger if opgeheven else eigen
        for opgeheven, eigen, opvolger in rijen
        if (opvolger if opgeheven else eigen) is not None
    }


def huidige_deelnemers(leden: list[Gemeente]) -> tuple[list[Deelnemerkeuze], list[str]]:
    """From members (of a fusieorganisatie or an afweging) to the gemeenten that take part
    now: each existing member itself, each dissolved one its successor (once, however many
    members merged into it). Gives also the members left out, with why."""
    per_gemeente: dict[int, tuple[Gemeente, list[str], dict[str, list[str]]]] = {}
    weggelaten = []
    for lid in leden:
        if lid.bestaat:
            per_gemeente.setdefault(lid.pk, (lid, [], {}))[1].append(lid.naam)
            continue
        huidige, weg = _opvolging(lid)
        if not huidige:
            opgeheven = f" per {datum(lid.datum_opheffing)}" if lid.datum_opheffing else ""
            weggelaten.append(
                f"{lid.naam}: opgeheven{opgeheven}, en de referentiegegevens noemen geen "
                "gemeente waarin zij opging"
            )
        for gemeente in huidige:
            # Members that went the same way are named together.
            per_gemeente.setdefault(gemeente.pk, (gemeente, [], {}))[2].setdefault(weg, []).append(
                lid.naam
            )
    keuzes = []
    for gemeente, zelf, via in sorted(per_gemeente.values(), key=lambda t: t[0].naam):
        delen = ["Deelnemer van de fusie"] if zelf else []
        delen += [f"opvolger van {getallen.opsomming(namen)}: {weg}" for weg, namen in via.items()]
        tekst = "; ".join(delen)
        keuzes.append(Deelnemerkeuze(gemeente, tekst[:1].upper() + tekst[1:] + ".", bool(via)))
    return keuzes, weggelaten


def _leden(queryset):
    """Gemeenten with what following them to the present needs, in one go."""
    return queryset.select_related("provincie").prefetch_related(
        "huidige_gemeenten__provincie",
        Prefetch(
            "herindelingen_als_oude",
            queryset=Herindeling.objects.select_related(
                "nieuwe_gemeente__provincie"
            ).prefetch_related(
                "nieuwe_gemeente__herindelingen_als_oude__nieuwe_gemeente__provincie"
            ),
        ),
    )


def van_fusieorganisatie(organisatie: Fusieorganisatie) -> Vertrekpunt:
    deelnames = Deelname.objects.filter(fusieorganisatie=organisatie).values_list(
        "gemeente_id", flat=True
    )
    leden = list(_leden(Gemeente.objects.filter(pk__in=deelnames)).order_by("naam"))
    deelnemers, weggelaten = huidige_deelnemers(leden)
    if organisatie.startdatum:
        bron = (
            f"het register (start {organisatie.startdatum_tekst or datum(organisatie.startdatum)})"
        )
    elif organisatie.startdatum_tekst:
        bron = f"het register noemt als start ‘{organisatie.startdatum_tekst}’, geen datum"
    else:
        bron = "het register noemt geen start"
    return Vertrekpunt(
        titel=f"Evaluatie {organisatie.naam}",
        deelnemers=tuple(deelnemers),
        weggelaten=tuple(weggelaten),
        startdatum=organisatie.startdatum,
        startdatum_tekst="" if organisatie.startdatum else organisatie.startdatum_tekst,
        startbron=bron,
        fusieorganisatie=organisatie,
        bezwaar=NIET_TE_EVALUEREN.get(organisatie.status, ""),
    )


def gestart(afweging: Afweging) -> Afloop | None:
    """The latest recorded start of the fusion this afweging assessed, or None."""
    return (
        Afloop.objects.filter(afweging=afweging, soort=Afloop.Soort.GESTART)
        .order_by("-vastgelegd_op", "-pk")
        .first()
    )


def van_afweging(afweging: Afweging) -> Vertrekpunt:
    leden = list(
        _leden(Gemeente.objects.filter(pk__in=afweging.deelnemers.values("gemeente_id"))).order_by(
            "naam"
        )
    )
    deelnemers, weggelaten = huidige_deelnemers(leden)
    afloop = gestart(afweging)
    if afweging.status != Afweging.Status.VASTGESTELD:
        bezwaar = "alleen van een vastgestelde afweging wordt de fusie geëvalueerd"
    elif afloop is None:
        bezwaar = "nog niet vastgelegd dat de fusie van deze afweging is gestart"
    else:
        bezwaar = ""
    return Vertrekpunt(
        titel=f"Evaluatie {afweging.titel}",
        deelnemers=tuple(deelnemers),
        weggelaten=tuple(weggelaten),
        startdatum=afloop.datum if afloop else None,
        startbron=(
            f"de vastgelegde start van de fusie ({datum(afloop.datum)}; bron: {afloop.bron})"
            if afloop
            else ""
        ),
        afweging=afweging,
        afloop=afloop,
        bezwaar=bezwaar,
    )


def redenen(evaluatie) -> dict[int, str]:
    """Why each gemeente takes part in this evaluatie, as its start form said (a member, or
    the successor of members), by the gemeente's id; a gemeente its vertrekpunt no longer
    offers has no reason here. Read from the register or the afweging, as at the start."""
    if evaluatie.fusieorganisatie_id:
        punt = van_fusieorganisatie(evaluatie.fusieorganisatie)
    elif evaluatie.afweging_id:
        punt = van_afweging(evaluatie.afweging)
    else:
        return {}
    return {d.gemeente.pk: d.reden for d in punt.deelnemers}
