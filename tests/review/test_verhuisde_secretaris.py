"""Issue 12: a gemeentesecretaris moved to another gemeente loses the old gemeente's afweging.

Access follows the gemeenten they work for now, on every request (also a page the cache
kept, the start page, the exports and the e-mails); what they wrote stays for the others.
"""

import pytest
from django.core import mail
from django.urls import reverse

from afweging import services
from casussen.models import Gemeente
from kader.models import Deelvraag
from review import services as review
from review.toegang import is_reviewer
from tests.factories import SecretarisFactory, beantwoord_alles
from tests.html import soep

pytestmark = pytest.mark.django_db


def url(naam, afweging, **kwargs):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk, **kwargs})


@pytest.fixture
def gedeeld(maak_afweging, adviseur, secretaris, gemeente):
    """Barendrecht and Albrandswaard, shared with both their secretarissen; Barendrecht's
    has placed an opmerking at deelvraag 2."""
    afweging = maak_afweging(titel="Verhuizing", gemeenten=["GM0489", "GM0613"])
    collega = SecretarisFactory(username="albrandswaard", gemeenten=[gemeente("GM0613")])
    review.delen(onderwerp=afweging, gebruikers=[secretaris, collega], door=adviseur)
    review.opmerking_plaatsen(
        onderwerp=afweging,
        plek=Deelvraag.objects.get(onderdeel__kader=afweging.kader, nummer=2),
        auteur=secretaris,
        tekst="Hoe telt de regio mee?",
    )
    afweging.collega = collega
    return afweging


def verhuis(secretaris, code="GM0547"):
    """To Leiderdorp, which does not take part."""
    secretaris.gemeenten.set([Gemeente.objects.get(code=code)])


@pytest.mark.parametrize(
    "naam", ["uitkomst", "rapport", "rapport-pdf", "businesscase", "export:csv", "export:json"]
)
def test_a_moved_secretaris_no_longer_reads_the_old_gemeentes_afweging(
    secretaris_client, gedeeld, secretaris, naam
):
    if naam.startswith("export:"):
        adres = url("export", gedeeld, formaat=naam.split(":")[1])
    else:
        adres = url(naam, gedeeld)
    assert secretaris_client.get(adres).status_code == 200
    verhuis(secretaris)
    assert secretaris_client.get(adres).status_code == 404


def test_the_cached_page_is_not_served_after_the_move(secretaris_client, gedeeld, secretaris):
    eerst = secretaris_client.get(url("uitkomst", gedeeld))
    assert "Hoe telt de regio mee?" in eerst.content.decode()  # now in the page cache
    verhuis(secretaris)
    assert secretaris_client.get(url("uitkomst", gedeeld)).status_code == 404


def test_a_moved_secretaris_no_longer_comments(secretaris_client, gedeeld, secretaris):
    verhuis(secretaris)
    response = secretaris_client.post(
        url("opmerking", gedeeld), {"deelvraag": 3, "tekst": "Nog een"}
    )
    assert response.status_code == 404
    assert list(gedeeld.opmerkingen.values_list("tekst", flat=True)) == ["Hoe telt de regio mee?"]
    assert not is_reviewer(secretaris, gedeeld)


def test_the_list_and_start_page_no_longer_show_it(secretaris_client, gedeeld, secretaris):
    lijst = soep(secretaris_client.get(reverse("afweging:lijst")))
    assert "Verhuizing" in lijst.get_text()
    verhuis(secretaris)
    assert "Verhuizing" not in soep(secretaris_client.get(reverse("afweging:lijst"))).get_text()
    assert "Verhuizing" not in soep(secretaris_client.get(reverse("start"))).get_text()


def test_moving_to_another_deelnemer_keeps_the_access(secretaris_client, gedeeld, secretaris):
    verhuis(secretaris, "GM0613")  # Albrandswaard also takes part.
    assert secretaris_client.get(url("uitkomst", gedeeld)).status_code == 200


def test_the_earlier_opmerking_stays_visible_to_the_others(
    client, adviseur_client, gedeeld, secretaris
):
    verhuis(secretaris)
    client.force_login(gedeeld.collega)
    for browser in (adviseur_client, client):
        opmerking = soep(browser.get(url("uitkomst", gedeeld))).find(id="dv-opmerkingen-2")
        assert "Hoe telt de regio mee?" in opmerking.get_text()
        assert secretaris.get_full_name() in opmerking.get_text()


def test_the_adviseur_sees_who_lost_access(adviseur_client, gedeeld, secretaris):
    verhuis(secretaris)
    regels = {
        li.get_text(" ", strip=True).split(" (")[0]: li.get_text(" ", strip=True)
        for li in soep(adviseur_client.get(url("uitkomst", gedeeld))).find(id="gedeeld-met")("li")
    }
    assert (
        "geen toegang: werkt niet meer voor een deelnemende gemeente"
        in regels[secretaris.get_full_name()]
    )
    assert "geen toegang" not in regels[gedeeld.collega.get_full_name()]


def test_a_moved_secretaris_gets_no_more_e_mail_about_it(
    gedeeld, adviseur, secretaris, django_capture_on_commit_callbacks
):
    opmerking = gedeeld.opmerkingen.get()
    secretaris.email = "secretaris@barendrecht.example"
    secretaris.save()
    gedeeld.collega.email = "secretaris@albrandswaard.example"
    gedeeld.collega.save()
    verhuis(secretaris)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review.opmerking_plaatsen(
            onderwerp=gedeeld, plek=opmerking.deelvraag, auteur=adviseur,
            tekst="Zo telt de regio mee.", antwoord_op=opmerking,
        )  # fmt: skip
        beantwoord_alles(gedeeld)
        gedeeld.refresh_from_db()
        services.vaststellen(afweging=gedeeld, versie=gedeeld.versie, door=adviseur)
    ontvangers = [(adres, bericht.subject) for bericht in mail.outbox for adres in bericht.to]
    assert [adres for adres, _ in ontvangers if "secretaris@" in adres] == [
        "secretaris@albrandswaard.example"  # only the vaststelling, to who still reads it
    ]
