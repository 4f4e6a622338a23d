"""Issue 12 (review): a beheerder could set the password of an adviseur or another
beheerder in the admin, or change their e-mail address or username and then ask for a
reset link, log in as them and read their provincie or escalate.

Only a superuser sets the password, e-mail address or username of an account with a role
(any group) or admin access; a beheerder sends such an account a reset link to the address
it has. Every change of them is recorded, never the password itself.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from gebruikers.models import Gebruiker, Rolwijziging
from tests.factories import GebruikerFactory
from tests.gebruikers.test_rechten import browser, formulier, wijzig_url
from tests.html import soep

pytestmark = pytest.mark.django_db

WACHTWOORD = "overgenomen-wachtwoord-123"


@pytest.fixture
def doelen(db, maak_gebruiker, adviseur, secretaris):
    return {
        "adviseur": adviseur,
        "secretaris": secretaris,
        "andere_beheerder": maak_gebruiker.beheerder(username="beheerder2"),
        "staf_zonder_rol": GebruikerFactory(username="staf", is_staff=True),
        "eigen_groep": _in_groep(GebruikerFactory(username="lezer")),
        "gebruiker": maak_gebruiker.zonder_rol(username="nieuw"),
        "superuser": GebruikerFactory(username="super2", is_staff=True, is_superuser=True),
    }


def _in_groep(gebruiker):
    gebruiker.groups.add(Group.objects.create(name="eigen groep"))
    return gebruiker


@pytest.fixture
def actoren(beheerder):
    return {
        "beheerder": beheerder,
        "superuser": GebruikerFactory(username="super", is_staff=True, is_superuser=True),
    }


def wachtwoord_zetten(client, wie):
    url = reverse("admin:auth_user_password_change", args=[wie.pk])
    data = {"password1": WACHTWOORD, "password2": WACHTWOORD, "usable_password": "true"}
    return client.post(url, data)


def gegeven_wijzigen(veld, waarde):
    def wijzig(client, wie):
        data = formulier(client.get(wijzig_url(wie)))
        data[veld] = [waarde]  # also posted by hand where the form shows it read-only
        return client.post(wijzig_url(wie), data)

    return wijzig


# Per item: how it is changed, whether it changed, and the record's veld.
GEGEVENS = {
    "wachtwoord": (wachtwoord_zetten, lambda g: g.check_password(WACHTWOORD), "wachtwoord"),
    "email": (
        gegeven_wijzigen("email", "overname@example.org"),
        lambda g: g.email == "overname@example.org",
        "email",
    ),
    "username": (
        gegeven_wijzigen("username", "overgenomen"),
        lambda g: g.username == "overgenomen",
        "username",
    ),
}

MAG = {"beheerder": {"gebruiker"}, "superuser": {
    "adviseur", "secretaris", "andere_beheerder", "staf_zonder_rol", "eigen_groep",
    "gebruiker", "superuser",
}}  # fmt: skip
DOELEN = sorted(MAG["superuser"])


@pytest.mark.parametrize("gegeven", list(GEGEVENS))
@pytest.mark.parametrize("doel", DOELEN)
@pytest.mark.parametrize("actor", ["beheerder", "superuser"])
def test_who_sets_a_password_e_mail_or_username(actoren, doelen, actor, doel, gegeven):
    door, wie = actoren[actor], doelen[doel]
    wie.email = "eigen@example.org"
    wie.save()
    Rolwijziging.objects.all().delete()
    wijzig, gewijzigd, veld = GEGEVENS[gegeven]
    response = wijzig(browser(door), wie)
    na = Gebruiker.objects.get(pk=wie.pk)
    vastgelegd = Rolwijziging.objects.filter(gebruiker=wie, door=door, veld=veld)
    if doel in MAG[actor]:
        assert response.status_code == 302
        assert gewijzigd(na)
        rij = vastgelegd.get()
        assert rij.door_naam == door.username
        if gegeven == "wachtwoord":
            # Never the password or its hash.
            assert (rij.van, rij.naar) == ("een wachtwoord", "een nieuw wachtwoord")
            assert na.password not in rij.van + rij.naar
    else:
        # A page that does not take them, or one that ignores them.
        assert response.status_code in (302, 403)
        assert not gewijzigd(na)
        assert (na.username, na.email) == (wie.username, "eigen@example.org")
        assert not vastgelegd.exists()


def test_a_beheerder_sees_no_button_to_set_an_adviseurs_password(beheerder, doelen):
    client = browser(beheerder)
    pagina = soep(client.get(wijzig_url(doelen["adviseur"])))
    assert not pagina.find("a", href="../password/")
    assert "Alleen een superuser stelt het wachtwoord van dit account in" in pagina.get_text()
    assert not pagina.find("input", attrs={"name": "email"})
    # For a user without a role, all stays as it was.
    pagina = soep(client.get(wijzig_url(doelen["gebruiker"])))
    assert pagina.find("a", href="../password/")
    assert pagina.find("input", attrs={"name": "email"})


def test_a_beheerder_sends_a_reset_link_to_the_accounts_own_address(beheerder, doelen):
    adviseur, zonder_adres = doelen["adviseur"], doelen["andere_beheerder"]
    adviseur.email = "adviseur@zuid-holland.example"
    adviseur.save()
    zonder_adres.email = ""
    zonder_adres.save()
    # Another account with the same address gets nothing.
    GebruikerFactory(username="namaak", email="adviseur@zuid-holland.example")
    response = browser(beheerder).post(
        reverse("admin:gebruikers_gebruiker_changelist"),
        {"action": "stuur_herstellink", "_selected_action": [adviseur.pk, zonder_adres.pk]},
        follow=True,
    )
    meldingen = [str(m) for m in response.context["messages"]]
    assert any("verstuurd aan 1 gebruiker" in m for m in meldingen)
    assert any("Geen link verstuurd" in m and "beheerder2" in m for m in meldingen)
    assert [m.to for m in mail.outbox] == [["adviseur@zuid-holland.example"]]
    uid = urlsafe_base64_encode(force_bytes(adviseur.pk))
    assert f"/account/reset/{uid}/" in mail.outbox[0].body
    assert Gebruiker.objects.get(pk=adviseur.pk).password == adviseur.password


def test_a_password_set_with_a_reset_link_is_recorded(client, adviseur):
    from django.contrib.auth.tokens import default_token_generator

    uid = urlsafe_base64_encode(force_bytes(adviseur.pk))
    token = default_token_generator.make_token(adviseur)
    pagina = client.get(reverse("password_reset_confirm", args=[uid, token]), follow=True)
    client.post(
        pagina.redirect_chain[-1][0],
        {"new_password1": WACHTWOORD, "new_password2": WACHTWOORD},
    )
    assert Gebruiker.objects.get(pk=adviseur.pk).check_password(WACHTWOORD)
    rij = Rolwijziging.objects.get(gebruiker=adviseur, veld="wachtwoord")
    assert (rij.van, rij.naar, rij.door) == ("een wachtwoord", "een nieuw wachtwoord", None)
    assert rij.door_naam.startswith("niet ingelogd")
