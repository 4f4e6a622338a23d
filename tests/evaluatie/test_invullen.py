"""Filling in a domein of an evaluatie, as an afweging's step behaves: autosave while typing
(a draft without motivation is kept), an explicit save that asks a motivation for a score,
a colleague's save in between is a conflict with nothing lost, one's own earlier save is
none, the limits of afweging/lengtes.py, and a vastgestelde evaluatie is read-only."""

import pytest
from django.test import Client
from django.urls import reverse

from afweging import lengtes
from evaluatie.models import Evaluatie
from tests.factories import AdviseurFactory
from tests.html import soep

pytestmark = pytest.mark.django_db

DOMEIN = "publieke_waarde"


@pytest.fixture
def evaluatie(maak_evaluatie):
    return maak_evaluatie()


@pytest.fixture
def collega_client(adviseur):
    collega = AdviseurFactory(provincie=adviseur.provincie, first_name="Carla", last_name="Collega")
    client = Client()
    client.force_login(collega)
    return client


def url(evaluatie, domein=DOMEIN):
    return reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": domein})


def oordelen(evaluatie, domein=DOMEIN):
    return list(
        evaluatie.oordelen.filter(indicator__domein__code=domein).order_by("indicator__volgorde")
    )


def data(evaluatie, waarden: dict, *, versie=None, domein=DOMEIN, **extra):
    """POST data as the page sends it: {indicator volgorde: (score, motivering)}; the other
    rows as saved."""
    rijen = oordelen(evaluatie, domein)
    uit = {
        "versie": evaluatie.versie if versie is None else versie,
        "oordelen-TOTAL_FORMS": len(rijen), "oordelen-INITIAL_FORMS": len(rijen),
        "oordelen-MIN_NUM_FORMS": 0, "oordelen-MAX_NUM_FORMS": 1000, "actie": "opslaan",
    }  # fmt: skip
    for i, oordeel in enumerate(rijen):
        score, motivering = waarden.get(
            oordeel.indicator.volgorde, (oordeel.score, oordeel.motivering)
        )
        uit |= {
            f"oordelen-{i}-id": oordeel.pk, f"oordelen-{i}-score": score,
            f"oordelen-{i}-motivering": motivering, f"oordelen-{i}-bronnen": oordeel.bronnen,
        }  # fmt: skip
    return uit | extra


def vak(pagina, naam) -> str:
    """A text area's content as the browser shows it (without the newline after the tag)."""
    return pagina.find("textarea", {"name": naam}).get_text().removeprefix("\n")


def opgeslagen(evaluatie, volgorde, domein=DOMEIN):
    o = evaluatie.oordelen.get(indicator__domein__code=domein, indicator__volgorde=volgorde)
    return o.score, o.motivering


def test_the_page_shows_each_indicator_with_its_aspect_niveau_and_the_scale(
    adviseur_client, evaluatie
):
    pagina = soep(adviseur_client.get(url(evaluatie)))
    koppen = [h.get_text(" ", strip=True) for h in pagina.find_all("h3")]
    assert koppen == ["Resultaten · voor de eigen gemeenten", "Resultaten · voor de regio"]
    assert pagina.find(id="indicator-pw_g_doelen_lokaal").get_text(strip=True) == (
        "Indicator 1. De doelen van de fusieorganisatie passen bij de lokale opgaven"
    )
    legend = pagina.find("legend", string=lambda s: s and "Score indicator 1" in s)
    keuzes = [
        lab.get_text(" ", strip=True) for lab in legend.find_parent("fieldset").find_all("label")
    ]
    assert keuzes == [
        "−2 duidelijk negatief", "−1 licht negatief", "0 neutraal", "+1 licht positief",
        "+2 duidelijk positief", "Onvoldoende informatie",
    ]  # fmt: skip
    vak = pagina.find("textarea", {"name": "oordelen-0-motivering"})
    assert vak["maxlength"] == str(lengtes.MOTIVERING)
    assert pagina.find(id=f"{vak['id']}_teller").get_text(strip=True) == "nog 5.000 tekens"
    assert pagina.find("textarea", {"name": "oordelen-0-bronnen"})["maxlength"] == str(
        lengtes.BRONNEN
    )
    formulier = pagina.find("form", attrs={"data-autosave": True})
    assert formulier["data-autosave"] == url(evaluatie) == formulier["data-concept"]
    assert formulier["data-onderwerp"] == "de evaluatie"


