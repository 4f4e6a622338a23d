import csv

from django.core.management.base import BaseCommand, CommandError

from benchmark.analyse import analyse
from benchmark.models import Iv3Bestand

KOLOMMEN = [
    "gemeentecode", "gemeentenaam", "inwoners", "overhead_lasten_eur", "overhead_per_inwoner_eur",
    "overhead_aandeel", "totale_lasten_eur", "overhead_salarissen_eur", "verwacht_eur",
    "afwijking_pct", "fusieorganisatie", "vlag_geen_cijfers", "vlag_bijna_nul", "vlag_bijdrage",
]  # fmt: skip


class Command(BaseCommand):
    help = (
        "Schrijft de overhead per gemeente (taakveld 0.4, Iv3) als CSV naar stdout, met de "
        "afwijking van de trend. Een lege cel is onbekend; vlag_geen_cijfers zegt dat de gemeente "
        "in dit bestand op alle taakvelden 0 heeft (geen cijfers geleverd). Bron: CBS (Iv3)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--jaar", type=int, required=True)
        parser.add_argument(
            "--document", choices=[c.value for c in Iv3Bestand.Document], required=True
        )

    def handle(self, *args, jaar, document, **options):
        resultaat = analyse(jaar, document)
        if resultaat is None:
            beschikbaar = ", ".join(str(b) for b in Iv3Bestand.objects.all()) or "geen"
            raise CommandError(
                f"Geen Iv3-cijfers voor {document} {jaar}. Beschikbaar: {beschikbaar}."
            )
        schrijver = csv.writer(self.stdout, lineterminator="\n")
        schrijver.writerow(KOLOMMEN)
        for rij in resultaat.gegevens[KOLOMMEN].to_dict("records"):
            schrijver.writerow(["" if _leeg(rij[k]) else _tekst(rij[k]) for k in KOLOMMEN])


def _leeg(waarde) -> bool:
    try:
        return waarde is None or waarde != waarde  # NaN and pandas NA
    except TypeError:
        return True


def _tekst(waarde) -> str:
    if isinstance(waarde, float):
        return f"{waarde:.4f}".rstrip("0").rstrip(".")
    return str(waarde)
