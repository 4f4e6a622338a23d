"""The evaluatie app's URLs. `bij_afweging` lies in the URL space of an afweging
(`afwegingen/<pk>/…`, namespace `afweging`), where config/urls.py puts it together with the
afweging's own, as it does review's and the business case's."""

from django.urls import path

from evaluatie import views

bij_afweging = [
    path("<int:pk>/afloop/", views.afloop_view, name="afloop"),
]
