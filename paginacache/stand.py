"""The state of the reference data, as one stamp that cached pages are keyed on.

Every change to data that pages show besides an afweging's own rows (gemeenten,
fusieorganisaties, casussen, Iv3 figures, the kader, users and their gemeenten) gives the
stamp a new random value, in the same transaction as the change: a rolled-back change
leaves the old stamp, and a stamp is never used twice. Single saves and deletes (the
admin, forms) do this through signals on the models that apps declare with `volg()` in
their `ready()`; the bulk loaders run inside `gebundeld()`, which renews the stamp once at
the end instead of once per row.
"""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_delete, post_save

REFERENTIE = "referentie"

_lokaal = threading.local()
_gevolgd: list[type] = []


def referentiestand() -> str:
    from paginacache.models import Gegevensstand

    return (
        Gegevensstand.objects.filter(sleutel=REFERENTIE).values_list("stempel", flat=True).first()
        or "-"
    )


def referentiestand_subquery():
    """The stamp as a subquery, for annotating it onto rows that a page is keyed on."""
    from django.db.models import Subquery

    from paginacache.models import Gegevensstand

    return Subquery(Gegevensstand.objects.filter(sleutel=REFERENTIE).values("stempel")[:1])


def vernieuw() -> None:
    from paginacache.models import Gegevensstand

    if getattr(_lokaal, "gebundeld", 0):
        return  # gebundeld() renews once at its end.
    Gegevensstand.objects.update_or_create(
        sleutel=REFERENTIE, defaults={"stempel": uuid.uuid4().hex}
    )


@contextmanager
def gebundeld():
    """For the bulk loaders: no renewal per row (bulk writes send no signals anyway), one
    renewal at the end when the block succeeds."""
    _lokaal.gebundeld = getattr(_lokaal, "gebundeld", 0) + 1
    try:
        yield
    finally:
        _lokaal.gebundeld -= 1
    if not _lokaal.gebundeld:
        vernieuw()


def _bij_opslaan(sender, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return  # Loading fixtures; a login is no change to what pages show.
    vernieuw()


def _bij_verwijderen(sender, **kwargs):
    vernieuw()


def _bij_koppeling(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        vernieuw()


def volg(*modellen: type) -> None:
    """Renew the stamp on every save, delete and m2m change of these models: an app calls
    this from its `ready()` for the models whose rows its cached pages show."""
    for model in modellen:
        uid = f"stand-{model._meta.label}"
        post_save.connect(_bij_opslaan, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_bij_verwijderen, sender=model, dispatch_uid=uid, weak=False)
        for veld in model._meta.local_many_to_many:
            m2m_changed.connect(
                _bij_koppeling,
                sender=veld.remote_field.through,
                dispatch_uid=f"stand-{model._meta.label}-{veld.name}",
                weak=False,
            )
        if model not in _gevolgd:
            _gevolgd.append(model)


def gevolgd() -> tuple[type, ...]:
    """The models that renew the stamp, as the apps declared them."""
    return tuple(_gevolgd)


def filtersleutel(request, formulier) -> list:
    """The part of the query that a filter form reads, in a fixed order: the cache key of
    a filtered page, so that other or reordered parameters make no new entries."""
    return sorted((naam, request.GET.getlist(naam)) for naam in formulier.base_fields)
