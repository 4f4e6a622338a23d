from django.urls import path

from benchmark import views

app_name = "benchmark"
urlpatterns = [path("", views.benchmark_view, name="benchmark")]
