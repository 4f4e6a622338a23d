from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from casussen.laders import laders


class Command(BaseCommand):
    help = (
        "Laadt de referentiegegevens uit fixtures/ (gemeenten, herindelingen, "
        "fusieorganisaties, casussen, het afwegingskader en het evaluatiekader, Iv3-cijfers). "
        "Idempotent: nog eens draaien verandert niets; een fout bestand laadt niets."
    )

    def handle(self, *args, **options):
        alle = laders()
        fouten = tuple(fout for lader in alle for fout in lader.fouten)
        uitkomsten = []
        try:
            with transaction.atomic():
                for lader in alle:
                    uitkomsten.append(lader.laad())
        except fouten as fout:
            raise CommandError(
                "Referentiegegevens niet geladen; er is niets gewijzigd.\n" + str(fout)
            ) from fout
        for regels, _ in uitkomsten:
            for regel in regels:
                self.stdout.write(regel)
        if any(gewijzigd for _, gewijzigd in uitkomsten):
            self.stdout.write(self.style.SUCCESS("Referentiegegevens bijgewerkt."))
        else:
            self.stdout.write(self.style.SUCCESS("Referentiegegevens waren al actueel."))
