"""Fusies across a provincial border (issue 12): who starts them, who leads, who reads along,
and where the leading provincie is shown. Real gemeenten: BEL Combinatie (Blaricum and
Laren in Noord-Holland, Eemnes in Utrecht) and Vijfheerenlanden (Utrecht) with its
neighbour Gorinchem (Zuid-Holland). The access matrix is in tests/test_toegangsmatrix.py."""

import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from openpyxl import load_workbook

from afweging.models import Afweging
from afweging.rapport import rapport_van
from afweging.selectors import met_alles
from casussen.models import Gemeente
from config.pdf import render_to_pdf
from review import services as review
from tests.factories import AdviseurFactory, AfwegingFactory, ProvincieFactory
from tests.html import soep
from uitwisseling.exporteren import als_dict
from uitwisseling.importeren import ImportFout, importeer

pytestmark = pytest.mark.django_db

BEL = ["GM0376", "GM0317", "GM0417"]  # Blaricum, Eemnes (Utrecht), Laren


def pks(*codes):
    return [g.pk for g in Gemeente.objects.filter(code__in=codes)]


@pytest.fixture
def noord_holland(db):
    return AdviseurFactory(provincie=ProvincieFactory(code="PV27"))


@pytest.fixture
def utrecht(db):
    return AdviseurFactory(provincie=ProvincieFactory(code="PV26"))


@pytest.fixture
def bel(noord_holland):
    return AfwegingFactory(door=noord_holland, gemeenten=BEL, titel="BEL Combinatie herzien")


def ingelogd(client, gebruiker):
    client.force_login(gebruiker)
    return client


def nieuw(**anders):
    data = {
        "titel": "Samenwerking Gooi",
        "gemeenten": pks(*BEL),
        "variant": "openbaar_lichaam",
        "geplande_startdatum": "2028-01-01",
        "geplande_evaluatiedatum": "2031-01-01",
        "taakstelling": "",
        "frictiekostenbudget": "",
        "reorganisatie_gecombineerd": "onbekend",
    }
    return data | anders


# --- starting and saving a voorstel -----------------------------------------------------


def test_an_adviseur_starts_a_cross_border_afweging_and_leads_it(client, noord_holland):
    response = ingelogd(client, noord_holland).post(reverse("afweging:nieuw"), nieuw())
    assert response.status_code == 302
    afweging = Afweging.objects.get()
    assert afweging.provincie.naam == "Noord-Holland"
    assert [p.naam for p in afweging.andere_provincies] == ["Utrecht"]


def test_no_deelnemer_in_the_own_provincie_is_refused_and_keeps_the_input(client, noord_holland):
    # Eemnes and Lopik lie in Utrecht only.
    data = nieuw(titel="Eemnes en <b>Lopik</b>", gemeenten=pks("GM0317", "GM0331"))
    response = ingelogd(client, noord_holland).post(reverse("afweging:nieuw"), data)
    pagina = soep(response)
    assert response.status_code == 200
    assert "Kies minstens één gemeente in uw eigen provincie, Noord-Holland." in pagina.get_text()
    assert pagina.find("input", id="id_titel")["value"] == "Eemnes en <b>Lopik</b>"
    for pk in pks("GM0317", "GM0331"):
        assert pagina.find("input", attrs={"name": "gemeenten", "value": str(pk)}).has_attr(
            "checked"
        )
    assert not Afweging.objects.exists()


def test_the_current_provincie_counts_not_that_of_2018(client, adviseur):
    """Vijfheerenlanden was formed in 2019 from Leerdam and Zederik (Zuid-Holland) and Vianen
    (Utrecht), and lies in Utrecht: with Lopik it has no deelnemer in Zuid-Holland."""
    data = nieuw(gemeenten=pks("GM1961", "GM0331"))
    response = ingelogd(client, adviseur).post(reverse("afweging:nieuw"), data)
    assert "uw eigen provincie, Zuid-Holland" in soep(response).get_text()
    assert not Afweging.objects.exists()
    met_gorinchem = nieuw(gemeenten=pks("GM1961", "GM0512"))
    assert client.post(reverse("afweging:nieuw"), met_gorinchem).status_code == 302
    assert Afweging.objects.get().provincie.naam == "Zuid-Holland"


def basis(afweging, **anders):
    data = nieuw(titel=afweging.titel, versie=afweging.versie)
    return data | anders


