from django.apps import AppConfig


class ReviewConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "review"
    verbose_name = "Review van afwegingen"

    def ready(self):
        from afweging.uitbreidingen import registreer
        from review.uitbreiding import Review

        registreer(Review())
