"""Admin for the kader versions: the afwegingskader and the evaluatiekader.

A kader version that anything uses is read-only here; the action "Nieuwe versie maken"
copies it into an unpublished version to edit, which a beheerder then publishes.
"""

from django.contrib import admin, messages

from kader.models import (
    Deelvraag,
    Evaluatiedomein,
    Evaluatieindicator,
    Evaluatiekader,
    Indicator,
    Kader,
    Onderdeel,
    Succesfactor,
    Versiebeheerd,
)
from kader.versies import (
    evaluatiekader_nieuwe_versie,
    evaluatiekader_problemen,
    kader_nieuwe_versie,
    kader_problemen,
)


def versie_van(obj) -> Versiebeheerd:
    """The kader version an object in the admin belongs to."""
    if isinstance(obj, Versiebeheerd):
        return obj
    if isinstance(obj, Deelvraag):
        return obj.onderdeel.kader
    if isinstance(obj, Evaluatieindicator):
        return obj.domein.kader
    return obj.kader


class AlleenOngebruiktMixin:
    """Changes only to kader versions nothing uses: no change, no delete, and nothing
    added to or moved into a used version."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "kader":
            kwargs["queryset"] = db_field.related_model.objects.ongebruikt()
        elif db_field.name == "onderdeel":
            kwargs["queryset"] = Onderdeel.objects.filter(kader__in=Kader.objects.ongebruikt())
        elif db_field.name == "domein":
            kwargs["queryset"] = Evaluatiedomein.objects.filter(
                kader__in=Evaluatiekader.objects.ongebruikt()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "indicatoren":
            kwargs["queryset"] = Indicator.objects.filter(kader__in=Kader.objects.ongebruikt())
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if obj is not None and versie_van(obj).in_gebruik:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and versie_van(obj).in_gebruik:
            return False
        return super().has_delete_permission(request, obj)


class AlleenOngebruiktInline:
    """An inline of a kader version's parts: only editable while nothing uses the version
    (`obj` is the object the inline is shown on)."""

    extra = 0
    show_change_link = True

    def has_change_permission(self, request, obj=None):
        if obj is not None and versie_van(obj).in_gebruik:
            return False
        return super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        if obj is not None and versie_van(obj).in_gebruik:
            return False
        return super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and versie_van(obj).in_gebruik:
            return False
        return super().has_delete_permission(request, obj)


class VersieAdmin(AlleenOngebruiktMixin, admin.ModelAdmin):
    """The admin of a kader model: copy a version, publish one after its checks."""

    list_display = ("naam", "versie", "gepubliceerd", "aantal_gebruikt", "aangemaakt")
    actions = ["nieuwe_versie", "publiceer"]
    # Publishing goes through the action, which runs the checks first; a box in the form
    # would skip them.
    readonly_fields = ("gepubliceerd",)

    def maak_kopie(self, kader):
        raise NotImplementedError

    def problemen(self, kader) -> list[str]:
        raise NotImplementedError

    @admin.display(description="in gebruik bij")
    def aantal_gebruikt(self, obj):
        return obj.aantal_gebruikt

    @admin.action(description="Nieuwe versie maken (kopie om te bewerken)")
    def nieuwe_versie(self, request, queryset):
        for kader in queryset:
            nieuw = self.maak_kopie(kader)
            self.message_user(
                request,
                f"Versie {nieuw.versie} gemaakt als kopie van versie {kader.versie}; bewerk en "
                "publiceer haar.",
                messages.SUCCESS,
            )

    def publiceer(self, request, queryset):
        for kader in queryset:
            fouten = self.problemen(kader)
            if fouten:
                self.message_user(
                    request, f"Versie {kader.versie} niet gepubliceerd: {' '.join(fouten)}",
                    messages.ERROR,
                )  # fmt: skip
                continue
            kader.gepubliceerd = True
            kader.save(update_fields=["gepubliceerd"])
            self.message_user(request, f"Versie {kader.versie} gepubliceerd.", messages.SUCCESS)


class OnderdeelInline(AlleenOngebruiktInline, admin.TabularInline):
    model = Onderdeel
    fields = ("volgorde", "code", "naam", "rapport_paragraaf")


@admin.register(Kader)
class KaderAdmin(VersieAdmin):
    inlines = [OnderdeelInline]

    def maak_kopie(self, kader):
        return kader_nieuwe_versie(kader=kader)

    def problemen(self, kader):
        return kader_problemen(kader)

    @admin.action(description="Publiceren (nieuwe afwegingen gebruiken deze versie)")
    def publiceer(self, request, queryset):
        super().publiceer(request, queryset)


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


class EvaluatiedomeinInline(AlleenOngebruiktInline, admin.TabularInline):
    model = Evaluatiedomein
    fields = ("volgorde", "code", "naam", "rapport_paragraaf", "rapport_regel")


class EvaluatieindicatorInline(AlleenOngebruiktInline, admin.StackedInline):
    model = Evaluatieindicator
    fields = (
        ("volgorde", "code"),
        ("aspect", "niveau", "bewijs"),
        "naam",
        "toelichting",
        "rapport_regel",
    )


@admin.register(Evaluatiekader)
class EvaluatiekaderAdmin(VersieAdmin):
    inlines = [EvaluatiedomeinInline]

    def maak_kopie(self, kader):
        return evaluatiekader_nieuwe_versie(kader=kader)

    def problemen(self, kader):
        return evaluatiekader_problemen(kader)

    @admin.action(description="Publiceren (nieuwe evaluaties gebruiken deze versie)")
    def publiceer(self, request, queryset):
        super().publiceer(request, queryset)


@admin.register(Evaluatiedomein)
class EvaluatiedomeinAdmin(AlleenOngebruiktMixin, admin.ModelAdmin):
    list_display = ("naam", "kader", "volgorde")
    list_filter = ("kader",)
    inlines = [EvaluatieindicatorInline]


@admin.register(Evaluatieindicator)
class EvaluatieindicatorAdmin(AlleenOngebruiktMixin, admin.ModelAdmin):
    list_display = ("naam", "aspect", "niveau", "domein", "bewijs")
    list_filter = ("domein__kader", "domein", "aspect", "niveau")
    search_fields = ("code", "naam")
