from functools import partial

from django.apps import AppConfig


class UitwisselingConfig(AppConfig):
    name = "uitwisseling"
    verbose_name = "Uitwisseling van afwegingen (export en import)"

    def ready(self):
        from afweging.uitbreidingen import Uitbreiding, registreer

        class Uitwisseling(Uitbreiding):
            naam = "uitwisseling"

            def exportformaten(self, gebruiker):
                from uitwisseling.exporteren import als_json

                maak = partial(als_json, voor=gebruiker)
                return {"json": (maak, "application/json; charset=utf-8")}

        registreer(Uitwisseling())
