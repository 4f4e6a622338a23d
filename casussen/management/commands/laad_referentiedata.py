from django.core.management.base import BaseCommand, CommandError

from casussen.referentiedata import ReferentiedataFout, laad_referentiedata


class Command(BaseCommand):
    help = (
        "Laadt de referentiegegevens uit fixtures/ (gemeenten, herindelingen, "
        "fusieorganisaties, casussen). Idempotent: nog eens draaien verandert niets."
    )

    def handle(self, *args, **options):
        try:
            verslag = laad_referentiedata()
        except ReferentiedataFout as fout:
            raise CommandError(
                "Referentiegegevens niet geladen; er is niets gewijzigd.\n" + str(fout)
            ) from fout
        for regel in verslag.regels():
            self.stdout.write(regel)
        if verslag.iets_gewijzigd:
            self.stdout.write(self.style.SUCCESS("Referentiegegevens bijgewerkt."))
        else:
            self.stdout.write(self.style.SUCCESS("Referentiegegevens waren al actueel."))
