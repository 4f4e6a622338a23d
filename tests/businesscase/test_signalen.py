"""The signalen the business case adds to an afweging (issue 11): each rule on figures made
for it, at its threshold, and the whole way from the business case to the uitkomst page
and the PDF."""

import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from pypdf import PdfReader

from afweging.scoring import Advies
from afweging.selectors import met_alles, resultaat
from businesscase import projectie as bc
from businesscase.berekening import Doorrekening, businesscase_van
from businesscase.models import Businesscase
from businesscase.signalen import (
    KOSTENVERSCHUIVING_DREMPEL,
    TAAKSTELLING_FACTOR,
    kostenverschuiving,
    negatief_bij_positief_advies,
    taakstelling_boven_besparing,
)
from tests.factories import beantwoord_alles


def projectie(basis=1_000_000.0, **variant):
    return bc.projecteer(basis, bc.Variantinvoer(naam="Openbaar lichaam", **variant))


# --- taakstelling above what the business case models ----------------------------------


def test_a_taakstelling_well_above_the_modelled_saving_is_named_with_both_figures():
    # 10% of € 1.000.000 once grown in: € 100.000 a year.
    signaal = taakstelling_boven_besparing(Decimal("200000"), projectie(besparing_pct=10))
    assert signaal.code == "taakstelling_boven_businesscase" and signaal.is_waarschuwing
    assert signaal.bericht.startswith(
        "De besparingstaakstelling van € 200.000 per jaar is 2,0 keer de structurele besparing "
        "die de businesscase voor de voorgestelde variant doorrekent (€ 100.000 per jaar, na "
        "extra kosten en btw)."
    )


def test_a_taakstelling_up_to_a_quarter_above_the_saving_raises_nothing():
    assert TAAKSTELLING_FACTOR == 1.25
    modelled = projectie(besparing_pct=10)
    assert taakstelling_boven_besparing(Decimal("125000"), modelled) is None
    assert taakstelling_boven_besparing(Decimal("125001"), modelled) is not None


def test_the_saving_is_net_of_the_extra_costs():
    # € 100.000 saved, € 40.000 extra a year: € 60.000 net; € 80.000 is a third above it.
    modelled = projectie(besparing_pct=10, extra_kosten=40_000)
    assert "(€ 60.000 per jaar, na extra kosten en btw)" in (
        taakstelling_boven_besparing(Decimal("80000"), modelled).bericht
    )


def test_a_taakstelling_beside_no_modelled_saving_at_all():
    signaal = taakstelling_boven_besparing(Decimal("400000"), projectie())
    assert signaal.bericht.startswith(
        "De besparingstaakstelling is € 400.000 per jaar, maar de businesscase rekent voor de "
        "voorgestelde variant met geen enkele structurele besparing."
    )
    signaal = taakstelling_boven_besparing(Decimal("1"), projectie(extra_kosten=25_000))
    assert "structureel met € 25.000 per jaar méér kosten" in signaal.bericht


@pytest.mark.parametrize("taakstelling", [None, Decimal("0")])
def test_no_taakstelling_no_signal(taakstelling):
    assert taakstelling_boven_besparing(taakstelling, projectie()) is None


def test_without_a_projection_nothing_is_compared():
    assert taakstelling_boven_besparing(Decimal("400000"), None) is None


# --- a negative business case beside a positive advies ----------------------------------


@pytest.mark.parametrize("advies", [Advies.POSITIEF, Advies.VOORWAARDEN])
def test_a_negative_business_case_beside_a_positive_advies(advies):
    signaal = negatief_bij_positief_advies(advies, projectie(frictiekosten=750_000))
    assert signaal.code == "businesscase_negatief" and signaal.is_waarschuwing
    assert signaal.bericht.startswith(
        f"Het advies is {advies.label.lower()}, maar de businesscase van de voorgestelde variant "
        "is negatief: na 10 jaar is het netto-effect € −750.000 (besparing 0,0%, frictiekosten "
        "€ 750.000, extra kosten € 0 per jaar)"
    )


@pytest.mark.parametrize("advies", [Advies.NEGATIEF, Advies.HEROVERWEEG, Advies.ONVOLLEDIG])
def test_a_negative_business_case_beside_another_advies_is_no_contradiction(advies):
    assert negatief_bij_positief_advies(advies, projectie(frictiekosten=750_000)) is None


def test_a_business_case_that_earns_itself_back_raises_nothing():
    # 5% of € 1 mln grows in over three years: € 50.000 a year against € 300.000 once.
    assert (
        negatief_bij_positief_advies(
            Advies.POSITIEF, projectie(besparing_pct=5, frictiekosten=300_000)
        )
        is None
    )
    # Nothing entered at all is no figure to contradict.
    assert negatief_bij_positief_advies(Advies.POSITIEF, projectie()) is None


# --- a large cost shift to one gemeente --------------------------------------------------


def doorrekening(deelnemers, sleutel="inwoners", *, totaal=None, via_bijdrage=()):
    totaal = sum(d.overhead for d in deelnemers) if totaal is None else totaal
    return Doorrekening(
        businesscase=Businesscase(verdeelsleutel=sleutel),
        basis=totaal,
        basis_bron="",
        deelnemerkosten=list(deelnemers),
        zonder_cijfers=[],
        via_bijdrage=list(via_bijdrage),
        bijdragen=bc.verdeel(list(deelnemers), totaal, sleutel),
    )


GROOT = bc.Deelnemerkosten("Groot", 20_000, 1_500_000)
KLEIN = bc.Deelnemerkosten("Klein", 10_000, 500_000)


