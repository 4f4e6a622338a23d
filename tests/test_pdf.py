"""Issue 12: a PDF is made in a child process that is stopped after PDF_MAX_SECONDEN, and
vaststellen holds no transaction (so no row lock) while the PDF of the afweging renders."""

import multiprocessing

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from afweging import services
from afweging.models import Afweging
from casussen.models import Gemeente
from config import pdf
from paginacache import stand as paginacache_stand
from review import services as review
from tests.factories import beantwoord_alles
from tests.html import soep


def url(naam, afweging):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk})


@pytest.fixture
def klaar(maak_afweging):
    """An afweging that can be vastgesteld."""
    return beantwoord_alles(maak_afweging(titel="Grenzen", gemeenten=["GM0489", "GM0613"]))


def test_the_limit_stops_the_pdf_and_its_process():
    # A hundred pages of text: far more than a hundredth of a second.
    html = "<p>" + "Een heel lange alinea over een ambtelijke fusie. " * 20_000 + "</p>"
    with pytest.raises(pdf.PdfTeLang) as fout:
        pdf.html_naar_pdf(html, limiet=0.01)
    assert str(fout.value) == "Het maken van de PDF duurde langer dan 0,01 seconden en is gestopt."
    assert multiprocessing.active_children() == []  # killed and reaped, nothing left running


def test_within_the_limit_the_pdf_is_made_and_what_weasyprint_says_is_logged(caplog):
    inhoud = pdf.html_naar_pdf('<p>Kort.</p><img src="bestaat-niet.png" alt="">', limiet=60)
    assert inhoud.startswith(b"%PDF")
    assert any(
        r.name == "weasyprint" and "bestaat-niet.png" in r.getMessage() for r in caplog.records
    )


