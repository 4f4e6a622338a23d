"""Users, groups and the record of their rights in the admin.

No one gets more rights than given: a beheerder (staff, not superuser) never changes their
own roles, provincie, gemeenten or admin access, never grants superuser status or separate
permissions, never touches a superuser's account (its password included), never gives a
group they could not hold themselves, and never renames or deletes a role's group. Nor
do they set the password, e-mail address or username of an account with a role (any group)
or admin access, their own included: with those they could log in as that account (a new
password, or a reset link to their own address). For such an account a beheerder can only
send a reset link to the address it has. Only a superuser does those. Every change of rights,
username, e-mail address or password is recorded (`Rolwijziging`, shown read-only on the
user's page and as its own list; never the password).
"""

import copy

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import PasswordResetForm, ReadOnlyPasswordHashWidget
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils.html import format_html, format_html_join

from gebruikers.models import Gebruiker, Rolwijziging
from gebruikers.rollen import ROLLEN

# What a beheerder may not change on their own account.
EIGEN_RECHTEN = ("groups", "provincie", "gemeenten", "is_staff")
# What only a superuser grants.
ALLEEN_SUPERUSER = ("is_superuser", "user_permissions")
# What only a superuser changes of an account with a role or admin access (besides its
# password, which has its own page).
INLOGGEGEVENS = ("username", "email")
GEEN_WACHTWOORD = (
    "Alleen een superuser stelt het wachtwoord van dit account in. Stuur de gebruiker een "
    "link om zelf een nieuw wachtwoord in te stellen: kies in de lijst van gebruikers de "
    "actie ‘Link voor een nieuw wachtwoord sturen’."
)


def heeft_rechten(gebruiker) -> bool:
    """An account with a role (any group), admin access or superuser status: whoever can
    log in as it reads or manages what it may."""
    return gebruiker.is_staff or gebruiker.is_superuser or gebruiker.groups.exists()


class _VergrendeldWachtwoord(ReadOnlyPasswordHashWidget):
    """The password's summary without the button to set it."""

    def render(self, name, value, attrs=None, renderer=None):
        samenvatting = self.get_context(name, value, attrs)["summary"]
        return format_html(
            "<div><p>{}</p></div>",
            format_html_join(
                " ",
                "<strong>{}</strong>{}",
                ((r["label"], f": {r['value']}" if r.get("value") else "") for r in samenvatting),
            ),
        )


class _EenGebruiker(PasswordResetForm):
    """Django's reset mail, to this one user (not to every account with their address)."""

    def __init__(self, gebruiker):
        super().__init__({"email": gebruiker.email})
        self.gebruiker = gebruiker

    def get_users(self, email):
        if self.gebruiker.is_active and self.gebruiker.has_usable_password():
            yield self.gebruiker


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
    actions = ["stuur_herstellink"]

    def _vergrendeld(self, request, obj) -> bool:
        """Whether only a superuser sets this account's password, e-mail and username."""
        return obj is not None and not request.user.is_superuser and heeft_rechten(obj)

    @admin.action(description="Link voor een nieuw wachtwoord sturen", permissions=["change"])
    def stuur_herstellink(self, request, queryset):
        verstuurd, zonder = 0, []
        for gebruiker in queryset:
            form = _EenGebruiker(gebruiker)
            if not gebruiker.email or not form.is_valid():
                zonder.append(gebruiker.username)
                continue
            form.save(request=request, use_https=request.is_secure())
            verstuurd += 1
        if verstuurd:
            messages.success(
                request, f"Een link voor een nieuw wachtwoord is verstuurd aan {verstuurd} "
                f"gebruiker(s), naar het e-mailadres van hun account."
            )  # fmt: skip
        if zonder:
            messages.warning(
                request, "Geen link verstuurd aan (geen geldig e-mailadres, niet actief of "
                f"geen wachtwoord): {', '.join(sorted(zonder))}."
            )  # fmt: skip

    def user_change_password(self, request, id, form_url=""):
        if self._vergrendeld(request, self.get_object(request, id)):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def get_inlines(self, request, obj):
        return [RolwijzigingInline] if obj is not None else []

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            velden += ALLEEN_SUPERUSER
            if obj is not None and obj.pk == request.user.pk:
                velden += EIGEN_RECHTEN
            if self._vergrendeld(request, obj):
                velden += INLOGGEGEVENS
        return velden

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if self._vergrendeld(request, obj) and "password" in form.base_fields:
            # A copy: the field is declared on UserChangeForm and shared by every form.
            veld = copy.deepcopy(form.base_fields["password"])
            veld.widget, veld.help_text = _VergrendeldWachtwoord(), GEEN_WACHTWOORD
            form.base_fields["password"] = veld
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
