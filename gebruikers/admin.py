"""Users, groups and the record of their rights in the admin.

No one gets more rights than given: a beheerder (staff, not superuser) never changes their
own roles, provincie, gemeenten or admin access, never grants superuser status or separate
permissions, never touches a superuser's account (its password included), never gives a
group they could not hold themselves, and never renames or deletes a role's group. Only a
superuser does those. Every change of rights is recorded (`Rolwijziging`, shown read-only
on the user's page and as its own list).
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission
from django.db.models import Count, Q

from gebruikers.models import Gebruiker, Rolwijziging
from gebruikers.rollen import ROLLEN

# What a beheerder may not change on their own account.
EIGEN_RECHTEN = ("groups", "provincie", "gemeenten", "is_staff")
# What only a superuser grants.
ALLEEN_SUPERUSER = ("is_superuser", "user_permissions")


class _AlleenLezen:
    """The record is written by the app, never in the admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RolwijzigingInline(_AlleenLezen, admin.TabularInline):
    model = Rolwijziging
    fk_name = "gebruiker"
    fields = ("moment", "veld", "van", "naar", "door_naam", "via")
    readonly_fields = fields
    extra = 0
    verbose_name_plural = "Wijzigingen van rollen en rechten (nieuwste eerst)"


def toegestane_groepen(gebruiker):
    """The groups this user may give: a superuser any, anyone else only those whose
    permissions they hold themselves."""
    groepen = Group.objects.all()
    if gebruiker.is_superuser:
        return groepen
    eigen = gebruiker.get_all_permissions()
    vreemd = [
        p.pk
        for p in Permission.objects.select_related("content_type")
        if f"{p.content_type.app_label}.{p.codename}" not in eigen
    ]
    return groepen.annotate(vreemd=Count("permissions", filter=Q(permissions__in=vreemd))).filter(
        vreemd=0
    )


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Werkt voor", {"fields": ("provincie", "gemeenten")}),)
    filter_horizontal = ("groups", "user_permissions", "gemeenten")
    list_display = ("username", "first_name", "last_name", "provincie", "is_staff", "is_active")
    list_filter = ("groups", "provincie", "is_staff", "is_active")

    def get_inlines(self, request, obj):
        return [RolwijzigingInline] if obj is not None else []

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            velden += ALLEEN_SUPERUSER
            if obj is not None and obj.pk == request.user.pk:
                velden += EIGEN_RECHTEN
        return velden

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "groups" in form.base_fields:
            # Groups the user already has stay, also one the beheerder could not give.
            eigen = obj.groups.all() if obj is not None else Group.objects.none()
            toegestaan = toegestane_groepen(request.user).values("pk")
            form.base_fields["groups"].queryset = Group.objects.filter(
                Q(pk__in=toegestaan) | Q(pk__in=eigen.values("pk"))
            )
        return form

    def _raakt_superuser(self, request, obj) -> bool:
        return obj is not None and obj.is_superuser and not request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        if self._raakt_superuser(request, obj):
            return False  # Else a new password would make anyone a superuser.
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._raakt_superuser(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if not request.user.is_superuser and queryset.filter(is_superuser=True).exists():
            messages.warning(
                request, "Superusers zijn niet verwijderd: dat kan alleen een superuser."
            )
            queryset = queryset.filter(is_superuser=False)
        super().delete_queryset(request, queryset)


admin.site.unregister(Group)


@admin.register(Group)
class GroepAdmin(GroupAdmin):
    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            velden.append("permissions")
        if obj is not None and obj.name in ROLLEN:
            velden.append("name")  # The app knows the roles by these names.
        return velden

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.name in ROLLEN:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if queryset.filter(name__in=ROLLEN).exists():
            messages.warning(request, "De groepen van de rollen zijn niet verwijderd.")
            queryset = queryset.exclude(name__in=ROLLEN)
        super().delete_queryset(request, queryset)


@admin.register(Rolwijziging)
class RolwijzigingAdmin(_AlleenLezen, admin.ModelAdmin):
    list_display = ("moment", "gebruikersnaam", "veld", "van", "naar", "door_naam", "via")
    list_filter = ("veld",)
    search_fields = ("gebruikersnaam", "door_naam")
    date_hierarchy = "moment"
