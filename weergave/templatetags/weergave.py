"""The number and list filters of the templates: the only way a template writes a number
or an enumeration in running text.

Each filter is a thin wrapper around weergave.getallen; the wrapper decides only what a
missing value looks like on a page, which is what it looked like before.
"""

from django import template
from django.utils.safestring import mark_safe

from weergave import getallen

register = template.Library()

ONBEKEND_HTML = mark_safe(f'<span class="text-body-secondary">{getallen.ONBEKEND}</span>')


@register.filter
def aantal(waarde):
    """A count with thousands separators (1.234), or 'onbekend'."""
    if waarde is None or waarde == "":
        return ONBEKEND_HTML
    return getallen.aantal(waarde)


@register.filter
def met_teken(waarde):
    """A signed difference of counts (+1.234, −1.234); nothing when there is none."""
    if waarde is None:
        return ""
    return getallen.met_teken(waarde)


@register.filter
def score(waarde):
    """A mean score with its sign (+0,67), or 'onbekend'."""
    if waarde is None:
        return ONBEKEND_HTML
    return getallen.score(waarde)


@register.filter
def procent(waarde):
    """A fraction as a percentage (0.123 → 12,3%), or 'onbekend'."""
    if getallen.ontbreekt(waarde):
        return ONBEKEND_HTML
    return getallen.procent(waarde)


@register.filter
def bedrag(waarde):
    """Whole euros with thousands separators (1.234.567); the template writes the €."""
    return getallen.bedrag(waarde)


@register.filter
def decimalen(waarde, cijfers):
    """A number with a fixed number of decimals: {{ r|decimalen:3 }} → 0,987."""
    return getallen.afgerond(waarde, int(cijfers))


@register.filter
def percentage(waarde):
    """A value already in percent, with one decimal as the field it was typed in shows it
    and as `procent` writes a fraction: 12,5%, 12,0%, 0,0%."""
    tekst = getallen.afgerond(waarde, 1)
    return f"{tekst}%" if tekst else ""


@register.filter
def opsomming(delen):
    """A Dutch enumeration in running text: {{ namen|opsomming }} → 'a, b en c'. Each part
    is escaped by the template engine as the result is (it is not marked safe)."""
    return getallen.opsomming(delen or ())


@register.filter
def scheiding(forloop) -> str:
    """What comes after an item of a Dutch enumeration written by a for loop:
    {% for g in gemeenten %}{{ g.naam }}{{ forloop|scheiding }}{% endfor %} → 'a, b en c'."""
    if forloop["last"]:
        return ""
    return " en " if forloop["revcounter"] == 2 else ", "


@register.inclusion_tag("_grafiek.html")
def grafiek(figuur, element_id, beschrijving, tabel_id=""):
    """A plotly chart from plain figure data, with a text alternative pointing at its table."""
    return {
        "figuur": figuur,
        "element_id": element_id,
        "beschrijving": beschrijving,
        "tabel_id": tabel_id,
    }


@register.filter
def nog_tekens(tekst, maximum):
    """The counter beside a text field: 'nog 1.234 tekens' left of `maximum`."""
    return getallen.nog_tekens(getallen.tekstlengte(tekst), int(maximum))
