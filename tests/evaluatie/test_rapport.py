"""The report of an evaluatie (evaluatie/rapport.py): one object for the page and the PDF,
with what is missing said as missing, the counterfactual of the costs, then and now, the
parts of other apps, the concept mark, escaping, and who may read it."""

import io
import logging
from datetime import UTC, date

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from afweging.models import Afweging
from casussen.models import Gemeente
from config.pdf import render_to_pdf
from evaluatie import uitbreidingen
from evaluatie.models import Afloop, Evaluatie, Indicatoroordeel
from evaluatie.rapport import rapport_van
from evaluatie.selectors import met_alles
from evaluatie.uitbreidingen import Evaluatieuitbreiding
from review import services as review
from tests.factories import (
    AdviseurFactory,
    BeheerderFactory,
    EvaluatieFactory,
    ProvincieFactory,
    SecretarisFactory,
)
from tests.html import soep

pytestmark = pytest.mark.django_db

BOOS = "<script>alert('x')</script> & “meer” één"


def pdf_tekst(inhoud: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(inhoud)).pages)


def tekst(element) -> str:
    return " ".join(element.get_text(" ").split())


def oordeel(evaluatie, domein, volgorde):
    return evaluatie.oordelen.get(indicator__domein__code=domein, indicator__volgorde=volgorde)


@pytest.fixture
def evaluatie(maak_evaluatie):
    """Werkorganisatie Duivenvoorde on the real evaluatiekader, with three oordelen: a
    motivated +1 with markup in its text, "onvoldoende informatie", and a draft score
    without motivation; every other indicator open."""
    evaluatie = maak_evaluatie(titel="Duivenvoorde & Wassenaar <b>na</b> dertien jaar")
    eerste = oordeel(evaluatie, "publieke_waarde", 1)
    eerste.score, eerste.motivering, eerste.bronnen = "1", BOOS, "Jaarverslag 2024 & <i>raad</i>"
    eerste.save()
    tweede = oordeel(evaluatie, "publieke_waarde", 2)
    tweede.score, tweede.motivering = "?", "Geen cijfers."
    tweede.save()
    derde = oordeel(evaluatie, "legitimiteit", 1)
    derde.score = "-1"
    derde.save()
    return met_alles(Evaluatie.objects.filter(pk=evaluatie.pk)).get()


def indicator(rapport, domein, volgorde):
    blok = next(b for b in rapport.domeinen if b.code == domein)
    return next(i for i in blok.indicatoren if i.volgorde == volgorde)


def test_the_report_object_carries_every_indicator_and_says_what_is_missing(evaluatie):
    rapport = rapport_van(evaluatie)
    assert rapport.concept
    assert [d.naam for d in rapport.deelnemers] == ["Voorschoten", "Wassenaar"]
    assert {d.reden for d in rapport.deelnemers} == {"Deelnemer van de fusie."}
    assert rapport.provincies_zin == "Zuid-Holland"
    assert [b.code for b in rapport.domeinen] == [
        "publieke_waarde", "legitimiteit", "besturing_organisatie",
    ]  # fmt: skip
    assert sum(len(b.indicatoren) for b in rapport.domeinen) == 38
    eerste = indicator(rapport, "publieke_waarde", 1)
    assert (eerste.score, eerste.motivering) == ("+1", BOOS)
    assert indicator(rapport, "publieke_waarde", 2).score == "Onvoldoende informatie"
    concept = indicator(rapport, "legitimiteit", 1)
    assert (concept.score, concept.zonder_motivering) == ("−1", True)
    # Not scored is "open", never a zero.
    assert indicator(rapport, "publieke_waarde", 3).score == "open"
    assert rapport.totaal.gescoord == 1 and rapport.totaal.waarde.value == "onvolledig"
    assert rapport.totaalregel[0] == 1
    publiek = rapport.domeinen[0]
    assert (publiek.regelnummer, publiek.oordeel.regel) == (1, "te_weinig_gescoord")
    # The cost indicator's evidence, for both deelnemers, over every Iv3 file loaded.
    kosten = rapport.kostenbewijs
    assert kosten.deel is not None and kosten.domein == "Publieke waarde"
    assert kosten.deel.tijdreeks.leden == ("Voorschoten", "Wassenaar")
    assert kosten.deel.svg_uri.startswith("data:image/svg+xml;base64,")
    assert rapport.signalen == []  # peildatum 2026, start 1 januari 2013
    assert rapport.toen_en_nu is None
    # Review's part: not shared, so no gemeente has reacted, and the report says which.
    assert list(rapport.delen) == ["review"]
    reacties = rapport.delen["review"]
    assert (reacties["gedeeld"], reacties["reacties"]) == (False, [])
    assert reacties["zonder_reactie"] == ["Voorschoten", "Wassenaar"]


