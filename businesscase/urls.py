"""The business case's URL, in the URL space of an afweging (namespace `afweging`)."""

from django.urls import path

from businesscase import views

urlpatterns = [
    path("<int:pk>/businesscase/", views.businesscase_view, name="businesscase"),
]
