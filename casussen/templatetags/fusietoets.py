from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from casussen import opmaak

ONBEKEND = '<span class="text-body-secondary">onbekend</span>'

register = template.Library()


@register.filter
def aantal(waarde):
    """A count with Dutch thousands separators, or 'onbekend' when there is none."""
    if waarde is None or waarde == "":
        return mark_safe(ONBEKEND)
    return intcomma(waarde)


@register.filter
def getal(waarde):
    """A signed difference with thousands separators."""
    if waarde is None:
        return ""
    teken = "+" if waarde > 0 else ("−" if waarde < 0 else "")
    return f"{teken}{intcomma(abs(waarde))}"


@register.inclusion_tag("_grafiek.html")
def grafiek(figuur, element_id, beschrijving, tabel_id=""):
    """A plotly chart from plain figure data, with a text alternative pointing at its table."""
    return {
        "figuur": figuur,
        "element_id": element_id,
        "beschrijving": beschrijving,
        "tabel_id": tabel_id,
    }


@register.simple_tag
def status_badge(organisatie):
    kleuren = {
        "actief": "text-bg-primary",
        "gepland": "text-bg-warning",
        "beeindigd": "text-bg-danger",
        "herindeling": "text-bg-success",
        "nooit": "text-bg-secondary",
    }
    return format_html(
        '<span class="badge {}">{}</span>',
        kleuren.get(organisatie.status, "text-bg-light"),
        organisatie.get_status_display(),
    )


@register.filter
def get_item(mapping, sleutel):
    return mapping.get(sleutel) if mapping else None


@register.filter
def verschil(waarde, ander):
    if waarde is None or ander is None:
        return None
    return waarde - ander


@register.filter
def score(waarde):
    """A mean score in Dutch notation with its sign, or 'onbekend'."""
    if waarde is None:
        return mark_safe(ONBEKEND)
    return opmaak.score(waarde)


@register.filter
def variantoordeel(waarde):
    return {
        "voorgesteld_beter": "voorgestelde variant beter",
        "alternatief_beter": "alternatief beter",
        "geen_verschil": "geen duidelijk verschil",
        "onbekend": "nog niet beoordeeld",
    }.get(waarde, waarde)


@register.filter
def procent(waarde):
    """A fraction as a Dutch percentage with sign for deviations: 0.123 → '12,3%'."""
    if waarde is None or waarde != waarde:
        return mark_safe(ONBEKEND)
    return opmaak.procent(waarde)


@register.filter
def index(reeks, positie):
    try:
        return reeks[positie]
    except (IndexError, TypeError, KeyError):
        return None
