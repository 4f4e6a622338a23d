"""Check, confirm, and only then vaststellen an evaluatie (evaluatie/controle.py,
evaluatie/vaststelling.py): an empty evaluatie is refused, a colleague's save in between is a
conflict, the PDF of that moment is kept and served byte for byte, and afterwards the
evaluatie is read only. Only the leading provincie's adviseurs vaststellen."""

import io
from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from afweging.services import Conflict, NietToegestaan, vastleggen
from afweging.uitbreidingen import Controlepunt
from casussen.models import Gemeente
from evaluatie import services, uitbreidingen, vaststelling
from evaluatie.forms import domeinformset
from evaluatie.models import Evaluatie, Indicatoroordeel
from evaluatie.uitbreidingen import Evaluatieuitbreiding
from tests.factories import (
    AdviseurFactory,
    BeheerderFactory,
    EvaluatieFactory,
    ProvincieFactory,
    SecretarisFactory,
    scoor_alles,
)
from tests.html import soep

pytestmark = pytest.mark.django_db


def url(naam, evaluatie):
    return reverse(f"evaluatie:{naam}", kwargs={"pk": evaluatie.pk})


def tekst(element) -> str:
    return " ".join(element.get_text(" ").split())


def pdf_tekst(inhoud: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages).split())


def scoor(evaluatie, domein, volgorde, score="1", motivering="Onderbouwd."):
    Indicatoroordeel.objects.filter(
        evaluatie=evaluatie, indicator__domein__code=domein, indicator__volgorde=volgorde
    ).update(score=score, motivering=motivering)


@pytest.fixture
def evaluatie(maak_evaluatie):
    return maak_evaluatie(titel="Duivenvoorde vastgesteld")


@pytest.fixture
def pdfs(monkeypatch):
    """The PDFs that would be made, recorded; each a small stand-in."""
    from config import pdf

    gemaakt = []

    def maak(html, **_):
        gemaakt.append(html)
        return f"%PDF-proef-{len(gemaakt)}".encode()

    monkeypatch.setattr(pdf, "html_naar_pdf", maak)
    return gemaakt


def stel_vast(client, evaluatie, **extra):
    return client.post(
        url("vaststellen", evaluatie),
        {"versie": Evaluatie.objects.get(pk=evaluatie.pk).versie, "bevestigd": "on", **extra},
    )


def test_an_empty_evaluatie_cannot_be_vastgesteld(adviseur_client, evaluatie, adviseur, pdfs):
    pagina = soep(adviseur_client.get(url("vaststellen", evaluatie)))
    assert "Geen van de 38 indicatoren is gemotiveerd gescoord" in tekst(
        pagina.find(id="volledig-kop").parent
    )
    assert pagina.find("button", string="Evaluatie vaststellen") is None
    assert "Een evaluatie zonder oordeel kan niet worden vastgesteld" in tekst(pagina)

    # A score without motivation is no oordeel either.
    scoor(evaluatie, "legitimiteit", 1, motivering="")
    response = stel_vast(adviseur_client, evaluatie)
    assert response["Location"] == url("vaststellen", evaluatie)
    melding = tekst(soep(adviseur_client.get(response["Location"])).find(class_="alert-error"))
    assert melding.startswith("Een evaluatie zonder oordeel kan niet worden vastgesteld")
    opgeslagen = Evaluatie.objects.get(pk=evaluatie.pk)
    assert (opgeslagen.status, opgeslagen.vastgestelde_pdf) == (Evaluatie.Status.CONCEPT, None)
    with pytest.raises(NietToegestaan, match="geen van de 38 indicatoren"):
        vaststelling.vaststellen(evaluatie=evaluatie, versie=opgeslagen.versie, door=adviseur)
    assert pdfs == []


