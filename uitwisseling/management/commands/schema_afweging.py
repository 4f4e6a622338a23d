from django.core.management.base import BaseCommand

from uitwisseling.schema import FORMAAT, SCHEMABESTAND, json_schema_tekst


class Command(BaseCommand):
    help = (
        f"Schrijft het JSON Schema van het uitwisselingsformaat {FORMAAT} (de JSON-export en "
        f"-import van een afweging) naar stdout; in de repository staat het als "
        f"uitwisseling/{SCHEMABESTAND.name}."
    )

    def handle(self, *args, **options):
        self.stdout.write(json_schema_tekst(), ending="")
