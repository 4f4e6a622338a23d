"""Cached page content (paginacache/templatetags/paginacache.py): a change to what a page
shows is visible on the next view, a cached form works for whoever gets it, and no page
is served to someone it was not rendered for."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from afweging.models import Afweging, Antwoord
from casussen.models import Fusieorganisatie, Gemeente
from paginacache import stand
from review import services as review
from tests.factories import beantwoord_alles

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Cachetoets BAR", gemeenten=["GM0489", "GM0613"])


@pytest.fixture
def gedeeld(afweging, adviseur, secretaris):
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return afweging


def url(naam, afweging, **extra):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk, **extra})


def html(client, adres) -> str:
    response = client.get(adres)
    assert response.status_code == 200, adres
    return response.content.decode()


def csrf(pagina: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina).group(1)


def test_a_second_view_comes_from_the_cache_without_the_expensive_queries(adviseur_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    adres = reverse("casussen:kaart")
    with CaptureQueriesContext(connection) as eerste:
        eerst = html(adviseur_client, adres)
    with CaptureQueriesContext(connection) as tweede:
        daarna = html(adviseur_client, adres)
    zonder_token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert zonder_token.sub("", eerst) == zonder_token.sub("", daarna)
    # Only the session, the user, their roles and the data stand; no gemeenten.
    assert any("casussen_gemeente" in q["sql"] for q in eerste.captured_queries)
    assert not any("casussen_gemeente" in q["sql"] for q in tweede.captured_queries)
    assert len(tweede.captured_queries) == 4


def test_a_change_in_the_admin_or_a_form_shows_at_once_on_reference_pages(adviseur_client):
    organisatie = Fusieorganisatie.objects.get(slug="bar-organisatie")
    register = reverse("casussen:register")
    pagina = reverse("casussen:fusieorganisatie", kwargs={"slug": organisatie.slug})
    assert "BAR-organisatie" in html(adviseur_client, register)
    html(adviseur_client, pagina)
    organisatie.naam = "BAR-organisatie (nieuwe naam)"
    organisatie.save()
    assert "BAR-organisatie (nieuwe naam)" in html(adviseur_client, register)
    assert "BAR-organisatie (nieuwe naam)" in html(adviseur_client, pagina)


def test_other_or_reordered_query_parameters_share_the_cached_register(adviseur_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    register = reverse("casussen:register")
    html(adviseur_client, register + "?status=actief&sorteer=naam")
    with CaptureQueriesContext(connection) as vragen:
        pagina = html(adviseur_client, register + "?sorteer=naam&utm=x&status=actief")
    assert len(vragen.captured_queries) == 4, "from the cache"
    assert "BAR-organisatie" in pagina


def test_renaming_a_role_group_renews_the_stand():
    from django.contrib.auth.models import Group

    voor = stand.referentiestand()
    groep = Group.objects.get(name="adviseur")
    groep.name = "adviseur"
    groep.save()
    assert stand.referentiestand() != voor


def test_each_app_declares_the_models_its_cached_pages_show():
    """The apps name their own models in their ready(); the page cache names none. The
    afweging's own rows are not among them: its pages are keyed on its own stand."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    verwacht = {Group} | {
        model
        for label in ("casussen", "benchmark", "gebruikers", "kader")
        for model in apps.get_app_config(label).get_models()
    }
    assert set(stand.gevolgd()) == verwacht
    assert not any(m._meta.app_label in ("afweging", "review") for m in stand.gevolgd())


def test_reloading_reference_data_and_logging_in_renew_the_stand_as_they_should(adviseur):
    from casussen.referentiedata import laad_referentiedata

    voor = stand.referentiestand()
    adviseur.last_login = adviseur.date_joined
    adviseur.save(update_fields=["last_login"])
    assert stand.referentiestand() == voor, "a login changes nothing that pages show"
    laad_referentiedata()
    na = stand.referentiestand()
    assert na != voor
    adviseur.gemeenten.add(Gemeente.objects.get(code="GM0489"))
    assert stand.referentiestand() != na, "who may review depends on users' gemeenten"


