import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from gebruikers.models import Gebruiker

pytestmark = pytest.mark.django_db


def test_the_three_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "adviseur",
        "gemeentesecretaris",
        "beheerder",
    }


def test_the_beheerder_group_may_change_reference_data_and_users():
    rechten = set(
        Group.objects.get(name="beheerder").permissions.values_list("codename", flat=True)
    )
    assert {"change_fusieorganisatie", "change_gemeente", "add_gebruiker"} <= rechten


def test_roles_and_links(adviseur, secretaris):
    assert adviseur.is_adviseur and not adviseur.is_gemeentesecretaris
    assert adviseur.provincie.naam == "Zuid-Holland"
    assert secretaris.is_gemeentesecretaris and not secretaris.is_adviseur
    assert [g.naam for g in secretaris.gemeenten.all()] == ["Barendrecht"]


def test_demo_users_are_made_with_the_documented_password(settings, capsys):
    settings.DEBUG = True
    call_command("maak_demogebruikers")
    assert "fusietoets-demo" in capsys.readouterr().out
    adviseur = Gebruiker.objects.get(username="adviseur")
    assert adviseur.check_password("fusietoets-demo")
    assert adviseur.is_adviseur and adviseur.provincie.code == "PV28"
    assert Gebruiker.objects.get(username="beheerder").is_staff
    secretaris = Gebruiker.objects.get(username="secretaris")
    assert [g.naam for g in secretaris.gemeenten.all()] == ["Leiderdorp"]
    call_command("maak_demogebruikers")  # A second run repairs, it does not duplicate.
    assert Gebruiker.objects.filter(username="adviseur").count() == 1


def test_demo_users_are_refused_in_production_mode(settings):
    settings.PRODUCTIE = True
    settings.DEBUG = False
    with pytest.raises(CommandError, match="alleen voor lokale ontwikkeling"):
        call_command("maak_demogebruikers")
    assert not Gebruiker.objects.filter(username="adviseur").exists()