def test_the_autosave_keeps_a_draft_without_motivation(adviseur_client, evaluatie):
    response = adviseur_client.post(url(evaluatie), data(evaluatie, {1: ("2", "")}, _autosave="1"))
    assert response.status_code == 200
    assert response.json() | {"moment": "x"} == {
        "opgeslagen": True, "gewijzigd": True, "versie": 2, "moment": "x"
    }  # fmt: skip
    assert opgeslagen(evaluatie, 1) == ("2", "")
    # And the overview does not count it.
    pagina = soep(adviseur_client.get(reverse("evaluatie:overzicht", kwargs={"pk": evaluatie.pk})))
    assert "0 van 38" in pagina.find(id="volledigheid-kop").parent.get_text()


def test_an_explicit_save_asks_a_motivation_for_a_score_and_links_the_error(
    adviseur_client, evaluatie
):
    response = adviseur_client.post(url(evaluatie), data(evaluatie, {2: ("1", "  ")}))
    pagina = soep(response)
    assert response.status_code == 200
    fout = pagina.find(attrs={"data-foutmelding": True}).find("a")
    assert fout["href"] == "#id_oordelen-1-motivering"
    assert fout.get_text() == (
        "Motivering indicator 2: Motiveer de score: elke score vraagt een toelichting."
    )
    assert opgeslagen(evaluatie, 2) == ("", "")
    # What was typed stays, and the form says it is unsaved (the browser keeps a copy).
    assert pagina.find("input", {"name": "oordelen-1-score", "value": "1"}).has_attr("checked")
    assert pagina.find("form", attrs={"data-niet-bewaard": True}) is not None


def test_an_explicit_save_goes_to_the_next_domein(adviseur_client, evaluatie):
    response = adviseur_client.post(
        url(evaluatie),
        data(evaluatie, {1: ("1", "Beter bereikbaar."), 2: ("?", "")}, actie="volgende"),
    )
    assert response["Location"] == url(evaluatie, "legitimiteit")
    assert opgeslagen(evaluatie, 1) == ("1", "Beter bereikbaar.")
    assert opgeslagen(evaluatie, 2) == ("?", "")
    last = adviseur_client.post(
        url(evaluatie, "besturing_organisatie"),
        data(evaluatie, {}, domein="besturing_organisatie", actie="volgende"),
    )
    assert last["Location"] == reverse("evaluatie:overzicht", kwargs={"pk": evaluatie.pk})


def test_a_colleagues_save_in_between_is_a_conflict_and_nothing_is_lost(
    adviseur_client, collega_client, evaluatie
):
    collega_client.post(url(evaluatie), data(evaluatie, {1: ("2", "Carla's oordeel.")}, versie=1))
    response = adviseur_client.post(
        url(evaluatie), data(evaluatie, {1: ("-1", "Mijn oordeel.")}, versie=1)
    )
    assert response.status_code == 409
    pagina = soep(response)
    melding = pagina.find(id="conflict").get_text(" ", strip=True)
    assert melding.startswith("Carla Collega heeft deze evaluatie om ")
    assert (
        "nadat u haar opende. Uw wijzigingen zijn niet opgeslagen, maar staan nog in het formulier"
        in melding
    )
    assert vak(pagina, "oordelen-0-motivering") == "Mijn oordeel."
    assert pagina.find("form", attrs={"data-conflict": True}) is not None
    assert opgeslagen(evaluatie, 1) == ("2", "Carla's oordeel.")
    # The autosave hears the same, in JSON.
    autosave = adviseur_client.post(
        url(evaluatie), data(evaluatie, {1: ("-1", "Mijn oordeel.")}, versie=1, _autosave="1")
    )
    assert autosave.status_code == 409
    assert autosave.json()["conflict"].startswith("Carla Collega heeft deze evaluatie om ")
    assert opgeslagen(evaluatie, 1) == ("2", "Carla's oordeel.")


def test_ones_own_earlier_save_is_no_conflict(adviseur_client, evaluatie):
    """A page reloaded while its autosave was under way still shows version 1; its next
    save, by the same person, goes through, and writes only what it changed."""
    assert (
        adviseur_client.post(
            url(evaluatie), data(evaluatie, {1: ("1", "Eerste.")}, versie=1, _autosave="1")
        ).json()["versie"]
        == 2
    )
    tweede = adviseur_client.post(
        url(evaluatie),
        data(evaluatie, {2: ("2", "Tweede.")}, versie=1, _autosave="1",
             _aangeraakt_bekend="1", _aangeraakt=["oordelen-1-score", "oordelen-1-motivering"])
        | {"oordelen-0-score": "", "oordelen-0-motivering": ""},  # as the older page showed it
    )  # fmt: skip
    assert tweede.json()["opgeslagen"] is True
    assert opgeslagen(evaluatie, 1) == ("1", "Eerste.")
    assert opgeslagen(evaluatie, 2) == ("2", "Tweede.")


