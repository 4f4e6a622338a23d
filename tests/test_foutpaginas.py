"""Refusals and errors are Dutch pages in the site's layout that say what to do (issue 11)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.html import soep

pytestmark = pytest.mark.django_db


def test_a_refusal_says_why_in_dutch(secretaris):
    client = Client()
    client.force_login(secretaris)
    response = client.get(reverse("afweging:nieuw"))
    assert response.status_code == 403
    pagina = soep(response)
    assert pagina.html["lang"] == "nl"
    assert pagina.h1.get_text(strip=True) == "Geen toegang"
    assert "Alleen provinciale adviseurs met een provincie kunnen afwegingen maken" in (
        pagina.find("main").get_text()
    )
    assert pagina.find("nav", attrs={"aria-label": "Hoofdmenu"}) is not None, "site layout"
    assert "Forbidden" not in response.content.decode()


def test_a_missing_page_is_dutch(adviseur_client):
    response = adviseur_client.get("/afwegingen/999999/")
    assert response.status_code == 404
    assert soep(response).h1.get_text(strip=True).startswith("Deze pagina bestaat niet")


def test_a_stale_form_explains_that_the_typed_text_is_kept(adviseur):
    client = Client(enforce_csrf_checks=True)
    client.force_login(adviseur)
    response = client.post(reverse("afweging:nieuw"), {"titel": "Zonder token"})
    assert response.status_code == 403
    pagina = soep(response)
    assert pagina.h1.get_text(strip=True) == "Uw formulier is niet verzonden"
    assert "Wat u typte, is in deze browser bewaard" in pagina.get_text()
