from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from config.gezond import gezond_view

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
    path("account/", include("django.contrib.auth.urls")),
    path("afwegingen/", include("afweging.urls")),
    path("benchmark/", include("benchmark.urls")),
    path("", include("casussen.urls")),
]
