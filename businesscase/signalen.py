"""The signalen only the business case can raise, added to the afweging's own through its
uitbreiding (`afweging.uitbreidingen.Uitbreiding.signalen`): a taakstelling well above the
saving the business case models, a negative business case beside a positive advies, and a
large shift of costs to one gemeente under the chosen verdeelsleutel.

Each rule is a pure function on the computed business case; each threshold is a named
constant with its reason, and each message shows the figures it compared.
"""

from __future__ import annotations

from afweging.scoring import Advies, Uitkomst
from afweging.signalen import WAARSCHUWING, Signaal
from businesscase import projectie as bc
from businesscase.berekening import Doorrekening, bereken
from weergave import getallen

# A taakstelling more than a quarter above the structural saving the business case itself
# models cannot be explained by rounding or a cautious estimate: the gap comes out of
# capacity, and the report saw such taakstellingen bring kwetsbaarheid back and wipe out
# the benefits of the larger organisation (§8.2.2, regels 6128 and 6176).
TAAKSTELLING_FACTOR = 1.25

# A business case is negative when its cumulative effect is below zero after the horizon
# it is computed over: the ten years over which deelvraag 6 asks the fusion to add value
# (§11.3, regel 9559).
HORIZON_JAREN = bc.JAREN

# A gemeente whose overhead rises by ten percentage points more than that of the
# deelnemers together carries a shift its raad sees in its own begroting, larger than the
# structural saving fusions aim for. The report gives no figure; it calls the cost split
# decisive for how gemeenten judge the fusion (§6.4.1, regel 4976), and in both dissolved
# cases the member that saw too little benefit left (§5.4.2, regel 3727).
KOSTENVERSCHUIVING_DREMPEL = 0.10

POSITIEVE_ADVIEZEN = (Advies.POSITIEF, Advies.VOORWAARDEN)


def structurele_besparing(projectie: bc.Projectie) -> float:
    """What the variant saves per year once the saving has grown in and the friction costs
    are spent: after the extra costs and VAT (negative: it costs more)."""
    return projectie.basis - projectie.structurele_kosten


def taakstelling_boven_besparing(taakstelling, projectie: bc.Projectie | None) -> Signaal | None:
    if not taakstelling or taakstelling <= 0 or projectie is None:
        return None
    besparing = structurele_besparing(projectie)
    if taakstelling <= TAAKSTELLING_FACTOR * max(besparing, 0.0):
        return None
    taak = getallen.euro(taakstelling)
    if besparing > 0:
        vergelijking = (
            f"De besparingstaakstelling van {taak} per jaar is "
            f"{getallen.decimaal(float(taakstelling) / besparing)} keer de structurele besparing "
            f"die de businesscase voor de voorgestelde variant doorrekent "
            f"({getallen.euro(besparing)} per jaar, na extra kosten en btw)."
        )
    elif besparing == 0:
        vergelijking = (
            f"De besparingstaakstelling is {taak} per jaar, maar de businesscase rekent voor de "
            "voorgestelde variant met geen enkele structurele besparing."
        )
    else:
        vergelijking = (
            f"De besparingstaakstelling is {taak} per jaar, maar de businesscase rekent voor de "
            f"voorgestelde variant structureel met {getallen.euro(-besparing)} per jaar méér "
            "kosten (extra kosten en btw)."
        )
    return Signaal(
        "taakstelling_boven_businesscase",
        WAARSCHUWING,
        "Taakstelling hoger dan de businesscase",
        f"{vergelijking} Wat de businesscase niet onderbouwt, gaat ten koste van capaciteit: "
        "het rapport zag dat te grote taakstellingen de voordelen van de grotere organisatie "
        "tenietdeden en de kwetsbaarheid terugbrachten. Verlaag de taakstelling of onderbouw "
        "de besparing in de businesscase.",
        "§8.2.2 (regels 6128 en 6176); §5.5.1 Weinig oog voor frictiekosten (regel 4075)",
    )


