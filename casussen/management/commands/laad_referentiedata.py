from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from afweging.kader import KaderFout, laad_kaders
from casussen.referentiedata import ReferentiedataFout, laad_referentiedata


class Command(BaseCommand):
    help = (
        "Laadt de referentiegegevens uit fixtures/ (gemeenten, herindelingen, "
        "fusieorganisaties, casussen, het afwegingskader). Idempotent: nog eens draaien "
        "verandert niets; een fout bestand laadt niets."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                verslag = laad_referentiedata()
                kaders = laad_kaders()
        except (ReferentiedataFout, KaderFout) as fout:
            raise CommandError(
                "Referentiegegevens niet geladen; er is niets gewijzigd.\n" + str(fout)
            ) from fout
        for regel in [*verslag.regels(), *kaders]:
            self.stdout.write(regel)
        if verslag.iets_gewijzigd or any(not r.endswith("ongewijzigd") for r in kaders):
            self.stdout.write(self.style.SUCCESS("Referentiegegevens bijgewerkt."))
        else:
            self.stdout.write(self.style.SUCCESS("Referentiegegevens waren al actueel."))
