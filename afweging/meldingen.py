"""E-mail about an afweging or an evaluatie: sent after the transaction commits, so a failing
mail server never undoes the action (it is logged). Console backend by default, SMTP by
settings."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

logger = logging.getLogger(__name__)


def naam(gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.username


def link(onderwerp) -> str:
    """The full address of what the mail is about (an afweging's uitkomst page, an
    evaluatie's overview: its `get_absolute_url`)."""
    return settings.BASIS_URL.rstrip("/") + onderwerp.get_absolute_url()


def met_adres(gebruikers) -> list:
    """Who of these gets a mail: those with an address, each once, in the order given (the
    confirmation of a vaststelling names them; `mail` sends to no other)."""
    gezien, uit = set(), []
    for gebruiker in gebruikers:
        if gebruiker.email and gebruiker.pk not in gezien:
            gezien.add(gebruiker.pk)
            uit.append(gebruiker)
    return uit


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
