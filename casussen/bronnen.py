"""The data sources of Fusietoets, with the attribution their licences ask for.

Every figure on screen names one of these keys, so the "Over de data" page and the
footer can show where it comes from.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bron:
    sleutel: str
    titel: str
    uitgever: str
    licentie: str
    vermelding: str
    bestand: str
    toelichting: str = ""


BRONNEN: dict[str, Bron] = {
    bron.sleutel: bron
    for bron in [
        Bron(
            sleutel="rapport",
            titel="Onderzoeksrapport ambtelijke fusies (bron van dit project)",
            uitgever="zie het rapport",
            licentie="feiten en cijfers met bronvermelding",
            vermelding="Rapport ambtelijke fusies, met paragraaf en regelnummer",
            bestand="fixtures/rapport/",
            toelichting=(
                "De Bijlage (overzicht van de ambtelijke fusieorganisaties) en de negen casussen "
                "van §5.2. Elk gegeven noemt de paragraaf of het regelnummer in de tekstversie."
            ),
        ),
        Bron(
            sleutel="cbs-85067",
            titel="Gebieden in Nederland 2022 (StatLine 85067NED)",
            uitgever="Centraal Bureau voor de Statistiek",
            licentie="CC BY 4.0",
            vermelding="Bron: CBS, StatLine 85067NED",
            bestand="fixtures/cbs/85067NED_data.csv.gz",
            toelichting=(
                "Inwoners op 1 januari 2022, provincie, COROP-gebied en arbeidsmarktregio; "
                "ongewijzigd overgenomen via VNG-Realisatie/Burgerpeiling."
            ),
        ),
        Bron(
            sleutel="cbs-gebieden",
            titel="Gebieden in Nederland 2023, 2024 en 2025 (gemeenteklassen)",
            uitgever="Centraal Bureau voor de Statistiek",
            licentie="CC BY 4.0",
            vermelding="Bron: CBS, Gebieden in Nederland",
            bestand="fixtures/cbs/gemeenten_2022_2025.csv",
            toelichting=(
                "Inwoners op 1 januari 2023, 2024 en 2025 per gemeente, via "
                "michielsd/begrotingsanalysetool (Apache-2.0)."
            ),
        ),
        Bron(
            sleutel="cbs-gemeenten-2018",
            titel="Gemeentelijke indeling op 1 januari 2018 en herindelingen 2018-2023",
            uitgever="Centraal Bureau voor de Statistiek (samengesteld)",
            licentie="CC BY 4.0",
            vermelding="Bron: CBS, gemeentelijke indeling; samengesteld en gecontroleerd",
            bestand="fixtures/cbs/gemeenten_2018.csv, fixtures/cbs/herindelingen_2018_2023.csv",
            toelichting=(
                "De 380 gemeenten van 1 januari 2018 en de 69 herindelingsparen tot 2023. "
                "Samengesteld en tegen CBS-codelijsten gecontroleerd; zie fixtures/BRONNEN.md."
            ),
        ),
        Bron(
            sleutel="cbs-iv3",
            titel="Iv3: gemeentelijke baten en lasten per taakveld (jaarrekening 2023, "
            "begroting 2023-2025)",
            uitgever="Centraal Bureau voor de Statistiek",
            licentie="CC BY 4.0 (cijfers); samenvoeging Apache-2.0",
            vermelding="Bron: CBS (Iv3), per taakveld samengevoegd door "
            "michielsd/begrotingsanalysetool",
            bestand="fixtures/iv3/",
            toelichting=(
                "Lasten, baten en salarissen per gemeente en taakveld in duizenden euro's; de "
                "benchmark gebruikt taakveld 0.4 Overhead. Zie fixtures/iv3/LEESMIJ.md."
            ),
        ),
        Bron(
            sleutel="kwb-2023",
            titel="Wijk- en Buurtkaart 2023, gemeentegrenzen (vereenvoudigd)",
            uitgever="Kadaster / Centraal Bureau voor de Statistiek",
            licentie="open data, bronvermelding verplicht",
            vermelding=(
                "Kadaster / CBS, 2023 (Wijk- en Buurtkaart 2023), vereenvoudigd via "
                "stdekker/open-data-maps"
            ),
            bestand="fixtures/cbs/gemeenten_2023_kwb_wgs84.geojson.gz",
        ),
    ]
}
