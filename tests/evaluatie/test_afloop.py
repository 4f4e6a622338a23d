"""Recording the afloop of an assessed fusion: who may, on which afweging, and the form."""

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from afweging import services as afweging_services
from afweging.models import Afweging, Wijziging
from casussen.models import Gemeente
from evaluatie.models import Afloop
from review import services as review
from tests.factories import AdviseurFactory, ProvincieFactory
from tests.html import soep

pytestmark = pytest.mark.django_db

GELDIG = {"soort": "gestart", "datum": "2024-01-01", "bron": "Raadsbesluit 2023/88",
          "toelichting": "De werkorganisatie startte op 1 januari."}  # fmt: skip


def url(afweging) -> str:
    return reverse("afweging:afloop", kwargs={"pk": afweging.pk})


def tekst(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_an_adviseur_records_the_afloop_in_the_history(
    adviseur, adviseur_client, maak_afweging, vastgesteld
):
    afweging = vastgesteld(maak_afweging())
    voor = soep(adviseur_client.get(afweging.get_absolute_url()))  # now in the page cache
    assert "Nog niet vastgelegd" in tekst(voor.find(id="afloop-kop").parent)
    response = adviseur_client.post(url(afweging), GELDIG)
    assert response.status_code == 302
    assert response["Location"] == f"{afweging.get_absolute_url()}#afloop-kop"
    afloop = Afloop.objects.get(afweging=afweging)
    assert (afloop.soort, afloop.datum, afloop.bron, afloop.vastgelegd_door) == (
        "gestart", date(2024, 1, 1), "Raadsbesluit 2023/88", adviseur,
    )  # fmt: skip
    regel = afweging.wijzigingen.order_by("-pk").first()
    assert regel.wat == (
        "Afloop 1 vastgelegd: gestart op 1 januari 2024; bron: Raadsbesluit 2023/88"
    )
    assert regel.door == adviseur
    uitkomst = soep(adviseur_client.get(afweging.get_absolute_url()))
    deel = tekst(uitkomst.find("section", attrs={"aria-labelledby": "afloop-kop"}))
    assert "Gestart op 1 januari 2024" in deel and "Raadsbesluit 2023/88" in deel
    assert "De werkorganisatie startte op 1 januari." in deel


def test_every_afloop_recorded_has_its_own_history_entry(
    adviseur, adviseur_client, maak_afweging, vastgesteld
):
    afweging = vastgesteld(maak_afweging())
    adviseur_client.post(url(afweging), GELDIG)
    adviseur_client.post(url(afweging), GELDIG | {"soort": "geevalueerd", "datum": "2025-01-01"})
    adviseur_client.post(url(afweging), GELDIG | {"soort": "geevalueerd", "datum": "2025-01-01",
                                                  "bron": "Evaluatierapport"})  # fmt: skip
    assert Afloop.objects.filter(afweging=afweging).count() == 3
    regels = [w.wat for w in Wijziging.objects.filter(afweging=afweging, wat__startswith="Afloop")]
    assert len(regels) == 3, regels


def test_the_same_post_twice_records_one_afloop(adviseur_client, maak_afweging, vastgesteld):
    afweging = vastgesteld(maak_afweging())
    adviseur_client.post(url(afweging), GELDIG)
    adviseur_client.post(url(afweging), GELDIG)
    assert Afloop.objects.filter(afweging=afweging).count() == 1
    assert Wijziging.objects.filter(afweging=afweging, wat__startswith="Afloop").count() == 1


def test_date_and_source_are_required_and_what_was_typed_stays(
    adviseur_client, maak_afweging, vastgesteld
):
    afweging = vastgesteld(maak_afweging())
    response = adviseur_client.post(
        url(afweging),
        {
            "soort": "beeindigd",
            "datum": "",
            "bron": "  ",
            "toelichting": "Wat ik typte",
        },  # fmt: skip
    )
    assert response.status_code == 400
    assert not Afloop.objects.exists()
    pagina = soep(response)
    fouten = pagina.find(attrs={"data-foutmelding": True})
    links = {a["href"]: tekst(a) for a in fouten.find_all("a")}
    assert links == {"#id_datum": "Vul de datum in.",
                     "#id_bron": "Noem de bron waaruit de afloop blijkt."}  # fmt: skip
    assert pagina.find("input", id="id_soort_2").has_attr("checked")  # beëindigd
    assert pagina.find("input", id="id_soort_2")["value"] == "beeindigd"
    assert tekst(pagina.find("textarea", id="id_toelichting")) == "Wat ik typte"
    assert pagina.title.string.startswith("Fout: ")


def test_a_date_after_today_is_refused(adviseur_client, maak_afweging, vastgesteld):
    afweging = vastgesteld(maak_afweging())
    with time_machine.travel(date(2026, 3, 1)):
        morgen = (date(2026, 3, 1) + timedelta(days=1)).isoformat()
        response = adviseur_client.post(url(afweging), GELDIG | {"datum": morgen})
    assert response.status_code == 400
    assert "een datum na vandaag kan nog niet" in tekst(soep(response))
    assert soep(response).find("input", id="id_datum")["value"] == morgen
    assert not Afloop.objects.exists()


def test_an_unknown_kind_is_refused(adviseur_client, maak_afweging, vastgesteld):
    afweging = vastgesteld(maak_afweging())
    response = adviseur_client.post(url(afweging), GELDIG | {"soort": "gefuseerd"})
    assert response.status_code == 400
    assert not Afloop.objects.exists()


def test_a_concept_takes_no_afloop(adviseur_client, maak_afweging):
    afweging = maak_afweging()
    for response in (
        adviseur_client.get(url(afweging)),
        adviseur_client.post(url(afweging), GELDIG),
    ):
        assert response.status_code == 403
        assert "nog niet vastgesteld" in tekst(soep(response))
    assert not Afloop.objects.exists()
    uitkomst = soep(adviseur_client.get(afweging.get_absolute_url()))
    assert uitkomst.find(id="afloop-kop") is None


def test_the_voorbeeld_takes_no_afloop(adviseur_client, maak_afweging, vastgesteld):
    afweging = vastgesteld(maak_afweging(is_voorbeeld=True))
    response = adviseur_client.post(url(afweging), GELDIG)
    assert response.status_code == 403
    assert "voorbeeldafweging is fictief" in tekst(soep(response))
    assert not Afloop.objects.exists()


def test_an_older_version_sends_the_afloop_to_the_newer(
    adviseur, adviseur_client, maak_afweging, vastgesteld
):
    eerste = vastgesteld(maak_afweging())
    tweede = afweging_services.nieuwe_versie(afweging=eerste, door=adviseur)
    # While the new version is a concept, the first is still the one to record on.
    assert adviseur_client.get(url(eerste)).status_code == 200
    vastgesteld(tweede)
    response = adviseur_client.post(url(eerste), GELDIG)
    assert response.status_code == 403
    assert "nieuwere vastgestelde versie" in tekst(soep(response))
    assert adviseur_client.post(url(tweede), GELDIG).status_code == 302
    assert list(Afloop.objects.values_list("afweging_id", flat=True)) == [tweede.pk]


def test_another_provinces_adviseur_cannot_record(
    ander_adviseur, client, maak_afweging, vastgesteld
):
    afweging = vastgesteld(maak_afweging())  # Zuid-Holland; nothing in Utrecht
    client.force_login(ander_adviseur)
    assert client.get(url(afweging)).status_code == 404
    assert client.post(url(afweging), GELDIG).status_code == 404
    assert not Afloop.objects.exists()


def test_the_province_that_reads_along_cannot_record(maak_gebruiker, client, vastgesteld):
    """BEL Combinatie: led by Noord-Holland, read along by Utrecht (Eemnes)."""
    leidend = maak_gebruiker.adviseur(provincie=ProvincieFactory(code="PV27"))
    meelezer = AdviseurFactory(provincie=ProvincieFactory(code="PV26"))
    afweging = vastgesteld(
        afweging_services.afweging_aanmaken(
            door=leidend,
            velden={"titel": "BEL", "variant": Afweging.Variant.OPENBAAR_LICHAAM},
            gemeenten=list(Gemeente.objects.filter(code__in=["GM0376", "GM0317", "GM0417"])),
        )
    )
    client.force_login(meelezer)
    response = client.post(url(afweging), GELDIG)
    assert response.status_code == 403
    assert "geleid door de provincie Noord-Holland" in tekst(soep(response))
    assert not Afloop.objects.exists()
    uitkomst = soep(client.get(afweging.get_absolute_url()))
    assert uitkomst.find("a", href=url(afweging)) is None


def test_a_secretaris_cannot_record(adviseur, secretaris, maak_afweging, vastgesteld):
    afweging = maak_afweging(gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    vastgesteld(afweging)
    client = Client()
    client.force_login(secretaris)
    assert client.post(url(afweging), GELDIG).status_code == 403
    assert not Afloop.objects.exists()
    # They read the afweging, and see no way to record its afloop.
    uitkomst = soep(client.get(afweging.get_absolute_url()))
    assert uitkomst.find(id="afloop-kop") is not None
    assert uitkomst.find("a", href=url(afweging)) is None


def test_anonymous_goes_to_the_login_page(client, maak_afweging, vastgesteld):
    afweging = vastgesteld(maak_afweging())
    response = client.post(url(afweging), GELDIG)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not Afloop.objects.exists()


def test_the_uitkomst_page_links_the_form_for_the_leading_adviseur(
    adviseur_client, maak_afweging, vastgesteld
):
    afweging = vastgesteld(maak_afweging())
    uitkomst = soep(adviseur_client.get(afweging.get_absolute_url()))
    link = uitkomst.find("a", href=url(afweging))
    assert tekst(link) == "Afloop vastleggen"
    assert "Nog niet vastgelegd" in tekst(
        uitkomst.find("section", attrs={"aria-labelledby": "afloop-kop"})
    )
