import json

from django.core.management.base import BaseCommand

from casussen.register import exporteer_register


class Command(BaseCommand):
    help = (
        "Schrijft het register van fusieorganisaties als JSON naar stdout: per organisatie de "
        "deelnemers, hun inwoners (CBS, 1 januari) en het berekende totaal."
    )

    def handle(self, *args, **options):
        gegevens = {
            "bron": (
                "Rapport ambtelijke fusies (Bijlage, §5.2); inwoners: CBS (StatLine 85067NED, "
                "Gebieden in Nederland 2023-2025), CC BY 4.0"
            ),
            "fusieorganisaties": exporteer_register(),
        }
        self.stdout.write(json.dumps(gegevens, ensure_ascii=False, indent=2))