def test_an_untouched_autosave_raises_no_version(adviseur_client, evaluatie):
    antwoord = adviseur_client.post(url(evaluatie), data(evaluatie, {}, _autosave="1")).json()
    assert (antwoord["gewijzigd"], antwoord["versie"]) == (False, 1)


def test_a_text_over_its_limit_is_refused_and_kept(adviseur_client, evaluatie):
    te_lang = "a" * (lengtes.MOTIVERING + 3)
    response = adviseur_client.post(
        url(evaluatie), data(evaluatie, {1: ("1", te_lang)}, _autosave="1")
    )
    assert response.status_code == 400
    assert "er passen er 5.000. Maak hem 3 tekens korter" in response.json()["fout"]
    pagina = soep(adviseur_client.post(url(evaluatie), data(evaluatie, {1: ("1", te_lang)})))
    assert vak(pagina, "oordelen-0-motivering") == te_lang
    assert opgeslagen(evaluatie, 1) == ("", "")


def test_a_row_of_another_evaluatie_is_refused(adviseur_client, evaluatie, maak_evaluatie):
    ander = maak_evaluatie(fusieorganisatie="bar-organisatie")
    vreemd = data(evaluatie, {1: ("2", "Ergens anders.")}) | {
        "oordelen-0-id": oordelen(ander)[0].pk
    }
    pagina = soep(adviseur_client.post(url(evaluatie), vreemd))
    assert (
        "Dit formulier hoort niet bij deze evaluatie"
        in pagina.find(attrs={"data-foutmelding": True}).get_text()
    )
    assert oordelen(ander)[0].motivering == ""


def test_a_domein_of_another_kader_is_not_found(adviseur_client, evaluatie):
    assert adviseur_client.get(url(evaluatie, "bestaat_niet")).status_code == 404


def test_a_vastgestelde_evaluatie_is_read_only(adviseur_client, evaluatie):
    adviseur_client.post(url(evaluatie), data(evaluatie, {1: ("1", "Vastgelegd oordeel.")}))
    Evaluatie.objects.filter(pk=evaluatie.pk).update(status=Evaluatie.Status.VASTGESTELD)
    pagina = soep(adviseur_client.get(url(evaluatie)))
    assert pagina.find("form", attrs={"data-concept": True}) is None
    assert pagina.find("textarea") is None
    kaart = pagina.find(id="indicator-pw_g_doelen_lokaal").parent
    assert "+1 (licht positief)" in kaart.get_text(" ", strip=True)
    assert "Vastgelegd oordeel." in kaart.get_text()
    response = adviseur_client.post(url(evaluatie), data(evaluatie, {1: ("-2", "Toch anders.")}))
    assert response.status_code == 409
    assert (
        "Deze evaluatie is vastgesteld en verandert niet meer"
        in soep(response).find(id="conflict").get_text()
    )
    assert vak(soep(response), "oordelen-0-motivering") == "Toch anders."
    autosave = adviseur_client.post(
        url(evaluatie), data(evaluatie, {1: ("-2", "x")}, _autosave="1")
    )
    assert autosave.status_code == 409
    assert opgeslagen(evaluatie, 1) == ("1", "Vastgelegd oordeel.")


def test_the_page_cache_follows_every_save(adviseur_client, evaluatie):
    eerst = soep(adviseur_client.get(url(evaluatie)))
    assert eerst.find("input", {"name": "versie"})["value"] == "1"
    adviseur_client.post(url(evaluatie), data(evaluatie, {1: ("2", "Nieuw.")}, _autosave="1"))
    daarna = soep(adviseur_client.get(url(evaluatie)))
    assert daarna.find("input", {"name": "versie"})["value"] == "2"
    assert vak(daarna, "oordelen-0-motivering") == "Nieuw."


def test_neither_saving_nor_starting_renews_the_reference_stamp(
    adviseur_client, evaluatie, maak_evaluatie
):
    """The reference data's stamp keys every cached page of the app: an autosave that
    renewed it would make them all again while someone types (evaluatie/apps.py)."""
    from paginacache import stand

    voor = stand.referentiestand()
    adviseur_client.post(url(evaluatie), data(evaluatie, {1: ("1", "Bewaard.")}, _autosave="1"))
    adviseur_client.post(url(evaluatie), data(evaluatie, {1: ("2", "Opgeslagen.")}))
    maak_evaluatie(fusieorganisatie="bar-organisatie")
    assert opgeslagen(evaluatie, 1) == ("2", "Opgeslagen.")
    assert stand.referentiestand() == voor
