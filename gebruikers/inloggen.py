"""Logging in: what django-axes records of a failed attempt, from which address, and when
it locks out.

Behind a reverse proxy every request comes from the proxy's address, so locking out on
"username and address" locked a username out for everyone, and one password could be tried
on every username. The client's address is therefore taken from X-Forwarded-For, counted
from the right over the VERTROUWDE_PROXIES proxies that the operator put in front (0: the
app faces the clients itself and the header, which anyone can send, is ignored). Besides
the limit per username and address, one address is locked out after a higher number of
failures over all usernames (INLOGLIMIET_PER_ADRES).
"""

from __future__ import annotations

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def axes_gebruikersnaam(request, credentials) -> str | None:
    """The username django-axes records and locks out on, as by default, but cut to the
    255 characters of its column: a longer one (which no user has) made the insert of the
    failed attempt fail, a server error instead of "wrong username or password"."""
    bron = credentials if credentials else getattr(request, "data", request.POST)
    naam = bron.get("username")
    return naam[:255] if isinstance(naam, str) else naam


def _geldig(adres: str) -> bool:
    try:
        ipaddress.ip_address(adres)
    except ValueError:
        return False
    return True


def client_adres(request) -> str | None:
    """The address of the client: REMOTE_ADDR, or behind N trusted proxies the address the
    outermost of them received the request from. Each proxy appends the address it was
    contacted by, so that is the N-th from the right; what lies left of it the client may
    have written itself. A header shorter than that, or garbled, is not trusted."""
    adres = request.META.get("REMOTE_ADDR")
    aantal = settings.VERTROUWDE_PROXIES
    if aantal <= 0:
        return adres
    keten = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    keten = [d for d in keten if d]
    if len(keten) >= aantal and _geldig(keten[-aantal]):
        return keten[-aantal]
    return adres


def fouten_vanaf(adres: str | None) -> int:
    """Failed logins from this address within the cool-off time, over all usernames."""
    if not adres:
        return 0
    sinds = timezone.now() - get_cool_off()
    return (
        AccessAttempt.objects.filter(ip_address=adres, attempt_time__gte=sinds).aggregate(
            n=Sum("failures_since_start")
        )["n"]
        or 0
    )


class Inloghandler(AxesDatabaseHandler):
    """django-axes's database handler, which also locks out an address that failed
    INLOGLIMIET_PER_ADRES times over all usernames."""

    def get_failures(self, request, credentials=None) -> int:
        per_naam = super().get_failures(request, credentials)
        adres = getattr(request, "axes_ip_address", None) or client_adres(request)
        if fouten_vanaf(adres) >= settings.INLOGLIMIET_PER_ADRES:
            # Axes compares this with its limit: at the limit, the address is locked out.
            return max(per_naam, get_failure_limit(request, credentials))
        return per_naam
