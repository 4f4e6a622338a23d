"""Every afweging URL against every role: who gets in, and none may see what is not theirs.

Expected codes: 200 for who may, 302 to the login page for who is not logged in, 404 for
who may not know the afweging exists (another provincie, not shared), 403 for a role
that may never do this.
"""

import pytest
from django.test import Client
from django.urls import reverse

from afweging import services
from afweging.models import Afweging
from casussen.models import Gemeente
from review import services as review
from tests.factories import SecretarisFactory, beantwoord_alles

pytestmark = pytest.mark.django_db

ROLLEN = ["anoniem", "adviseur", "ander_adviseur", "reviewer", "andere_secretaris", "beheerder"]

# GET pages: name, expected per role (same order as ROLLEN).
PAGINAS = {
    "lijst": (302, 200, 200, 200, 200, 403),
    "nieuw": (302, 200, 200, 403, 403, 403),
    "uitkomst": (302, 200, 404, 200, 404, 403),
    "stap:basis": (302, 200, 404, 403, 403, 403),
    "stap:meerwaarde": (302, 200, 404, 403, 403, 403),
    "stap:deelnemers": (302, 200, 404, 403, 403, 403),
    "stap:succesfactoren": (302, 200, 404, 403, 403, 403),
    "stap:condities": (302, 200, 404, 403, 403, 403),
    "stap:weging": (302, 200, 404, 403, 403, 403),
    # Read-only for a reviewer (issue 11): figures and charts, no form.
    "businesscase": (302, 200, 404, 200, 404, 403),
    "rapport": (302, 200, 404, 200, 404, 403),
    "vaststellen": (302, 200, 404, 403, 403, 403),
    "vastgesteld": (302, 302, 404, 403, 403, 403),  # a concept: back to the check page
    "verwijderen": (302, 200, 404, 403, 403, 403),  # the page that asks; the POST: tests/afweging
    "reactie-namens": (302, 200, 404, 403, 403, 403),
    "delen-stoppen": (302, 200, 404, 403, 403, 403),  # the page that asks
    "rapport-pdf": (302, 200, 404, 200, 404, 403),
    "export:csv": (302, 200, 404, 200, 404, 403),
    "export:xlsx": (302, 200, 404, 200, 404, 403),
    "export:json": (302, 200, 404, 200, 404, 403),
}
# POST actions: expected per role; a refused role must change nothing.
ACTIES = {
    "delen": (302, 400, 404, 403, 403, 403),
    "opmerking": (302, 403, 404, 302, 404, 403),
    "reactie": (302, 403, 403, 302, 404, 403),
    "vaststellen": (302, 302, 404, 403, 403, 403),
    "nieuwe-versie": (302, 302, 404, 403, 403, 403),
    "stap:meerwaarde": (302, 200, 404, 403, 403, 403),
    "businesscase": (302, 409, 404, 403, 404, 403),
    "reactie-namens": (302, 302, 404, 403, 403, 403),
    "delen-stoppen": (302, 302, 404, 403, 403, 403),
}


@pytest.fixture
def opzet(adviseur, ander_adviseur, secretaris, beheerder, maak_afweging, gemeente):
    afweging = maak_afweging(titel="Matrix", gemeenten=["GM0489", "GM0613"])
    review.delen(afweging=afweging, gebruikers=[secretaris], door=adviseur)
    # A secretaris of a member, but not shared with.
    andere = SecretarisFactory(username="andere-secretaris", gemeenten=[gemeente("GM0613")])
    gebruikers = {
        "adviseur": adviseur, "ander_adviseur": ander_adviseur, "reviewer": secretaris,
        "andere_secretaris": andere, "beheerder": beheerder,
    }  # fmt: skip
    return afweging, gebruikers


def client_voor(rol, gebruikers):
    client = Client()
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    return client


def pagina_url(naam, afweging):
    if naam in ("lijst", "nieuw"):
        return reverse(f"afweging:{naam}")
    if naam.startswith("export:"):
        return reverse("afweging:export", kwargs={"pk": afweging.pk, "formaat": naam.split(":")[1]})
    if naam.startswith("stap:"):
        return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": naam.split(":")[1]})
    if naam == "reactie-namens":
        return reverse("afweging:reactie-namens", kwargs={"pk": afweging.pk, "code": "GM0613"})
    if naam == "delen-stoppen":
        deling = afweging.delingen.get()
        return reverse("afweging:delen-stoppen", kwargs={"pk": afweging.pk, "deling_pk": deling.pk})
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk})


