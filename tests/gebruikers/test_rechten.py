"""Issue 12: no one gets more rights than given, and every change of rights is recorded.

A beheerder (staff, not superuser) used to give themselves superuser status, the adviseur
role and a provincie in the admin, and then read every province's afwegingen. The matrix
below posts the admin's user form as each actor, for each target, for each right, the way
a browser would (tampered or not), and checks what changed and what was recorded.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from casussen.models import Gemeente, Provincie
from gebruikers.models import Gebruiker, Rolwijziging
from gebruikers.rolwijzigingen import BUITEN_DE_APP, namens
from tests.factories import GebruikerFactory
from tests.html import soep

pytestmark = pytest.mark.django_db


def formulier(response) -> dict[str, list[str]]:
    """What a browser would post back from the admin's change form, unchanged."""
    form = soep(response).find("form", id=lambda i: i and i.endswith("_form"))
    data: dict[str, list[str]] = {}
    for veld in form.find_all(["input", "select", "textarea"]):
        naam = veld.get("name")
        if not naam or veld.get("type") in ("submit", "button"):
            continue
        if veld.name == "select":
            waarden = [
                o.get("value", "") for o in veld.find_all("option") if o.has_attr("selected")
            ]
            data.setdefault(naam, []).extend(waarden)
        elif veld.get("type") == "checkbox":
            if veld.has_attr("checked"):
                data.setdefault(naam, []).append(veld.get("value", "on"))
        elif veld.name == "textarea":
            data.setdefault(naam, []).append(veld.text)
        else:
            data.setdefault(naam, []).append(veld.get("value", ""))
    return data


def wijzig_url(gebruiker):
    return reverse("admin:gebruikers_gebruiker_change", args=[gebruiker.pk])


@pytest.fixture
def superuser(db):
    return GebruikerFactory(username="super", is_staff=True, is_superuser=True)


@pytest.fixture
def anderen(db, maak_gebruiker):
    """Besides the actors: a user without a role, and another superuser."""
    return {
        "gebruiker": maak_gebruiker.zonder_rol(username="nieuw"),
        "andere_superuser": GebruikerFactory(username="super2", is_staff=True, is_superuser=True),
    }


def browser(gebruiker):
    client = Client()
    client.force_login(gebruiker)
    return client


ADVISEUR = lambda: str(Group.objects.get(name="adviseur").pk)  # noqa: E731
ZUID_HOLLAND = lambda: str(Provincie.objects.get(code="PV28").pk)  # noqa: E731
LEIDERDORP = lambda: str(Gemeente.objects.get(code="GM0547").pk)  # noqa: E731


def schakel(naam):
    """A flag turned over: on if it was off, off if it was on (a checkbox left out)."""

    def wijzig(data, gebruiker):
        if getattr(gebruiker, naam):
            data.pop(naam, None)
        else:
            data[naam] = ["on"]

    return wijzig, lambda g: getattr(g, naam)


# Per right: how a post changes it, and how to read it back.
RECHTEN = {
    "is_superuser": schakel("is_superuser"),
    "is_staff": schakel("is_staff"),
    "groups": (
        lambda d, g: d.__setitem__("groups", [*d.get("groups", []), ADVISEUR()]),
        lambda g: g.groups.filter(name="adviseur").exists(),
    ),
    "provincie": (
        lambda d, g: d.__setitem__("provincie", [ZUID_HOLLAND()]),
        lambda g: g.provincie_id is not None,
    ),
    "gemeenten": (
        lambda d, g: d.__setitem__("gemeenten", [LEIDERDORP()]),
        lambda g: g.gemeenten.exists(),
    ),
    "user_permissions": (
        lambda d, g: d.__setitem__(
            "user_permissions", [str(Permission.objects.get(codename="view_afweging").pk)]
        ),
        lambda g: g.user_permissions.exists(),
    ),
}

# (actor, target) -> the rights the actor may change on the target's account.
MAG = {
    ("beheerder", "zelf"): set(),
    ("beheerder", "gebruiker"): {"groups", "provincie", "gemeenten", "is_staff"},
    ("superuser", "zelf"): set(RECHTEN),
    ("superuser", "gebruiker"): set(RECHTEN),
    ("superuser", "andere_superuser"): set(RECHTEN),
}