def test_removing_the_last_deelnemer_of_the_leading_provincie_is_refused(
    client, bel, noord_holland
):
    # Blaricum and Laren go, Eemnes stays and Lopik (Utrecht) comes: none in Noord-Holland.
    data = basis(bel, titel="Zonder Noord-Holland", gemeenten=pks("GM0317", "GM0331"))
    url = reverse("afweging:stap", kwargs={"pk": bel.pk, "stap": "basis"})
    response = ingelogd(client, noord_holland).post(url, data)
    pagina = soep(response)
    assert response.status_code == 200
    assert "Houd minstens één gemeente in Noord-Holland als deelnemer" in pagina.get_text()
    assert pagina.find("input", id="id_titel")["value"] == "Zonder Noord-Holland"
    bel.refresh_from_db()
    assert bel.titel == "BEL Combinatie herzien"
    assert sorted(bel.deelnemers.values_list("gemeente__code", flat=True)) == sorted(BEL)
    # One of Noord-Holland is enough.
    data = basis(bel, gemeenten=pks("GM0317", "GM0376"), bevestig_weg="")
    assert client.post(url, data).status_code == 302
    assert sorted(bel.deelnemers.values_list("gemeente__code", flat=True)) == [
        "GM0317",
        "GM0376",
    ]


# --- reading along ----------------------------------------------------------------------


def test_the_other_provincie_reads_comments_and_the_leading_one_answers(
    client, bel, utrecht, noord_holland
):
    uitkomst = reverse("afweging:uitkomst", kwargs={"pk": bel.pk})
    # The leading adviseur's page is in the page cache first: the reader gets their own.
    leidend = soep(ingelogd(client, noord_holland).get(uitkomst))
    assert leidend.find(string="Controleren en vaststellen")
    lezer = ingelogd(client, utrecht)
    pagina = soep(lezer.get(uitkomst))
    tekst = pagina.get_text(" ", strip=True)
    assert (
        "Geleid door de provincie Noord-Holland; de provincie Utrecht leest mee, omdat daar "
        "ook een deelnemer ligt." in tekst
    )
    assert "de adviseur van de provincie Noord-Holland antwoordt daar" in tekst
    assert not pagina.find(string="Controleren en vaststellen")
    assert not pagina.find("a", string="Antwoorden bewerken")
    assert pagina.find("textarea", attrs={"name": "opmerking-3"}) is not None

    response = lezer.post(
        reverse("afweging:opmerking", kwargs={"pk": bel.pk}),
        {"deelvraag": 3, "tekst": "Hoe kijkt Utrecht naar Eemnes?"},
    )
    assert response.status_code == 302
    opmerking = bel.opmerkingen.get()
    assert (opmerking.auteur, opmerking.deelvraag.nummer) == (utrecht, 3)
    review.opmerking_plaatsen(
        onderwerp=bel, plek=None, auteur=noord_holland, tekst="Eemnes doet mee.",
        antwoord_op=opmerking,
    )  # fmt: skip
    tekst = soep(lezer.get(uitkomst)).get_text(" ", strip=True)
    assert "Hoe kijkt Utrecht naar Eemnes?" in tekst and "Eemnes doet mee." in tekst


def test_the_reader_may_not_answer_an_opmerking(client, bel, utrecht, secretaris):
    opmerking = review.opmerking_plaatsen(
        onderwerp=bel, plek=bel.kader.onderdelen.first().deelvragen.first(),
        auteur=utrecht, tekst="Vraag",
    )  # fmt: skip
    response = ingelogd(client, utrecht).post(
        reverse("afweging:opmerking", kwargs={"pk": bel.pk}),
        {"antwoord_op": opmerking.pk, "tekst": "Zelf beantwoord"},
    )
    assert response.status_code == 403
    assert bel.opmerkingen.count() == 1


def test_the_business_case_is_read_only_for_the_reader(client, bel, utrecht):
    pagina = soep(
        ingelogd(client, utrecht).get(reverse("afweging:businesscase", kwargs={"pk": bel.pk}))
    )
    assert pagina.find(id="alleen-lezen") is not None
    assert pagina.find("input", attrs={"name": "versie"}) is None


# --- the leading provincie on the report and the exports ---------------------------------


def test_the_report_cover_and_pdf_name_who_leads(client, bel, utrecht):
    zin = "Geleid door de provincie Noord-Holland; de provincie Utrecht leest mee"
    pagina = soep(ingelogd(client, utrecht).get(reverse("afweging:rapport", kwargs={"pk": bel.pk})))
    voorblad = pagina.select_one(".voorblad")
    kop = voorblad.find("dt", string="Provincie")
    assert kop.find_next_sibling("dd").get_text().startswith(zin)
    html, _ = render_to_pdf(
        "afweging/pdf/rapport.html",
        {"rapport": rapport_van(met_alles(Afweging.objects.filter(pk=bel.pk)).get())},
    )
    assert zin in BeautifulSoup(html, "html.parser").get_text()


