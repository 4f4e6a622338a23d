"""Recording every change of what a user may do (`Rolwijziging`), whatever made it.

Roles are groups, so a user's rights change through several doors: the user's page in the
admin, a group's page and its bulk delete (which removes the group from its members), a
management command, a shell. Signals on the user, its many-to-many links and the group see
all of them; that is why this one piece of logic lives in signals and not in a service.

Who made a change, and how, comes from `namens()`: the middleware opens it for every
request (the logged-in user, the path), a management command opens it with its own name.
Within one `namens()` block the changes of one field of one user are one record, from the
first value to the last (the admin saves a list of groups as a removal and an addition);
a change undone within the block leaves no record.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.utils import timezone

from gebruikers.models import Gebruiker, Rolwijziging

BUITEN_DE_APP = "buiten de app (commando of shell)"
NIET_INGELOGD = "niet ingelogd (bijvoorbeeld met een herstellink)"

Veld = Rolwijziging.Veld
# The fields of the user row that are rights, with their value for a new user.
_VELDEN = {"provincie_id": Veld.PROVINCIE, "is_staff": Veld.BEHEER, "is_superuser": Veld.SUPERUSER}
_STANDAARD = {"provincie_id": None, "is_staff": False, "is_superuser": False}
# How a user logs in; recorded when an existing user's change, not for a new user.
_INLOGGEN = {"username": Veld.GEBRUIKERSNAAM, "email": Veld.EMAIL, "password": Veld.WACHTWOORD}
_KOPPELINGEN = {
    "groups": Veld.ROLLEN,
    "gemeenten": Veld.GEMEENTEN,
    "user_permissions": Veld.RECHTEN,
}
# Saving only these is no change (a login, the hash of the same password upgraded on login:
# Django saves a password that is really new with the whole row): no query for them.
_GEEN_RECHTEN = {"last_login", "password"}


@dataclass
class _Namens:
    door: object | None
    via: str
    open: dict = field(default_factory=dict)  # (user pk, veld) -> its record in this block


_huidig: contextvars.ContextVar[_Namens | None] = contextvars.ContextVar(
    "rolwijziging_namens", default=None
)


@contextmanager
def namens(*, door=None, via: str):
    """Changes of rights inside this block are made by `door` (a user, or None) `via`."""
    token = _huidig.set(_Namens(door, via))
    try:
        yield
    finally:
        _huidig.reset(token)


class NamensMiddleware:
    """Every request makes its changes in the name of who is logged in, via its path."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # request.user is looked at only when a right changes (see _door).
        with namens(door=request, via=request.path[:200]):
            return self.get_response(request)


def _door(namens_: _Namens | None):
    door = namens_.door if namens_ else None
    if door is not None and not isinstance(door, Gebruiker):  # a request
        gebruiker = getattr(door, "user", None)
        door = gebruiker if gebruiker is not None and gebruiker.is_authenticated else None
    return door


def _wachtwoord(hash_: str, nieuw: bool) -> str:
    """What is said of a password: whether there is one, never the password or its hash."""
    if not hash_ or hash_.startswith(UNUSABLE_PASSWORD_PREFIX):
        return "geen wachtwoord"
    return "een nieuw wachtwoord" if nieuw else "een wachtwoord"


def _zonder_gebruiker(namens_: _Namens | None) -> str:
    if namens_ is not None and namens_.door is not None:  # a request nobody is logged in to
        return NIET_INGELOGD
    return BUITEN_DE_APP


def _tekst(veld: str, waarde) -> str:
    if veld == Veld.WACHTWOORD:
        return waarde  # already said by _wachtwoord
    if veld in (Veld.GEBRUIKERSNAAM, Veld.EMAIL):
        return waarde or "geen"
    if veld in (Veld.BEHEER, Veld.SUPERUSER):
        return "ja" if waarde else "nee"
    if veld == Veld.PROVINCIE:
        if waarde is None:
            return "geen"
        from casussen.models import Provincie

        return str(Provincie.objects.filter(pk=waarde).first() or waarde)
    namen = sorted(waarde)
    return ", ".join(namen) if namen else "geen"


def _koppeling(gebruiker_pk: int, veld: str) -> set[str]:
    """The names of what a user is linked to now: groups, gemeenten, permissions."""
    if veld == Veld.ROLLEN:
        rijen = Group.objects.filter(user__pk=gebruiker_pk).values_list("name", flat=True)
    elif veld == Veld.GEMEENTEN:
        from casussen.models import Gemeente

        rijen = Gemeente.objects.filter(secretarissen__pk=gebruiker_pk).values_list(
            "naam", flat=True
        )
    else:
        rijen = [
            f"{app}.{code}"
            for app, code in Permission.objects.filter(user__pk=gebruiker_pk).values_list(
                "content_type__app_label", "codename"
            )
        ]
    return set(rijen)


