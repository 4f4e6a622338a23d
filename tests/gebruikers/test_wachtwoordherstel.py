"""Issue 12: the password reset sent a mail per request without limit. Now per e-mail
address and per client address, with the same Dutch answer whether a mail went or not."""

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from tests.html import soep

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _lege_tellers():
    caches["beperkingen"].clear()
    yield
    caches["beperkingen"].clear()


@pytest.fixture
def met_email(maak_gebruiker):
    def maak(email):
        return maak_gebruiker.adviseur(email=email)

    return maak


def vraag(email, adres="203.0.113.9", client=None):
    """Ask for a reset, and follow to the page the user then sees."""
    return (client or Client()).post(
        reverse("password_reset"), {"email": email}, REMOTE_ADDR=adres, follow=True
    )


def antwoord(response):
    """What the user gets: the address landed on and the page's text."""
    return response.redirect_chain, " ".join(soep(response).find(id="content").get_text().split())


def test_the_page_is_dutch(client):
    assert (
        "Mijn wachtwoord opnieuw instellen"
        in client.get(reverse("password_reset")).content.decode()
    )


def test_one_address_gets_a_few_mails_then_none_with_the_same_answer(settings, met_email):
    met_email("anna@zuid-holland.example")
    eerste = antwoord(vraag("anna@zuid-holland.example"))
    assert "wachtwoord" in eerste[1].lower()
    for _ in range(settings.WACHTWOORDHERSTEL_PER_EMAIL - 1):
        assert antwoord(vraag("anna@zuid-holland.example", adres="198.51.100.1")) == eerste
    assert len(mail.outbox) == settings.WACHTWOORDHERSTEL_PER_EMAIL
    # Over the limit, also in other letters and from another address: no mail, same page.
    for adres in ("198.51.100.2", "198.51.100.3"):
        assert antwoord(vraag("Anna@Zuid-Holland.example", adres=adres)) == eerste
    assert len(mail.outbox) == settings.WACHTWOORDHERSTEL_PER_EMAIL
    # An address without an account gets the same answer too: nothing to enumerate.
    assert antwoord(vraag("niemand@example.org", adres="198.51.100.4")) == eerste


def test_one_client_address_is_limited_over_all_e_mail_addresses(settings, met_email):
    settings.WACHTWOORDHERSTEL_PER_ADRES = 2
    for naam in ("a", "b", "c"):
        met_email(f"{naam}@zuid-holland.example")
    eerste = antwoord(vraag("a@zuid-holland.example"))
    assert antwoord(vraag("b@zuid-holland.example")) == eerste
    assert antwoord(vraag("c@zuid-holland.example")) == eerste
    assert [m.to for m in mail.outbox] == [["a@zuid-holland.example"], ["b@zuid-holland.example"]]
    vraag("c@zuid-holland.example", adres="198.51.100.7")  # from elsewhere it goes
    assert mail.outbox[-1].to == ["c@zuid-holland.example"]


def test_behind_a_proxy_the_limit_is_per_client(settings, met_email):
    settings.VERTROUWDE_PROXIES = 1
    settings.WACHTWOORDHERSTEL_PER_ADRES = 1
    for naam in ("a", "b"):
        met_email(f"{naam}@zuid-holland.example")
    for naam, client in (("a", "203.0.113.9"), ("b", "203.0.113.10")):
        Client().post(
            reverse("password_reset"),
            {"email": f"{naam}@zuid-holland.example"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=client,
        )
    assert len(mail.outbox) == 2  # two clients behind one proxy, one mail each


def test_an_unknown_client_address_is_no_bucket_for_everyone(settings, met_email):
    """Behind the proxy without a usable header, only the limit per e-mail address counts:
    not one limit for all users together (the proxy's address)."""
    settings.VERTROUWDE_PROXIES = 1
    settings.WACHTWOORDHERSTEL_PER_ADRES = 2
    for naam in ("a", "b", "c"):
        met_email(f"{naam}@zuid-holland.example")
        Client().post(
            reverse("password_reset"),
            {"email": f"{naam}@zuid-holland.example"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="geen-adres",
        )
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a@zuid-holland.example",
        "b@zuid-holland.example",
        "c@zuid-holland.example",
    ]
