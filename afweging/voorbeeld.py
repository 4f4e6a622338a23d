"""The example afweging that `make run` shows a new user: real gemeenten, fictional
judgements, clearly labelled as such wherever it appears."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from afweging.models import Afweging
from afweging.services import afweging_aanmaken
from casussen.models import Gemeente

TITEL = "Voorbeeld: ambtelijke fusie Leiderdorp, Oegstgeest en Zoeterwoude"
GEMEENTEN = ["GM0547", "GM0579", "GM0638"]  # Leiderdorp, Oegstgeest, Zoeterwoude.

DEELNEMERS = {
    "GM0547": ("eindoplossing", ["kwetsbaarheid", "dienstverlening", "zelfstandigheid"]),
    "GM0579": ("tussenstap", ["kwetsbaarheid", "kosten", "herindeling_vooruitlopen"]),
    "GM0638": ("eindoplossing", ["kwetsbaarheid", "werkgeverschap", "identiteit"]),
}

# Fictional: for demonstration only, not a judgement on these gemeenten.
ANTWOORDEN = {
    1: (
        "1",
        "Fictief voorbeeld. Minder eenpitters bij vergunningen en financiën; kosten "
        "blijven naar verwachting gelijk, dus geen besparing ingeboekt.",
    ),
    2: (
        "1",
        "Fictief voorbeeld. Meer capaciteit voor beleid op wonen en het sociaal domein, "
        "vooral voor de kleinste gemeente.",
    ),
    3: (
        "0",
        "Fictief voorbeeld. De regionale samenwerking in Holland Rijnland verandert "
        "nauwelijks; geen duidelijke winst of verlies.",
    ),
    4: (
        "-1",
        "Fictief voorbeeld. Frictiekosten zijn begroot, maar over urgentie, "
        "perspectieven en de evaluatie zijn nog geen afspraken gemaakt.",
    ),
    5: (
        "1",
        "Fictief voorbeeld. Drie raden steunen de verkenning met ruime meerderheden; "
        "in één raad is een minderheid tegen.",
    ),
    6: (
        "1",
        "Fictief voorbeeld. De opgaven voor de komende tien jaar vragen een sterkere "
        "organisatie; de fusie lijkt daarvoor houdbaar.",
    ),
    7: (
        "1",
        "Fictief voorbeeld. De gemeenten zijn vergelijkbaar van omvang; een eigen "
        "Wgr-entiteit past beter bij gelijkwaardigheid dan een centrumconstructie.",
    ),
    8: (
        "0",
        "Fictief voorbeeld. Een herindeling is niet aan de orde; beide varianten scoren "
        "ongeveer gelijk.",
    ),
}
SUCCESFACTOREN = {
    "vorming_urgentie": ("deels", "Fictief: tijdpad staat, procesafspraken nog niet."),
    "vorming_frictie_inboeken": ("voldaan", "Fictief: € 750.000 begroot."),
    "vorming_niet_te_vroeg_evalueren": ("niet", "Fictief: evaluatie na anderhalf jaar gepland."),
}


@transaction.atomic
def maak_voorbeeldafweging(*, door) -> tuple[Afweging, bool]:
    """Return the example afweging, creating it when it does not exist yet."""
    bestaand = Afweging.objects.filter(is_voorbeeld=True).order_by("pk").first()
    if bestaand is not None:
        return bestaand, False
    gemeenten = list(Gemeente.objects.filter(code__in=GEMEENTEN))
    afweging = afweging_aanmaken(
        door=door,
        velden=dict(
            titel=TITEL,
            variant=Afweging.Variant.BEDRIJFSVOERINGSORGANISATIE,
            geplande_startdatum=date(2028, 1, 1),
            geplande_evaluatiedatum=date(2029, 7, 1),
            taakstelling=Decimal("400000"),
            frictiekostenbudget=Decimal("750000"),
            reorganisatie_gecombineerd=Afweging.JaNeeOnbekend.NEE,
            is_voorbeeld=True,
        ),
        gemeenten=gemeenten,
    )
    for deelnemer in afweging.deelnemers.select_related("gemeente"):
        deelnemer.perspectief, deelnemer.motieven = DEELNEMERS[deelnemer.gemeente.code]
        deelnemer.save(update_fields=["perspectief", "motieven"])
    for antwoord in afweging.antwoorden.select_related("deelvraag"):
        antwoord.score, antwoord.motivering = ANTWOORDEN[antwoord.deelvraag.nummer]
        antwoord.save(update_fields=["score", "motivering"])
    for antwoord in afweging.succesfactorantwoorden.select_related("succesfactor"):
        if antwoord.succesfactor.code in SUCCESFACTOREN:
            antwoord.status, antwoord.notitie = SUCCESFACTOREN[antwoord.succesfactor.code]
            antwoord.save(update_fields=["status", "notitie"])
    return afweging, True
