from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from casussen.models import Gemeente, Provincie
from gebruikers import rollen
from gebruikers.models import Gebruiker
from gebruikers.rolwijzigingen import namens

# Documented in the README; for local development only.
DEMO_WACHTWOORD = "fusietoets-demo"


class Command(BaseCommand):
    help = (
        "Maakt de demogebruikers adviseur, secretaris en beheerder aan (alleen voor lokale "
        "ontwikkeling; weigert in productiemodus). Bestaande demogebruikers worden hersteld."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # The roles it gives are recorded as given by this command.
        with namens(via="commando maak_demogebruikers"):
            self._maak()

    def _maak(self):
        if settings.PRODUCTIE or not settings.DEBUG:
            raise CommandError(
                "Demogebruikers zijn alleen voor lokale ontwikkeling en worden niet aangemaakt "
                "in productiemodus."
            )
        try:
            zuid_holland = Provincie.objects.get(code="PV28")
            # Leiderdorp takes part in the example afweging, so the demo can share it.
            leiderdorp = Gemeente.objects.get(code="GM0547")
        except (Provincie.DoesNotExist, Gemeente.DoesNotExist) as fout:
            raise CommandError(
                "Laad eerst de referentiegegevens: python manage.py laad_referentiedata"
            ) from fout

        adviseur = self._gebruiker(
            "adviseur",
            "Anna",
            "de Adviseur",
            rollen.ADVISEUR,
            provincie=zuid_holland,
            email="adviseur@zuid-holland.example",
        )
        secretaris = self._gebruiker(
            "secretaris",
            "Sam",
            "de Secretaris",
            rollen.GEMEENTESECRETARIS,
            email="secretaris@leiderdorp.example",
        )
        secretaris.gemeenten.set([leiderdorp])
        self._gebruiker("beheerder", "Bea", "de Beheerder", rollen.BEHEERDER, is_staff=True)

        self.stdout.write(
            "Demogebruikers (alleen lokaal), wachtwoord voor alle drie: " + DEMO_WACHTWOORD
        )
        self.stdout.write(f"  adviseur   – adviseur, provincie {adviseur.provincie}")
        self.stdout.write("  secretaris – gemeentesecretaris van Leiderdorp")
        self.stdout.write("  beheerder  – beheerder (toegang tot /beheer/)")

    def _gebruiker(self, gebruikersnaam, voornaam, achternaam, rol, **velden):
        gebruiker, _ = Gebruiker.objects.update_or_create(
            username=gebruikersnaam,
            defaults=dict(first_name=voornaam, last_name=achternaam, is_active=True, **velden),
        )
        gebruiker.set_password(DEMO_WACHTWOORD)
        gebruiker.save()
        gebruiker.groups.set([Group.objects.get(name=rol)])
        return gebruiker
