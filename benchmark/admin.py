from django.contrib import admin

from benchmark.models import Iv3Bestand, Iv3Regel, Iv3Totaal, Taakveld


@admin.register(Taakveld)
class TaakveldAdmin(admin.ModelAdmin):
    list_display = ("code", "naam")
    search_fields = ("code", "naam")


@admin.register(Iv3Bestand)
class Iv3BestandAdmin(admin.ModelAdmin):
    list_display = ("__str__", "aantal_regels", "geladen", "bron")
    readonly_fields = ("controlesom", "geladen")


@admin.register(Iv3Regel)
class Iv3RegelAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "taakveld", "bestand", "lasten", "baten", "salarissen")
    list_filter = ("bestand", "taakveld")
    search_fields = ("gemeente__naam", "gemeente__code")
    list_select_related = ("gemeente", "taakveld", "bestand")
    raw_id_fields = ("gemeente",)


@admin.register(Iv3Totaal)
class Iv3TotaalAdmin(admin.ModelAdmin):
    list_display = ("taakveld", "bestand", "lasten", "baten")
    list_filter = ("bestand",)
    list_select_related = ("taakveld", "bestand")
