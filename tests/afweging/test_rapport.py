"""The report object and its PDF: content, Dutch characters, concept mark, escaping."""

import io
import logging

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from afweging.models import Afweging
from afweging.rapport import rapport_van
from afweging.selectors import met_alles
from afweging.services import afweging_aanmaken
from casussen.models import Gemeente
from config.pdf import render_to_pdf
from tests.factories import beantwoord_alles

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    afweging = maak_afweging(titel="Fusie Leiderdorp & Zoeterwoude", gemeenten=["GM0547", "GM0638"])
    antwoord = afweging.antwoorden.get(deelvraag__nummer=1)
    antwoord.score = "1"
    antwoord.motivering = "Minder kwetsbaar; <script>alert('x')</script> café één"
    antwoord.save()
    return met_alles(Afweging.objects.filter(pk=afweging.pk)).get()


def pdf_tekst(inhoud: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(inhoud)).pages)


def test_the_report_object_carries_everything_the_pdf_needs(afweging):
    rapport = rapport_van(afweging)
    assert rapport.concept
    assert rapport.gemeenten == ["Leiderdorp", "Zoeterwoude"]
    assert [len(b.deelvragen) for b in rapport.onderdelen] == [3, 3, 2]
    assert rapport.onderdelen[0].deelvragen[0].score == "+1"
    assert {r["gemeentenaam"] for r in rapport.benchmark_rijen} == {"Leiderdorp", "Zoeterwoude"}
    assert rapport.benchmark_svg.startswith("data:image/svg+xml;base64,")
    assert rapport.uitkomst.advies.value == "onvolledig"


def test_the_pdf_renders_without_errors_and_reads_well(afweging, caplog):
    with caplog.at_level(logging.WARNING):
        html, inhoud = render_to_pdf(
            "afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)}
        )
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert inhoud.startswith(b"%PDF")
    tekst = pdf_tekst(inhoud)
    assert "Advies: Onvolledig" in tekst
    for nummer in range(1, 9):
        assert f"{nummer}. " in tekst
    assert "café één" in tekst
    assert "CONCEPT" in html
    assert "Pagina" in html
    lezer = PdfReader(io.BytesIO(inhoud))
    assert len(lezer.pages) >= 5
    assert lezer.metadata.title.startswith(
        "Advies ambtelijke fusie: Fusie Leiderdorp & Zoeterwoude"
    )


def test_user_text_is_escaped_in_the_pdf(afweging):
    html, _ = render_to_pdf("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_a_vastgestelde_report_has_no_concept_mark(afweging):
    Afweging.objects.filter(pk=afweging.pk).update(status="vastgesteld")
    afweging.refresh_from_db()
    html, _ = render_to_pdf("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    assert 'class="concept"' not in html


def test_the_pdf_downloads_for_the_adviseur_only(client, adviseur_client, afweging, ander_adviseur):
    url = reverse("afweging:rapport-pdf", kwargs={"pk": afweging.pk})
    response = adviseur_client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "Advies: Onvolledig" in pdf_tekst(response.content)
    client.force_login(ander_adviseur)
    assert client.get(url).status_code == 404


def test_rapport_pdf_command_writes_the_same_pdf(afweging, tmp_path):
    pad = tmp_path / "advies.pdf"
    call_command("rapport_pdf", str(afweging.pk), str(pad), stdout=io.StringIO())
    assert "Advies: Onvolledig" in pdf_tekst(pad.read_bytes())


def test_the_report_page_and_the_pdf_show_the_same_content(adviseur_client, afweging):
    from bs4 import BeautifulSoup

    pagina = adviseur_client.get(reverse("afweging:rapport", kwargs={"pk": afweging.pk}))
    html, _ = render_to_pdf("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    scherm = BeautifulSoup(pagina.content, "html.parser").select_one("article.rapport")
    papier = BeautifulSoup(html, "html.parser").body
    koppen = [h.get_text(" ", strip=True) for h in scherm.select("h2")]
    assert koppen == [h.get_text(" ", strip=True) for h in papier.select("h2")]
    assert "Advies: Onvolledig" in scherm.get_text()


def test_markup_in_every_free_text_field_is_escaped_in_page_and_pdf(adviseur, secretaris):
    from review import services as review

    boos = "<img src=x onerror=alert(1)>"
    afweging = afweging_aanmaken(
        door=adviseur,
        velden={"titel": f"Titel {boos}", "variant": "openbaar_lichaam"},
        gemeenten=Gemeente.objects.filter(code__in=["GM0489", "GM0613"]),
    )
    deelnemer = afweging.deelnemers.first()
    deelnemer.motieven_toelichting = boos
    deelnemer.save()
    review.delen(afweging=afweging, gebruikers=[secretaris], door=adviseur)
    review.reactie_geven(afweging=afweging, gemeente=Gemeente.objects.get(code="GM0489"),
                         auteur=secretaris, standpunt="instemmend", tekst=f"Reactie {boos}")  # fmt: skip
    afweging = met_alles(Afweging.objects.filter(pk=afweging.pk)).get()
    html, inhoud = render_to_pdf("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    assert boos not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" in pdf_tekst(inhoud)  # Shown as text, not run.


def test_a_vastgestelde_report_keeps_the_date_it_was_fixed(adviseur, afweging):
    """A concept carries today's date; a vastgestelde report the date of its vaststelling,
    also on a later day (time-machine: no dependence on when the test runs)."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from afweging import services

    amsterdam = ZoneInfo("Europe/Amsterdam")
    with time_machine.travel(datetime(2026, 3, 2, 23, 30, tzinfo=amsterdam), tick=False):
        assert rapport_van(afweging).datum == date(2026, 3, 2)
        beantwoord_alles(afweging)
        services.vaststellen(afweging=afweging, versie=afweging.versie, door=adviseur)
    with time_machine.travel(datetime(2026, 3, 3, 0, 30, tzinfo=amsterdam), tick=False):
        vastgesteld = met_alles(Afweging.objects.filter(pk=afweging.pk)).get()
        assert rapport_van(vastgesteld).datum == date(2026, 3, 2)
