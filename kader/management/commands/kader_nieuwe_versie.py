"""Copy a kader version into a new, unpublished one, to edit and publish in the admin (the
same as the admin action "Nieuwe versie maken")."""

from django.core.management.base import BaseCommand, CommandError

from kader.models import Evaluatiekader, Kader
from kader.versies import evaluatiekader_nieuwe_versie, kader_nieuwe_versie

SOORTEN = {
    "afwegingskader": (Kader, kader_nieuwe_versie, "Afwegingskader"),
    "evaluatiekader": (Evaluatiekader, evaluatiekader_nieuwe_versie, "Evaluatiekader"),
}


class Command(BaseCommand):
    help = (
        "Maakt een nieuwe, ongepubliceerde versie van het afwegingskader of het evaluatiekader "
        "als kopie van een bestaande versie (standaard de hoogste gepubliceerde)."
    )

    def add_arguments(self, parser):
        parser.add_argument("soort", choices=sorted(SOORTEN))
        parser.add_argument("versie", nargs="?", type=int, help="de versie om te kopiëren")

    def handle(self, *args, soort, versie, **options):
        model, kopieer, naam = SOORTEN[soort]
        versies = model.objects.all()
        if versie is None:
            bron = versies.filter(gepubliceerd=True).order_by("-versie").first()
        else:
            bron = versies.filter(versie=versie).first()
        if bron is None:
            raise CommandError(
                f"{naam} versie {versie} bestaat niet."
                if versie is not None
                else f"Er is geen gepubliceerde versie van het {soort}."
            )
        nieuw = kopieer(kader=bron)
        self.stdout.write(
            f"{naam} versie {nieuw.versie} gemaakt als kopie van versie {bron.versie} (niet "
            "gepubliceerd); bewerk en publiceer haar in de admin."
        )
