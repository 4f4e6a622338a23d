"""Review of an evaluatie: the same sharing, opmerkingen, formal reacties and answers as an
afweging's (review/services.py through `review.onderwerp`), on an evaluatie of Werkorganisatie
Duivenvoorde (Voorschoten and Wassenaar, Zuid-Holland), led by Zuid-Holland.

Each test goes through the pages as a person does, and checks what the others see."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse

from casussen.models import Gemeente
from evaluatie import uitbreidingen
from evaluatie.models import Evaluatie
from review import services as review
from review.models import Deling, Opmerking, Reactie
from tests.factories import AdviseurFactory, ProvincieFactory, SecretarisFactory
from tests.html import soep

pytestmark = pytest.mark.django_db


def ingelogd(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def opzet(maak_evaluatie, adviseur):
    adviseur.email = "anna@zuid-holland.example"
    adviseur.save(update_fields=["email"])
    evaluatie = maak_evaluatie(titel="Duivenvoorde na vijf jaar")
    voorschoten = SecretarisFactory(
        username="sec-voorschoten", first_name="Vera", last_name="Voorschoten",
        email="vera@voorschoten.example", gemeenten=[Gemeente.objects.get(code="GM0626")],
    )  # fmt: skip
    wassenaar = SecretarisFactory(
        username="sec-wassenaar", email="wim@wassenaar.example",
        gemeenten=[Gemeente.objects.get(code="GM0629")],
    )  # fmt: skip
    return evaluatie, adviseur, voorschoten, wassenaar


def indicator(evaluatie, domein="besturing", volgorde=1):
    return evaluatie.kader.domeinen.get(code__startswith=domein).indicatoren.get(volgorde=volgorde)


def domein_url(evaluatie, ind):
    return reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": ind.domein.code})


def delen(evaluatie, adviseur, *secretarissen):
    return ingelogd(adviseur).post(
        reverse("evaluatie:delen", kwargs={"pk": evaluatie.pk}),
        {"gebruikers": [s.pk for s in secretarissen], "reactietermijn": ""},
    )


def test_sharing_offers_the_deelnemers_secretarissen_and_puts_it_ter_review(
    opzet, django_capture_on_commit_callbacks
):
    evaluatie, adviseur, voorschoten, wassenaar = opzet
    buiten = SecretarisFactory()  # Barendrecht: no deelnemer.
    overzicht = soep(ingelogd(adviseur).get(evaluatie.get_absolute_url()))
    keuzes = {i["value"] for i in overzicht.select("input[name=gebruikers]")}
    assert keuzes == {str(voorschoten.pk), str(wassenaar.pk)}
    assert str(buiten.pk) not in keuzes

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = delen(evaluatie, adviseur, voorschoten)
    assert antwoord.status_code == 302
    assert antwoord["Location"].endswith("#review-kop")
    evaluatie.refresh_from_db()
    assert evaluatie.status == Evaluatie.Status.TER_REVIEW
    wat = list(evaluatie.wijzigingen.order_by("pk").values_list("wat", flat=True))
    assert wat[-2:] == [
        "Gedeeld met Vera Voorschoten (reactie: geen termijn)",
        "Status: ter review",
    ]
    (bericht,) = mail.outbox
    assert bericht.to == ["vera@voorschoten.example"]
    assert "de evaluatie ‘Duivenvoorde na vijf jaar’" in bericht.body
    assert f"/evaluaties/{evaluatie.pk}/" in bericht.body
    assert "opmerkingen per indicator" in bericht.body

    # She finds it in her list and reads it; the other secretaris does not (yet).
    lijst = soep(ingelogd(voorschoten).get(reverse("evaluatie:lijst")))
    assert [a.get_text(strip=True) for a in lijst.select("tbody th a")] == [
        "Duivenvoorde na vijf jaar"
    ]
    assert ingelogd(voorschoten).get(evaluatie.get_absolute_url()).status_code == 200
    assert ingelogd(wassenaar).get(evaluatie.get_absolute_url()).status_code == 404
    # Only the leading provincie shares.
    meelezer = AdviseurFactory(provincie=ProvincieFactory(code="PV26"))
    assert delen(evaluatie, meelezer, wassenaar).status_code == 404
    assert not Deling.objects.filter(evaluatie=evaluatie, gebruiker=wassenaar).exists()


def test_an_opmerking_on_an_indicator_and_its_answer(opzet, django_capture_on_commit_callbacks):
    evaluatie, adviseur, voorschoten, _ = opzet
    delen(evaluatie, adviseur, voorschoten)
    ind = indicator(evaluatie, volgorde=2)
    secretaris = ingelogd(voorschoten)
    pagina = soep(secretaris.get(domein_url(evaluatie, ind)))
    vak = pagina.find("textarea", attrs={"name": f"opmerking-{ind.pk}"})
    assert vak is not None and vak["form"] == "opmerkingen-form"
    assert pagina.find(attrs={"name": "oordelen-TOTAL_FORMS"}) is None  # She does not score.

    tekst = "De raad van Wassenaar <script>alert(1)</script> & Voorschoten zag dit anders."
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = secretaris.post(
            reverse("evaluatie:opmerking", kwargs={"pk": evaluatie.pk}),
            {"vak": f"opmerking-{ind.pk}", f"opmerking-{ind.pk}": tekst},
        )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{domein_url(evaluatie, ind)}#opmerkingen-{ind.pk}"
    opmerking = Opmerking.objects.get(evaluatie=evaluatie)
    assert (opmerking.indicator, opmerking.afweging, opmerking.deelvraag) == (ind, None, None)
    regel = evaluatie.wijzigingen.order_by("-pk").first().wat
    assert regel == f"Opmerking bij indicator 2 van {ind.domein.naam}"
    (bericht,) = mail.outbox
    assert bericht.to == ["anna@zuid-holland.example"] and tekst in bericht.body

    # The adviseur sees it under its indicator (escaped), and on the overview as unanswered.
    eigen = ingelogd(adviseur)
    html = eigen.get(domein_url(evaluatie, ind)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Voorschoten" in html
    assert "<script>alert(1)" not in html
    vak = BeautifulSoup(html, "html.parser").find(id=f"opmerkingen-{ind.pk}")
    assert vak.find("textarea", attrs={"name": f"antwoord-{opmerking.pk}"}) is not None
    overzicht = soep(eigen.get(evaluatie.get_absolute_url())).find(id="opmerkingen-overzicht")
    assert overzicht.get_text(" ", strip=True) == (
        f"{ind.domein.naam}, indicator 2 : 1 opmerking, 1 nog zonder antwoord"
    )

    antwoord = eigen.post(
        reverse("evaluatie:opmerking", kwargs={"pk": evaluatie.pk}),
        {"vak": f"antwoord-{opmerking.pk}", f"antwoord-{opmerking.pk}": "Klopt, wij passen aan."},
    )
    assert antwoord.status_code == 302
    (gegeven,) = opmerking.antwoorden.all()
    assert (gegeven.indicator, gegeven.tekst) == (ind, "Klopt, wij passen aan.")
    # Her cached page shows the answer at once: the stand follows the history.
    assert "Klopt, wij passen aan." in secretaris.get(domein_url(evaluatie, ind)).content.decode()
    overzicht = soep(eigen.get(evaluatie.get_absolute_url())).find(id="opmerkingen-overzicht")
    assert "nog zonder antwoord" not in overzicht.get_text()


def test_a_refused_opmerking_keeps_what_was_typed_in_every_box(opzet):
    evaluatie, adviseur, voorschoten, _ = opzet
    delen(evaluatie, adviseur, voorschoten)
    eerste, tweede = indicator(evaluatie, volgorde=1), indicator(evaluatie, volgorde=2)
    antwoord = ingelogd(voorschoten).post(
        reverse("evaluatie:opmerking", kwargs={"pk": evaluatie.pk}),
        {"vak": f"opmerking-{eerste.pk}", f"opmerking-{eerste.pk}": "   ",
         f"opmerking-{tweede.pk}": "Half af, nog niet geplaatst."},
    )  # fmt: skip
    assert antwoord.status_code == 400
    pagina = soep(antwoord)
    fout = pagina.find("textarea", attrs={"name": f"opmerking-{eerste.pk}"})
    assert fout["aria-invalid"] == "true"
    assert "Schrijf eerst uw opmerking." in pagina.get_text()
    assert pagina.find("textarea", attrs={"name": f"opmerking-{tweede.pk}"}).get_text() == (
        "Half af, nog niet geplaatst."
    )
    assert not Opmerking.objects.filter(evaluatie=evaluatie).exists()


def test_an_indicator_of_another_kader_is_refused_with_the_text_kept(opzet, evaluatiekader):
    evaluatie, adviseur, voorschoten, _ = opzet
    delen(evaluatie, adviseur, voorschoten)
    vreemd = evaluatiekader.domeinen.first().indicatoren.first()
    assert vreemd.domein.kader_id != evaluatie.kader_id
    antwoord = ingelogd(voorschoten).post(
        reverse("evaluatie:opmerking", kwargs={"pk": evaluatie.pk}),
        {"vak": f"opmerking-{vreemd.pk}", f"opmerking-{vreemd.pk}": "Hoort hier niet."},
    )
    assert antwoord.status_code == 400
    fout = soep(antwoord).find(id="opmerking-fout").get_text(" ", strip=True)
    assert "Deze opmerking hoort niet bij deze evaluatie." in fout
    assert "Hoort hier niet." in fout


def test_one_formal_reactie_per_gemeente_with_the_provincies_answer(
    opzet, django_capture_on_commit_callbacks
):
    evaluatie, adviseur, voorschoten, wassenaar = opzet
    delen(evaluatie, adviseur, voorschoten, wassenaar)
    tweede = SecretarisFactory(gemeenten=[Gemeente.objects.get(code="GM0626")])
    delen(evaluatie, adviseur, tweede)
    url = reverse("evaluatie:reactie", kwargs={"pk": evaluatie.pk})
    voorschoten_id = Gemeente.objects.get(code="GM0626").pk

    pagina = soep(ingelogd(voorschoten).get(evaluatie.get_absolute_url()))
    (form,) = pagina.select("form[id^=reactieformulier-]")
    assert form["id"] == "reactieformulier-GM0626"
    antwoord = ingelogd(voorschoten).post(
        url, {"gemeente": voorschoten_id, "standpunt": "kanttekeningen", "tekst": "Eens, maar.",
              "versie": "0"},
    )  # fmt: skip
    assert antwoord.status_code == 302
    # Her colleague, from a page opened before: a conflict, and his text stays.
    antwoord = ingelogd(tweede).post(
        url, {"gemeente": voorschoten_id, "standpunt": "instemmend", "tekst": "Helemaal eens.",
              "versie": "0"},
    )  # fmt: skip
    assert antwoord.status_code == 409
    pagina = soep(antwoord)
    assert "nadat u deze pagina opende" in pagina.find(id="reactie-conflict").get_text()
    assert "Helemaal eens." in pagina.find(id="reactieformulier-GM0626").get_text()
    (reactie,) = Reactie.objects.filter(evaluatie=evaluatie)
    assert (reactie.standpunt, reactie.tekst) == ("kanttekeningen", "Eens, maar.")
    # Not on behalf of a gemeente that is not hers.
    antwoord = ingelogd(voorschoten).post(
        url, {"gemeente": Gemeente.objects.get(code="GM0629").pk, "standpunt": "instemmend",
              "tekst": "Namens Wassenaar.", "versie": "0"},
    )  # fmt: skip
    assert antwoord.status_code == 400
    assert Reactie.objects.filter(evaluatie=evaluatie).count() == 1

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = ingelogd(adviseur).post(
            reverse(
                "evaluatie:reactie-antwoord", kwargs={"pk": evaluatie.pk, "reactie_pk": reactie.pk}
            ),
            {"antwoord": "Dank; de kanttekening staat in het rapport."},
        )
    assert antwoord.status_code == 302
    reactie.refresh_from_db()
    assert reactie.antwoord == "Dank; de kanttekening staat in het rapport."
    assert [m.to for m in mail.outbox] == [["vera@voorschoten.example"]]
    wat = list(evaluatie.wijzigingen.order_by("pk").values_list("wat", flat=True))
    assert "Formele reactie namens Voorschoten: instemmend met kanttekeningen" in wat
    assert wat[-1] == "Antwoord op de formele reactie van Voorschoten"


def test_what_review_asks_before_vaststellen_and_gives_the_report(opzet):
    evaluatie, adviseur, voorschoten, _ = opzet
    (deel,) = [u for u in uitbreidingen.alle() if u.naam == "review"]
    (punt,) = deel.controlepunten(evaluatie)
    assert punt.tekst == (
        "De evaluatie is met geen enkele gemeentesecretaris gedeeld: de gemeenten hebben niet "
        "kunnen reageren."
    )
    assert punt.link.endswith("#review-kop") and not punt.blokkeert
    delen(evaluatie, adviseur, voorschoten)
    review.reactie_geven(
        onderwerp=evaluatie, gemeente=Gemeente.objects.get(code="GM0626"), auteur=voorschoten,
        standpunt="instemmend", tekst="Eens.",
    )  # fmt: skip
    assert [p.tekst for p in deel.controlepunten(evaluatie)] == [
        "1 formele reactie heeft nog geen antwoord van de provincie.",
        "Nog geen formele reactie van Wassenaar.",
    ]
    rapport = deel.rapport_deel(evaluatie)
    assert [r.gemeente.naam for r in rapport["reacties"]] == ["Voorschoten"]
    assert rapport["zonder_reactie"] == ["Wassenaar"] and rapport["gedeeld"]
    assert deel.betrokkenen(evaluatie) == [voorschoten]


def test_a_vastgestelde_evaluatie_takes_no_more_review(opzet):
    evaluatie, adviseur, voorschoten, wassenaar = opzet
    delen(evaluatie, adviseur, voorschoten)
    Evaluatie.objects.filter(pk=evaluatie.pk).update(status=Evaluatie.Status.VASTGESTELD)
    ind = indicator(evaluatie)
    pagina = soep(ingelogd(voorschoten).get(domein_url(evaluatie, ind)))
    assert pagina.find("textarea") is None
    antwoord = ingelogd(voorschoten).post(
        reverse("evaluatie:opmerking", kwargs={"pk": evaluatie.pk}),
        {"vak": f"opmerking-{ind.pk}", f"opmerking-{ind.pk}": "Te laat."},
    )
    assert antwoord.status_code == 403
    assert "vastgestelde evaluatie" in antwoord.content.decode()
    assert delen(evaluatie, adviseur, wassenaar).status_code == 403
    assert not Opmerking.objects.filter(evaluatie=evaluatie).exists()


def test_stopping_to_share_ends_the_access_and_keeps_what_she_wrote(opzet):
    evaluatie, adviseur, voorschoten, _ = opzet
    delen(evaluatie, adviseur, voorschoten)
    ind = indicator(evaluatie)
    review.opmerking_plaatsen(
        onderwerp=evaluatie, plek=ind, auteur=voorschoten, tekst="Blijft staan."
    )
    deling = Deling.objects.get(evaluatie=evaluatie, gebruiker=voorschoten)
    url = reverse("evaluatie:delen-stoppen", kwargs={"pk": evaluatie.pk, "deling_pk": deling.pk})
    vraag = soep(ingelogd(adviseur).get(url))
    assert vraag.find(id="blijft").get_text(" ", strip=True) == (
        "1 opmerking bij de indicatoren, met de antwoorden erop"
    )
    assert "de evaluatie ‘Duivenvoorde na vijf jaar’" in vraag.get_text()
    antwoord = ingelogd(adviseur).post(url)
    assert antwoord["Location"].endswith("#review-kop")
    assert ingelogd(voorschoten).get(evaluatie.get_absolute_url()).status_code == 404
    assert Opmerking.objects.filter(evaluatie=evaluatie, tekst="Blijft staan.").exists()


def test_a_secretaris_moved_to_another_gemeente_no_longer_reads_it(opzet):
    evaluatie, adviseur, voorschoten, _ = opzet
    delen(evaluatie, adviseur, voorschoten)
    assert ingelogd(voorschoten).get(evaluatie.get_absolute_url()).status_code == 200
    voorschoten.gemeenten.set([Gemeente.objects.get(code="GM0489")])  # Barendrecht.
    assert ingelogd(voorschoten).get(evaluatie.get_absolute_url()).status_code == 404
    lijst = soep(ingelogd(voorschoten).get(reverse("evaluatie:lijst")))
    assert lijst.select("tbody th a") == []


def test_the_adviseur_records_a_reactie_received_by_letter(
    opzet, django_capture_on_commit_callbacks
):
    evaluatie, adviseur, voorschoten, _ = opzet
    delen(evaluatie, adviseur, voorschoten)
    url = reverse("evaluatie:reactie-namens", kwargs={"pk": evaluatie.pk, "code": "gm0629"})
    pagina = soep(ingelogd(adviseur).get(url))
    assert pagina.h1.get_text(strip=True) == "Reactie van Wassenaar vastleggen"
    assert "In de evaluatie, het rapport en de export" in pagina.get_text()
    kruimels = [a.get_text(strip=True) for a in pagina.select(".breadcrumb a")]
    assert kruimels == ["Evaluaties", "Duivenvoorde na vijf jaar"]
    # Empty: refused, with what was chosen kept.
    antwoord = ingelogd(adviseur).post(
        url, {"ontvangen_per": "brief", "standpunt": "", "tekst": ""}
    )
    assert antwoord.status_code == 400
    assert soep(antwoord).find("input", attrs={"value": "brief"}).has_attr("checked")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = ingelogd(adviseur).post(
            url, {"ontvangen_per": "brief", "standpunt": "niet_instemmend",
                  "tekst": "Brief van 3 november 2026, kenmerk W-123.", "versie": "0"},
        )  # fmt: skip
    assert antwoord["Location"] == f"{evaluatie.get_absolute_url()}#reactie-GM0629"
    reactie = Reactie.objects.get(evaluatie=evaluatie, gemeente__code="GM0629")
    assert (reactie.ontvangen_per, reactie.auteur) == ("brief", adviseur)
    overzicht = soep(ingelogd(voorschoten).get(evaluatie.get_absolute_url()))
    assert "Ontvangen per brief, vastgelegd door" in overzicht.find(id="reactie-GM0629").get_text()
    # Not for a gemeente that does not take part, and not by who reads along.
    buiten = reverse("evaluatie:reactie-namens", kwargs={"pk": evaluatie.pk, "code": "GM0489"})
    assert ingelogd(adviseur).get(buiten).status_code == 404
    meelezer = AdviseurFactory(provincie=ProvincieFactory(code="PV26"))
    assert ingelogd(meelezer).get(url).status_code == 404


def test_the_start_page_tells_the_secretaris_which_evaluatie_waits_for_her(opzet):
    evaluatie, adviseur, voorschoten, wassenaar = opzet
    start = reverse("start")
    assert (
        soep(ingelogd(voorschoten).get(start)).find(id="evaluaties-op-start").get_text(strip=True)
        == "Er is geen lopende evaluatie met u gedeeld."
    )
    review.delen(
        onderwerp=evaluatie, gebruikers=[voorschoten], door=adviseur,
        reactietermijn=date(2027, 1, 15),
    )  # fmt: skip
    regel = soep(ingelogd(voorschoten).get(start)).find(id="evaluaties-op-start")
    assert regel.get_text(" ", strip=True) == (
        "Duivenvoorde na vijf jaar (ter review): reactie namens Voorschoten nog te geven, "
        "uiterlijk 15 januari 2027"
    )
    review.reactie_geven(
        onderwerp=evaluatie, gemeente=Gemeente.objects.get(code="GM0626"), auteur=voorschoten,
        standpunt="instemmend", tekst="Eens.",
    )  # fmt: skip
    regel = soep(ingelogd(voorschoten).get(start)).find(id="evaluaties-op-start")
    assert "reactie namens Voorschoten gegeven" in regel.get_text(" ", strip=True)
    # Not shared with Wassenaar's secretaris; an adviseur's start page has no such part.
    assert "Duivenvoorde" not in soep(ingelogd(wassenaar).get(start)).get_text()
    assert soep(ingelogd(adviseur).get(start)).find(id="evaluaties-kop") is None


@pytest.mark.parametrize(
    "data",
    [
        {"deelvraag": "9" * 30, "tekst": "Te groot."},
        {"antwoord_op": "9" * 30, "tekst": "Te groot."},
        {"vak": "opmerking-" + "9" * 12, "opmerking-" + "9" * 12: "Te groot."},
        {"deelvraag": "-1", "tekst": "Negatief."},
    ],
)
def test_a_garbled_place_is_refused_in_dutch_with_the_text_kept(opzet, data):
    evaluatie, adviseur, voorschoten, _ = opzet
    delen(evaluatie, adviseur, voorschoten)
    antwoord = ingelogd(voorschoten).post(
        reverse("evaluatie:opmerking", kwargs={"pk": evaluatie.pk}), data
    )
    assert antwoord.status_code == 400
    tekst = soep(antwoord).get_text(" ", strip=True)
    assert "Niet geplaatst:" in tekst
    assert not Opmerking.objects.filter(evaluatie=evaluatie).exists()
