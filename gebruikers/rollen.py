"""The three roles of Fusietoets, kept as Django groups.

Which role may see what is decided in one place per app (see the access helpers of
later issues); this module only makes sure the groups exist after `migrate`.
"""

from django.contrib.auth.models import Group, Permission

ADVISEUR = "adviseur"
GEMEENTESECRETARIS = "gemeentesecretaris"
BEHEERDER = "beheerder"
ROLLEN = (ADVISEUR, GEMEENTESECRETARIS, BEHEERDER)

# A beheerder manages users, the kader versions and reference data in the admin; the
# afwegingen, their review and business case belong to their provincie and are not the
# beheerder's: those apps are not in this list.
BEHEERDER_APPS = ("gebruikers", "casussen", "kader", "benchmark", "auth")


def zorg_voor_groepen(**kwargs) -> None:
    for naam in ROLLEN:
        Group.objects.get_or_create(name=naam)
    beheerder = Group.objects.get(name=BEHEERDER)
    beheerder.permissions.set(Permission.objects.filter(content_type__app_label__in=BEHEERDER_APPS))
