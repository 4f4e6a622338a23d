from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from afweging.models import Afweging
from afweging.rapport import rapport_van
from afweging.selectors import met_alles
from config.pdf import render_to_pdf
from weergave import getallen


class Command(BaseCommand):
    help = (
        "Schrijft het rapport (PDF) van een afweging naar een bestand: van een vastgestelde "
        "afweging de bewaarde PDF van dat moment, van een concept een nieuw gemaakte."
    )

    def add_arguments(self, parser):
        parser.add_argument("afweging_id", type=int)
        parser.add_argument("pad", type=Path)

    def handle(self, *args, afweging_id, pad, **options):
        afweging = Afweging.objects.filter(pk=afweging_id).only("status").first()
        if afweging is None:
            raise CommandError(f"Er is geen afweging met id {afweging_id}.")
        bewaard = (
            Afweging.objects.filter(pk=afweging_id).values_list("vastgestelde_pdf", flat=True)[0]
            if afweging.status == Afweging.Status.VASTGESTELD
            else None
        )
        if bewaard:
            # Vastgesteld: exactly the PDF of that moment, as the download gives it.
            inhoud, herkomst = bytes(bewaard), "de bewaarde PDF van de vaststelling"
        else:
            volledig = met_alles(Afweging.objects.filter(pk=afweging_id)).get()
            _html, inhoud = render_to_pdf(
                "afweging/pdf/rapport.html", {"rapport": rapport_van(volledig)}
            )
            herkomst = "nu gemaakt"
        grootte = getallen.geheel(len(inhoud))
        self.stdout.write(f"{pad} geschreven ({grootte} bytes, {herkomst}).")
        pad.write_bytes(inhoud)
