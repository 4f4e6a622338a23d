"""The afweging's own URLs. config/urls.py puts them in the namespace `afweging` together
with those of the apps that hang off an afweging (review, businesscase)."""

from django.urls import path, register_converter

from afweging.stappen import StapConverter
from afweging.views import lijst, rapport, stap, status, uitkomst

register_converter(StapConverter, "stap")

urlpatterns = [
    path("", lijst.lijst_view, name="lijst"),
    path("nieuw/", lijst.nieuw_view, name="nieuw"),
    path("<int:pk>/", uitkomst.uitkomst_view, name="uitkomst"),
    path("<int:pk>/rapport/", rapport.rapport_view, name="rapport"),
    path("<int:pk>/advies.pdf", rapport.rapport_pdf_view, name="rapport-pdf"),
    path("<int:pk>/export.<str:formaat>", rapport.export_view, name="export"),
    path("<int:pk>/vaststellen/", status.vaststellen_view, name="vaststellen"),
    path("<int:pk>/vastgesteld/", status.vastgesteld_view, name="vastgesteld"),
    path("<int:pk>/verwijderen/", status.verwijderen_view, name="verwijderen"),
    path("<int:pk>/nieuwe-versie/", status.nieuwe_versie_view, name="nieuwe-versie"),
    path("<int:pk>/<stap:stap>/", stap.stap_view, name="stap"),
]
