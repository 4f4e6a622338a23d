from django.apps import AppConfig


class CasussenConfig(AppConfig):
    name = "casussen"
    verbose_name = "Gemeenten, fusieorganisaties en casussen"

    def ready(self):
        from casussen import laders
        from casussen.referentiedata import ReferentiedataFout, laad_referentiedata
        from paginacache import stand

        stand.volg(*self.get_models())  # Every page that shows them is cached.

        def laad():
            verslag = laad_referentiedata()
            return verslag.regels(), verslag.iets_gewijzigd

        laders.registreer(laders.Lader("casussen", laad, (ReferentiedataFout,)))
