"""Warning signs (signalen) for an evaluatie, each tied to the report, in the shape of the
afweging's (`afweging.signalen.Signaal`).

Not too early: an evaluatie whose peildatum lies less than two years
(`afweging.signalen.EVALUATIE_MINIMUM_JAREN`) after the start of the fusion carries a
warning. Benefits come only after a start-up phase with friction costs and a lower
satisfaction (§6.4.2, the figure at lines 5113-5133); the new organisation is two to three
years turned inwards (§8.2.3, line 6642); and an evaluation after one year mostly voices
disappointments (line 6228). When the start is unknown, the signal says that this cannot be
judged instead of staying silent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from afweging.signalen import (
    AANDACHT,
    EVALUATIE_MINIMUM_BRON,
    EVALUATIE_MINIMUM_JAREN,
    WAARSCHUWING,
    Signaal,
    jaren_later,
    op_volgorde,
)
from weergave import getallen
from weergave.datums import datum

TE_VROEG_BRON = (
    "§6.4.2 Voordelen realiseren vergt tijd en geduld (regels 5010, 5051-5133); "
    + EVALUATIE_MINIMUM_BRON
)


@dataclass(frozen=True)
class Context:
    peildatum: date
    startdatum: date | None
    startdatum_tekst: str = ""  # what the register says when it gives no date ("2008")
    # The register gives only the year: `startdatum` is 1 January of it, the real start
    # any day of that year.
    start_alleen_jaar: bool = False


def te_vroeg(context: Context) -> Signaal | None:
    if context.startdatum is None:
        genoemd = (
            f" Het register noemt als start alleen ‘{context.startdatum_tekst}’."
            if context.startdatum_tekst
            else ""
        )
        return Signaal(
            "evaluatie_start_onbekend",
            AANDACHT,
            "Start van de fusie onbekend: niet te beoordelen of de evaluatie te vroeg komt",
            "Of deze evaluatie minstens twee jaar na de start van de fusie komt, kan niet "
            f"beoordeeld worden: de startdatum van de fusie is onbekend.{genoemd} Voordelen "
            "van een fusie komen pas na een opstartfase met frictiekosten; een te vroege "
            "evaluatie meet vooral die opstartfase.",
            TE_VROEG_BRON,
        )
    if context.start_alleen_jaar:
        return _te_vroeg_in_het_jaar(context)
    grens = jaren_later(context.startdatum, EVALUATIE_MINIMUM_JAREN)
    if grens is None or context.peildatum >= grens:
        return None
    jaren = (context.peildatum - context.startdatum).days / 365.25
    wanneer = (
        f"{getallen.decimaal(jaren)} jaar na de start van de fusie ({datum(context.startdatum)})"
        if jaren >= 0
        else f"vóór de start van de fusie ({datum(context.startdatum)})"
    )
    return _te_vroeg(context, wanneer)


OPSTARTFASE = (
    "Voordelen van een fusie komen pas na een opstartfase met frictiekosten, waarin de kosten "
    "stijgen en de tevredenheid daalt; de organisatie is de eerste twee à drie jaar vooral "
    "naar binnen gericht. Wat nu negatief scoort, kan de opstartfase zijn; een te vroege "
    "evaluatie levert vooral teleurstellingen op en druk om te veranderen."
)


def _te_vroeg(context: Context, wanneer: str) -> Signaal:
    return Signaal(
        "evaluatie_te_vroeg",
        WAARSCHUWING,
        "Evaluatie te vroeg",
        f"Deze evaluatie neemt de stand op {datum(context.peildatum)} op, {wanneer}: minder "
        f"dan {EVALUATIE_MINIMUM_JAREN} jaar. {OPSTARTFASE}",
        TE_VROEG_BRON,
    )


def _te_vroeg_in_het_jaar(context: Context) -> Signaal | None:
    """The start lies somewhere in a year: too early when even a start on 1 January was less
    than two years before; perhaps too early when only a start later in the year was."""
    jaar = context.startdatum.year
    vroegst = date(jaar, 1, 1)
    laatst = date(jaar, 12, 31)
    zeker_genoeg = jaren_later(laatst, EVALUATIE_MINIMUM_JAREN)
    if zeker_genoeg is None or context.peildatum >= zeker_genoeg:
        return None
    in_het_jaar = f"de start van de fusie in {jaar} (het register noemt geen dag)"
    if context.peildatum < jaren_later(vroegst, EVALUATIE_MINIMUM_JAREN):
        wanneer = (
            f"minder dan {EVALUATIE_MINIMUM_JAREN} jaar na {in_het_jaar}"
            if context.peildatum >= vroegst
            else f"vóór {in_het_jaar}"
        )
        return Signaal(
            "evaluatie_te_vroeg",
            WAARSCHUWING,
            "Evaluatie te vroeg",
            f"Deze evaluatie neemt de stand op {datum(context.peildatum)} op, {wanneer}, welke "
            f"dag van dat jaar het ook was. {OPSTARTFASE}",
            TE_VROEG_BRON,
        )
    beslist = datum(jaren_later(context.peildatum, -EVALUATIE_MINIMUM_JAREN))
    return Signaal(
        "evaluatie_misschien_te_vroeg",
        AANDACHT,
        "Evaluatie misschien te vroeg",
        f"Deze evaluatie neemt de stand op {datum(context.peildatum)} op. Het register noemt "
        f"als start alleen het jaar {jaar}: begon de fusie na {beslist}, dan komt de "
        f"evaluatie minder dan {EVALUATIE_MINIMUM_JAREN} jaar na de start. De dag staat in het "
        f"besluit tot de regeling. {OPSTARTFASE}",
        TE_VROEG_BRON,
    )


REGELS = [te_vroeg]


def signalen(context: Context) -> list[Signaal]:
    return op_volgorde([s for regel in REGELS if (s := regel(context)) is not None])


def context_van(evaluatie) -> Context:
    tekst, alleen_jaar = "", False
    organisatie = evaluatie.fusieorganisatie if evaluatie.fusieorganisatie_id else None
    if organisatie is not None:
        if evaluatie.startdatum_fusie is None:
            tekst = organisatie.startdatum_tekst
        # The register's 1 January of a year-only start; any other date is a date.
        alleen_jaar = (
            organisatie.start_alleen_jaar
            and evaluatie.startdatum_fusie is not None
            and evaluatie.startdatum_fusie == organisatie.startdatum
        )
    return Context(evaluatie.peildatum, evaluatie.startdatum_fusie, tekst, alleen_jaar)