def test_the_check_names_what_is_open_and_still_lets_one_vaststellen(adviseur_client, evaluatie):
    scoor(evaluatie, "publieke_waarde", 1)
    scoor(evaluatie, "publieke_waarde", 2, score="?", motivering="")
    scoor(evaluatie, "legitimiteit", 3, score="-1", motivering="")
    pagina = soep(adviseur_client.get(url("vaststellen", evaluatie)))
    volledig = pagina.find(id="volledig-kop").parent
    assert tekst(volledig).startswith(
        "Indicatoren 1 van de 38 indicatoren zijn gemotiveerd gescoord (3%). Onvolledig: "
        "Publieke waarde, Legitimiteit en Besturing en organisatie."
    )
    # The draft, by name, with a link to it on its domein's page.
    concept = volledig.find("p", string=lambda s: s and "nog zonder motivering" in s)
    link = concept.find_next("ul").a
    indicator = Indicatoroordeel.objects.get(
        evaluatie=evaluatie, indicator__domein__code="legitimiteit", indicator__volgorde=3
    ).indicator
    assert tekst(link) == f"Legitimiteit: {indicator.naam}"
    assert link["href"] == (
        reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": "legitimiteit"})
        + f"#indicator-{indicator.code}"
    )
    assert "37 indicatoren die niet meetellen" in tekst(volledig)
    assert "— “onvoldoende informatie”" in tekst(volledig)
    assert pagina.find("button", string="Evaluatie vaststellen") is not None
    assert pagina.find("input", attrs={"name": "versie"})["value"] == str(evaluatie.versie)


def test_the_check_names_the_too_early_signal(adviseur_client, maak_evaluatie):
    vroeg = maak_evaluatie(peildatum=date(2014, 6, 1))
    scoor(vroeg, "publieke_waarde", 1)
    signalen = tekst(
        soep(adviseur_client.get(url("vaststellen", vroeg))).find(id="signalen-kop").parent
    )
    assert "Waarschuwing: Evaluatie te vroeg." in signalen
    assert "1,4 jaar na de start van de fusie (1 januari 2013)" in signalen


def test_vaststellen_asks_for_a_confirmation_then_freezes_and_mails(
    adviseur_client, evaluatie, adviseur, django_capture_on_commit_callbacks
):
    scoor_alles(evaluatie)
    zonder = adviseur_client.post(url("vaststellen", evaluatie), {"versie": evaluatie.versie})
    assert zonder.status_code == 400
    pagina = soep(zonder)
    assert pagina.title.get_text().startswith("Fout: ")
    fout = pagina.find(attrs={"data-foutmelding": True}).find("a")
    assert (
        tekst(fout) == "Vink aan dat u de evaluatie heeft gecontroleerd, om haar vast te stellen."
    )
    assert fout["href"] == "#id_bevestigd" and pagina.find(id="id_bevestigd") is not None
    assert Evaluatie.objects.get(pk=evaluatie.pk).status == Evaluatie.Status.CONCEPT

    adviseur.email = "adviseur@pzh.example"
    adviseur.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = stel_vast(adviseur_client, evaluatie)
    assert response["Location"] == url("vastgesteld", evaluatie)
    opgeslagen = Evaluatie.objects.get(pk=evaluatie.pk)
    assert opgeslagen.status == Evaluatie.Status.VASTGESTELD
    assert opgeslagen.vastgesteld_door == adviseur and opgeslagen.versie == evaluatie.versie + 1
    assert opgeslagen.wijzigingen.order_by("-pk").first().wat == "Status: vastgesteld"
    # The PDF of that moment: vastgesteld, without the concept mark.
    pdf = pdf_tekst(bytes(opgeslagen.vastgestelde_pdf))
    assert "Vastgesteld, vastgesteld op" in pdf and "Concept. Deze evaluatie" not in pdf
    assert "Totaaloordeel: Overwegend positief" in pdf
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["adviseur@pzh.example"], "Vastgesteld: Duivenvoorde vastgesteld")
    ]
    assert f"{settings.BASIS_URL.rstrip('/')}{url('overzicht', evaluatie)}" in mail.outbox[0].body

    bevestiging = soep(adviseur_client.get(url("vastgesteld", evaluatie)))
    assert bevestiging.h1.get_text(strip=True) == "De evaluatie is vastgesteld"
    volgende = tekst(bevestiging.find("h2", string="Wat er nu gebeurt").find_next("ul"))
    assert "De PDF van dit moment is bewaard" in volgende
    assert f"Een e-mail met het bericht gaat naar {adviseur.get_full_name()}." in volgende
    assert bevestiging.find("a", href=url("rapport-pdf", evaluatie)) is not None
    # The check page now says it is done.
    opnieuw = adviseur_client.get(url("vaststellen", evaluatie))
    assert opnieuw["Location"] == url("overzicht", evaluatie)


