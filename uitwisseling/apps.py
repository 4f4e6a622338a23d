from django.apps import AppConfig


class UitwisselingConfig(AppConfig):
    name = "uitwisseling"
    verbose_name = "Uitwisseling van afwegingen (export en import)"

    def ready(self):
        from afweging.uitbreidingen import Uitbreiding, registreer

        class Uitwisseling(Uitbreiding):
            naam = "uitwisseling"

            def exportformaten(self):
                from uitwisseling.exporteren import als_json

                return {"json": (als_json, "application/json; charset=utf-8")}

        registreer(Uitwisseling())