@pytest.mark.parametrize("naam", PAGINAS)
@pytest.mark.parametrize("rol", ROLLEN)
def test_page_access(opzet, naam, rol):
    afweging, gebruikers = opzet
    response = client_voor(rol, gebruikers).get(pagina_url(naam, afweging))
    verwacht = PAGINAS[naam][ROLLEN.index(rol)]
    assert response.status_code == verwacht, (naam, rol)
    if verwacht == 302 and rol == "anoniem":
        assert response["Location"].startswith(reverse("login"))
    elif verwacht == 302:  # the confirmation of a concept: to the check page instead
        assert (naam, response["Location"]) == ("vastgesteld", pagina_url("vaststellen", afweging))


def actie_data(naam, afweging):
    barendrecht = Gemeente.objects.get(code="GM0489")
    return {
        "delen": {"gebruikers": []},
        "opmerking": {"deelvraag": 1, "tekst": "Vraag"},
        "reactie": {"gemeente": barendrecht.pk, "standpunt": "instemmend", "tekst": "Akkoord"},
        "vaststellen": {"versie": afweging.versie, "bevestigd": "on"},
        "nieuwe-versie": {},
        # An invalid step post (no formset data) re-shows the form; a stale business case
        # post is a conflict. Either way: the right role gets in, and nothing changes.
        "stap:meerwaarde": {"versie": afweging.versie},
        "businesscase": {"versie": afweging.versie - 1},
        "reactie-namens": {
            "ontvangen_per": "brief",
            "standpunt": "instemmend",
            "tekst": "Per brief.",
        },
        "delen-stoppen": {},
    }[naam]


@pytest.mark.parametrize("naam", ACTIES)
@pytest.mark.parametrize("rol", ROLLEN)
def test_action_access(opzet, naam, rol):
    afweging, gebruikers = opzet
    voor = (afweging.opmerkingen.count(), afweging.reacties.count(), afweging.status,
            afweging.delingen.count())  # fmt: skip
    response = client_voor(rol, gebruikers).post(
        pagina_url(naam, afweging), actie_data(naam, afweging)
    )
    verwacht = ACTIES[naam][ROLLEN.index(rol)]
    assert response.status_code == verwacht, (naam, rol)
    afweging.refresh_from_db()
    na = (afweging.opmerkingen.count(), afweging.reacties.count(), afweging.status,
          afweging.delingen.count())  # fmt: skip
    if verwacht in (403, 404) or rol == "anoniem":
        assert na == voor, (naam, rol)


@pytest.mark.parametrize("rol", ["ander_adviseur", "andere_secretaris"])
def test_lists_leak_nothing(opzet, rol):
    afweging, gebruikers = opzet
    inhoud = client_voor(rol, gebruikers).get(reverse("afweging:lijst")).content.decode()
    assert afweging.titel not in inhoud


@pytest.mark.parametrize("rol", ROLLEN[1:])
def test_nobody_changes_a_vastgestelde_afweging(opzet, rol):
    afweging, gebruikers = opzet
    beantwoord_alles(afweging)
    services.vaststellen(afweging=afweging, versie=afweging.versie, door=gebruikers["adviseur"])
    client = client_voor(rol, gebruikers)
    stap = reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "meerwaarde"})
    # The adviseur hears why (409, with what was typed still on the page); others get
    # 403 or 404 as ever. Nothing changes either way.
    verwacht = (409,) if rol == "adviseur" else (403, 404)
    voor = Afweging.objects.values_list("versie", "gewijzigd").get(pk=afweging.pk)
    assert client.post(stap, {"versie": afweging.versie + 1}).status_code in verwacht
    for naam in ("opmerking", "reactie"):
        client.post(pagina_url(naam, afweging), actie_data(naam, afweging))
    assert (afweging.opmerkingen.count(), afweging.reacties.count()) == (0, 0)
    assert Afweging.objects.values_list("versie", "gewijzigd").get(pk=afweging.pk) == voor