@pytest.mark.parametrize("recht", list(RECHTEN))
@pytest.mark.parametrize(("actor", "doel"), list(MAG))
def test_the_rights_matrix(beheerder, superuser, anderen, actor, doel, recht):
    door = {"beheerder": beheerder, "superuser": superuser}[actor]
    wie = door if doel == "zelf" else anderen[doel]
    client = browser(door)
    data = formulier(client.get(wijzig_url(wie)))
    wijzig, lees = RECHTEN[recht]
    voor = lees(Gebruiker.objects.get(pk=wie.pk))
    wijzig(data, wie)  # In the form, or added to the post by hand where the form has none.
    response = client.post(wijzig_url(wie), data)
    assert response.status_code == 302, soep(response).find(class_="errorlist")
    na = lees(Gebruiker.objects.get(pk=wie.pk))
    vastgelegd = Rolwijziging.objects.filter(gebruiker=wie, door=door)
    if recht in MAG[(actor, doel)]:
        assert na != voor
        rij = vastgelegd.get()
        assert (rij.via, rij.door_naam) == (wijzig_url(wie), door.username)
    else:
        assert na == voor  # ignored, as if it were not posted
        assert not vastgelegd.exists()


@pytest.mark.parametrize("recht", list(RECHTEN))
def test_a_beheerder_only_views_a_superusers_account(beheerder, anderen, recht):
    doel = anderen["andere_superuser"]
    client = browser(beheerder)
    pagina = client.get(wijzig_url(doel))
    assert pagina.status_code == 200
    assert not soep(pagina).find("input", attrs={"name": "_save"})
    data = {"username": "overgenomen"}
    RECHTEN[recht][0](data, doel)
    assert client.post(wijzig_url(doel), data).status_code == 403
    assert Gebruiker.objects.get(pk=doel.pk).username == "super2"


def test_a_beheerder_cannot_set_a_superusers_password(beheerder, anderen):
    doel = anderen["andere_superuser"]
    url = reverse("admin:auth_user_password_change", args=[doel.pk])
    wachtwoord = "overgenomen-wachtwoord-123"
    response = browser(beheerder).post(url, {"password1": wachtwoord, "password2": wachtwoord})
    assert response.status_code == 403
    doel.refresh_from_db()
    assert not doel.check_password(wachtwoord)


def test_a_beheerder_who_made_themselves_adviseur_reads_nothing(
    beheerder, maak_afweging, ander_adviseur
):
    """The issue's own path: superuser, the adviseur group and a provincie, then the list."""
    afweging = maak_afweging(titel="Zuid-Hollands geheim")
    client = browser(beheerder)
    data = formulier(client.get(wijzig_url(beheerder)))
    data |= {"is_superuser": ["on"], "groups": [ADVISEUR()], "provincie": [ZUID_HOLLAND()]}
    client.post(wijzig_url(beheerder), data)
    beheerder = Gebruiker.objects.get(pk=beheerder.pk)
    assert not beheerder.is_superuser and not beheerder.is_adviseur and not beheerder.provincie
    assert client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})).status_code == 403


# --- the record ------------------------------------------------------------------------


def rijen(gebruiker):
    return list(
        Rolwijziging.objects.filter(gebruiker=gebruiker)
        .order_by("pk")
        .values_list("veld", "van", "naar", "door_naam", "via")
    )


def test_one_save_of_the_groups_is_one_record_from_what_to_what(beheerder, anderen):
    wie = anderen["gebruiker"]
    wie.groups.add(Group.objects.get(name="gemeentesecretaris"))
    Rolwijziging.objects.all().delete()
    client = browser(beheerder)
    data = formulier(client.get(wijzig_url(wie)))
    # Secretaris out, adviseur and beheerder in: a removal and an addition, one record.
    data["groups"] = [ADVISEUR(), str(Group.objects.get(name="beheerder").pk)]
    data["provincie"] = [ZUID_HOLLAND()]
    client.post(wijzig_url(wie), data)
    assert rijen(wie) == [
        ("provincie", "geen", "Zuid-Holland", beheerder.username, wijzig_url(wie)),
        (
            "rollen",
            "gemeentesecretaris",
            "adviseur, beheerder",
            beheerder.username,
            wijzig_url(wie),
        ),
    ]


def test_a_change_undone_in_the_same_block_leaves_no_record(anderen):
    wie = anderen["gebruiker"]
    with namens(via="proef"):
        wie.groups.add(Group.objects.get(name="adviseur"))
        wie.groups.clear()
    assert rijen(wie) == []


def test_changes_from_the_group_side_are_recorded_for_each_member(superuser, anderen):
    groep = Group.objects.create(name="tijdelijk")
    wie = anderen["gebruiker"]
    with namens(door=superuser, via="proef"):
        groep.user_set.add(wie)
    client = browser(superuser)
    url = reverse("admin:auth_group_changelist")
    response = client.post(
        url, {"action": "delete_selected", "_selected_action": [groep.pk], "post": "yes"}
    )
    assert response.status_code == 302 and not Group.objects.filter(name="tijdelijk").exists()
    assert rijen(wie) == [
        ("rollen", "geen", "tijdelijk", superuser.username, "proef"),
        ("rollen", "tijdelijk", "geen", superuser.username, url),
    ]


