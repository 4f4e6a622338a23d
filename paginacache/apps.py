from django.apps import AppConfig


class PaginacacheConfig(AppConfig):
    name = "paginacache"
    verbose_name = "Paginacache"
