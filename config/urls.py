from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

import afweging.urls
import businesscase.urls
import evaluatie.urls
import review.urls
from afweging.views.start import start_view
from config.gezond import gezond_view
from evaluatie.views import terugblik_view
from gebruikers.wachtwoordherstel import WachtwoordherstelView

admin.site.site_header = "Fusietoets – beheer"
admin.site.site_title = "Fusietoets beheer"
admin.site.index_title = "Beheer van gebruikers, kaders en referentiegegevens"

urlpatterns = [
    # Browsers ask for /favicon.ico on pages without a <link rel="icon">, such as the admin.
    path(
        "favicon.ico",
        login_not_required(lambda request: HttpResponsePermanentRedirect(static("favicon.svg"))),
    ),
    path("gezond/", gezond_view, name="gezond"),
    path("beheer/", admin.site.urls),
    # Before Django's own: the password reset with a limit (gebruikers/wachtwoordherstel.py).
    path("account/password_reset/", WachtwoordherstelView.as_view(), name="password_reset"),
    path("account/", include("django.contrib.auth.urls")),
    # Where login lands: per role what there is to do.
    path("start/", start_view, name="start"),
    # One URL space and namespace for an afweging, whichever app owns the page.
    path(
        "afwegingen/",
        include(
            (
                [
                    *afweging.urls.urlpatterns,
                    *review.urls.urlpatterns,
                    *businesscase.urls.urlpatterns,
                    *evaluatie.urls.bij_afweging,
                ],
                "afweging",
            )
        ),
    ),
    # Likewise for an evaluatie; review's first, before the domein pages' `<pk>/<slug>/`.
    path(
        "evaluaties/",
        include(([*review.urls.bij_evaluatie, *evaluatie.urls.urlpatterns], "evaluatie")),
    ),
    # What history says about the signalen (adviseurs only).
    path("terugblik/", terugblik_view, name="terugblik"),
    path("benchmark/", include("benchmark.urls")),
    path("", include("casussen.urls")),
]
