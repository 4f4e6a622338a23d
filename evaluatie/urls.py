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
    path("<int:pk>/<slug:domein>/", views.domein_view, name="domein"),
]
