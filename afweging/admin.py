"""Admin for the afwegingen: read-only, for superusers, for support."""

from django.contrib import admin

from afweging.models import Afweging, Antwoord, Deelnemer, SuccesfactorAntwoord


class AlleenLezen:
    """Afwegingen belong to their provincie; the admin only shows them, read-only, to
    superusers for support. Editing goes through the app, with its version check."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser


class DeelnemerInline(AlleenLezen, admin.TabularInline):
    model = Deelnemer
    extra = 0


class AntwoordInline(AlleenLezen, admin.TabularInline):
    model = Antwoord
    extra = 0
    fields = ("deelvraag", "score", "motivering")


@admin.register(Afweging)
class AfwegingAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ("titel", "provincie", "status", "kader", "is_voorbeeld", "gewijzigd")
    list_filter = ("provincie", "status", "is_voorbeeld")
    search_fields = ("titel",)
    inlines = [DeelnemerInline, AntwoordInline]


@admin.register(SuccesfactorAntwoord)
class SuccesfactorAntwoordAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ("afweging", "succesfactor", "status")
    list_select_related = ("afweging", "succesfactor")
