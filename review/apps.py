from django.apps import AppConfig


class ReviewConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "review"
    verbose_name = "Review van afwegingen en evaluaties"

    def ready(self):
        from afweging import uitbreidingen
        from evaluatie import uitbreidingen as evaluatieuitbreidingen
        from review.uitbreiding import Evaluatiereview, Review

        uitbreidingen.registreer(Review())
        evaluatieuitbreidingen.registreer(Evaluatiereview())