def test_a_colleagues_save_in_between_is_a_conflict(adviseur_client, evaluatie, pdfs):
    scoor_alles(evaluatie)
    collega = AdviseurFactory(first_name="Carla", last_name="Collega")
    gezien = Evaluatie.objects.get(pk=evaluatie.pk).versie
    assert (
        "Evaluatie vaststellen"
        in adviseur_client.get(url("vaststellen", evaluatie)).content.decode()
    )

    domein = evaluatie.kader.domeinen.get(code="legitimiteit")
    formset = domeinformset(evaluatie, domein, data=None)
    data = {"oordelen-TOTAL_FORMS": len(formset.forms), "oordelen-INITIAL_FORMS": len(formset.forms),
            "oordelen-MIN_NUM_FORMS": 0, "oordelen-MAX_NUM_FORMS": 1000}  # fmt: skip
    for i, form in enumerate(formset.forms):
        data |= {f"oordelen-{i}-id": form.instance.pk, f"oordelen-{i}-score": "2",
                 f"oordelen-{i}-motivering": "Carla's oordeel.", f"oordelen-{i}-bronnen": ""}  # fmt: skip
    bewerkt = domeinformset(evaluatie, domein, data=data)
    assert bewerkt.is_valid()
    services.oordelen_opslaan(evaluatie=evaluatie, formset=bewerkt, versie=gezien, door=collega)

    response = adviseur_client.post(
        url("vaststellen", evaluatie), {"versie": gezien, "bevestigd": "on"}
    )
    assert response["Location"] == url("vaststellen", evaluatie)
    melding = tekst(soep(adviseur_client.get(response["Location"])).find(class_="alert-error"))
    assert melding.startswith("Carla Collega heeft deze evaluatie om ")
    assert Evaluatie.objects.get(pk=evaluatie.pk).status == Evaluatie.Status.CONCEPT
    assert pdfs == []  # refused before the PDF


def test_a_change_while_the_pdf_is_made_stops_the_vaststelling(evaluatie, adviseur, monkeypatch):
    """What changes between the PDF and the lock (a line in the history, a colleague's save)
    is not frozen unseen: nothing is written."""
    from config import pdf

    scoor_alles(evaluatie)
    versie = evaluatie.versie

    def met_tussendoor(html, **_):
        vastleggen(evaluatie, AdviseurFactory(), "Gedeeld met de gemeentesecretaris van Wassenaar")
        return b"%PDF-tussendoor"

    monkeypatch.setattr(pdf, "html_naar_pdf", met_tussendoor)
    with pytest.raises(NietToegestaan, match="Terwijl de PDF werd gemaakt, veranderde"):
        vaststelling.vaststellen(evaluatie=evaluatie, versie=versie, door=adviseur)

    def met_opslag(html, **_):
        Evaluatie.objects.filter(pk=evaluatie.pk).update(versie=versie + 1)
        return b"%PDF-opslag"

    monkeypatch.setattr(pdf, "html_naar_pdf", met_opslag)
    with pytest.raises(Conflict):
        vaststelling.vaststellen(evaluatie=evaluatie, versie=versie, door=adviseur)
    opgeslagen = Evaluatie.objects.get(pk=evaluatie.pk)
    assert (opgeslagen.status, opgeslagen.vastgestelde_pdf) == (Evaluatie.Status.CONCEPT, None)


def test_the_stored_pdf_is_served_byte_for_byte_after_a_later_change(
    adviseur_client, evaluatie, adviseur
):
    from casussen.models import Fusieorganisatie

    scoor_alles(evaluatie)
    scoor(evaluatie, "publieke_waarde", 1, motivering="De motivering van toen.")
    vaststelling.vaststellen(evaluatie=evaluatie, versie=evaluatie.versie, door=adviseur)
    bewaard = bytes(Evaluatie.objects.get(pk=evaluatie.pk).vastgestelde_pdf)
    eerste = adviseur_client.get(url("rapport-pdf", evaluatie))
    assert eerste.content == bewaard
    assert "De motivering van toen." in pdf_tekst(bewaard)

    # Later: a data fix in the motivation, the adviseur's name, the register.
    scoor(evaluatie, "publieke_waarde", 1, motivering="Een latere tekst.")
    adviseur.last_name = "Anders"
    adviseur.save()
    Fusieorganisatie.objects.filter(slug="werkorganisatie-duivenvoorde").update(
        naam="Een andere naam"
    )
    later = adviseur_client.get(url("rapport-pdf", evaluatie))
    assert later.content == bewaard
    assert later["Content-Disposition"] == (
        f'attachment; filename="evaluatie-{evaluatie.pk}-duivenvoorde-vastgesteld.pdf"'
    )
    # The report page shows the data as it is now; the PDF stays what was vastgesteld.
    assert "Een latere tekst." in adviseur_client.get(url("rapport", evaluatie)).content.decode()


