"""Issue 12: a deelnemer without Iv3 figures (Vijfheerenlanden, GM1961, has 0 on every
taakveld of the jaarrekening 2023) makes only the keys that need those figures unknown:
ingebracht budget and the mix. The other keys compute, on the page and in the report."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.urls import reverse

from afweging.rapport import rapport_van
from businesscase.berekening import bereken, businesscase_van
from businesscase.signalen import kostenverschuiving

pytestmark = pytest.mark.django_db

VIJFHEERENLANDEN, GORINCHEM = "GM1961", "GM0512"
ONBEKEND = (
    "is onbekend: geen Iv3-cijfers voor Vijfheerenlanden. Kies een sleutel die geen "
    "Iv3-cijfers nodig heeft, zoals naar inwoners of een vaste verdeling"
)


def _gegeven(waarde) -> dict:
    return {"waarde": waarde, "bron": "Opgave gemeenten 2025"}


@pytest.fixture
def afweging(maak_afweging):
    """Vijfheerenlanden and Gorinchem, the total overhead entered by the adviseur, and every
    figure the other keys need."""
    afweging = maak_afweging(titel="Vijfheerenlanden", gemeenten=[VIJFHEERENLANDEN, GORINCHEM])
    businesscase = businesscase_van(afweging)
    businesscase.basis_overhead = Decimal("20000000")
    codes = (VIJFHEERENLANDEN, GORINCHEM)
    businesscase.vaste_verdeling = {VIJFHEERENLANDEN: 45, GORINCHEM: 55}
    businesscase.verdeelgegevens = {
        "fte": {VIJFHEERENLANDEN: _gegeven(150), GORINCHEM: _gegeven(250)},
        "clienten": {c: _gegeven(1000) for c in codes},
        "uren_schaal_1_6": {VIJFHEERENLANDEN: _gegeven(300), GORINCHEM: _gegeven(100)},
    }
    businesscase.uurtarieven = {"schaal_1_6": _gegeven(50)}
    businesscase.save()
    return afweging


def _met_sleutel(afweging, sleutel: str):
    businesscase = businesscase_van(afweging)
    businesscase.verdeelsleutel = sleutel
    businesscase.save()
    return afweging


@pytest.mark.parametrize(
    ("sleutel", "vijfheerenlanden"),
    [("inwoners", None), ("fte", 0.375), ("clienten", 0.5), ("uren", 0.75), ("vast", 0.45)],
)
def test_the_keys_without_iv3_figures_compute_with_a_member_without_them(
    afweging, sleutel, vijfheerenlanden
):
    doorrekening = bereken(_met_sleutel(afweging, sleutel))

    assert doorrekening.zonder_cijfers == ["Vijfheerenlanden"]
    assert doorrekening.sleutelfout == ""
    aandelen = {b.deelnemer.naam: b.aandeel for b in doorrekening.bijdragen}
    assert set(aandelen) == {"Vijfheerenlanden", "Gorinchem"}
    assert sum(aandelen.values()) == pytest.approx(1)
    if vijfheerenlanden is not None:
        assert aandelen["Vijfheerenlanden"] == pytest.approx(vijfheerenlanden)
    vhl = next(b for b in doorrekening.bijdragen if b.deelnemer.naam == "Vijfheerenlanden")
    # What it spends alone now is unknown, so what it pays more or less is too.
    assert vhl.deelnemer.overhead is None and vhl.verschil is None
    assert kostenverschuiving(doorrekening) is None


@pytest.mark.parametrize(
    ("sleutel", "naam"),
    [("begroting", "naar ingebracht budget (huidige overhead)"),
     ("mix", "mix van inwoners en ingebracht budget")],
)  # fmt: skip
def test_the_keys_on_iv3_figures_say_who_has_none(afweging, sleutel, naam):
    doorrekening = bereken(_met_sleutel(afweging, sleutel))

    assert doorrekening.bijdragen == []
    assert doorrekening.sleutelfout == f"Voor de verdeling {naam} {ONBEKEND}."


def test_a_domain_by_budget_is_refused_too_and_names_who_has_no_figures(afweging):
    businesscase = businesscase_van(afweging)
    businesscase.domeinsleutels = [
        {"domein": "ICT", "aandeel_pct": 20, "verdeelsleutel": "begroting", "bron": "GR 2025"}
    ]
    businesscase.save()
    assert "geen Iv3-cijfers voor Vijfheerenlanden" in bereken(afweging).sleutelfout


def test_the_page_shows_the_split_with_what_is_unknown_as_unknown(adviseur_client, afweging):
    url = reverse("afweging:businesscase", kwargs={"pk": afweging.pk})
    pagina = BeautifulSoup(adviseur_client.get(url).content, "html.parser")
    rijen = {
        r.th.get_text(strip=True): [td.get_text(strip=True) for td in r.select("td")]
        for r in pagina.select("#tabel-bijdragen tbody tr")
    }
    assert set(rijen) == {"Vijfheerenlanden", "Gorinchem"}
    alleen, verschil = rijen["Vijfheerenlanden"][1], rijen["Vijfheerenlanden"][3]
    assert (alleen, verschil) == ("onbekend", "onbekend")
    assert rijen["Gorinchem"][1] not in ("", "onbekend")


def test_the_page_names_who_lacks_iv3_figures_for_the_key_on_budget(adviseur_client, afweging):
    _met_sleutel(afweging, "begroting")
    url = reverse("afweging:businesscase", kwargs={"pk": afweging.pk})
    pagina = BeautifulSoup(adviseur_client.get(url).content, "html.parser")
    assert pagina.select_one("#tabel-bijdragen") is None
    melding = pagina.select_one("p.alert-warning").get_text(" ", strip=True)
    assert "onbekend: geen Iv3-cijfers voor Vijfheerenlanden" in melding


def _businesscase_in_rapport(afweging) -> BeautifulSoup:
    html = render_to_string("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    koppen = BeautifulSoup(html, "html.parser").select("h2")
    return next(h for h in koppen if h.string == "Businesscase").find_parent("section")


def test_the_report_shows_the_split_with_unknown_figures_or_the_reason(afweging):
    deel = _businesscase_in_rapport(afweging)
    rijen = {
        r.td.get_text(strip=True): [td.get_text(strip=True) for td in r.select("td")]
        for r in deel.select("[aria-label='Bijdrage per deelnemer'] tbody tr")
    }
    assert set(rijen) == {"Vijfheerenlanden", "Gorinchem"}
    assert (rijen["Vijfheerenlanden"][2], rijen["Vijfheerenlanden"][4]) == ("onbekend", "onbekend")

    deel = _businesscase_in_rapport(_met_sleutel(afweging, "begroting"))
    tekst = deel.get_text(" ", strip=True)
    assert "Bijdrage per deelnemer: naar ingebracht budget (huidige overhead)" in tekst
    assert "onbekend: geen Iv3-cijfers voor Vijfheerenlanden" in tekst


def test_the_report_says_why_there_is_no_split_when_there_is_neither_split_nor_key_error(
    afweging,
):
    # No deelnemers left (the page refuses that; a row removed behind its back): a projection
    # from the entered overhead, but nobody to share it among. The report says so.
    afweging.deelnemers.all().delete()
    assert bereken(afweging).projecties and not bereken(afweging).bijdragen

    tekst = _businesscase_in_rapport(afweging).get_text(" ", strip=True)

    assert (
        "Bijdrage per deelnemer Geen verdeling: er zijn geen deelnemers om over te verdelen."
        in tekst
    )