def test_every_change_to_an_afweging_shows_on_its_cached_pages(
    adviseur_client, secretaris_client, gedeeld
):
    uitkomst = url("uitkomst", gedeeld)
    html(adviseur_client, uitkomst)
    html(secretaris_client, uitkomst)

    # A reviewer's comment, seen by the adviseur.
    response = secretaris_client.post(
        url("opmerking", gedeeld), {"deelvraag": 1, "tekst": "Graag de onderbouwing erbij."}
    )
    assert response.status_code == 302
    assert "Graag de onderbouwing erbij." in html(adviseur_client, uitkomst)
    assert "Graag de onderbouwing erbij." in html(secretaris_client, uitkomst)

    # A formal reaction.
    response = secretaris_client.post(
        url("reactie", gedeeld),
        {"gemeente": Gemeente.objects.get(code="GM0489").pk, "standpunt": "instemmend",
         "tekst": "Barendrecht stemt in."},
    )  # fmt: skip
    assert response.status_code == 302
    assert "Barendrecht stemt in." in html(adviseur_client, uitkomst)

    # A score on a wizard step: the step page and the result page both show it.
    stap = url("stap", gedeeld, stap="meerwaarde")
    pagina = html(adviseur_client, stap)
    antwoord = Antwoord.objects.filter(afweging=gedeeld, deelvraag__nummer=1).get()
    data = _stapdata(pagina)
    data[f"antwoorden-{_index(pagina, antwoord.pk)}-motivering"] = "Kwetsbaarheid daalt zichtbaar."
    data["actie"] = "opslaan"
    response = adviseur_client.post(stap, data)
    assert response.status_code == 302, response.content.decode()[:500]
    assert "Kwetsbaarheid daalt zichtbaar." in html(adviseur_client, stap)

    # Vastgesteld: the page says so at once.
    gedeeld.refresh_from_db()
    beantwoord_alles(gedeeld)
    response = adviseur_client.post(
        url("vaststellen", gedeeld), {"versie": gedeeld.versie, "bevestigd": "on"}
    )
    assert response.status_code == 302
    assert Afweging.objects.get(pk=gedeeld.pk).status == Afweging.Status.VASTGESTELD
    assert "Vastgesteld op" in html(adviseur_client, uitkomst)
    assert "Vastgesteld op" in html(secretaris_client, uitkomst)


def _stapdata(pagina: str) -> dict:
    from bs4 import BeautifulSoup

    soep = BeautifulSoup(pagina, "html.parser")
    formulier = soep.find("form", attrs={"data-autosave": True})
    data = {}
    for veld in formulier.find_all(["input", "textarea", "select"]):
        naam = veld.get("name")
        if not naam or veld.get("type") in ("submit", "button"):
            continue
        if veld.name == "textarea":
            data[naam] = veld.text
        elif veld.name == "select":
            gekozen = veld.find("option", selected=True)
            data[naam] = gekozen.get("value", "") if gekozen else ""
        elif veld.get("type") in ("radio", "checkbox"):
            if veld.has_attr("checked"):
                data[naam] = veld.get("value", "on")
        else:
            data[naam] = veld.get("value", "")
    return data


def _index(pagina: str, antwoord_pk: int) -> int:
    gevonden = re.search(rf'name="antwoorden-(\d+)-id" value="{antwoord_pk}"', pagina)
    return int(gevonden.group(1))


def test_a_cached_form_carries_the_token_of_the_session_that_gets_it(secretaris, gedeeld):
    """The same secretaris in two browsers: the second gets the page from the cache and
    must still be able to post its form (CSRF checks on, as in a real browser)."""
    from paginacache.templatetags.paginacache import PLAATSHOUDER

    eerste, tweede = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    eerste.force_login(secretaris)
    tweede.force_login(secretaris)
    uitkomst = url("uitkomst", gedeeld)
    pagina_eerste = html(eerste, uitkomst)
    pagina_tweede = html(tweede, uitkomst)
    assert PLAATSHOUDER not in pagina_eerste and PLAATSHOUDER not in pagina_tweede
    assert csrf(pagina_eerste) != csrf(pagina_tweede)
    antwoord = tweede.post(
        url("opmerking", gedeeld),
        {"deelvraag": 2, "tekst": "Vraag uit de tweede browser.",
         "csrfmiddlewaretoken": csrf(pagina_tweede)},
    )  # fmt: skip
    assert antwoord.status_code == 302
    assert "Vraag uit de tweede browser." in html(eerste, uitkomst)


def test_pages_are_cached_per_user_so_nothing_leaks_between_roles(
    adviseur_client, secretaris_client, gedeeld
):
    uitkomst = url("uitkomst", gedeeld)
    adviseur_pagina = html(adviseur_client, uitkomst)
    secretaris_pagina = html(secretaris_client, uitkomst)
    # Vaststellen is the owner's; the reaction form the reviewer's.
    assert 'href="' + url("vaststellen", gedeeld) + '"' in adviseur_pagina
    assert 'href="' + url("vaststellen", gedeeld) + '"' not in secretaris_pagina
    assert 'action="' + url("reactie", gedeeld) + '"' in secretaris_pagina
    assert 'action="' + url("reactie", gedeeld) + '"' not in adviseur_pagina


def test_a_form_with_errors_is_never_cached(secretaris_client, gedeeld):
    uitkomst = url("uitkomst", gedeeld)
    html(secretaris_client, uitkomst)
    fout = secretaris_client.post(url("opmerking", gedeeld), {"deelvraag": 1, "tekst": ""})
    assert fout.status_code == 400
    assert "is-invalid" in fout.content.decode() or "invalid-feedback" in fout.content.decode()
    assert "invalid-feedback d-block" not in html(secretaris_client, uitkomst)
    assert cache  # The cache is in use in tests too (cleared between tests).