def test_the_pdf_renders_reads_well_and_says_concept(evaluatie, caplog):
    with caplog.at_level(logging.WARNING):
        html, inhoud = render_to_pdf(
            "evaluatie/pdf/rapport.html", {"rapport": rapport_van(evaluatie)}
        )
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    lezer = PdfReader(io.BytesIO(inhoud))
    assert lezer.metadata.title == (
        "Evaluatie ambtelijke fusie: Duivenvoorde & Wassenaar <b>na</b> dertien jaar"
    )
    inhoud_tekst = " ".join(pdf_tekst(inhoud).split())
    assert "Concept. Deze evaluatie is nog niet vastgesteld" in inhoud_tekst
    assert 'class="concept"' in html
    assert "Totaaloordeel: Onvolledig" in inhoud_tekst
    assert "Werkorganisatie Duivenvoorde" in inhoud_tekst
    assert "Voorschoten (Zuid-Holland): Deelnemer van de fusie." in inhoud_tekst
    assert "Onvoldoende informatie" in inhoud_tekst
    assert "Nog geen motivering: deze score telt niet mee." in inhoud_tekst
    assert "De kosten tegen gemeenten zonder fusie" in inhoud_tekst
    assert "jaarrekening 2023" in inhoud_tekst.lower()
    assert "Kanttekeningen" in inhoud_tekst
    assert "Methode en bronnen" in inhoud_tekst
    assert len(lezer.pages) >= 6


def test_user_text_is_escaped_in_page_and_pdf(adviseur_client, evaluatie):
    html, inhoud = render_to_pdf("evaluatie/pdf/rapport.html", {"rapport": rapport_van(evaluatie)})
    pagina = adviseur_client.get(reverse("evaluatie:rapport", kwargs={"pk": evaluatie.pk}))
    scherm = pagina.content.decode()
    for bron in (html, scherm):
        assert "<script>alert" not in bron and "<b>na</b>" not in bron and "<i>raad</i>" not in bron
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; “meer” één" in bron
        assert "Jaarverslag 2024 &amp; &lt;i&gt;raad&lt;/i&gt;" in bron
    # In the PDF as text, not as markup.
    assert "<script>alert('x')</script> & “meer” één" in pdf_tekst(inhoud)
    assert "Duivenvoorde & Wassenaar <b>na</b> dertien jaar" in pdf_tekst(inhoud)


def test_the_page_and_the_pdf_show_the_same_sections(adviseur_client, evaluatie):
    pagina = adviseur_client.get(reverse("evaluatie:rapport", kwargs={"pk": evaluatie.pk}))
    html = render_to_string("evaluatie/pdf/rapport.html", {"rapport": rapport_van(evaluatie)})
    scherm = soep(pagina).select_one("article.rapport")
    papier = BeautifulSoup(html, "html.parser").body
    koppen = [h.get_text(" ", strip=True) for h in scherm.select("h2")]
    assert koppen == [h.get_text(" ", strip=True) for h in papier.select("h2")]
    assert koppen[:2] == ["Samenvatting", "Signalen"]
    assert soep(pagina).find(class_="badge", string="CONCEPT") is not None
    assert soep(pagina).find(
        "a", href=reverse("evaluatie:rapport-pdf", kwargs={"pk": evaluatie.pk})
    )
    # The SVG of the counterfactual is on the page too: no plotly for a report.
    assert scherm.find("img", class_="grafiek")["src"].startswith("data:image/svg+xml")


def test_a_vastgestelde_report_has_no_concept_mark_and_keeps_its_date(evaluatie, adviseur):
    from datetime import datetime

    Evaluatie.objects.filter(pk=evaluatie.pk).update(
        status=Evaluatie.Status.VASTGESTELD,
        vastgesteld_op=datetime(2026, 7, 1, 10, 0, tzinfo=UTC),
        vastgesteld_door=adviseur,
    )
    rapport = rapport_van(met_alles(Evaluatie.objects.filter(pk=evaluatie.pk)).get())
    assert not rapport.concept and rapport.datum == date(2026, 7, 1)
    html = render_to_string("evaluatie/pdf/rapport.html", {"rapport": rapport})
    assert 'class="concept"' not in html and "CONCEPT" not in html
    assert "vastgesteld op 1 juli 2026" in " ".join(
        BeautifulSoup(html, "html.parser").get_text().split()
    )


