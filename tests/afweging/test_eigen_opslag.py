"""One's own earlier save is never a conflict; a colleague's save or vaststelling in between
is, and what was typed stays on the page (issue 11: nothing typed is ever lost)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from afweging import services
from afweging.models import Afweging
from tests.afweging.test_views import formset_data
from tests.factories import beantwoord_alles

pytestmark = pytest.mark.django_db

STAP = "meerwaarde"


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Eigen opslag", gemeenten=["GM0547", "GM0638"])


@pytest.fixture
def collega(adviseur, maak_gebruiker):
    return maak_gebruiker.adviseur(
        provincie=adviseur.provincie, first_name="Carla", last_name="Collega"
    )


@pytest.fixture
def collega_client(collega):
    client = Client()
    client.force_login(collega)
    return client


def url(afweging):
    return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": STAP})


def autosave(client, afweging, waarden, *, versie, aangeraakt=None):
    data = formset_data(afweging, STAP, waarden, versie=versie) | {"_autosave": "1"}
    if aangeraakt is not None:
        data |= {"_aangeraakt_bekend": "1", "_aangeraakt": aangeraakt}
    return client.post(url(afweging), data)


def antwoord(afweging, nummer):
    a = afweging.antwoorden.get(deelvraag__nummer=nummer)
    return a.score, a.motivering


def test_an_autosave_that_lands_after_a_reload_is_no_conflict(adviseur_client, afweging):
    """The reloaded page opened at version 1 before the last autosave landed (version 2);
    its next save, by the same person, goes through."""
    assert (
        autosave(adviseur_client, afweging, {1: ("1", "Eerste.")}, versie=1).json()["versie"] == 2
    )
    antwoordt = autosave(adviseur_client, afweging, {1: ("1", "Eerste, verder.")}, versie=1)
    assert antwoordt.status_code == 200
    assert antwoordt.json()["opgeslagen"] and antwoordt.json()["versie"] == 3
    assert antwoord(afweging, 1) == ("1", "Eerste, verder.")


def test_a_second_tab_writes_only_what_it_changed(adviseur_client, afweging):
    # Tab A and tab B open at version 1. A saves deelvraag 1; B, which still shows the old
    # (empty) deelvraag 1, saves deelvraag 2 and names only that field.
    autosave(adviseur_client, afweging, {1: ("2", "Uit tab A.")}, versie=1, aangeraakt=[
        "antwoorden-0-score", "antwoorden-0-motivering",
    ])  # fmt: skip
    uit_b = autosave(
        adviseur_client, afweging, {2: ("-1", "Uit tab B.")}, versie=1,
        aangeraakt=["antwoorden-1-score", "antwoorden-1-motivering"],
    )  # fmt: skip
    assert uit_b.status_code == 200
    assert antwoord(afweging, 1) == ("2", "Uit tab A."), "B's stale copy must not undo A"
    assert antwoord(afweging, 2) == ("-1", "Uit tab B.")
    history = " | ".join(afweging.wijzigingen.values_list("wat", flat=True))
    assert "deelvraag 2" in history and "deelvraag 1: score leeg" in history


def test_a_colleagues_save_in_between_stays_a_conflict(adviseur_client, collega_client, afweging):
    autosave(adviseur_client, afweging, {1: ("1", "Van mij.")}, versie=1)  # version 2
    autosave(collega_client, afweging, {2: ("1", "Van Carla.")}, versie=2)  # version 3
    for versie in (1, 2):  # from before or after one's own save: Carla saved since
        antwoordt = autosave(adviseur_client, afweging, {3: ("1", "Weer van mij.")}, versie=versie)
        assert antwoordt.status_code == 409
        assert antwoordt.json()["conflict"].startswith("Carla Collega heeft deze afweging om")
    assert antwoord(afweging, 3) == ("", "")


def test_ones_own_saves_after_a_colleagues_start_a_new_run(
    adviseur_client, collega_client, afweging
):
    autosave(collega_client, afweging, {1: ("1", "Van Carla.")}, versie=1)  # version 2
    # My page opened after Carla's save, so it shows her deelvraag 1.
    autosave(adviseur_client, afweging, {1: ("1", "Van Carla."), 2: ("1", "Van mij.")}, versie=2)
    # A second tab of mine that opened at version 2 (after Carla's save) may go on.
    antwoordt = autosave(
        adviseur_client, afweging, {3: ("2", "Tab 2.")}, versie=2,
        aangeraakt=["antwoorden-2-score", "antwoorden-2-motivering"],
    )  # fmt: skip
    assert antwoordt.status_code == 200
    assert [antwoord(afweging, n)[1] for n in (1, 2, 3)] == ["Van Carla.", "Van mij.", "Tab 2."]
    afweging.refresh_from_db()
    assert (afweging.versie, afweging.eigen_sinds) == (4, 2)


def test_vaststellen_goes_only_from_the_version_one_saw(afweging, adviseur):
    beantwoord_alles(afweging)
    autosave_door = services.stap_opslaan(
        afweging=afweging, versie=1, door=adviseur, opslaan=lambda: None
    )
    assert autosave_door.versie == 2
    with pytest.raises(services.Conflict):
        services.vaststellen(afweging=Afweging.objects.get(pk=afweging.pk), versie=1, door=adviseur)


def test_a_save_after_a_colleague_vaststelde_says_so_and_keeps_the_text(
    adviseur_client, collega_client, collega, afweging
):
    autosave(collega_client, afweging, {1: ("1", "Deelvraag 1.")}, versie=1)
    beantwoord_alles(afweging)
    afweging.antwoorden.filter(deelvraag__nummer=1).update(motivering="Deelvraag 1.")
    services.vaststellen(afweging=Afweging.objects.get(pk=afweging.pk), versie=2, door=collega)

    getypt = {1: ("-1", "Mijn tekst van na de vaststelling.")}
    response = adviseur_client.post(url(afweging), formset_data(afweging, STAP, getypt, versie=1))
    assert response.status_code == 409
    pagina = BeautifulSoup(response.content, "html.parser")
    melding = pagina.find(id="conflict").get_text(" ", strip=True)
    assert "Carla Collega heeft deze afweging om" in melding and "vastgesteld" in melding
    assert pagina.find(id="conflict").find("a").get_text() == "Naar de vastgestelde afweging"
    assert "Uw wijzigingen zijn niet opgeslagen" in melding
    veld = pagina.find("textarea", id="id_antwoorden-0-motivering")
    assert veld.get_text().strip() == "Mijn tekst van na de vaststelling."
    assert pagina.find("button", attrs={"name": "actie"}) is None, "nothing left to save"
    assert "data-autosave" not in str(pagina.find("form", attrs={"data-concept": True}))

    autosaved = autosave(adviseur_client, afweging, getypt, versie=1)
    assert autosaved.status_code == 409 and "vastgesteld" in autosaved.json()["conflict"]
    assert antwoord(afweging, 1) == ("1", "Deelvraag 1.")


def test_ones_own_vaststelling_in_another_tab_is_named_as_such(adviseur_client, adviseur, afweging):
    beantwoord_alles(afweging)
    services.vaststellen(afweging=Afweging.objects.get(pk=afweging.pk), versie=1, door=adviseur)
    antwoordt = autosave(adviseur_client, afweging, {1: ("1", "Nog getypt.")}, versie=1)
    assert antwoordt.status_code == 409
    assert antwoordt.json()["conflict"].startswith("U heeft deze afweging om")
