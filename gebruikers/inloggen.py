"""Logging in: what django-axes records of a failed attempt, from which address, and when
it locks out.

Behind a reverse proxy every request comes from the proxy's address, so locking out on
"username and address" locked a username out for everyone, and one password could be tried
on every username. The client's address is therefore taken from X-Forwarded-For, counted
from the right over the VERTROUWDE_PROXIES proxies that the operator put in front (0: the
app faces the clients itself and the header, which anyone can send, is ignored), and only
when the request comes from one of VERTROUWDE_PROXY_NETWERKEN (a client reaching the app
directly cannot write its own address). Besides the limit per username and address, one
address is locked out after a higher number of failures over all usernames
(INLOGLIMIET_PER_ADRES). An address that cannot be determined counts for no address limit:
it never puts everyone in one bucket.
"""

from __future__ import annotations

import ipaddress
import logging
from functools import lru_cache

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


logger = logging.getLogger(__name__)
_kop_gemeld = False  # The warning about an ignored X-Forwarded-For, once per process.


def ip_adres(tekst: str | None) -> str | None:
    """The IP address in `tekst`, normalised, without a port or brackets
    (`1.2.3.4:5678`, `[2001:db8::1]:443`); None if it holds no IP address."""
    tekst = (tekst or "").strip()
    if tekst.startswith("["):
        einde = tekst.find("]")
        rest = tekst[einde + 1 :] if einde > 0 else "x"
        if rest and not (rest.startswith(":") and rest[1:].isdigit()):
            return None
        tekst = tekst[1:einde]
    elif tekst.count(":") == 1:  # IPv4 with a port; IPv6 without brackets has more colons.
        tekst, poort = tekst.split(":")
        if not poort.isdigit():
            return None
    try:
        adres = ipaddress.ip_address(tekst)
    except ValueError:
        return None
    if adres.version == 6 and adres.ipv4_mapped:
        adres = adres.ipv4_mapped
    return str(adres)


@lru_cache(maxsize=8)
def _netwerken(netwerken: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(n, strict=False) for n in netwerken)


def _is_proxy(adres: str | None) -> bool:
    if adres is None:
        return False
    ip = ipaddress.ip_address(adres)
    return any(ip in n for n in _netwerken(tuple(settings.VERTROUWDE_PROXY_NETWERKEN)))


def _meld_genegeerde_kop() -> None:
    global _kop_gemeld
    if not _kop_gemeld:
        _kop_gemeld = True
        logger.warning(
            "X-Forwarded-For ontvangen terwijl VERTROUWDE_PROXIES=0: de kop wordt genegeerd. "
            "Staat er een reverse proxy voor de app, zet dan VERTROUWDE_PROXIES."
        )


def client_adres(request) -> str | None:
    """The address of the client, or None if it cannot be determined.

    REMOTE_ADDR; or, when that is one of the trusted proxy networks, the address the
    outermost of the VERTROUWDE_PROXIES proxies received the request from. Each proxy
    appends the address it was contacted by, so that is the N-th from the right; what lies
    left of it the client may have written itself, and the hops right of it must be trusted
    proxies too. Behind a trusted proxy, a header that is too short or garbled gives None:
    the proxy's own address would put every user in one bucket."""
    adres = ip_adres(request.META.get("REMOTE_ADDR"))
    kop = request.META.get("HTTP_X_FORWARDED_FOR")
    aantal = settings.VERTROUWDE_PROXIES
    if aantal <= 0:
        if kop:
            _meld_genegeerde_kop()
        return adres
    if not _is_proxy(adres):
        return adres  # Reached the app directly: the header is the client's own words.
    keten = [ip_adres(d) for d in (kop or "").split(",") if d.strip()]
    if len(keten) < aantal or not all(_is_proxy(d) for d in keten[len(keten) - aantal + 1 :]):
        return None
    return keten[-aantal]


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
