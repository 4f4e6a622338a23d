from django.contrib import admin

from casussen.models import (
    Casus,
    CasusDeelnemer,
    Deelname,
    Fusieorganisatie,
    Gemeente,
    Herindeling,
    Inwonertal,
    Provincie,
)


@admin.register(Provincie)
class ProvincieAdmin(admin.ModelAdmin):
    list_display = ("naam", "code")
    search_fields = ("naam", "code")


class InwonertalInline(admin.TabularInline):
    model = Inwonertal
    extra = 0


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "provincie", "datum_opheffing", "corop_naam")
    list_filter = ("provincie", ("datum_opheffing", admin.EmptyFieldListFilter))
    search_fields = ("naam", "code", "slug")
    filter_horizontal = ("huidige_gemeenten",)
    inlines = [InwonertalInline]


@admin.register(Inwonertal)
class InwonertalAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "jaar", "aantal", "bron")
    list_filter = ("jaar", "bron")
    search_fields = ("gemeente__naam", "gemeente__code")
    list_select_related = ("gemeente",)


@admin.register(Herindeling)
class HerindelingAdmin(admin.ModelAdmin):
    list_display = ("oude_gemeente", "nieuwe_gemeente", "datum", "soort")
    list_filter = ("datum", "soort")
    search_fields = ("oude_gemeente__naam", "nieuwe_gemeente__naam")
    list_select_related = ("oude_gemeente", "nieuwe_gemeente")


class DeelnameInline(admin.TabularInline):
    model = Deelname
    extra = 0
    autocomplete_fields = ("gemeente",)


@admin.register(Fusieorganisatie)
class FusieorganisatieAdmin(admin.ModelAdmin):
    list_display = ("naam", "nummer", "bestuurskundige_vorm", "juridische_vorm", "status")
    list_filter = ("status", "bestuurskundige_vorm", "juridische_vorm")
    search_fields = ("naam", "gemeenten__naam")
    inlines = [DeelnameInline]


@admin.register(Deelname)
class DeelnameAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "fusieorganisatie")
    search_fields = ("gemeente__naam", "fusieorganisatie__naam")
    list_select_related = ("gemeente", "fusieorganisatie")


class CasusDeelnemerInline(admin.TabularInline):
    model = CasusDeelnemer
    extra = 0
    autocomplete_fields = ("gemeente",)


@admin.register(Casus)
class CasusAdmin(admin.ModelAdmin):
    list_display = ("naam", "paragraaf", "fusieorganisatie")
    search_fields = ("naam",)
    inlines = [CasusDeelnemerInline]


@admin.register(CasusDeelnemer)
class CasusDeelnemerAdmin(admin.ModelAdmin):
    list_display = ("naam_in_rapport", "casus", "inwoners_rapport")
    list_select_related = ("casus",)