def test_an_evaluatie_too_early_carries_the_signal_in_its_report(maak_evaluatie):
    vroeg = maak_evaluatie(peildatum=date(2014, 6, 1))
    rapport = rapport_van(met_alles(Evaluatie.objects.filter(pk=vroeg.pk)).get())
    assert [s.code for s in rapport.signalen] == ["evaluatie_te_vroeg"]
    html = render_to_string("evaluatie/pdf/rapport.html", {"rapport": rapport})
    assert "Waarschuwing: Evaluatie te vroeg." in " ".join(
        BeautifulSoup(html, "html.parser").get_text().split()
    )


def test_an_unknown_start_is_said_as_unknown(maak_evaluatie):
    from casussen.models import Fusieorganisatie

    zonder = maak_evaluatie(startdatum_fusie=None)
    rapport = rapport_van(met_alles(Evaluatie.objects.filter(pk=zonder.pk)).get())
    assert [s.code for s in rapport.signalen] == ["evaluatie_start_onbekend"]
    html = render_to_string("evaluatie/pdf/rapport.html", {"rapport": rapport})
    voorblad = " ".join(
        BeautifulSoup(html, "html.parser").find(class_="voorblad").get_text(" ").split()
    )
    # What the register says beside it, as the overview does.
    tekst = Fusieorganisatie.objects.get(slug="werkorganisatie-duivenvoorde").startdatum_tekst
    assert f"Start van de fusie onbekend (het register noemt ‘{tekst}’) Peildatum" in voorblad


def test_the_report_of_an_evaluatie_of_an_afweging_has_then_and_now(
    maak_afweging, adviseur, vastgesteld
):
    afweging = vastgesteld(
        maak_afweging(titel="Leiderdorp en Zoeterwoude", gemeenten=["GM0547", "GM0638"],
                      taakstelling=400_000)
    )  # fmt: skip
    Afloop.objects.create(
        afweging=afweging, soort=Afloop.Soort.GESTART, datum=date(2020, 1, 1), bron="Besluit",
        vastgelegd_door=adviseur,
    )  # fmt: skip
    evaluatie = EvaluatieFactory(door=adviseur, afweging=Afweging.objects.get(pk=afweging.pk))
    rapport = rapport_van(met_alles(Evaluatie.objects.filter(pk=evaluatie.pk)).get())
    assert rapport.toen_en_nu is not None
    html = render_to_string("evaluatie/pdf/rapport.html", {"rapport": rapport})
    woorden = " ".join(BeautifulSoup(html, "html.parser").get_text().split())
    assert "Toen en nu: wat de afweging verwachtte" in woorden
    assert "€ 400.000 per jaar" in woorden
    assert "Deelvraag 1." in woorden
    assert "de fusie uit de afweging ‘Leiderdorp en Zoeterwoude’" in woorden


class _Proefdeel(Evaluatieuitbreiding):
    """An app's part of the report, shown through the template it names."""

    naam = "proef"

    def rapport_deel(self, evaluatie):
        return {"template": "proef/deel.html", "tekst": f"Reacties op {evaluatie.titel}"}


