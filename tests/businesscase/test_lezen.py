"""A gemeentesecretaris reads the business case of an afweging shared with them (issue 11):
the figures and charts, the assumptions, no form and no save button."""

from decimal import Decimal

import pytest
from django.urls import reverse

from businesscase.models import Businesscase
from review import services as review
from tests.html import soep

pytestmark = pytest.mark.django_db


def url(naam, afweging):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk})


@pytest.fixture
def gedeeld(maak_afweging, adviseur, secretaris):
    afweging = maak_afweging(
        titel="BAR lezen", gemeenten=["GM0489", "GM0613", "GM0597"],
        frictiekostenbudget=Decimal("600000"),
    )  # fmt: skip
    businesscase = afweging.businesscase
    businesscase.verdeelsleutel = Businesscase.Sleutel.VAST
    businesscase.vaste_verdeling = {"GM0489": 50.0, "GM0613": 20.0, "GM0597": 30.0}
    businesscase.save()
    businesscase.varianten.filter(soort="voorgesteld").update(
        besparing_pct=Decimal("2.5"), extra_kosten=Decimal("25000")
    )
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return afweging


def test_the_secretaris_sees_the_figures_and_charts_but_no_form(secretaris_client, gedeeld):
    response = secretaris_client.get(url("businesscase", gedeeld))
    assert response.status_code == 200
    pagina = soep(response)
    inhoud = pagina.find("main")
    assert inhoud.find("form") is None and inhoud.find("button") is None
    assert inhoud.find("input") is None and inhoud.find("textarea") is None
    assert (
        "alleen de adviseurs van de provincie passen haar aan"
        in pagina.find(id="alleen-lezen").get_text()
    )
    # The assumptions as the provincie saved them.
    tabel = pagina.find(id="tabel-uitgangspunten")
    rijen = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
             for tr in tabel.tbody.find_all("tr")}  # fmt: skip
    assert rijen["Structurele besparing"] == ["2,5%", "0,0%"]
    assert rijen["Frictiekosten (eenmalig)"] == ["€ 600.000", "€ 0"]
    assert rijen["Extra kosten per jaar"] == ["€ 25.000", "€ 0"]
    verdeling = pagina.find(id="uitgangspunten-kop").parent.find_all("li")
    assert [li.get_text(strip=True) for li in verdeling] == [
        "Albrandswaard: 20,0%", "Barendrecht: 50,0%", "Ridderkerk: 30,0%",
    ]  # fmt: skip
    # The same projection and charts as the adviseur sees, each with its table.
    assert pagina.find(id="grafiek-businesscase") is not None
    assert pagina.find(id="tabel-businesscase") is not None
    assert pagina.find(id="tabel-bijdragen") is not None


def test_the_secretaris_sees_the_numbers_the_adviseur_sees(
    adviseur_client, secretaris_client, gedeeld
):
    def projectie(client):
        tabel = soep(client.get(url("businesscase", gedeeld))).find(id="tabel-businesscase")
        return tabel.tbody.get_text(" ", strip=True)

    assert projectie(secretaris_client) == projectie(adviseur_client)
    assert soep(adviseur_client.get(url("businesscase", gedeeld))).find(
        "button", string="Opslaan en doorrekenen"
    )


def test_the_secretaris_cannot_save_it(secretaris_client, gedeeld):
    voor = gedeeld.versie
    response = secretaris_client.post(
        url("businesscase", gedeeld), {"versie": gedeeld.versie, "verdeelsleutel": "inwoners"}
    )
    assert response.status_code == 403
    assert "alleen de adviseurs van de provincie passen haar aan" in response.content.decode()
    gedeeld.refresh_from_db()
    assert gedeeld.versie == voor
    assert gedeeld.businesscase.verdeelsleutel == Businesscase.Sleutel.VAST


def test_reading_it_writes_nothing(secretaris_client, gedeeld):
    Businesscase.objects.filter(afweging=gedeeld).delete()
    pagina = soep(secretaris_client.get(url("businesscase", gedeeld)))
    assert not Businesscase.objects.filter(afweging=gedeeld).exists()
    # The defaults the adviseur would start from: the proposal's friction budget.
    rijen = pagina.find(id="tabel-uitgangspunten").tbody.find_all("tr")
    assert [td.get_text(strip=True) for td in rijen[2].find_all("td")] == ["€ 600.000", "€ 0"]


def test_the_link_on_the_uitkomst_page_says_what_each_may_do(
    adviseur_client, secretaris_client, gedeeld
):
    def link(client):
        pagina = soep(client.get(url("uitkomst", gedeeld)))
        return pagina.find("a", href=url("businesscase", gedeeld)).get_text(strip=True)

    assert link(secretaris_client) == "Businesscase bekijken"
    assert link(adviseur_client) == "Businesscase bekijken en aanpassen"


def test_not_shared_means_not_found(client, gedeeld, maak_gebruiker, gemeente):
    client.force_login(maak_gebruiker.secretaris(username="elders", gemeenten=[gemeente("GM0613")]))
    assert client.get(url("businesscase", gedeeld)).status_code == 404