@pytest.mark.django_db
def test_vaststellen_says_so_when_the_pdf_takes_too_long(adviseur_client, klaar, settings):
    settings.PDF_MAX_SECONDEN = 0.01
    response = adviseur_client.post(
        url("vaststellen", klaar), {"versie": klaar.versie, "bevestigd": "on"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("vaststellen", klaar)
    assert (
        "Het maken van de PDF duurde langer dan 0,01 seconden en is gestopt. Daarom is de "
        "afweging niet vastgesteld." in soep(response).get_text(" ", strip=True)
    )
    opgeslagen = Afweging.objects.get(pk=klaar.pk)
    assert (opgeslagen.status, opgeslagen.vastgestelde_pdf) == (Afweging.Status.CONCEPT, None)


@pytest.mark.django_db
def test_the_pdf_download_says_so_when_it_takes_too_long(adviseur_client, klaar, settings):
    settings.PDF_MAX_SECONDEN = 0.01
    response = adviseur_client.get(url("rapport-pdf", klaar), follow=True)
    assert response.redirect_chain[-1][0] == url("rapport", klaar)
    assert "duurde langer dan 0,01 seconden en is gestopt. Probeer het later opnieuw" in (
        soep(response).get_text(" ", strip=True)
    )


@pytest.mark.django_db
def test_vaststellen_renders_the_pdf_outside_any_transaction(klaar, adviseur, monkeypatch):
    """No transaction of its own while the PDF renders, so no row lock held: the test's
    own transaction (pytest-django) is the only one open then. A lock is taken only after,
    for the checks and the writing."""
    buiten = len(connection.atomic_blocks)
    tijdens = []
    echt = pdf.render_to_pdf

    def render(template, context):
        tijdens.append(len(connection.atomic_blocks) - buiten)
        return echt(template, context)

    monkeypatch.setattr(pdf, "render_to_pdf", render)
    services.vaststellen(afweging=klaar, versie=klaar.versie, door=adviseur)
    assert tijdens == [0]
    opgeslagen = Afweging.objects.get(pk=klaar.pk)
    assert opgeslagen.status == Afweging.Status.VASTGESTELD
    assert bytes(opgeslagen.vastgestelde_pdf).startswith(b"%PDF")


@pytest.mark.django_db
def test_what_changes_while_the_pdf_renders_is_not_frozen_unseen(
    klaar, adviseur, secretaris, monkeypatch
):
    review.delen(onderwerp=klaar, gebruikers=[secretaris], door=adviseur)
    klaar.refresh_from_db()
    deelvraag = klaar.antwoorden.first().deelvraag
    echt = pdf.render_to_pdf

    def render(template, context):
        gemaakt = echt(template, context)
        # A reviewer's comment lands while the PDF is made: it is not in that PDF.
        review.opmerking_plaatsen(
            onderwerp=klaar, plek=deelvraag, auteur=secretaris, tekst="Nog één punt."
        )
        return gemaakt

    monkeypatch.setattr(pdf, "render_to_pdf", render)
    with pytest.raises(services.NietToegestaan, match="Terwijl de PDF werd gemaakt"):
        services.vaststellen(afweging=klaar, versie=klaar.versie, door=adviseur)
    assert Afweging.objects.get(pk=klaar.pk).status == Afweging.Status.TER_REVIEW


@pytest.mark.django_db
def test_a_reference_data_change_while_the_pdf_renders_does_not_stop_vaststellen(
    klaar, adviseur, secretaris, monkeypatch
):
    """Issue 12 review: only the afweging's own part of its stand counts. A change to the
    reference data (here a gemeente's name; a user's login does the same) while the PDF
    renders is not a change to the afweging, and vaststellen goes on."""
    elders = Gemeente.objects.exclude(afwegingen=klaar).first()
    echt = pdf.render_to_pdf
    voor = paginacache_stand.referentiestand()

    def render(template, context):
        gemaakt = echt(template, context)
        elders.naam = f"{elders.naam} (nieuw)"
        elders.save()
        secretaris.last_login = timezone.now()  # what logging in saves
        secretaris.save(update_fields=["last_login"])
        return gemaakt

    monkeypatch.setattr(pdf, "render_to_pdf", render)
    services.vaststellen(afweging=klaar, versie=klaar.versie, door=adviseur)
    assert paginacache_stand.referentiestand() != voor  # the reference data did change
    opgeslagen = Afweging.objects.get(pk=klaar.pk)
    assert opgeslagen.status == Afweging.Status.VASTGESTELD
    assert bytes(opgeslagen.vastgestelde_pdf).startswith(b"%PDF")


@pytest.fixture
def een_tegelijk(settings, monkeypatch):
    """PDF_GELIJKTIJDIG at 1 and one PDF being made for someone else; records any child
    process that would be started."""
    settings.PDF_GELIJKTIJDIG = 1
    gestart = []
    echt = pdf._processen.Process

    def proces(*args, **kwargs):
        gestart.append(kwargs.get("target"))
        return echt(*args, **kwargs)

    monkeypatch.setattr(pdf._processen, "Process", proces)
    with pdf._plaats():  # the other user's PDF, still being made
        yield gestart


BEZET = "De PDF wordt al gemaakt voor andere gebruikers; probeer het over een minuut opnieuw."


@pytest.mark.django_db
def test_over_the_limit_the_pdf_download_gets_503_without_starting_a_child(
    adviseur_client, klaar, een_tegelijk
):
    response = adviseur_client.get(url("rapport-pdf", klaar))
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Type"].startswith("text/html")
    assert BEZET in soep(response).get_text(" ", strip=True)
    assert een_tegelijk == []  # no child process started
    assert multiprocessing.active_children() == []


@pytest.mark.django_db
def test_over_the_limit_vaststellen_gets_503_and_is_not_vastgesteld(
    adviseur_client, klaar, een_tegelijk
):
    response = adviseur_client.post(
        url("vaststellen", klaar), {"versie": klaar.versie, "bevestigd": "on"}
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert f"{BEZET} De afweging is nog niet vastgesteld." in soep(response).get_text(
        " ", strip=True
    )
    assert een_tegelijk == []
    opgeslagen = Afweging.objects.get(pk=klaar.pk)
    assert (opgeslagen.status, opgeslagen.vastgestelde_pdf) == (Afweging.Status.CONCEPT, None)


def test_a_pdf_that_is_stopped_gives_its_place_back(settings):
    settings.PDF_GELIJKTIJDIG = 1
    html = "<p>" + "Een heel lange alinea over een ambtelijke fusie. " * 20_000 + "</p>"
    with pytest.raises(pdf.PdfTeLang):
        pdf.html_naar_pdf(html, limiet=0.01)
    # The one place is free again: the next PDF is made, and then the next.
    assert pdf.html_naar_pdf("<p>Kort.</p>", limiet=60).startswith(b"%PDF")
    assert pdf.html_naar_pdf("<p>Nog een.</p>", limiet=60).startswith(b"%PDF")
