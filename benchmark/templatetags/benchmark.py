"""`{% kanttekening "BIJDRAGE" %}`: a caveat of the benchmark in the words of
benchmark/kanttekeningen.py, so that no template repeats one in its own words."""

from django import template

from benchmark import kanttekeningen

register = template.Library()


@register.simple_tag
def kanttekening(naam: str) -> str:
    """The caveat named `naam`; an unknown name fails loudly instead of showing nothing."""
    tekst = getattr(kanttekeningen, naam, None)
    if not isinstance(tekst, str) or not naam.isupper():
        raise template.TemplateSyntaxError(f"Onbekende kanttekening: {naam!r}")
    return tekst
