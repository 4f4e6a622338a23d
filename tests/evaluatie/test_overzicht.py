"""The overview of an evaluatie: the judgement per domein and overall with the rule that
decided, completeness, the too-early signal, and then and now beside an afweging. The small
evaluatiekader of tests/factories.py keeps the counts by hand short."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from afweging.models import Afweging
from evaluatie.models import Afloop, Evaluatie
from tests.factories import EvaluatieFactory
from tests.html import soep

pytestmark = pytest.mark.django_db


def scoor(evaluatie, scores: dict[str, tuple[str, str]]):
    """{indicator code: (score, motivering)}, saved as the product keeps them."""
    for oordeel in evaluatie.oordelen.select_related("indicator"):
        if oordeel.indicator.code in scores:
            oordeel.score, oordeel.motivering = scores[oordeel.indicator.code]
            oordeel.save(update_fields=["score", "motivering"])


def overzicht(client, evaluatie):
    return soep(client.get(reverse("evaluatie:overzicht", kwargs={"pk": evaluatie.pk})))


def rijen(pagina, kop):
    """The rows of the first table after the heading (or caption) with this id."""
    tabel = pagina.find(id=kop).find_next("table")
    return [
        [cel.get_text(" ", strip=True) for cel in rij.find_all(["th", "td"])]
        for rij in tabel.tbody.find_all("tr")
    ]


M = "Onderbouwd met stukken."


@pytest.fixture
def evaluatie(evaluatiekader, maak_evaluatie):
    evaluatie = maak_evaluatie(peildatum=date(2026, 6, 1))
    # Publieke waarde: +2, +1, +1, −1 (3 of 4 positive, mean 3/4). Legitimiteit: +1, ?, +1
    # (2 of 3 scored, both positive). Besturing en organisatie: 0, −1 and Vormgeving open.
    scoor(evaluatie, {
        "pw_g_dienstverlening": ("2", M), "pw_g_continuiteit": ("1", M),
        "pw_g_totale_kosten": ("1", M), "pw_r_slagkracht": ("-1", M),
        "lg_g_wetgeving": ("1", M), "lg_b_burgers": ("?", ""), "lg_g_wenselijkheid": ("1", M),
        "bo_g_raden_positie": ("0", M), "bo_gr_info_cycli": ("-1", M),
    })  # fmt: skip
    return evaluatie


def test_an_aspect_without_a_score_leaves_the_whole_onvolledig(adviseur_client, evaluatie):
    pagina = overzicht(adviseur_client, evaluatie)
    assert pagina.find(id="totaal-kop").get_text(strip=True) == "Totaaloordeel: Onvolledig"
    assert rijen(pagina, "domeinen-kop") == [
        ["Publieke waarde", "4 van 4",
         "Overwegend positief 3 van de 4 gescoorde indicatoren positief, 1 negatief, gemiddeld "
         "+0,75. (regel 4)"],
        ["Legitimiteit", "2 van 3",
         "Overwegend positief 2 van de 2 gescoorde indicatoren positief, 0 negatief, gemiddeld "
         "+1,00. (regel 4)"],
        ["Besturing en organisatie", "2 van 3",
         "Onvolledig Het aspect Vormgeving ambtelijke organisatie heeft nog geen gemotiveerd "
         "gescoorde indicator; zonder dat aspect is het domein niet te beoordelen. (regel 2)"],
    ]  # fmt: skip
    volledigheid = (
        pagina.find(id="volledigheid-kop").find_parent("section").get_text(" ", strip=True)
    )
    assert "8 van 10 indicatoren gemotiveerd gescoord (80%)" in volledigheid
    assert (
        "De burgers kunnen zich vinden in het bestaan van de fusieorganisatie — onvoldoende informatie"
        in volledigheid
    )
    assert "De juridische vorm past bij de doelen van de fusiegemeenten — open" in volledigheid


def test_the_overall_judgement_names_the_rule_that_decided(adviseur_client, evaluatie):
    # Vormgeving +1: Besturing en organisatie is 0, −1, +1: no majority, gemengd. Two
    # domeinen positive and none negative: overwegend positief.
    scoor(evaluatie, {"bo_g_juridische_vorm": ("1", M)})
    Evaluatie.objects.filter(pk=evaluatie.pk).update(versie=2)  # as a save would
    pagina = overzicht(adviseur_client, evaluatie)
    totaal = " ".join(pagina.find(id="totaal-kop").find_parent("section").get_text().split())
    assert totaal.startswith("Totaaloordeel: Overwegend positief")
    assert (
        "Domeinen overwegend positief: Publieke waarde en Legitimiteit; overwegend negatief: geen."
        in totaal
    )
    assert (
        "Beslissend was regel 2 van hoe het oordeel tot stand komt: Overwegend positief als minstens twee domeinen"
        in totaal
    )
    regels = pagina.find(id="regels-kop").find_parent("section")
    per_domein = [li.get_text(" ", strip=True) for li in regels.find_all("ol")[0].find_all("li")]
    assert per_domein[3].endswith("beslissend voor Publieke waarde beslissend voor Legitimiteit")
    assert per_domein[4].endswith("beslissend voor Besturing en organisatie")
    totaalregels = regels.find_all("ol")[1].find_all("li")
    assert [li.find("span", string="beslissend") is not None for li in totaalregels] == [
        False, True, False, False
    ]  # fmt: skip


def test_a_score_without_motivation_shows_but_does_not_count(adviseur_client, evaluatie):
    scoor(evaluatie, {"bo_g_juridische_vorm": ("2", "")})
    pagina = overzicht(adviseur_client, evaluatie)
    assert pagina.find(id="totaal-kop").get_text(strip=True) == "Totaaloordeel: Onvolledig"
    regel = next(r for r in rijen(pagina, "scores-besturing_organisatie") if r[0].startswith("3."))
    assert regel[2] == "+2 (zonder motivering)"


# --- too early ------------------------------------------------------------------------------


def signalen(pagina):
    return pagina.find(id="signalen-kop").find_parent("section").get_text(" ", strip=True)


def test_an_evaluatie_within_two_years_of_the_start_carries_the_signal(
    adviseur_client, maak_evaluatie
):
    # Duivenvoorde started 1 January 2013; 1 June 2014 is 516 days later: 516 / 365.25 = 1,4.
    evaluatie = maak_evaluatie(peildatum=date(2014, 6, 1))
    tekst = signalen(overzicht(adviseur_client, evaluatie))
    assert "Waarschuwing: Evaluatie te vroeg" in tekst
    assert (
        "op 1 juni 2014 op, 1,4 jaar na de start van de fusie (1 januari 2013): minder dan 2 jaar"
        in tekst
    )
    assert "opstartfase met frictiekosten" in tekst
    assert "§6.4.2 Voordelen realiseren vergt tijd en geduld" in tekst
    assert "§8.2.3 Positieve effecten laten op zich wachten" in tekst


def test_two_years_after_the_start_is_not_too_early(adviseur_client, maak_evaluatie):
    evaluatie = maak_evaluatie(peildatum=date(2015, 1, 1))
    tekst = signalen(overzicht(adviseur_client, evaluatie))
    assert tekst.startswith("Signalen (0)")


@pytest.mark.parametrize(
    ("slug", "verwacht"),
    [
        # The source names only the year: the page says so, not "1 januari 2008".
        ("bel-combinatie", "Start van de fusie: 2008 (het register noemt geen dag; gerekend "
         "wordt met 1 januari 2008)."),
        ("werkorganisatie-duivenvoorde", "Start van de fusie: 1 januari 2013 (uit het register)."),
    ],
)  # fmt: skip
def test_the_start_is_shown_as_precisely_as_the_register_gives_it(
    adviseur_client, maak_evaluatie, slug, verwacht
):
    evaluatie = maak_evaluatie(fusieorganisatie=slug)
    start = overzicht(adviseur_client, evaluatie).find(id="deelnemers-kop").parent
    regel = next(p for p in start.find_all("p") if p.get_text().startswith("Start van de fusie"))
    assert regel.get_text(" ", strip=True).replace(" .", ".") == verwacht


def test_an_unknown_start_is_a_signal_that_it_cannot_be_judged(adviseur_client, maak_evaluatie):
    evaluatie = maak_evaluatie(startdatum_fusie=None)
    evaluatie.fusieorganisatie.startdatum_tekst = "2013"
    evaluatie.fusieorganisatie.save()
    tekst = signalen(overzicht(adviseur_client, evaluatie))
    assert "Aandacht: Start van de fusie onbekend" in tekst
    assert (
        "kan niet beoordeeld worden: de startdatum van de fusie is onbekend. Het register noemt als start alleen ‘2013’."
        in tekst
    )
    start = pagina_start = overzicht(adviseur_client, evaluatie).find(id="deelnemers-kop").parent
    assert "Start van de fusie: onbekend (het register noemt ‘2013’)" in start.get_text(
        " ", strip=True
    )
    assert pagina_start is not None


# --- then and now ---------------------------------------------------------------------------

KADER_V1 = Path(settings.BASE_DIR) / "fixtures" / "kader" / "kader_v1.json"


def gekoppeld(nummer: int) -> list[str]:
    """The indicator codes the afwegingskader links to a deelvraag, read from its file."""
    inhoud = json.loads(KADER_V1.read_text(encoding="utf-8"))
    return next(
        d["indicatoren"]
        for o in inhoud["onderdelen"]
        for d in o["deelvragen"]
        if d["nummer"] == nummer
    )


@pytest.fixture
def met_afweging(maak_afweging, adviseur):
    afweging = maak_afweging(
        titel="Leiderdorp en Zoeterwoude", gemeenten=["GM0547", "GM0638"],
        taakstelling=Decimal(500_000), frictiekostenbudget=Decimal(1_200_000),
        geplande_startdatum=date(2027, 1, 1), geplande_evaluatiedatum=date(2030, 1, 1),
    )  # fmt: skip
    verwacht = {1: ("1", "Minder kwetsbaar, lagere kosten."), 2: ("2", "Sterkere ambtelijke ondersteuning."),
                3: ("?", "")}  # fmt: skip
    for antwoord in afweging.antwoorden.select_related("deelvraag"):
        if antwoord.deelvraag.nummer in verwacht:
            antwoord.score, antwoord.motivering = verwacht[antwoord.deelvraag.nummer]
            antwoord.save()
    leiderdorp = afweging.deelnemers.get(gemeente__code="GM0547")
    leiderdorp.motieven, leiderdorp.perspectief = ["kwetsbaarheid", "kosten"], "eindoplossing"
    leiderdorp.save()
    Afweging.objects.filter(pk=afweging.pk).update(
        status=Afweging.Status.VASTGESTELD, vastgesteld_op=timezone.now(), vastgesteld_door=adviseur
    )
    afweging.refresh_from_db()
    Afloop.objects.create(
        afweging=afweging, soort=Afloop.Soort.GESTART, datum=date(2027, 1, 1),
        bron="Raadsbesluiten", vastgelegd_door=adviseur,
    )  # fmt: skip
    evaluatie = EvaluatieFactory(door=adviseur, afweging=afweging, peildatum=date(2030, 3, 1))
    # Deelvraag 1's indicators, all but two at −1: six of eight scored, mean −1.
    codes = gekoppeld(1)
    scoor(evaluatie, {code: ("-1", M) for code in codes[:-2]})
    return afweging, evaluatie, codes


def test_then_and_now_sets_each_expectation_beside_its_indicators(adviseur_client, met_afweging):
    afweging, evaluatie, codes = met_afweging
    pagina = overzicht(adviseur_client, evaluatie)
    sectie = pagina.find(id="toen-kop").find_parent("section")
    assert "gaf als advies onvolledig" in sectie.get_text(" ", strip=True)
    regels = [
        [
            " ".join(kaart.find(id=f"verwachting-{n}").get_text().split()),
            *(
                " ".join(kaart.select_one(f".{deel}").get_text(" ").split())
                for deel in ("toen", "nu", "uitgekomen")
            ),
        ]
        for kaart in sectie.select(".verwachting")
        for n in [kaart["aria-labelledby"].removeprefix("verwachting-")]
    ]
    assert [r[0] for r in regels] == [
        f"Deelvraag {a.deelvraag.nummer}. {a.deelvraag.naam}"
        for a in afweging.antwoorden.filter(deelvraag__onderdeel__code="meerwaarde").order_by(
            "deelvraag__nummer"
        )
    ]
    eerste = regels[0]
    assert eerste[1] == "Toen, in de afweging +1 Minder kwetsbaar, lagere kosten."
    namen = dict(evaluatie.kader.domeinen.values_list("indicatoren__code", "indicatoren__naam"))
    for code in codes:
        assert namen[code] in eerste[2]
    assert eerste[3] == (
        "Uitgekomen? Slechter dan verwacht Verwacht +1; nu gemiddeld −1,00 over 6 van de 8 "
        "indicatoren."
    )
    # Deelvraag 2 shares only some indicators with deelvraag 1: far under two thirds scored.
    # Deelvraag 3 had no motivated score.
    tweede = gekoppeld(2)
    gescoord = len(set(tweede) & set(codes[:-2]))
    assert regels[1][3] == (
        f"Uitgekomen? Nog niet te zeggen {gescoord} van de {len(tweede)} indicatoren die bij deze deelvraag "
        f"horen, {'is' if gescoord == 1 else 'zijn'} gemotiveerd gescoord; minstens twee derde is nodig."
    )
    assert (
        regels[2][3] == "Uitgekomen? Geen verwachting vastgelegd De afweging gaf deze deelvraag "
        "geen gemotiveerde score."
    )


def test_then_and_now_shows_motives_planning_and_the_business_case(adviseur_client, met_afweging):
    from businesscase.berekening import bereken

    afweging, evaluatie, _ = met_afweging
    pagina = overzicht(adviseur_client, evaluatie)
    tekst = pagina.find(id="toen-kop").find_parent("section").get_text(" ", strip=True)
    assert "Besparingstaakstelling € 500.000 per jaar" in tekst
    assert "Budget frictiekosten € 1.200.000 eenmalig" in tekst
    assert "Geplande start 1 januari 2027 Werkelijke start 1 januari 2027" in tekst
    assert (
        "Geplande eerste evaluatie 1 januari 2030 Peildatum van deze evaluatie 1 maart 2030"
        in tekst
    )
    motieven = rijen(pagina, "motieven-kop")
    assert motieven[0] == [
        "Leiderdorp",
        "Eindoplossing",
        "Kwetsbaarheid verminderen en Kosten beheersen of verlagen",
    ]
    assert motieven[1] == ["Zoeterwoude", "Onbekend", "geen opgegeven"]
    varianten = [p.variant.naam for _, p in bereken(afweging).projecties]
    assert varianten
    assert [r[0] for r in rijen(pagina, "bc-kop")] == varianten
    nu = pagina.find(string="Nu: oordeel per domein").find_next("ul").get_text(" ", strip=True)
    assert "Publieke waarde: onvolledig" in nu


def test_without_an_afweging_there_is_no_then_and_now(adviseur_client, evaluatie):
    assert overzicht(adviseur_client, evaluatie).find(id="toen-kop") is None