def vastleggen(gebruiker_pk: int, gebruikersnaam: str, veld: str, van, naar) -> None:
    """Record that `veld` of this user went from `van` to `naar` (values, not texts)."""
    van, naar = _tekst(veld, van), _tekst(veld, naar)
    huidig = _huidig.get()
    sleutel = (gebruiker_pk, veld)
    if huidig is not None and sleutel in huidig.open:
        rij = huidig.open[sleutel]
        if rij.van == naar:  # Back where the block started: nothing changed after all.
            rij.delete()
            del huidig.open[sleutel]
        else:
            Rolwijziging.objects.filter(pk=rij.pk).update(naar=naar, moment=timezone.now())
            rij.naar = naar
        return
    if van == naar:
        return
    door = _door(huidig)
    rij = Rolwijziging.objects.create(
        gebruiker_id=gebruiker_pk,
        gebruikersnaam=gebruikersnaam,
        veld=veld,
        van=van,
        naar=naar,
        door=door,
        door_naam=door.username if door else _zonder_gebruiker(huidig),
        via=huidig.via if huidig else BUITEN_DE_APP,
        moment=timezone.now(),
    )
    if huidig is not None:
        huidig.open[sleutel] = rij


# --- the user row ----------------------------------------------------------------------


def _voor_opslaan(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= _GEEN_RECHTEN):
        return
    oud = (
        Gebruiker.objects.filter(pk=instance.pk).values(*_VELDEN, *_INLOGGEN).first()
        if instance.pk
        else None
    )
    instance._rechten_voor = oud or dict(_STANDAARD)


def _na_opslaan(sender, instance, raw=False, **kwargs):
    oud = instance.__dict__.pop("_rechten_voor", None)
    if raw or oud is None:
        return
    for naam, veld in (_VELDEN | _INLOGGEN).items():
        if naam not in oud or oud[naam] == getattr(instance, naam):
            continue  # A new user's username and password are no change.
        van, naar = oud[naam], getattr(instance, naam)
        if veld == Veld.WACHTWOORD:
            van, naar = _wachtwoord(van, nieuw=False), _wachtwoord(naar, nieuw=True)
        vastleggen(instance.pk, instance.username, veld, van, naar)


# --- groups, gemeenten and permissions -------------------------------------------------


def _betrokken(instance, reverse: bool, pk_set) -> list[tuple[int, str]]:
    """The users (pk, username) whose links change."""
    if not reverse:
        return [(instance.pk, instance.username)]
    gebruikers = Gebruiker.objects.all()
    if pk_set is not None:
        gebruikers = gebruikers.filter(pk__in=pk_set)
    else:  # clear() from the other side: everyone linked to it now.
        gebruikers = gebruikers.filter(**{_omgekeerd(instance): instance})
    return list(gebruikers.values_list("pk", "username"))


def _omgekeerd(instance) -> str:
    return {"Group": "groups", "Gemeente": "gemeenten", "Permission": "user_permissions"}[
        type(instance).__name__
    ]


def _bij_koppeling(veld: str):
    def ontvanger(sender, instance, action, reverse, pk_set, **kwargs):
        if kwargs.get("raw"):
            return
        if action in ("pre_add", "pre_remove", "pre_clear"):
            instance._rechten_koppeling = [
                (pk, naam, _koppeling(pk, veld))
                for pk, naam in _betrokken(instance, reverse, pk_set)
            ]
        elif action in ("post_add", "post_remove", "post_clear"):
            for pk, naam, voor in instance.__dict__.pop("_rechten_koppeling", []):
                vastleggen(pk, naam, veld, voor, _koppeling(pk, veld))

    return ontvanger


def _groep_weg(sender, instance, **kwargs):
    """Deleting a group takes it from its members without a many-to-many signal."""
    for pk, naam in instance.user_set.values_list("pk", "username"):
        voor = _koppeling(pk, Veld.ROLLEN)
        vastleggen(pk, naam, Veld.ROLLEN, voor, voor - {instance.name})


def volg() -> None:
    """Connect the recording (from GebruikersConfig.ready)."""
    pre_save.connect(_voor_opslaan, sender=Gebruiker, dispatch_uid="rolwijziging-voor")
    post_save.connect(_na_opslaan, sender=Gebruiker, dispatch_uid="rolwijziging-na")
    for naam, veld in _KOPPELINGEN.items():
        m2m_changed.connect(
            _bij_koppeling(veld),
            sender=getattr(Gebruiker, naam).through,
            dispatch_uid=f"rolwijziging-{naam}",
            weak=False,
        )
    pre_delete.connect(_groep_weg, sender=Group, dispatch_uid="rolwijziging-groep-weg")
