"""The report object and its PDF: content, Dutch characters, concept mark, escaping."""

import io
import logging

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from afweging.models import Afweging, Deelnemer
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
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    review.reactie_geven(onderwerp=afweging, gemeente=Gemeente.objects.get(code="GM0489"),
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


# Issue 11: the PDF stands on its own for Provinciale Staten.

DRECHTSTEDEN = ["GM0482", "GM0590", "GM0531"]  # Alblasserdam, Papendrecht, Hendrik-Ido-Ambacht.
MOTIEVEN_PER_GEMEENTE = {
    "Alblasserdam": ("eindoplossing", ["kwetsbaarheid", "kosten", "identiteit"]),
    "Hendrik-Ido-Ambacht": ("tussenstap", ["uitvoeringskracht", "regionale_positie"]),
    "Papendrecht": ("onbekend", []),
}


def plat(tekst: str) -> str:
    """The PDF's text with every run of white space (line breaks within a cell) as one space."""
    return " ".join(tekst.split())


@pytest.fixture
def volledige_afweging(maak_afweging, maak_gebruiker, gemeente, adviseur):
    """A complete afweging as the issue's user made it: three Drechtsteden gemeenten, the
    proposal filled in, motives per gemeente, shared, and one formal reactie."""
    from datetime import date
    from decimal import Decimal

    from review import services as review

    afweging = maak_afweging(
        titel="Ambtelijke fusie Drechtsteden-west",
        gemeenten=DRECHTSTEDEN,
        variant=Afweging.Variant.OPENBAAR_LICHAAM,
        geplande_startdatum=date(2027, 1, 1),
        geplande_evaluatiedatum=date(2030, 1, 1),
        taakstelling=Decimal("1200000"),
        frictiekostenbudget=Decimal("2500000"),
        reorganisatie_gecombineerd=Afweging.JaNeeOnbekend.JA,
    )
    for deelnemer in afweging.deelnemers.select_related("gemeente"):
        deelnemer.perspectief, deelnemer.motieven = MOTIEVEN_PER_GEMEENTE[deelnemer.gemeente.naam]
        if deelnemer.gemeente.naam == "Alblasserdam":
            deelnemer.motieven_toelichting = "Wil de eigen raad en het gemeentehuis houden."
        deelnemer.save()
    beantwoord_alles(afweging)
    papendrecht = gemeente("GM0590")
    secretaris = maak_gebruiker.secretaris(gemeenten=[papendrecht])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    review.reactie_geven(onderwerp=afweging, gemeente=papendrecht, auteur=secretaris,
                         standpunt="instemmend", tekst="Papendrecht stemt in.")  # fmt: skip
    return met_alles(Afweging.objects.filter(pk=afweging.pk)).get()


def test_the_pdf_contains_the_proposal_and_the_motives_of_each_gemeente(volledige_afweging):
    from afweging.models import MOTIEVEN

    _, inhoud = render_to_pdf(
        "afweging/pdf/rapport.html", {"rapport": rapport_van(volledige_afweging)}
    )
    tekst = plat(pdf_tekst(inhoud))
    voorstel = tekst[tekst.index("Het voorstel") : tekst.index("Meerwaarde gemiddeld")]
    for regel in (
        "Deelnemende gemeenten Alblasserdam, Hendrik-Ido-Ambacht en Papendrecht",
        "Voorgestelde variant Klassieke ambtelijke fusie als openbaar lichaam",
        "Geplande start 1 januari 2027",
        "Eerste evaluatie 1 januari 2030, 36 maanden na de start",
        "Besparingstaakstelling € 1.200.000 per jaar",
        "Budget frictiekosten € 2.500.000 eenmalig",
        "Gecombineerd met een reorganisatie of nieuwe sturingsfilosofie Ja",
    ):
        assert regel in voorstel
    # Each gemeente's row holds its own perspective and motives (by their display labels),
    # between its name and the next gemeente's.
    labels = dict(MOTIEVEN)
    namen = ["Alblasserdam", "Hendrik-Ido-Ambacht", "Papendrecht"]
    tabel = voorstel[voorstel.index("Perspectief en motieven per gemeente") :]
    for naam, volgende in zip(namen, [*namen[1:], "Motieven uit de tabel"], strict=True):
        rij = tabel[tabel.index(f"{naam} ") : tabel.index(volgende, tabel.index(f"{naam} ") + 1)]
        perspectief, motieven = MOTIEVEN_PER_GEMEENTE[naam]
        assert dict(Deelnemer.Perspectief.choices)[perspectief] in rij
        for code in motieven:
            assert labels[code] in rij
        for code in set(labels) - set(motieven):
            assert labels[code] not in rij
    assert "Toelichting: Wil de eigen raad en het gemeentehuis houden." in tabel
    assert "Papendrecht 32.300 Onbekend Geen motieven ingevuld." in tabel


def test_the_pdf_names_the_gemeenten_that_gave_no_formal_reactie(volledige_afweging):
    _, inhoud = render_to_pdf(
        "afweging/pdf/rapport.html", {"rapport": rapport_van(volledige_afweging)}
    )
    tekst = plat(pdf_tekst(inhoud))
    reacties = tekst[tekst.index("Reacties van de gemeenten") :]
    assert "Papendrecht: Instemmend Papendrecht stemt in." in reacties
    assert "Geen formele reactie van Alblasserdam en Hendrik-Ido-Ambacht." in reacties


def test_an_unshared_afweging_says_the_gemeenten_could_not_react(afweging):
    html = render_to_string("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    sectie = sectie_met_kop(html, "Reacties van de gemeenten")
    assert "Geen formele reactie van Leiderdorp en Zoeterwoude." in sectie
    assert "niet met de gemeentesecretarissen gedeeld" in sectie


def test_what_the_proposal_leaves_empty_reads_niet_ingevuld(afweging):
    # The fixture's afweging has only gemeenten and a variant.
    rijen = voorstelrijen(afweging)
    assert rijen["Geplande start"] == "niet ingevuld"
    assert rijen["Eerste evaluatie"] == "niet ingevuld"
    assert rijen["Besparingstaakstelling"] == "niet ingevuld"
    assert rijen["Budget frictiekosten"] == "niet ingevuld (onbekend)"
    assert rijen["Gecombineerd met een reorganisatie of nieuwe sturingsfilosofie"] == "Onbekend"
    Afweging.objects.filter(pk=afweging.pk).update(frictiekostenbudget=0)
    nul = met_alles(Afweging.objects.filter(pk=afweging.pk)).get()
    assert voorstelrijen(nul)["Budget frictiekosten"] == "€ 0: geen budget voor frictiekosten"


def test_a_centrumconstructie_names_its_centrumgemeente(maak_afweging):
    afweging = maak_afweging(gemeenten=["GM0547", "GM0638"], variant="centrumconstructie",
                             centrumgemeente=Gemeente.objects.get(code="GM0547"))  # fmt: skip
    rijen = voorstelrijen(met_alles(Afweging.objects.filter(pk=afweging.pk)).get())
    assert rijen["Voorgestelde variant"] == (
        "Enkelvoudige centrumconstructie, met Leiderdorp als centrumgemeente"
    )


def test_the_cover_gives_the_moment_of_the_version_not_an_edit_counter(afweging):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 3, 2, 14, 5, tzinfo=ZoneInfo("Europe/Amsterdam"))
    Afweging.objects.filter(pk=afweging.pk).update(versie=11, gewijzigd=moment)
    afweging = met_alles(Afweging.objects.filter(pk=afweging.pk)).get()
    html = render_to_string("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    voorblad = BeautifulSoup(html, "html.parser").select_one(".voorblad")
    versie = voorblad.find("dt", string="Versie").find_next_sibling("dd").get_text()
    assert versie == "Versie 1 van 2 maart 2026 om 14:05; afwegingskader versie 1"
    assert "bewerking" not in voorblad.get_text().lower()
    assert "11" not in versie


def test_the_footnote_mark_appears_only_with_a_row_that_carries_it(afweging, maak_afweging):
    # Leiderdorp and Zoeterwoude book their overhead on 0.4; Barendrecht and Albrandswaard
    # (BAR) are flagged: their staff is paid as a contribution.
    zonder = sectie_met_kop(
        render_to_string("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)}),
        "Benchmark overhead",
    )
    assert "*" not in zonder
    assert "Bron: CBS (Iv3)." in zonder
    bar = maak_afweging(gemeenten=["GM0489", "GM0613"])
    bar = met_alles(Afweging.objects.filter(pk=bar.pk)).get()
    met = BeautifulSoup(
        render_to_string("afweging/pdf/rapport.html", {"rapport": rapport_van(bar)}),
        "html.parser",
    )
    gemerkt = [td.get_text() for td in met.select("section td") if td.get_text().endswith(" *")]
    assert gemerkt == ["Albrandswaard *", "Barendrecht *"]
    assert "* Weinig salarissen of bijna geen overhead op taakveld 0.4" in met.get_text()


def sectie_met_kop(html: str, kop: str) -> str:
    soep = BeautifulSoup(html, "html.parser")
    h2 = next(h for h in soep.find_all("h2") if h.get_text(" ", strip=True) == kop)
    return " ".join(h2.find_parent("section").get_text(" ").split())


def voorstelrijen(afweging) -> dict[str, str]:
    html = render_to_string("afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)})
    tabel = BeautifulSoup(html, "html.parser").select_one("table.voorstel")
    return {
        tr.th.get_text(" ", strip=True): " ".join(tr.td.get_text(" ").split())
        for tr in tabel.find_all("tr")
    }
