from django.urls import path

from casussen import views

app_name = "casussen"
urlpatterns = [
    path("", views.register_view, name="register"),
    path("fusieorganisaties/<slug:slug>/", views.fusieorganisatie_view, name="fusieorganisatie"),
    path("casussen/", views.casus_lijst_view, name="casussen"),
    path("casussen/<slug:slug>/", views.casus_view, name="casus"),
    path("gemeenten/", views.gemeente_lijst_view, name="gemeenten"),
    path("gemeenten/<slug:slug>/", views.gemeente_view, name="gemeente"),
    path("kaart/", views.kaart_view, name="kaart"),
    path("kaart/gemeentegrenzen-2023.geojson", views.kaart_geojson_view, name="kaart-geojson"),
    path("over-de-data/", views.over_de_data_view, name="over-de-data"),
    path("toegankelijkheid/", views.toegankelijkheid_view, name="toegankelijkheid"),
]
