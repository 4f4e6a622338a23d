from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from afweging.kader import KaderFout, laad_kaders
from benchmark.iv3 import Iv3Fout, laad_iv3
from casussen.referentiedata import ReferentiedataFout, laad_referentiedata


class Command(BaseCommand):
    help = (
        "Laadt de referentiegegevens uit fixtures/ (gemeenten, herindelingen, "
        "fusieorganisaties, casussen, het afwegingskader, Iv3-cijfers). Idempotent: nog eens draaien "
        "verandert niets; een fout bestand laadt niets."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                verslag = laad_referentiedata()
                kaders = laad_kaders()
                iv3 = laad_iv3()
        except (ReferentiedataFout, KaderFout, Iv3Fout) as fout:
            raise CommandError(
                "Referentiegegevens niet geladen; er is niets gewijzigd.\n" + str(fout)
            ) from fout
        for regel in [*verslag.regels(), *kaders, *iv3]:
            self.stdout.write(regel)
        anders = [r for r in [*kaders, *iv3] if "ongewijzigd" not in r]
        if verslag.iets_gewijzigd or anders:
            self.stdout.write(self.style.SUCCESS("Referentiegegevens bijgewerkt."))
        else:
            self.stdout.write(self.style.SUCCESS("Referentiegegevens waren al actueel."))