def test_a_vastgestelde_evaluatie_is_read_only(adviseur_client, evaluatie, adviseur, pdfs):
    scoor_alles(evaluatie)
    vaststelling.vaststellen(evaluatie=evaluatie, versie=evaluatie.versie, door=adviseur)
    evaluatie.refresh_from_db()
    domein = reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": "legitimiteit"})
    pagina = soep(adviseur_client.get(domein))
    assert (
        pagina.find("textarea") is None
        and pagina.find("form", attrs={"data-concept": True}) is None
    )
    oordeel = evaluatie.oordelen.filter(indicator__domein__code="legitimiteit").order_by(
        "indicator__volgorde"
    )
    data = {"versie": evaluatie.versie, "_autosave": "1", "oordelen-TOTAL_FORMS": oordeel.count(),
            "oordelen-INITIAL_FORMS": oordeel.count(), "oordelen-MIN_NUM_FORMS": 0,
            "oordelen-MAX_NUM_FORMS": 1000}  # fmt: skip
    for i, o in enumerate(oordeel):
        data |= {f"oordelen-{i}-id": o.pk, f"oordelen-{i}-score": "-2",
                 f"oordelen-{i}-motivering": "Toch anders.", f"oordelen-{i}-bronnen": ""}  # fmt: skip
    response = adviseur_client.post(domein, data)
    assert response.status_code == 409
    assert response.json()["conflict"].startswith(
        "Deze evaluatie is vastgesteld en verandert niet meer"
    )
    assert not evaluatie.oordelen.filter(score="-2").exists()
    with pytest.raises(NietToegestaan, match="al vastgesteld"):
        vaststelling.vaststellen(evaluatie=evaluatie, versie=evaluatie.versie, door=adviseur)
    overzicht = soep(adviseur_client.get(url("overzicht", evaluatie)))
    assert overzicht.find("a", href=url("vaststellen", evaluatie)) is None
    assert overzicht.find("a", string="Rapport als PDF") is not None


class _Proef(Evaluatieuitbreiding):
    naam = "proef"

    def __init__(self, punten, betrokkenen=()):
        self.punten, self._betrokkenen = punten, list(betrokkenen)

    def controlepunten(self, evaluatie):
        return self.punten

    def betrokkenen(self, evaluatie):
        return self._betrokkenen


def test_the_points_of_other_apps_are_shown_and_a_blocking_one_blocks(
    adviseur_client, evaluatie, monkeypatch
):
    scoor_alles(evaluatie)
    open_punt = Controlepunt("Wassenaar heeft nog niet formeel gereageerd.", "/ergens/", "Reacties")
    monkeypatch.setitem(uitbreidingen._geregistreerd, "proef", _Proef([open_punt]))
    pagina = soep(adviseur_client.get(url("vaststellen", evaluatie)))
    punten = [tekst(li) for li in pagina.find(id="punten-kop").parent.find_all("li")]
    # Review's own point (not shared) and the stand-in's, each with its link.
    assert punten == [
        "De evaluatie is met geen enkele gemeentesecretaris gedeeld: de gemeenten hebben niet "
        "kunnen reageren. Delen",
        "Wassenaar heeft nog niet formeel gereageerd. Reacties",
    ]
    assert pagina.find("button", string="Evaluatie vaststellen") is not None

    blokkeert = Controlepunt("Een opmerking is nog niet beantwoord.", blokkeert=True)
    monkeypatch.setitem(uitbreidingen._geregistreerd, "proef", _Proef([open_punt, blokkeert]))
    pagina = soep(adviseur_client.get(url("vaststellen", evaluatie)))
    assert pagina.find("button", string="Evaluatie vaststellen") is None
    assert tekst(pagina.find(class_="alert-warning")) == "Een opmerking is nog niet beantwoord."


def test_the_betrokkenen_of_other_apps_hear_of_it(
    evaluatie, adviseur, monkeypatch, pdfs, django_capture_on_commit_callbacks
):
    scoor_alles(evaluatie)
    secretaris = SecretarisFactory(
        gemeenten=[Gemeente.objects.get(code="GM0629")], email="secretaris@wassenaar.example"
    )
    monkeypatch.setitem(uitbreidingen._geregistreerd, "proef", _Proef([], [secretaris]))
    adviseur.email = "adviseur@pzh.example"
    adviseur.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        vaststelling.vaststellen(evaluatie=evaluatie, versie=evaluatie.versie, door=adviseur)
    assert [m.to for m in mail.outbox] == [["adviseur@pzh.example", "secretaris@wassenaar.example"]]
    assert [g.pk for g in vaststelling.ontvangers(evaluatie)] == [adviseur.pk, secretaris.pk]


