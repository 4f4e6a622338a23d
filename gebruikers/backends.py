"""Authentication backend: Django's ModelBackend, but the user that every request loads
from its session comes with their roles, in the same query."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from gebruikers import rollen
from gebruikers.models import Gebruiker


def met_rollen(queryset):
    """Annotate `rol_<name>` (True/False) for each role; Gebruiker._rollen reads them."""
    return queryset.annotate(
        **{
            f"rol_{rol}": Exists(Group.objects.filter(user=OuterRef("pk"), name=rol))
            for rol in rollen.ROLLEN
        }
    )


class Backend(ModelBackend):
    def get_user(self, user_id):
        try:
            gebruiker = met_rollen(Gebruiker._default_manager).get(pk=user_id)
        except Gebruiker.DoesNotExist:
            return None
        return gebruiker if self.user_can_authenticate(gebruiker) else None
