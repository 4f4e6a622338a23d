"""E-mail about an afweging: sent after the transaction commits, so a failing mail server
never undoes the action (it is logged). Console backend by default, SMTP by settings."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

logger = logging.getLogger(__name__)


def naam(gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.username


def link(afweging) -> str:
    return settings.BASIS_URL.rstrip("/") + reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})


def mail(ontvangers, onderwerp: str, tekst: str) -> None:
    adressen = sorted({g.email for g in ontvangers if g.email})
    onderwerp = " ".join(onderwerp.split())  # A newline in a title may not break the header.
    if not adressen:
        return

    def verstuur():
        try:
            send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, adressen)
        except Exception:
            logger.exception("E-mail %r aan %s niet verstuurd", onderwerp, adressen)

    transaction.on_commit(verstuur)
