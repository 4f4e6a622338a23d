from django.apps import AppConfig


class CasussenConfig(AppConfig):
    name = "casussen"
    verbose_name = "Gemeenten, fusieorganisaties en casussen"

    def ready(self):
        from casussen import laders, stand
        from casussen.referentiedata import ReferentiedataFout, laad_referentiedata

        stand.verbind()

        def laad():
            verslag = laad_referentiedata()
            return verslag.regels(), verslag.iets_gewijzigd

        laders.registreer(laders.Lader("casussen", laad, (ReferentiedataFout,)))
