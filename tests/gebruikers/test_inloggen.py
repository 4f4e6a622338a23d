"""Issue 12: behind a proxy, login throttling goes by the client's address, and one address
is locked out after many failures over many usernames.

Every user used to have the proxy's address: anyone could lock anyone out for a quarter of an
hour, and one password could be tried on every username.
"""

import logging

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from gebruikers import inloggen as inloggen_module
from gebruikers.inloggen import client_adres

pytestmark = pytest.mark.django_db

WACHTWOORD = "een-lang-testwachtwoord"


def verzoek(remote="10.0.0.1", doorgestuurd=None):
    extra = {"REMOTE_ADDR": remote}
    if doorgestuurd is not None:
        extra["HTTP_X_FORWARDED_FOR"] = doorgestuurd
    return RequestFactory().post("/account/login/", **extra)


def test_with_no_trusted_proxy_a_forwarded_header_is_ignored(settings):
    settings.VERTROUWDE_PROXIES = 0
    assert client_adres(verzoek("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("proxies", "doorgestuurd", "verwacht"),
    [
        (1, "203.0.113.9", "203.0.113.9"),
        # What the client wrote itself, left of what the proxy added, is not believed.
        (1, "192.0.2.66, 203.0.113.9", "203.0.113.9"),
        (2, "192.0.2.66, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, "2001:db8::5", "2001:db8::5"),
        # Ports and brackets are no part of the address.
        (1, "203.0.113.9:5678", "203.0.113.9"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (1, "[2001:db8::1]", "2001:db8::1"),
        (1, "::ffff:203.0.113.9", "203.0.113.9"),
        # Shorter than the number of proxies, or garbled: unknown, never the proxy's own
        # address (which every user would share).
        (2, "203.0.113.9", None),
        (1, "geen-adres", None),
        (1, "203.0.113.9:poort", None),
        (1, "[2001:db8::1", None),
        (1, "[2001:db8::1]x", None),
        (1, None, None),
        # The hop between the two proxies must be a trusted proxy itself.
        (2, "192.0.2.66, 203.0.113.9, 198.51.100.5", None),
    ],
)
def test_behind_trusted_proxies_the_address_they_saw_is_used(
    settings, proxies, doorgestuurd, verwacht
):
    settings.VERTROUWDE_PROXIES = proxies
    assert client_adres(verzoek(doorgestuurd=doorgestuurd)) == verwacht


def test_the_header_is_believed_only_from_a_trusted_proxy_network(settings):
    settings.VERTROUWDE_PROXIES = 1
    # A client that reaches the app directly writes the header itself.
    assert client_adres(verzoek("198.51.100.7", "203.0.113.9")) == "198.51.100.7"
    settings.VERTROUWDE_PROXY_NETWERKEN = ["198.51.100.0/24"]
    assert client_adres(verzoek("198.51.100.7", "203.0.113.9")) == "203.0.113.9"
    assert client_adres(verzoek("10.0.0.1", "203.0.113.9")) == "10.0.0.1"


def test_a_forwarded_header_without_trusted_proxies_is_reported_once(settings, caplog, monkeypatch):
    settings.VERTROUWDE_PROXIES = 0
    monkeypatch.setattr(inloggen_module, "_kop_gemeld", False)
    with caplog.at_level(logging.WARNING, logger="gebruikers.inloggen"):
        client_adres(verzoek("198.51.100.7"))
        assert caplog.records == []
        for _ in range(3):
            client_adres(verzoek("198.51.100.7", "203.0.113.9"))
    meldingen = [r.getMessage() for r in caplog.records]
    assert len(meldingen) == 1 and "VERTROUWDE_PROXIES=0" in meldingen[0]


def inloggen(client, naam, wachtwoord, adres):
    return client.post(
        reverse("login"),
        {"username": naam, "password": wachtwoord},
        REMOTE_ADDR="10.0.0.1",  # the proxy
        HTTP_X_FORWARDED_FOR=adres,
    )


def test_behind_a_proxy_one_client_no_longer_locks_out_another(settings, adviseur):
    settings.VERTROUWDE_PROXIES = 1
    aanvaller, eigenaar = Client(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        inloggen(aanvaller, adviseur.username, "fout", "203.0.113.9")
    assert inloggen(aanvaller, adviseur.username, WACHTWOORD, "203.0.113.9").status_code == 429
    response = inloggen(eigenaar, adviseur.username, WACHTWOORD, "198.51.100.20")
    assert response.status_code == 302 and response["Location"] == reverse("start")


def test_a_spoofed_header_without_trusted_proxies_does_not_escape_the_lockout(settings, adviseur):
    settings.VERTROUWDE_PROXIES = 0
    client = Client()
    for nummer in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, adviseur.username, "fout", f"203.0.113.{nummer}")
    response = inloggen(client, adviseur.username, WACHTWOORD, "198.51.100.99")
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()


def test_many_usernames_from_one_address_are_blocked(settings, maak_gebruiker):
    settings.VERTROUWDE_PROXIES = 1
    settings.INLOGLIMIET_PER_ADRES = 8
    slachtoffer = maak_gebruiker.adviseur()
    client = Client()
    # One wrong password on eight usernames: under the limit per username every time,
    # and the eighth failure from the address locks it out.
    statussen = [
        inloggen(client, f"gok{n}", "Welkom01", "203.0.113.9").status_code for n in range(8)
    ]
    assert statussen == [200] * 7 + [429]
    # Now even the right password of a real user is refused from this address...
    response = inloggen(client, slachtoffer.username, WACHTWOORD, "203.0.113.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # ...but not from another.
    assert inloggen(Client(), slachtoffer.username, WACHTWOORD, "198.51.100.20").status_code == 302


def test_an_unknown_client_address_is_no_bucket_for_everyone(settings, maak_gebruiker):
    """Behind the proxy without a usable header: no per-address limit, rather than one
    limit for all users together (the proxy's address)."""
    settings.VERTROUWDE_PROXIES = 1
    settings.INLOGLIMIET_PER_ADRES = 3
    slachtoffer = maak_gebruiker.adviseur()
    for n in range(4):
        assert inloggen(Client(), f"gok{n}", "Welkom01", "geen-adres").status_code == 200
    response = inloggen(Client(), slachtoffer.username, WACHTWOORD, "geen-adres")
    assert response.status_code == 302 and response["Location"] == reverse("start")
