from django.apps import AppConfig


class KaderConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kader"
    verbose_name = "Kaders"

    def ready(self):
        from casussen import laders
        from kader.versies import KaderFout, laad_kaders
        from paginacache import stand

        stand.volg(*self.get_models())  # The kader's texts are on every cached step.

        laders.registreer(
            laders.Lader("kader", lambda: laders.regels_met_wijziging(laad_kaders()), (KaderFout,))
        )
