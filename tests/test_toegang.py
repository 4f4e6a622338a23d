"""Login is required everywhere; the admin only for staff."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGINAS = [
    reverse("casussen:register"),
    reverse("casussen:fusieorganisatie", kwargs={"slug": "bar-organisatie"}),
    reverse("casussen:casussen"),
    reverse("casussen:casus", kwargs={"slug": "bar"}),
    reverse("casussen:gemeenten"),
    reverse("casussen:gemeente", kwargs={"slug": "gm0489"}),
    reverse("casussen:kaart"),
    reverse("casussen:kaart-geojson"),
    reverse("casussen:over-de-data"),
    reverse("benchmark:benchmark"),
]


@pytest.mark.parametrize("url", PAGINAS)
def test_it_requires_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("url", PAGINAS)
@pytest.mark.parametrize("rol", ["adviseur", "secretaris", "beheerder"])
def test_every_role_may_read_the_reference_data(client, request, rol, url):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(url).status_code == 200


def test_the_login_page_is_open_and_dutch(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Inloggen bij Fusietoets" in response.content.decode()


def test_a_wrong_password_gets_a_dutch_message_and_keeps_the_username(client, adviseur):
    response = client.post(reverse("login"), {"username": adviseur.username, "password": "fout"})
    inhoud = response.content.decode()
    assert "Gebruikersnaam en wachtwoord horen niet bij elkaar" in inhoud
    assert f'value="{adviseur.username}"' in inhoud


def test_logging_in_leads_to_the_start_page(client, adviseur):
    response = client.post(
        reverse("login"), {"username": adviseur.username, "password": "een-lang-testwachtwoord"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("start")


@pytest.mark.parametrize(
    ("rol", "status"), [("adviseur", 302), ("secretaris", 302), ("beheerder", 200)]
)
def test_only_a_beheerder_reaches_the_admin(client, request, rol, status):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(reverse("admin:index")).status_code == status


@pytest.mark.parametrize(
    "model",
    ["provincie", "gemeente", "inwonertal", "herindeling", "fusieorganisatie", "deelname",
     "casus", "casusdeelnemer"],
)  # fmt: skip
def test_the_beheerder_manages_every_model_in_the_admin(client, beheerder, model):
    client.force_login(beheerder)
    assert client.get(reverse(f"admin:casussen_{model}_changelist")).status_code == 200


def test_the_beheerder_manages_users(client, beheerder):
    client.force_login(beheerder)
    assert client.get(reverse("admin:gebruikers_gebruiker_changelist")).status_code == 200


def test_the_favicon_is_open_to_everyone(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/favicon.svg")


def test_too_many_wrong_passwords_lock_the_login_for_a_while(client, adviseur):
    for _ in range(5):
        client.post(reverse("login"), {"username": adviseur.username, "password": "fout"})
    response = client.post(
        reverse("login"), {"username": adviseur.username, "password": "een-lang-testwachtwoord"}
    )
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_accessibility_statement_is_public_and_honest(client):
    response = client.get(reverse("casussen:toegankelijkheid"))
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "voldoet gedeeltelijk" in tekst
    assert "nog niet gevalideerd" in tekst