def test_a_text_over_its_limit_blocks_before_any_pdf(adviseur_client, evaluatie, pdfs):
    scoor_alles(evaluatie)
    Indicatoroordeel.objects.filter(
        evaluatie=evaluatie, indicator__domein__code="besturing_organisatie", indicator__volgorde=2
    ).update(bronnen="b" * 2_500)
    pagina = soep(adviseur_client.get(url("vaststellen", evaluatie)))
    punt = pagina.find(id="te-lang-kop").parent.li
    assert tekst(punt) == (
        "De bronnen bij indicator 2 van Besturing en organisatie is 2.500 tekens; er passen er "
        "2.000."
    )
    assert pagina.find("button", string="Evaluatie vaststellen") is None
    response = stel_vast(adviseur_client, evaluatie)
    assert response["Location"] == url("vaststellen", evaluatie)
    assert pdfs == [] and Evaluatie.objects.get(pk=evaluatie.pk).status == Evaluatie.Status.CONCEPT


def test_too_many_pdfs_at_once_leaves_it_a_concept_with_retry_after(
    adviseur_client, evaluatie, settings
):
    scoor_alles(evaluatie)
    settings.PDF_GELIJKTIJDIG = 0
    response = stel_vast(adviseur_client, evaluatie)
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "De evaluatie is nog niet vastgesteld" in tekst(soep(response))
    assert Evaluatie.objects.get(pk=evaluatie.pk).status == Evaluatie.Status.CONCEPT


# --- who may vaststellen ------------------------------------------------------------------

ROLLEN = ["anoniem", "leidend", "meelezer", "buiten", "secretaris", "beheerder"]


@pytest.fixture
def bel(db):
    """BEL Combinatie, led by Noord-Holland, every indicator scored; Utrecht reads along."""
    leidend = AdviseurFactory(provincie=ProvincieFactory(code="PV27"))
    gebruikers = {
        "leidend": leidend,
        "meelezer": AdviseurFactory(provincie=ProvincieFactory(code="PV26")),
        "buiten": AdviseurFactory(provincie=ProvincieFactory(code="PV28")),
        "secretaris": SecretarisFactory(gemeenten=[Gemeente.objects.get(code="GM0376")]),
        "beheerder": BeheerderFactory(),
    }
    evaluatie = scoor_alles(EvaluatieFactory(door=leidend, fusieorganisatie="bel-combinatie"))
    return evaluatie, gebruikers


@pytest.mark.parametrize(
    ("rol", "lezen", "posten"),
    [("anoniem", 302, 302), ("leidend", 200, 302), ("meelezer", 403, 403), ("buiten", 404, 404),
     ("secretaris", 403, 403), ("beheerder", 403, 403)],
)  # fmt: skip
def test_only_the_leading_provincie_vaststelt(bel, pdfs, rol, lezen, posten):
    evaluatie, gebruikers = bel
    client = Client()
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    assert client.get(url("vaststellen", evaluatie)).status_code == lezen
    response = stel_vast(client, evaluatie)
    assert response.status_code == posten
    status = Evaluatie.objects.get(pk=evaluatie.pk).status
    assert (status == Evaluatie.Status.VASTGESTELD) is (rol == "leidend")
    if rol == "leidend":
        assert response["Location"] == url("vastgesteld", evaluatie)
    if rol == "meelezer":
        assert "Deze evaluatie wordt geleid door de provincie Noord-Holland" in tekst(
            soep(response)
        )
        assert client.get(url("vastgesteld", evaluatie)).status_code == 403
    if rol == "anoniem":
        assert response["Location"].startswith(reverse("login"))


def test_who_reads_along_sees_no_link_to_vaststellen(bel):
    evaluatie, gebruikers = bel
    client = Client()
    client.force_login(gebruikers["meelezer"])
    overzicht = soep(client.get(url("overzicht", evaluatie)))
    assert overzicht.find("a", href=url("vaststellen", evaluatie)) is None
    assert overzicht.find("a", href=url("rapport", evaluatie)) is not None
    client.force_login(gebruikers["leidend"])
    overzicht = soep(client.get(url("overzicht", evaluatie)))
    assert (
        tekst(overzicht.find("a", href=url("vaststellen", evaluatie)))
        == "Controleren en vaststellen"
    )
