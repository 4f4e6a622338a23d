"""The evaluatie app's URLs: its own under `evaluaties/` (namespace `evaluatie`), and
`bij_afweging` in the URL space of an afweging (`afwegingen/<pk>/…`, namespace `afweging`),
where config/urls.py puts it together with the afweging's own, as it does review's and the
business case's."""

from django.urls import path

from evaluatie import views

app_name = "evaluatie"

urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path(
        "fusieorganisatie/<slug:slug>/nieuw/",
        views.start_fusieorganisatie_view,
        name="start-fusieorganisatie",
    ),
    path("afweging/<int:pk>/nieuw/", views.start_afweging_view, name="start-afweging"),
    path("<int:pk>/", views.overzicht_view, name="overzicht"),
    # Before the domein pages, whose slug would take these names too.
    path("<int:pk>/rapport/", views.rapport_view, name="rapport"),
    path("<int:pk>/evaluatie.pdf", views.rapport_pdf_view, name="rapport-pdf"),
    path("<int:pk>/export.<str:formaat>", views.export_view, name="export"),
    path("<int:pk>/vaststellen/", views.vaststellen_view, name="vaststellen"),
    path("<int:pk>/vastgesteld/", views.vastgesteld_view, name="vastgesteld"),
    path("<int:pk>/<slug:domein>/", views.domein_view, name="domein"),
]

bij_afweging = [
    path("<int:pk>/afloop/", views.afloop_view, name="afloop"),
]
