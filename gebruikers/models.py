from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property

from gebruikers import rollen


class Gebruiker(AbstractUser):
    """A user of Fusietoets; the role is the group, the links say for whom they work.

    An adviseur belongs to one provincie; a gemeentesecretaris to one or more gemeenten.
    """

    provincie = models.ForeignKey(
        "casussen.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adviseurs",
        help_text="Voor adviseurs: de provincie waarvoor zij werken.",
    )
    gemeenten = models.ManyToManyField(
        "casussen.Gemeente",
        blank=True,
        related_name="secretarissen",
        help_text="Voor gemeentesecretarissen: de gemeente(n) waarvoor zij werken.",
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    @cached_property
    def _rollen(self) -> frozenset[str]:
        # One query per request instead of one per check; a user's groups do not change
        # while a request is handled.
        return frozenset(self.groups.values_list("name", flat=True))

    def heeft_rol(self, rol: str) -> bool:
        return rol in self._rollen

    @property
    def is_adviseur(self) -> bool:
        return self.heeft_rol(rollen.ADVISEUR)

    @property
    def is_gemeentesecretaris(self) -> bool:
        return self.heeft_rol(rollen.GEMEENTESECRETARIS)

    @property
    def is_beheerder(self) -> bool:
        return self.heeft_rol(rollen.BEHEERDER)

    @property
    def rolnamen(self) -> list[str]:
        return sorted(self._rollen)
