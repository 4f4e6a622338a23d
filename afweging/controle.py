"""The check before vaststellen ("check your answers"): is every deelvraag answered with a
motivation, how far the checklist of kritieke succesfactoren is filled in, what do the
signalen warn of, what do the apps around the afweging ask to look at (open
opmerkingen, reacties without an answer, gemeenten that did not react), and which texts,
saved before their limit existed, are longer than it (`te_lange_teksten`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse

from afweging import lengtes, scoring, selectors, uitbreidingen
from afweging.models import Afweging
from weergave.getallen import aantal

UITLEG = {
    scoring.Status.OPEN: "nog niet beantwoord",
    scoring.Status.ONVOLDOENDE_INFORMATIE: "“onvoldoende informatie”",
    scoring.Status.ZONDER_MOTIVERING: "een score zonder motivering",
}


@dataclass(frozen=True)
class Hiaat:
    nummer: int
    naam: str
    uitleg: str
    link: str


@dataclass(frozen=True)
class TeLangeTekst:
    wat: str  # "De motivering bij deelvraag 3"
    lengte: int
    maximum: int
    link: str

    @property
    def tekst(self) -> str:
        return f"{self.wat} is {aantal(self.lengte)} tekens; er passen er {aantal(self.maximum)}."


def te_lange_teksten(afweging: Afweging) -> list[TeLangeTekst]:
    """Every text of the afweging longer than its limit (`afweging.lengtes`), in the order
    of the steps. Only a text saved before its limit existed can be (the forms keep it
    when posted back unchanged); its PDF would take minutes and be stopped after
    PDF_MAX_SECONDEN, so it is not made (vaststellen, the PDF download) until the text is
    shortened. Reads the rows `selectors.met_alles` prefetches."""

    def stap(code: str, anker: str = "") -> str:
        link = reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": code})
        return f"{link}#{anker}" if anker else link

    teksten = [("De titel", afweging.titel, lengtes.TITEL, stap("basis"))]
    for deelnemer in afweging.deelnemers.all():
        teksten.append(
            (
                f"De toelichting bij de motieven van {deelnemer.gemeente.naam}",
                deelnemer.motieven_toelichting,
                lengtes.MOTIEVEN_TOELICHTING,
                stap("deelnemers"),
            )
        )
    for antwoord in afweging.antwoorden.all():
        nummer, onderdeel = antwoord.deelvraag.nummer, antwoord.deelvraag.onderdeel.code
        link = stap(onderdeel, f"dv-{nummer}")
        teksten.append(
            (f"De motivering bij deelvraag {nummer}", antwoord.motivering, lengtes.MOTIVERING, link)
        )
        teksten.append(
            (f"De bronnen bij deelvraag {nummer}", antwoord.bronnen, lengtes.BRONNEN, link)
        )
    for factor in afweging.succesfactorantwoorden.all():
        teksten.append(
            (
                f"De notitie bij succesfactor ‘{factor.succesfactor.naam}’",
                factor.notitie,
                lengtes.NOTITIE,
                stap("succesfactoren", f"factor-{factor.succesfactor.code}"),
            )
        )
    return [
        TeLangeTekst(wat, lengtes.tekstlengte(tekst), maximum, link)
        for wat, tekst, maximum, link in teksten
        if lengtes.tekstlengte(tekst) > maximum
    ]


def waarom_geen_pdf(teksten: list[TeLangeTekst]) -> str:
    """Why these texts stop the PDF, in Dutch ('' when there are none)."""
    if not teksten:
        return ""
    wat = " ".join(t.tekst for t in teksten)
    return (
        f"Een tekst is langer dan er in het rapport past: {wat} Zo'n tekst is opgeslagen "
        "voordat de grens er was; maak hem korter, dan kan de PDF worden gemaakt."
    )


class Controle:
    def __init__(self, afweging: Afweging):
        self.afweging = afweging

    @cached_property
    def resultaat(self) -> selectors.Resultaat:
        return selectors.resultaat(self.afweging)

    @property
    def volledigheid(self) -> scoring.Volledigheid:
        return self.resultaat.uitkomst.volledigheid

    @cached_property
    def hiaten(self) -> list[Hiaat]:
        return [
            Hiaat(
                d.nummer,
                d.naam,
                UITLEG.get(d.status, d.status),
                reverse("afweging:stap", kwargs={"pk": self.afweging.pk, "stap": d.onderdeel})
                + f"#dv-{d.nummer}",
            )
            for d in self.volledigheid.hiaten
        ]

    @cached_property
    def checklist(self) -> selectors.Checklist:
        """Not required for vaststellen ('onbekend' is an answer), but worth a look."""
        return selectors.checklist(self.afweging)

    @cached_property
    def waarschuwingen(self) -> list:
        return [s for s in self.resultaat.signalen if s.is_waarschuwing]

    @cached_property
    def punten(self) -> list[uitbreidingen.Controlepunt]:
        return [p for u in uitbreidingen.alle() for p in u.controlepunten(self.afweging)]

    @cached_property
    def te_lang(self) -> list[TeLangeTekst]:
        return te_lange_teksten(self.afweging)

    @property
    def kan_vaststellen(self) -> bool:
        return (
            self.volledigheid.volledig
            and not self.te_lang
            and not any(p.blokkeert for p in self.punten)
        )

    def waarom_niet(self) -> str:
        """Why it cannot be vastgesteld yet, in one Dutch sentence ('' when it can)."""
        if not self.volledigheid.volledig:
            nummers = ", ".join(str(h.nummer) for h in self.hiaten)
            return (
                f"Een onvolledige afweging kan niet worden vastgesteld: "
                f"{self.volledigheid.beantwoord} van de {self.volledigheid.aantal} deelvragen "
                f"zijn gemotiveerd beantwoord (nog open: deelvraag {nummers})."
            )
        blokkerend = [waarom_geen_pdf(self.te_lang), *(p.tekst for p in self.punten if p.blokkeert)]
        return " ".join(b for b in blokkerend if b)
