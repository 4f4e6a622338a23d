from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Fusietoets – beheer"
admin.site.site_title = "Fusietoets beheer"
admin.site.index_title = "Beheer van gebruikers, kaders en referentiegegevens"

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("account/", include("django.contrib.auth.urls")),
    path("", include("casussen.urls")),
]
