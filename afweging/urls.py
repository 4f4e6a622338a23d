from django.urls import path

from afweging import views

app_name = "afweging"
urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path("nieuw/", views.nieuw_view, name="nieuw"),
    path("<int:pk>/", views.uitkomst_view, name="uitkomst"),
    path("<int:pk>/businesscase/", views.businesscase_view, name="businesscase"),
    path("<int:pk>/rapport/", views.rapport_view, name="rapport"),
    path("<int:pk>/advies.pdf", views.rapport_pdf_view, name="rapport-pdf"),
    path("<int:pk>/export.<str:formaat>", views.export_view, name="export"),
    path("<int:pk>/opmerking/", views.opmerking_view, name="opmerking"),
    path("<int:pk>/reactie/", views.reactie_view, name="reactie"),
    path(
        "<int:pk>/reactie/<int:reactie_pk>/antwoord/",
        views.reactie_antwoord_view,
        name="reactie-antwoord",
    ),
    path("<int:pk>/delen/", views.delen_view, name="delen"),
    path("<int:pk>/vaststellen/", views.vaststellen_view, name="vaststellen"),
    path("<int:pk>/nieuwe-versie/", views.nieuwe_versie_view, name="nieuwe-versie"),
    path("<int:pk>/<slug:stap>/", views.stap_view, name="stap"),
]
