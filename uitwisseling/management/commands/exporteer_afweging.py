from django.core.management.base import BaseCommand, CommandError

from afweging.models import Afweging
from afweging.selectors import met_alles
from uitwisseling.exporteren import als_json


class Command(BaseCommand):
    help = "Schrijft een afweging volledig als JSON naar stdout."

    def add_arguments(self, parser):
        parser.add_argument("afweging_id", type=int)

    def handle(self, *args, afweging_id, **options):
        afweging = met_alles(Afweging.objects.filter(pk=afweging_id)).first()
        if afweging is None:
            raise CommandError(f"Er is geen afweging met id {afweging_id}.")
        self.stdout.write(als_json(afweging))
