from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from gebruikers.models import Gebruiker


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Werkt voor", {"fields": ("provincie", "gemeenten")}),)
    filter_horizontal = ("groups", "user_permissions", "gemeenten")
    list_display = ("username", "first_name", "last_name", "provincie", "is_staff", "is_active")
    list_filter = ("groups", "provincie", "is_staff", "is_active")
