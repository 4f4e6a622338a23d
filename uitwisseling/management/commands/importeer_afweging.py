import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gebruikers.models import Gebruiker
from uitwisseling.importeren import MAX_TEKENS, ImportFout, importeer


class Command(BaseCommand):
    help = (
        "Importeert een afweging uit een JSON-export (zie exporteer_afweging) als nieuwe "
        "afweging in de provincie van de adviseur, en print haar id en adres. Bij een fout "
        "bestand worden alle problemen genoemd en wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Het JSON-bestand, of - om van stdin te lezen.")
        parser.add_argument(
            "--door",
            required=True,
            help="Gebruikersnaam van de adviseur die importeert; de afweging komt op haar of "
            "zijn naam, in haar of zijn provincie.",
        )

    def handle(self, *args, bestand, door, **options):
        gebruiker = Gebruiker.objects.filter(username=door).first()
        if gebruiker is None:
            raise CommandError(f"Er is geen gebruiker met gebruikersnaam {door!r}.")
        try:
            afweging = importeer(_lees(bestand), gebruiker)
        except ImportFout as fout:
            raise CommandError(str(fout)) from fout
        adres = settings.BASIS_URL.rstrip("/") + afweging.get_absolute_url()
        self.stdout.write(f"Afweging {afweging.pk} geïmporteerd: {adres}")
        eerste = afweging.wijzigingen.order_by("moment", "pk").first()
        for melding in eerste.details.get("meldingen", []):
            self.stderr.write(f"Let op: {melding}")


def _lees(bestand: str) -> str:
    """The file's text; a file that is no UTF-8 text, or too large to be an export, is refused
    before it is parsed."""
    try:
        if bestand == "-":
            inhoud = sys.stdin.buffer.read(MAX_TEKENS + 1)
        else:
            with open(bestand, "rb") as invoer:
                inhoud = invoer.read(MAX_TEKENS + 1)
    except FileNotFoundError as fout:
        raise CommandError(f"Het bestand {bestand} bestaat niet.") from fout
    except IsADirectoryError as fout:
        raise CommandError(f"{bestand} is een map, geen bestand.") from fout
    except PermissionError as fout:
        raise CommandError(f"Geen leesrechten voor {bestand}.") from fout
    except OSError as fout:
        raise CommandError(f"{bestand} kan niet worden gelezen ({fout.strerror}).") from fout
    if len(inhoud) > MAX_TEKENS:
        raise CommandError(
            f"{bestand} is te groot voor een export van een afweging (meer dan "
            f"{MAX_TEKENS // 1_000_000} MB)."
        )
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise CommandError(f"{bestand} is geen UTF-8-tekst en dus geen JSON-export.") from fout
