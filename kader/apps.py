from django.apps import AppConfig


class KaderConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kader"
    verbose_name = "Kaders"

    def ready(self):
        from casussen import laders
        from kader.versies import KaderFout, laad_evaluatiekaders, laad_kaders
        from paginacache import stand

        # The kader's texts are on every cached step, the evaluatiekader's on every evaluatie.
        stand.volg(*self.get_models())

        laders.registreer(
            laders.Lader("kader", lambda: laders.regels_met_wijziging(laad_kaders()), (KaderFout,))
        )
        laders.registreer(
            laders.Lader(
                "evaluatiekader",
                lambda: laders.regels_met_wijziging(laad_evaluatiekaders()),
                (KaderFout,),
            )
        )
