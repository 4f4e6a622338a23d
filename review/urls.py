"""Review's URLs, in the URL space of an afweging (`afwegingen/<pk>/…`, namespace
`afweging`) and of an evaluatie (`evaluaties/<pk>/…`, namespace `evaluatie`), under the same
names: config/urls.py puts them together with each one's own."""

from django.urls import path

from review import evaluatieviews, views

urlpatterns = [
    path("<int:pk>/opmerking/", views.opmerking_view, name="opmerking"),
    path("<int:pk>/reactie/", views.reactie_view, name="reactie"),
    path(
        "<int:pk>/reactie/<int:reactie_pk>/antwoord/",
        views.reactie_antwoord_view,
        name="reactie-antwoord",
    ),
    path(
        "<int:pk>/reactie/namens/<str:code>/",
        views.reactie_namens_view,
        name="reactie-namens",
    ),
    path("<int:pk>/delen/", views.delen_view, name="delen"),
    path(
        "<int:pk>/delen/<int:deling_pk>/stoppen/",
        views.delen_stoppen_view,
        name="delen-stoppen",
    ),
]

bij_evaluatie = [
    path("<int:pk>/opmerking/", evaluatieviews.opmerking_view, name="opmerking"),
    path("<int:pk>/reactie/", evaluatieviews.reactie_view, name="reactie"),
    path(
        "<int:pk>/reactie/<int:reactie_pk>/antwoord/",
        evaluatieviews.reactie_antwoord_view,
        name="reactie-antwoord",
    ),
    path(
        "<int:pk>/reactie/namens/<str:code>/",
        evaluatieviews.reactie_namens_view,
        name="reactie-namens",
    ),
    path("<int:pk>/delen/", evaluatieviews.delen_view, name="delen"),
    path(
        "<int:pk>/delen/<int:deling_pk>/stoppen/",
        evaluatieviews.delen_stoppen_view,
        name="delen-stoppen",
    ),
]
