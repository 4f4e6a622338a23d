from django.core.management.base import BaseCommand, CommandError

from afweging.toegang import heeft_deelnemer_in
from afweging.voorbeeld import GEMEENTEN, maak_voorbeeldafweging
from casussen.models import Gemeente
from gebruikers.models import Gebruiker
from weergave.getallen import opsomming


class Command(BaseCommand):
    help = (
        "Maakt (eenmalig) een volledige voorbeeldafweging op echte gemeenten met fictieve "
        "oordelen, duidelijk als voorbeeld gemarkeerd, en print haar id."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--door",
            default="adviseur",
            help="Gebruikersnaam van de adviseur (standaard: adviseur).",
        )

    def handle(self, *args, door, **options):
        gebruiker = Gebruiker.objects.filter(username=door).first()
        if gebruiker is None or not gebruiker.is_adviseur or not gebruiker.provincie_id:
            raise CommandError(
                f"Geen adviseur met provincie gevonden met gebruikersnaam {door!r}. "
                "Maak eerst de demogebruikers (python manage.py maak_demogebruikers) of geef "
                "--door op."
            )
        gemeenten = Gemeente.objects.filter(code__in=GEMEENTEN)
        if not heeft_deelnemer_in(gebruiker.provincie_id, gemeenten):
            # As in the app: an adviseur starts only an afweging with a deelnemer of their own.
            raise CommandError(
                f"De voorbeeldafweging gaat over {opsomming(g.naam for g in gemeenten)}, geen "
                f"van alle in {gebruiker.provincie}; geef met --door een adviseur van hun "
                "provincie op."
            )
        afweging, nieuw = maak_voorbeeldafweging(door=gebruiker)
        self.stdout.write(str(afweging.pk))
        self.stderr.write(
            ("Voorbeeldafweging gemaakt: " if nieuw else "Voorbeeldafweging bestond al: ")
            + afweging.titel
        )