def test_management_commands_record_in_their_own_name(settings):
    settings.DEBUG = True
    call_command("maak_demogebruikers")
    adviseur = Gebruiker.objects.get(username="adviseur")
    assert ("rollen", "geen", "adviseur", BUITEN_DE_APP, "commando maak_demogebruikers") in rijen(
        adviseur
    )
    assert ("provincie", "geen", "Zuid-Holland", BUITEN_DE_APP, "commando maak_demogebruikers") in (
        rijen(adviseur)
    )
    call_command("createsuperuser", username="root", email="", interactive=False)
    assert rijen(Gebruiker.objects.get(username="root")) == [
        ("is_staff", "nee", "ja", BUITEN_DE_APP, BUITEN_DE_APP),
        ("is_superuser", "nee", "ja", BUITEN_DE_APP, BUITEN_DE_APP),
    ]


def test_the_record_is_shown_read_only_on_the_users_page_and_as_a_list(beheerder, anderen):
    wie = anderen["gebruiker"]
    client = browser(beheerder)
    data = formulier(client.get(wijzig_url(wie)))
    data["gemeenten"] = [LEIDERDORP()]
    client.post(wijzig_url(wie), data)

    pagina = soep(client.get(wijzig_url(wie)))
    inline = pagina.find(id="rolwijzigingen-group")
    regels = [" ".join(tr.get_text(" ").split()) for tr in inline.select("tbody tr.has_original")]
    assert len(regels) == 1 and "gemeenten geen Leiderdorp" in regels[0]
    assert beheerder.username in regels[0]
    assert not inline.find(
        ["input", "textarea", "select"], attrs={"name": lambda n: n and "-van" in n}
    )

    lijst = client.get(reverse("admin:gebruikers_rolwijziging_changelist"))
    assert lijst.status_code == 200
    cellen = [td.get_text(strip=True) for td in soep(lijst).select("#result_list tbody td")]
    assert {"nieuw", "gemeenten", "geen", "Leiderdorp", beheerder.username} <= set(cellen)
    rij = Rolwijziging.objects.get(gebruiker=wie)
    url = reverse("admin:gebruikers_rolwijziging_change", args=[rij.pk])
    assert client.post(url, {"naar": "vervalst"}).status_code == 403
    assert client.get(reverse("admin:gebruikers_rolwijziging_add")).status_code == 403
    rij.refresh_from_db()
    assert rij.naar == "Leiderdorp"


# --- groups ----------------------------------------------------------------------------


@pytest.mark.parametrize("rol", ["adviseur", "gemeentesecretaris", "beheerder"])
def test_nobody_renames_or_deletes_a_roles_group(superuser, rol):
    groep = Group.objects.get(name=rol)
    client = browser(superuser)
    url = reverse("admin:auth_group_change", args=[groep.pk])
    client.post(url, {"name": "iets anders", "permissions": []})
    assert (
        client.post(
            reverse("admin:auth_group_delete", args=[groep.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    client.post(
        reverse("admin:auth_group_changelist"),
        {"action": "delete_selected", "_selected_action": [groep.pk], "post": "yes"},
    )
    assert Group.objects.filter(pk=groep.pk, name=rol).exists()


def test_a_beheerder_does_not_give_a_group_permissions(beheerder):
    groep = Group.objects.get(name="adviseur")
    recht = Permission.objects.get(codename="view_afweging")
    client = browser(beheerder)
    url = reverse("admin:auth_group_change", args=[groep.pk])
    client.post(url, {"name": "adviseur", "permissions": [recht.pk]})
    assert not groep.permissions.exists()


def test_a_beheerder_gives_only_groups_whose_rights_they_hold(beheerder, superuser, anderen):
    machtig = Group.objects.create(name="afwegingen lezen")
    machtig.permissions.add(Permission.objects.get(codename="view_afweging"))
    wie = anderen["gebruiker"]
    client = browser(beheerder)
    data = formulier(client.get(wijzig_url(wie)))
    data["groups"] = [str(machtig.pk)]
    response = client.post(wijzig_url(wie), data)
    assert response.status_code == 200  # the form says it is no valid choice
    assert not wie.groups.exists()
    # A superuser may; the beheerder then keeps it when saving the user.
    browser(superuser).post(
        wijzig_url(wie),
        formulier(browser(superuser).get(wijzig_url(wie))) | {"groups": [str(machtig.pk)]},
    )
    assert list(wie.groups.values_list("name", flat=True)) == ["afwegingen lezen"]
    data = formulier(client.get(wijzig_url(wie)))
    data["first_name"] = ["Nieuw"]
    assert client.post(wijzig_url(wie), data).status_code == 302
    assert list(wie.groups.values_list("name", flat=True)) == ["afwegingen lezen"]
