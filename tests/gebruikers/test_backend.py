"""The user that each request loads comes with their roles, and a role taken away counts
from the next request on."""

import pytest
from django.contrib.auth.models import Group

from gebruikers.backends import Backend

pytestmark = pytest.mark.django_db


def test_roles_come_with_the_user_in_one_query(adviseur, django_assert_num_queries):
    with django_assert_num_queries(1):
        gebruiker = Backend().get_user(adviseur.pk)
        assert gebruiker.is_adviseur
        assert not gebruiker.is_gemeentesecretaris and not gebruiker.is_beheerder
        assert gebruiker.rolnamen == ["adviseur"]


def test_a_role_taken_away_is_gone_on_the_next_request(adviseur, client):
    client.force_login(adviseur)
    assert client.get("/afwegingen/nieuw/").status_code == 200
    adviseur.groups.remove(Group.objects.get(name="adviseur"))
    assert client.get("/afwegingen/nieuw/").status_code == 403


def test_an_inactive_user_is_not_loaded(adviseur):
    adviseur.is_active = False
    adviseur.save()
    assert Backend().get_user(adviseur.pk) is None