def negatief_bij_positief_advies(advies: Advies, projectie: bc.Projectie | None) -> Signaal | None:
    if advies not in POSITIEVE_ADVIEZEN or projectie is None or projectie.zonder_effect:
        return None
    cumulatief = projectie.cumulatief[:HORIZON_JAREN][-1]
    if cumulatief >= 0:
        return None
    variant = projectie.variant
    return Signaal(
        "businesscase_negatief",
        WAARSCHUWING,
        "Negatieve businesscase bij een positief advies",
        f"Het advies is {advies.label.lower()}, maar de businesscase van de voorgestelde "
        f"variant is negatief: na {HORIZON_JAREN} jaar is het netto-effect "
        f"{getallen.euro(cumulatief)} (besparing {getallen.decimaal(variant.besparing_pct)}%, "
        f"frictiekosten {getallen.euro(variant.frictiekosten)}, extra kosten "
        f"{getallen.euro(variant.extra_kosten)} per jaar), en de fusie verdient zich binnen "
        f"{HORIZON_JAREN} jaar niet terug. Dat kan passen als de meerwaarde in kwaliteit en "
        "kwetsbaarheid zit; zeg dan in het advies dat de gemeenten deze kosten voor die "
        "meerwaarde dragen. Laat anders toetsen of het voorstel financieel klopt.",
        "§8.3.1 Tussen momentum en haast (regel 6409); kritieke succesfactor Omgaan met "
        "urgentie (regel 6770)",
    )


def kostenverschuiving(doorrekening: Doorrekening) -> Signaal | None:
    bijdragen = doorrekening.bijdragen
    # What a member spends now unknown (no Iv3 figures): no shift to measure against.
    if not bijdragen or any(b.deelnemer.overhead is None for b in bijdragen):
        return None
    nu = sum(b.deelnemer.overhead for b in bijdragen)
    straks = sum(b.bijdrage for b in bijdragen)
    if nu <= 0:
        return None
    samen = straks / nu - 1
    # A member whose overhead on taakveld 0.4 is probably booked elsewhere would seem to
    # pay far more than now: that is the figure, not the key (flagged on the page).
    stijgingen = [
        (b.bijdrage / b.deelnemer.overhead - 1, b)
        for b in bijdragen
        if b.deelnemer.overhead > 0 and b.deelnemer.naam not in doorrekening.via_bijdrage
    ]
    verschoven = sorted(
        (paar for paar in stijgingen if paar[0] - samen >= KOSTENVERSCHUIVING_DREMPEL),
        key=lambda paar: -paar[0],
    )
    if not verschoven:
        return None
    sleutel = doorrekening.sleutel_tekst
    delen = [
        f"{b.deelnemer.naam} betaalt straks {getallen.euro(b.bijdrage)} per jaar aan overhead, "
        f"tegen {getallen.euro(b.deelnemer.overhead)} nu: {getallen.procent(stijging)} meer"
        for stijging, b in verschoven
    ]
    if getallen.procent(abs(samen)) == getallen.procent(0):
        samen_tekst = "evenveel als nu"
    else:
        samen_tekst = f"{getallen.procent(abs(samen))} {'meer' if samen > 0 else 'minder'}"
    return Signaal(
        "kostenverschuiving",
        WAARSCHUWING,
        "Kosten verschuiven naar één gemeente"
        if len(verschoven) == 1
        else "Kosten verschuiven naar enkele gemeenten",
        f"Onder de gekozen verdeelsleutel ({sleutel}): {'; '.join(delen)}. De deelnemers samen "
        f"betalen {samen_tekst}. Het rapport noemt de "
        "kostenverdeling van belang voor hoe gemeenten de fusie ervaren; in beide beëindigde "
        "fusies stapte de gemeente uit die te weinig voordeel zag. Maak de verschuiving "
        "zichtbaar in het raadsvoorstel van die gemeente, of weeg een andere verdeelsleutel.",
        "§6.4.1 Kostenverdeling (regel 4976); §5.4.2 (regel 3727)",
    )


def signalen(afweging, *, uitkomst: Uitkomst) -> list[Signaal]:
    doorrekening = bereken(afweging)
    projectie = doorrekening.voorgesteld
    gevonden = [
        taakstelling_boven_besparing(afweging.taakstelling, projectie),
        negatief_bij_positief_advies(uitkomst.advies, projectie),
        kostenverschuiving(doorrekening),
    ]
    return [signaal for signaal in gevonden if signaal is not None]
