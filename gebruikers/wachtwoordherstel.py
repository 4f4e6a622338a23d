"""Password reset, limited per e-mail address and per client address.

Without a limit anyone could have the app send mail after mail to any address. A request
over a limit sends nothing, but gets exactly the answer of one that sends a mail (or of an
address that has no account): the page says nothing about who has an account or how often
was asked. The counts live in the "beperkingen" cache, per process, for one window.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.views import PasswordResetView
from django.core.cache import caches
from django.http import HttpResponseRedirect

from gebruikers.inloggen import client_adres


def _telt(soort: str, waarde: str, limiet: int) -> bool:
    """Count this request; False once there were more than `limiet` in the window."""
    cache = caches["beperkingen"]
    sleutel = f"wachtwoordherstel:{soort}:{hashlib.sha256(waarde.encode()).hexdigest()}"
    cache.add(sleutel, 0, timeout=settings.WACHTWOORDHERSTEL_VENSTER_SECONDEN)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:  # Expired between add and incr: this is the first of a new window.
        cache.add(sleutel, 1, timeout=settings.WACHTWOORDHERSTEL_VENSTER_SECONDEN)
        aantal = 1
    return aantal <= limiet


def mag_mailen(*, email: str, adres: str | None) -> bool:
    """Whether this request may send a reset mail; it counts for both limits either way."""
    per_email = _telt("email", email.strip().lower(), settings.WACHTWOORDHERSTEL_PER_EMAIL)
    # An unknown client address is no bucket shared by everyone: only the e-mail limit.
    per_adres = adres is None or _telt("adres", adres, settings.WACHTWOORDHERSTEL_PER_ADRES)
    return per_email and per_adres


class WachtwoordherstelView(PasswordResetView):
    def form_valid(self, form):
        if not mag_mailen(email=form.cleaned_data["email"], adres=client_adres(self.request)):
            return HttpResponseRedirect(self.get_success_url())  # as if it was sent
        return super().form_valid(form)