@pytest.fixture
def met_proefdeel(monkeypatch, settings):
    monkeypatch.setitem(uitbreidingen._geregistreerd, "proef", _Proefdeel())
    sjablonen = [dict(t) for t in settings.TEMPLATES]
    sjablonen[0]["APP_DIRS"] = False
    sjablonen[0]["OPTIONS"] = {
        **sjablonen[0]["OPTIONS"],
        "loaders": [
            ("django.template.loaders.locmem.Loader", {
                "proef/deel.html": '<section><h2>Formele reacties</h2><p>{{ deel.tekst }}</p>'
                                   '<p>{{ rapport.evaluatie.peildatum|date:"Y" }}</p></section>',
            }),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    }  # fmt: skip
    settings.TEMPLATES = sjablonen


def test_the_parts_of_other_apps_are_shown_through_their_template(met_proefdeel, evaluatie):
    rapport = rapport_van(evaluatie)
    assert rapport.delen["proef"]["tekst"] == f"Reacties op {evaluatie.titel}"
    html = render_to_string("evaluatie/pdf/rapport.html", {"rapport": rapport})
    papier = BeautifulSoup(html, "html.parser")
    koppen = [h.get_text(strip=True) for h in papier.select("h2")]
    assert koppen[-2:] == ["Formele reacties", "Methode en bronnen"]
    assert f"Reacties op {evaluatie.titel}" in papier.get_text()  # escaped, read back as text
    assert "<b>na</b>" not in html
    assert "2026" in papier.find("h2", string="Formele reacties").parent.get_text()


# --- who may read the report and its PDF ------------------------------------------------

ROLLEN = ["anoniem", "leidend", "meelezer", "buiten", "secretaris", "gedeeld", "beheerder"]
# A gemeentesecretaris of a deelnemer reads the report once the evaluatie is shared with them.
VERWACHT = (302, 200, 200, 404, 404, 200, 403)


@pytest.fixture
def bel(db):
    """BEL Combinatie, led by Noord-Holland; Utrecht (Eemnes) reads along."""
    leidend = AdviseurFactory(provincie=ProvincieFactory(code="PV27"))
    gebruikers = {
        "leidend": leidend,
        "meelezer": AdviseurFactory(provincie=ProvincieFactory(code="PV26")),
        "buiten": AdviseurFactory(provincie=ProvincieFactory(code="PV28")),
        "secretaris": SecretarisFactory(gemeenten=[Gemeente.objects.get(code="GM0376")]),
        "gedeeld": SecretarisFactory(gemeenten=[Gemeente.objects.get(code="GM0417")]),
        "beheerder": BeheerderFactory(),
    }
    evaluatie = EvaluatieFactory(door=leidend, fusieorganisatie="bel-combinatie")
    review.delen(onderwerp=evaluatie, gebruikers=[gebruikers["gedeeld"]], door=leidend)
    return evaluatie, gebruikers


@pytest.fixture
def geen_pdf(monkeypatch):
    """The PDF engine is not what these tests are about: a stand-in records the HTML."""
    from config import pdf

    gemaakt = []
    monkeypatch.setattr(
        pdf, "html_naar_pdf", lambda html, **_: gemaakt.append(html) or b"%PDF-proef"
    )
    return gemaakt


@pytest.mark.parametrize("naam", ["rapport", "rapport-pdf"])
@pytest.mark.parametrize("rol", ROLLEN)
def test_who_may_read_the_report_and_its_pdf(bel, geen_pdf, naam, rol):
    evaluatie, gebruikers = bel
    client = Client()
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    response = client.get(reverse(f"evaluatie:{naam}", kwargs={"pk": evaluatie.pk}))
    verwacht = VERWACHT[ROLLEN.index(rol)]
    assert response.status_code == verwacht, rol
    if verwacht == 200 and naam == "rapport":
        assert "Geleid door Noord-Holland; Utrecht leest mee" in tekst(soep(response))
    if verwacht == 200 and naam == "rapport-pdf":
        assert response.content == b"%PDF-proef"
        assert response["Content-Disposition"] == (
            f'attachment; filename="evaluatie-{evaluatie.pk}-evaluatie-bel-combinatie.pdf"'
        )
    if verwacht == 403:
        assert "Evaluaties zijn er voor provinciale adviseurs met een provincie" in tekst(
            soep(response)
        )
    assert (len(geen_pdf) == 1) is (verwacht == 200 and naam == "rapport-pdf")


def test_too_many_pdfs_at_once_is_a_503_with_retry_after(adviseur_client, evaluatie, settings):
    settings.PDF_GELIJKTIJDIG = 0
    response = adviseur_client.get(reverse("evaluatie:rapport-pdf", kwargs={"pk": evaluatie.pk}))
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "De PDF wordt al gemaakt voor andere gebruikers" in tekst(soep(response))
    assert soep(response).select_one("article.rapport") is not None


def test_a_text_over_its_limit_makes_no_pdf_and_says_which(adviseur_client, evaluatie, geen_pdf):
    Indicatoroordeel.objects.filter(
        evaluatie=evaluatie, indicator__domein__code="legitimiteit", indicator__volgorde=2
    ).update(score="1", motivering="x" * 6_000)
    response = adviseur_client.get(
        reverse("evaluatie:rapport-pdf", kwargs={"pk": evaluatie.pk}), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(
        "evaluatie:rapport", kwargs={"pk": evaluatie.pk}
    )
    assert (
        "De motivering bij indicator 2 van Legitimiteit is 6.000 tekens; er passen er 5.000."
        in tekst(soep(response).find(class_="alert-error"))
    )
    assert geen_pdf == []