def test_a_single_provincie_reads_plainly(maak_afweging):
    afweging = met_alles(Afweging.objects.filter(pk=maak_afweging().pk)).get()
    assert afweging.provincies_zin == "Provincie Zuid-Holland."
    assert afweging.provincies_kort == "Zuid-Holland"


def test_the_exports_name_the_leading_provincie(client, bel, utrecht):
    lezer = ingelogd(client, utrecht)
    xlsx = lezer.get(reverse("afweging:export", kwargs={"pk": bel.pk, "formaat": "xlsx"}))
    blad = load_workbook(io.BytesIO(xlsx.content)).active
    assert (blad["A5"].value, blad["B5"].value) == (
        "Provincie",
        "Noord-Holland (leidend), met Utrecht",
    )
    assert blad["A7"].value == "onderdeel"
    document = lezer.get(reverse("afweging:export", kwargs={"pk": bel.pk, "formaat": "json"}))
    assert document.json()["provincie"] == "PV27"


# --- the import applies the same rule -----------------------------------------------------


def test_an_import_without_a_deelnemer_in_the_own_provincie_is_refused(bel, noord_holland):
    document = als_dict(met_alles(Afweging.objects.filter(pk=bel.pk)).get())
    document["deelnemers"] = [
        d for d in document["deelnemers"] if d["gemeentecode"] == "GM0317"
    ] + [{**document["deelnemers"][0], "gemeentecode": "GM0331", "gemeente": "Lopik"}]
    voor = Afweging.objects.count()
    with pytest.raises(ImportFout) as fout:
        importeer(document, noord_holland)
    assert fout.value.problemen == [
        "Geen van de deelnemende gemeenten ligt in uw provincie, Noord-Holland. Een afweging "
        "wordt geleid door de provincie van een van de deelnemers; vraag een adviseur van de "
        "provincie van de deelnemers om dit te doen."
    ]
    assert Afweging.objects.count() == voor


def test_a_cross_border_afweging_imports_for_the_leading_provincie(bel, noord_holland):
    kopie = importeer(als_dict(met_alles(Afweging.objects.filter(pk=bel.pk)).get()), noord_holland)
    assert kopie.provincie.naam == "Noord-Holland"
    assert [
        p.naam for p in met_alles(Afweging.objects.filter(pk=kopie.pk)).get().andere_provincies
    ] == ["Utrecht"]


def test_the_voorbeeldafweging_is_only_made_for_an_adviseur_of_its_gemeenten(noord_holland):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError) as fout:
        call_command("maak_voorbeeldafweging", "--door", noord_holland.username)
    assert str(fout.value) == (
        "De voorbeeldafweging gaat over Leiderdorp, Oegstgeest en Zoeterwoude, geen van alle "
        "in Noord-Holland; geef met --door een adviseur van hun provincie op."
    )
    assert not Afweging.objects.exists()


def test_the_reader_is_told_what_they_may_do_and_no_more(client, bel, utrecht):
    adres = reverse("afweging:vaststellen", kwargs={"pk": bel.pk})
    open_ = ingelogd(client, utrecht).get(adres)
    assert open_.status_code == 403
    assert "bij elke deelvraag een opmerking plaatsen" in open_.content.decode()
    Afweging.objects.filter(pk=bel.pk).update(status=Afweging.Status.VASTGESTELD)
    vastgesteld = client.post(reverse("afweging:nieuwe-versie", kwargs={"pk": bel.pk}))
    assert vastgesteld.status_code == 403
    tekst = soep(vastgesteld).get_text(" ", strip=True)
    assert "U kunt de afweging lezen." in tekst
    assert "opmerking plaatsen" not in tekst


def test_the_cover_names_a_single_provincie_once(client, maak_afweging, adviseur):
    afweging = maak_afweging()
    pagina = soep(
        ingelogd(client, adviseur).get(reverse("afweging:rapport", kwargs={"pk": afweging.pk}))
    )
    termen = {
        dt.get_text(strip=True): dt.find_next("dd").get_text(strip=True)
        for dt in pagina.select(".voorblad dt")
    }
    assert termen["Provincie"] == "Zuid-Holland"
