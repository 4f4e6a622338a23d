"""The voorwaarden of an advies: what must be put in order before the fusion goes ahead,
written for a Statenlid who has to act on it. One for each deelvraag at 0 or below, and
one for each kritieke succesfactor that is not or only partly met, with the adviseur's
own note on it.

The texts are the project's wording of the report's advice, with the place it is found.
They are keyed by the codes of the kader, not by number: a later kader version with other
deelvragen or factors gets the plain fallback, never a text about something else.
"""

from __future__ import annotations

from dataclasses import dataclass

from weergave import getallen


@dataclass(frozen=True)
class Voorwaarde:
    onderwerp: str  # what is not in order, with the score or status
    tekst: str  # what has to happen, in plain Dutch
    bron: str  # where the report says so
    notitie: str = ""  # the adviseur's own note (on a kritieke succesfactor)
    deelvraag: int | None = None  # the number of the deelvraag it is about, if one

    def __str__(self) -> str:
        notitie = f" Notitie van de adviseur: {self.notitie}" if self.notitie else ""
        return f"{self.onderwerp}. {self.tekst}{notitie}"


# Per deelvraag code: (a short name, what has to happen, where the report says so).
DEELVRAGEN: dict[str, tuple[str, str, str]] = {
    "bedrijfsvoering": (
        "bijdrage aan de bedrijfsvoering",
        "De gemeenten onderbouwen welke kwetsbare functies en eenpitters de fusie oplost, en "
        "leggen een kostenraming voor die niet op besparingen rekent en de extra lasten "
        "meeneemt: onderlinge verrekening, een eigen planning-en-controlcyclus en btw.",
        "§11.2 Reken je niet rijk (regel 9408); §6.4 Meerkosten van een ambtelijke fusie "
        "(regel 4818)",
    ),
    "eigenstandige_bestuurskracht": (
        "eigenstandige bestuurskracht",
        "Iedere gemeente legt vast welke eigen maatschappelijke opgaven zij met de fusie beter "
        "aankan, en raden en colleges spreken af welk beleid zij harmoniseren en hoe zij de "
        "strategische functie versterken. Zonder die afspraken blijft de gebundelde "
        "beleidskracht onbenut en raakt de politiek op afstand.",
        "§11.2 Kwaliteitsimpuls vraagt politiek-bestuurlijke samenwerking (regel 9412); "
        "§10.4.3 Politiek teveel op afstand (regel 8825)",
    ),
    "regionale_bestuurskracht": (
        "regionale bestuurskracht",
        "De gemeenten leggen een gedeelde regionale agenda vast: bij welke regionale opgaven "
        "en aan welke tafels zij samen optreden, en hoe de fusie past in de "
        "samenwerkingsverbanden waarin zij nu zitten.",
        "§11.3 (regel 9537); §5.5.1 Gelijkheid versus gelijkwaardigheid (regel 4151)",
    ),
    "succesfactoren_vooraf": (
        "kritieke succesfactoren vooraf ingevuld",
        "De gemeenten werken de kritieke succesfactoren vóór het besluit uit in afspraken: "
        "begrote frictiekosten en frictietijd, een eerste evaluatie na twee à drie jaar tegen "
        "de situatie zonder fusie, de rollen van eigenaar, opdrachtgever en opdrachtnemer, en "
        "een verdeelsleutel.",
        "§8.3 (regel 6763), §8.4 (regel 7244) en §11.2 De checklist (regel 9398)",
    ),
    "politiek_draagvlak": (
        "politiek draagvlak",
        "Iedere raad stemt uitdrukkelijk in met de fusie én met wat zij vraagt: harmonisatie "
        "van beleid, frictiekosten en tijdelijk mindere prestaties. De gemeenten zeggen openlijk "
        "of zij de fusie zien als eindsituatie of als opstap naar herindeling.",
        "§11.2 Draagvlak bij de start komt later onder druk (regel 9430); §8.3.2 Perspectieven "
        "en emoties (regel 6435)",
    ),
    "duurzaamheid": (
        "duurzaamheid",
        "De gemeenten spreken een gedeeld perspectief voor de komende tien jaar af, zonder een "
        "eindbeeld af te dwingen, en kiezen een regeling die toetreding, uittreding of een "
        "latere vervolgstap mogelijk maakt.",
        "§8.4 Langjarig perspectief (regel 7287); §4.3 Vormgeving ambtelijke organisatie "
        "(regel 1942)",
    ),
    "wgr_versus_centrumgemeente": (
        "eigen Wgr-entiteit of centrumgemeente",
        "De gemeenten laten zien waarom de gekozen vorm meer oplevert dan de andere (een eigen "
        "Wgr-entiteit of een centrumgemeenteconstructie) en of dat opweegt tegen de extra "
        "bestuurlijke complexiteit, en zij scheiden de rollen van eigenaar, opdrachtgever en "
        "opdrachtnemer.",
        "§11.2 De besturing is complex (regel 9421); §2.5.1 De juridische vormen (regel 678)",
    ),
    "versus_herindeling": (
        "ambtelijke fusie of herindeling",
        "De gemeenten wegen openlijk af wat eigen raden en colleges opleveren tegenover een "
        "herindeling, en maken expliciet of de ambtelijke fusie een tussenstap naar herindeling "
        "is of een eindsituatie.",
        "§11.3 (regel 9578); §2.6 Motieven (regel 981)",
    ),
}

