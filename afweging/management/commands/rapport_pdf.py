from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from afweging.afwegingen import met_alles
from afweging.models import Afweging
from afweging.rapport import rapport_van
from config.pdf import render_to_pdf


class Command(BaseCommand):
    help = "Schrijft het rapport (PDF) van een afweging naar een bestand."

    def add_arguments(self, parser):
        parser.add_argument("afweging_id", type=int)
        parser.add_argument("pad", type=Path)

    def handle(self, *args, afweging_id, pad, **options):
        afweging = met_alles(Afweging.objects.filter(pk=afweging_id)).first()
        if afweging is None:
            raise CommandError(f"Er is geen afweging met id {afweging_id}.")
        _html, inhoud = render_to_pdf(
            "afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)}
        )
        pad.write_bytes(inhoud)
        self.stdout.write(f"{pad} geschreven ({len(inhoud):,} bytes).".replace(",", "."))
