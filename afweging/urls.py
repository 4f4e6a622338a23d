from django.urls import path

from afweging import views

app_name = "afweging"
urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path("nieuw/", views.nieuw_view, name="nieuw"),
    path("<int:pk>/", views.uitkomst_view, name="uitkomst"),
    path("<int:pk>/businesscase/", views.businesscase_view, name="businesscase"),
    path("<int:pk>/advies.pdf", views.rapport_pdf_view, name="rapport-pdf"),
    path("<int:pk>/<slug:stap>/", views.stap_view, name="stap"),
]
