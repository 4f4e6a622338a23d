"""Admin for the kader versions.

A kader version that anything uses is read-only here; the action "Nieuwe versie maken"
copies it into an unpublished version to edit, which a beheerder then publishes.
"""

from django.contrib import admin, messages

from kader.models import Deelvraag, Indicator, Kader, Onderdeel, Succesfactor
from kader.versies import kader_nieuwe_versie, kader_problemen


class AlleenOngebruiktMixin:
    """Changes only to kader versions no afweging uses: no change, no delete, and nothing
    added to or moved into a used version."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "kader":
            kwargs["queryset"] = Kader.objects.ongebruikt()
        elif db_field.name == "onderdeel":
            kwargs["queryset"] = Onderdeel.objects.filter(kader__in=Kader.objects.ongebruikt())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "indicatoren":
            kwargs["queryset"] = Indicator.objects.filter(kader__in=Kader.objects.ongebruikt())
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _kader(self, obj):
        return obj if isinstance(obj, Kader) else getattr(obj, "kader", None) or obj.onderdeel.kader

    def has_change_permission(self, request, obj=None):
        if obj is not None and self._kader(obj).in_gebruik:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self._kader(obj).in_gebruik:
            return False
        return super().has_delete_permission(request, obj)


class OnderdeelInline(admin.TabularInline):
    model = Onderdeel
    extra = 0
    fields = ("volgorde", "code", "naam", "rapport_paragraaf")
    show_change_link = True

    def has_change_permission(self, request, obj=None):
        return obj is None or not obj.in_gebruik

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(Kader)
class KaderAdmin(AlleenOngebruiktMixin, admin.ModelAdmin):
    list_display = ("naam", "versie", "gepubliceerd", "aantal_gebruikt", "aangemaakt")
    inlines = [OnderdeelInline]
    actions = ["nieuwe_versie", "publiceer"]

    @admin.display(description="in gebruik bij")
    def aantal_gebruikt(self, obj):
        return obj.aantal_gebruikt

    @admin.action(description="Nieuwe versie maken (kopie om te bewerken)")
    def nieuwe_versie(self, request, queryset):
        for kader in queryset:
            nieuw = kader_nieuwe_versie(kader=kader)
            self.message_user(
                request,
                f"Versie {nieuw.versie} gemaakt als kopie van versie {kader.versie}; bewerk en "
                "publiceer haar.",
                messages.SUCCESS,
            )

    @admin.action(description="Publiceren (nieuwe afwegingen gebruiken deze versie)")
    def publiceer(self, request, queryset):
        for kader in queryset:
            fouten = kader_problemen(kader)
            if fouten:
                self.message_user(
                    request, f"Versie {kader.versie} niet gepubliceerd: {' '.join(fouten)}",
                    messages.ERROR,
                )  # fmt: skip
                continue
            kader.gepubliceerd = True
            kader.save(update_fields=["gepubliceerd"])
            self.message_user(request, f"Versie {kader.versie} gepubliceerd.", messages.SUCCESS)


@admin.register(Onderdeel)
class OnderdeelAdmin(AlleenOngebruiktMixin, admin.ModelAdmin):
    list_display = ("naam", "kader", "volgorde")
    list_filter = ("kader",)


@admin.register(Deelvraag)
class DeelvraagAdmin(AlleenOngebruiktMixin, admin.ModelAdmin):
    list_display = ("nummer", "naam", "onderdeel", "gewicht")
    list_filter = ("onderdeel__kader",)
    filter_horizontal = ("indicatoren",)


@admin.register(Indicator)
class IndicatorAdmin(AlleenOngebruiktMixin, admin.ModelAdmin):
    list_display = ("naam", "domein", "niveau", "kader")
    list_filter = ("kader", "domein", "niveau")


@admin.register(Succesfactor)
class SuccesfactorAdmin(AlleenOngebruiktMixin, admin.ModelAdmin):
    list_display = ("naam", "fase", "kader", "volgorde")
    list_filter = ("kader", "fase")