# Per succesfactor code: what has to happen (the place follows from its phase and line).
SUCCESFACTOREN: dict[str, str] = {
    "vorming_urgentie": (
        "De gemeenten toetsen het voorlopige resultaat bestuurlijk, inhoudelijk en financieel "
        "voordat de raden besluiten, en leggen procesafspraken vast in plaats van een "
        "gedetailleerde blauwdruk."
    ),
    "vorming_perspectieven_emoties": (
        "Iedere gemeente zegt openlijk of een latere herindeling een achterliggend motief is, "
        "en de gemeenten benoemen wat de fusie bij raden en medewerkers oproept."
    ),
    "vorming_transitie_transformatie": (
        "De gemeenten integreren eerst de organisaties en wachten met een diepgaande "
        "reorganisatie, en zeggen welke meerwaarde boven de optelsom van de organisaties het "
        "eerst zichtbaar moet worden."
    ),
    "vorming_frictie_inboeken": (
        "De gemeenten nemen frictiekosten en frictietijd voor de eerste jaren na de start op in "
        "hun begrotingen."
    ),
    "vorming_niet_te_vroeg_evalueren": (
        "De eerste evaluatie komt niet eerder dan na twee à drie jaar en vergelijkt met de "
        "situatie zonder fusie, niet met die van vóór de fusie."
    ),
    "werking_schaalverschillen": (
        "De gemeenten leggen vast hoe grote en kleine deelnemers gelijkwaardig maar niet gelijk "
        "meedoen: wat zij harmoniseren en standaardiseren, en waar lokaal maatwerk blijft."
    ),
    "werking_verhoudingen": (
        "De colleges leggen vast hoe zij als eigenaar zorgen voor de continuïteit van de "
        "organisatie en hoe zij als opdrachtgever hun wensen duidelijk en uitvoerbaar maken."
    ),
    "werking_posities_rollen": (
        "De gemeenten maken de rollen van gemeentesecretaris en algemeen directeur helder en "
        "leggen vast hoe die functies met elkaar en met de colleges verbonden zijn."
    ),
    "werking_langjarig_perspectief": (
        "De gemeenten spreken een perspectief voor de lange termijn af zonder een eindbeeld af "
        "te dwingen: hoe meer druk op één eindperspectief, hoe sterker de weerstand."
    ),
    "checklist_strategie_kwetsbaarheid": (
        "Het voorstel richt de fusie op het versterken van de strategische en beleidsmatige "
        "functie en het verminderen van de operationele kwetsbaarheid, en zegt hoe."
    ),
    "checklist_niet_rijk_rekenen": (
        "Begroting en raadsvoorstel rekenen niet op kostenvoordelen of aantoonbaar betere "
        "dienstverlening; wie er toch op rekent, onderbouwt dat apart."
    ),
    "checklist_kwaliteitsimpuls": (
        "De gemeenten spreken af welk beleid zij harmoniseren en welke planningen zij "
        "synchroniseren, en hoe raden en colleges elkaar daarover bestuurlijk treffen."
    ),
    "checklist_besturing_complex": (
        "Het voorstel laat zien wat de fusie meer oplevert dan eenvoudigere vormen van "
        "samenwerking, en of dat opweegt tegen de extra bestuurlijke complexiteit."
    ),
    "checklist_draagvlak_onder_druk": (
        "De gemeenten zeggen vooraf tegen organisatie, colleges en raden dat frictiekosten en "
        "mindere prestaties het draagvlak in de eerste twee jaar onder druk zetten."
    ),
    "checklist_niets_vanzelf": (
        "De begrotingen houden rekening met extra frictiekosten en mindere prestaties in de "
        "eerste één à twee jaar."
    ),
}

FASEN = {
    "vorming": "§8.3 Kritieke succesfactoren bij de totstandkoming",
    "werking": "§8.4 Kritieke succesfactoren bij het functioneren",
    "checklist": "§11.2 De checklist",
}


def voor_deelvraag(*, nummer: int, code: str, naam: str, score: int) -> Voorwaarde:
    kort, tekst, bron = DEELVRAGEN.get(
        code,
        (
            naam,
            "De gemeenten laten vóór het besluit zien hoe zij dit punt versterken.",
            "§11.3 Het afwegingskader (regel 9447)",
        ),
    )
    return Voorwaarde(
        f"Deelvraag {nummer} ({kort}) scoort {getallen.met_teken(score)}",
        tekst,
        bron,
        deelvraag=nummer,
    )


def voor_succesfactor(
    *, code: str, naam: str, status: str, fase: str = "", regel: int | None = None, notitie=""
) -> Voorwaarde:
    tekst = SUCCESFACTOREN.get(
        code, "De gemeenten werken deze succesfactor uit in afspraken voordat de raden besluiten."
    )
    plaats = FASEN.get(fase, "§11.3 Het afwegingskader")
    bron = f"{plaats} (regel {regel})" if regel else plaats
    stand = "niet" if status == "niet" else "deels"
    return Voorwaarde(
        f"Kritieke succesfactor ‘{naam}’ is {stand} voldaan", tekst, bron, notitie.strip()
    )
