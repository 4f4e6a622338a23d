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


class Rolwijziging(models.Model):
    """One change of what a user may do: their roles (groups), provincie, gemeenten, access
    to the admin, superuser status or separate permissions, or of how they log in: username,
    e-mail address (where a reset link goes) or password (never the password itself); who
    made it, when, how, and from what to what. Written by `gebruikers.rolwijzigingen` whatever made the change (the
    admin's user and group pages, its bulk actions, a management command); never changed."""

    class Veld(models.TextChoices):
        ROLLEN = "rollen", "rollen"
        PROVINCIE = "provincie", "provincie"
        GEMEENTEN = "gemeenten", "gemeenten"
        BEHEER = "is_staff", "toegang tot beheer"
        SUPERUSER = "is_superuser", "superuser"
        RECHTEN = "rechten", "losse rechten"
        GEBRUIKERSNAAM = "username", "gebruikersnaam"
        EMAIL = "email", "e-mailadres"
        WACHTWOORD = "wachtwoord", "wachtwoord"

    gebruiker = models.ForeignKey(
        Gebruiker,
        on_delete=models.SET_NULL,
        null=True,
        related_name="rolwijzigingen",
        help_text="Leeg als de gebruiker later is verwijderd; de gebruikersnaam blijft.",
    )
    gebruikersnaam = models.CharField(max_length=150)
    veld = models.CharField("wat", max_length=20, choices=Veld.choices)
    van = models.TextField()
    naar = models.TextField()
    door = models.ForeignKey(
        Gebruiker, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    door_naam = models.CharField(
        "door", max_length=150, help_text="Gebruikersnaam, of hoe de wijziging buiten de app kwam."
    )
    via = models.CharField(max_length=200)
    moment = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "wijziging van rollen en rechten"
        verbose_name_plural = "wijzigingen van rollen en rechten"
        ordering = ["-moment", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_veld_display()} van {self.gebruikersnaam}: {self.van} → {self.naar}"
