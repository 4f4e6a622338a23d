"""Logging in: what django-axes records of a failed attempt."""


def axes_gebruikersnaam(request, credentials) -> str | None:
    """The username django-axes records and locks out on, as by default, but cut to the
    255 characters of its column: a longer one (which no user has) made the insert of the
    failed attempt fail, a server error instead of "wrong username or password"."""
    bron = credentials if credentials else getattr(request, "data", request.POST)
    naam = bron.get("username")
    return naam[:255] if isinstance(naam, str) else naam
