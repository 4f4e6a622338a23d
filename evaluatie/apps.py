from django.apps import AppConfig


class EvaluatieConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "evaluatie"
    verbose_name = "Evaluaties"

    def ready(self):
        from afweging.uitbreidingen import registreer
        from casussen import paginadelen
        from evaluatie.paginadelen import bij_fusieorganisatie
        from evaluatie.uitbreiding import Evaluatie as Evaluatieuitbreiding

        registreer(Evaluatieuitbreiding())
        paginadelen.registreer("evaluatie", bij_fusieorganisatie)
        # No model of this app renews the reference data's stamp: the evaluatie's own pages
        # are keyed on its version; the afweging's uitkomst page, which lists the evaluaties
        # of its fusion and its afloop, on the afweging's history, where starting one and
        # recording an afloop are written (evaluatie/services.py); the terugblik on the
        # aflopen as well (evaluatie.selectors.terugblikstand); the fusieorganisatie page
        # shows its part outside its cache.