def test_a_gemeente_that_pays_much_more_under_the_key_is_named_with_its_figures():
    # By inhabitants Groot pays 2/3 of € 2 mln (€ 1.333.333, 11% less), Klein € 666.667.
    signaal = kostenverschuiving(doorrekening([GROOT, KLEIN]))
    assert signaal.code == "kostenverschuiving" and signaal.is_waarschuwing
    assert signaal.titel == "Kosten verschuiven naar één gemeente"
    assert signaal.bericht.startswith(
        "Onder de gekozen verdeelsleutel (naar inwoners): Klein betaalt straks € 666.667 per "
        "jaar aan overhead, tegen € 500.000 nu: 33,3% meer. De deelnemers samen betalen "
        "evenveel als nu."
    )


def test_the_shift_is_measured_against_what_all_deelnemers_pay_more():
    # With € 2,4 mln in all (+20%), Klein pays € 800.000: +60%, forty points above.
    signaal = kostenverschuiving(doorrekening([GROOT, KLEIN], totaal=2_400_000))
    assert "Klein betaalt straks € 800.000 per jaar aan overhead, tegen € 500.000 nu: 60,0% " in (
        signaal.bericht
    )
    assert "De deelnemers samen betalen 20,0% meer." in signaal.bericht


def test_a_shift_below_ten_points_raises_nothing():
    assert KOSTENVERSCHUIVING_DREMPEL == 0.10
    # Klein has 1/3 of the inhabitants and 0.303 of the overhead: +10,0% exactly is named,
    # a little less is not.
    op_de_grens = bc.Deelnemerkosten("Klein", 10_000, 2_000_000 / 3 / 1.1)
    rest = bc.Deelnemerkosten("Groot", 20_000, 2_000_000 - op_de_grens.overhead)
    assert kostenverschuiving(doorrekening([rest, op_de_grens])) is not None
    eronder = bc.Deelnemerkosten("Klein", 10_000, 2_000_000 / 3 / 1.099)
    rest = bc.Deelnemerkosten("Groot", 20_000, 2_000_000 - eronder.overhead)
    assert kostenverschuiving(doorrekening([rest, eronder])) is None


def test_a_split_by_the_budget_brought_in_shifts_nothing():
    assert kostenverschuiving(doorrekening([GROOT, KLEIN], "begroting")) is None


def test_a_member_whose_overhead_is_booked_elsewhere_is_not_taken_for_a_shift():
    assert kostenverschuiving(doorrekening([GROOT, KLEIN], via_bijdrage=["Klein"])) is None


# --- from the business case to the uitkomst page and the PDF -----------------------------


@pytest.fixture
def positief(maak_afweging):
    """Leiderdorp, Oegstgeest and Zoeterwoude: Iv3 figures of their own on taakveld 0.4.
    Every deelvraag at +1: a positive advies."""
    afweging = maak_afweging(
        gemeenten=["GM0547", "GM0579", "GM0638"],
        taakstelling=Decimal("400000"),
        frictiekostenbudget=Decimal("750000"),
    )
    beantwoord_alles(afweging)
    return met_alles(type(afweging).objects.filter(pk=afweging.pk)).get()


@pytest.mark.django_db
def test_the_business_case_signals_reach_the_afweging(positief):
    gevonden = {s.code: s for s in resultaat(positief).signalen}
    assert resultaat(positief).uitkomst.advies == Advies.POSITIEF
    assert {"taakstelling_boven_businesscase", "businesscase_negatief", "kostenverschuiving"} <= (
        set(gevonden)
    )
    # Iv3 jaarrekening 2023: Leiderdorp € 10.729.000 of € 27.628.000 overhead in all; by
    # inhabitants (27.657 of 62.846) it would pay € 12.154.892.
    assert gevonden["kostenverschuiving"].bericht.startswith(
        "Onder de gekozen verdeelsleutel (naar inwoners): Leiderdorp betaalt straks "
        "€ 12.154.892 per jaar aan overhead, tegen € 10.729.000 nu: 13,3% meer."
    )
    # Warnings first, wherever they come from.
    ernst = [s.is_waarschuwing for s in resultaat(positief).signalen]
    assert ernst == sorted(ernst, reverse=True)


@pytest.mark.django_db
def test_a_key_by_budget_and_a_modelled_saving_quiet_the_business_case_signals(positief):
    businesscase = businesscase_van(positief)
    businesscase.verdeelsleutel = Businesscase.Sleutel.BEGROTING
    businesscase.save()
    # 2% of € 27.628.000 is € 552.560 a year: the taakstelling is below it, and the friction
    # costs are earned back within ten years.
    businesscase.varianten.filter(soort="voorgesteld").update(besparing_pct=Decimal("2"))
    codes = {s.code for s in resultaat(positief).signalen}
    assert not codes & {"taakstelling_boven_businesscase", "businesscase_negatief",
                        "kostenverschuiving"}  # fmt: skip


@pytest.mark.django_db
def test_the_uitkomst_page_and_the_pdf_show_them(adviseur_client, positief):
    pagina = adviseur_client.get(reverse("afweging:uitkomst", kwargs={"pk": positief.pk}))
    soep = BeautifulSoup(pagina.content, "html.parser")
    koppen = [h.get_text(" ", strip=True) for h in soep.select("#signalen-kop ~ div h3")]
    assert "Waarschuwing: Taakstelling hoger dan de businesscase" in koppen
    assert "Waarschuwing: Negatieve businesscase bij een positief advies" in koppen
    assert "Waarschuwing: Kosten verschuiven naar één gemeente" in koppen

    pdf = adviseur_client.get(reverse("afweging:rapport-pdf", kwargs={"pk": positief.pk}))
    tekst = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.content)).pages
    )
    assert "Taakstelling hoger dan de businesscase" in tekst
    assert "Leiderdorp betaalt straks € 12.154.892 per jaar aan overhead" in tekst
