"""Dutch notation for numbers, amounts, percentages and lists: the one module that writes them.

Separators come from Django's localisation (the nl formats: "," for decimals, "." for
thousands), always in Dutch: the app has no other language, and a management command or a
thread with another active language must not write "1,234.5".

One rounding for everything: half away from zero, on the shortest decimal that prints the
value (2.5 → 3, 2.675 → 2,68, 0.125 → +0,13), as people round and as Django's floatformat
did. Negatives have the real minus sign, which screen readers read as "min"; a value that
rounds to zero has no sign ("0,0", not "−0,0"). What is no number gives "" (the template
filters show it as "onbekend"); infinity and NaN are written as Python writes them.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from django.utils import numberformat
from django.utils.formats import get_format

TAAL = "nl"
MIN = "\u2212"  # A real minus sign, read correctly by screen readers.
ONBEKEND = "onbekend"

# Values with more digits are shown as they are (floatformat's guard against huge input).
_MAX_CIJFERS = 200
# Enough for every value the guard lets through: rounding never runs out of digits.
_REKENEN = Context(prec=2 * _MAX_CIJFERS + 50, rounding=ROUND_HALF_UP)
_STAPPEN = {cijfers: Decimal(1).scaleb(-cijfers) for cijfers in range(10)}


def _nl(getal, cijfers: int | None, *, duizendtallen: bool, min_teken: str = MIN) -> str:
    """Django's number format of the nl locale. Thousands are grouped only when asked, so
    USE_THOUSAND_SEPARATOR (which would also group years and ids) cannot change a page."""
    tekst = str(
        numberformat.format(
            getal,
            get_format("DECIMAL_SEPARATOR", TAAL),
            cijfers,
            get_format("NUMBER_GROUPING", TAAL) if duizendtallen else 0,
            get_format("THOUSAND_SEPARATOR", TAAL),
            force_grouping=duizendtallen,
        )
    )
    return min_teken + tekst[1:] if tekst.startswith("-") else tekst


@functools.cache
def _scheiding() -> tuple[str, str, int | None]:
    """The nl locale's decimal and thousands separators and its grouping (3), read once."""
    groep = get_format("NUMBER_GROUPING", TAAL)
    return (
        get_format("DECIMAL_SEPARATOR", TAAL),
        get_format("THOUSAND_SEPARATOR", TAAL),
        groep if isinstance(groep, int) and groep > 0 else None,
    )


def _schrijf(tekst: str, *, duizendtallen: bool) -> str:
    """A plain decimal ('-1234567.50') in the nl notation ('−1.234.567,50'): what `_nl`
    writes for it, without Django's general-purpose formatter (a table of a thousand
    figures would spend most of its time there)."""
    komma, punt, groep = _scheiding()
    if duizendtallen and groep is None:  # A grouping this code does not know: Django's.
        return _nl(tekst, None, duizendtallen=True)
    teken = ""
    if tekst.startswith("-"):
        teken, tekst = MIN, tekst[1:]
    heel, _, deel = tekst.partition(".")
    if duizendtallen and len(heel) > groep:
        if groep == 3:  # Python groups by three itself, and fast.
            heel = f"{int(heel):,}".replace(",", punt)
        else:
            eerste = len(heel) % groep or groep
            heel = heel[:eerste] + "".join(
                punt + heel[i : i + groep] for i in range(eerste, len(heel), groep)
            )
    return teken + heel + (komma + deel if deel else "")


def ontbreekt(waarde) -> bool:
    """None, an empty string or NaN: a value the pages show as 'onbekend'."""
    if waarde is None or waarde == "":
        return True
    try:
        return math.isnan(waarde)
    except (TypeError, ValueError, OverflowError):
        return False


def geheel(waarde) -> str:
    """A whole number with thousands separators: 1234567.4 → '1.234.567', −250.000."""
    return afgerond(waarde, 0, duizendtallen=True)


def decimaal(waarde, cijfers: int = 1) -> str:
    """A decimal without thousands separators: 2.04 → '2,0', 1234.56 → '1234,6'."""
    return afgerond(waarde, cijfers)


def procent(fractie, cijfers: int = 1) -> str:
    """A fraction as a percentage: 0.1234 → '12,3%', −0.2345 → '−23,5%'. The fraction is
    multiplied as a decimal, so 0.0145 is 1,5% (the float product is 1.4499…)."""
    getal = _als_decimal(fractie)
    if getal is None:
        return ""
    return decimaal(getal * 100 if getal.is_finite() else fractie, cijfers) + "%"


def score(waarde) -> str:
    """A mean score, always with its sign: 0.6667 → '+0,67', −1 → '−1,00', 0 → '+0,00'."""
    tekst = afgerond(waarde, 2)
    return tekst if tekst.startswith(MIN) or not tekst[:1].isdigit() else "+" + tekst


def aantal(waarde) -> str:
    """A count with thousands separators, as Django's intcomma wrote it: 1234 → '1.234';
    a float or Decimal keeps its decimals (1234.5 → '1.234,5'), other text stays as it is."""
    if not isinstance(waarde, float | Decimal):
        try:
            waarde = int(waarde)
        except (TypeError, ValueError):
            return str(waarde)
    return _nl(waarde, None, duizendtallen=True)


def met_teken(waarde) -> str:
    """A signed difference of counts: +1.234, −1.234, and 0 without a sign."""
    teken = "+" if waarde > 0 else (MIN if waarde < 0 else "")
    return teken + aantal(abs(waarde))


def _als_decimal(waarde) -> Decimal | None:
    # floatformat's reading: the value's own text first, so a float is read as the shortest
    # decimal that prints it (2.675, not 2.67499999…).
    try:
        return Decimal(str(waarde))
    except InvalidOperation:
        try:
            return Decimal(str(float(waarde)))
        except (ValueError, InvalidOperation, TypeError):
            return None


def afgerond(
    waarde, cijfers: int, *, duizendtallen: bool = False, hele_zonder_decimalen: bool = False
) -> str:
    """The rounding of every function here: half away from zero to `cijfers` decimals,
    2.25 → '2,3', −0.04 → '0,0'. With `hele_zonder_decimalen` a whole value has none
    (12 → '12', 12.5 → '12,5'). Not a number: ''; infinite or NaN: as Python writes it."""
    getal = _als_decimal(waarde)
    if getal is None:
        return ""
    if not getal.is_finite() or len((delen := getal.as_tuple())[1]) + abs(delen[2]) > _MAX_CIJFERS:
        tekst = str(waarde)  # As Python writes it, but with the real minus sign.
        return MIN + tekst[1:] if tekst.startswith("-") else tekst
    if hele_zonder_decimalen and getal == getal.to_integral_value():
        cijfers = 0
    stap = _STAPPEN.get(cijfers) or Decimal(1).scaleb(-cijfers)
    getal = getal.quantize(stap, context=_REKENEN)
    if not getal:
        getal = abs(getal)  # No "−0".
    return _schrijf(f"{getal:f}", duizendtallen=duizendtallen)


def heel(waarde) -> int:
    """Rounded to a whole number the way every figure here is (half away from zero), for a
    count that is shown or used as a number: 12.5 → 13, 37.5 → 38 (Python's round() rounds
    half to even, 12 and 38, so a page would round one way and the next another)."""
    return int(_als_decimal(waarde).quantize(_STAPPEN[0], context=_REKENEN))


def bedrag(waarde) -> str:
    """Whole euros with thousands separators, without the euro sign (tables put it in the
    header): 1234.5 → '1.235', −1211404.4 → '−1.211.404'."""
    return geheel(waarde)


def euro(waarde) -> str:
    """An amount in running text: '€ 1.234.567', rounded like `geheel`."""
    return "€ " + geheel(waarde)


def euro_kort(waarde: float) -> str:
    """A round amount on a chart axis: 1e6 → '€ 1 mln', 2.5e7 → '€ 25 mln', 1e9 → '€ 1 mld'."""
    for deler, eenheid in ((1e9, "mld"), (1e6, "mln")):
        if abs(waarde) >= deler:
            getal = afgerond(abs(waarde) / deler, 1, hele_zonder_decimalen=True)
            return f"€ {MIN if waarde < 0 else ''}{getal} {eenheid}"
    return euro(waarde)


_DUIZENDTALLEN = re.compile(r"-?\d{1,3}(\.\d{3})+")
# English notation: commas between thousands ('1,200,000'), or a comma before the decimal
# point ('1,200.50'). One comma alone ('1,200') is Dutch: 1,2.
_ENGELS = re.compile(r"-?\d{1,3}((,\d{3}){2,}(\.\d+)?|(,\d{3})+\.\d+)")
# Millions and billions as people write them (and as the chart axes do: '€ 25 mln').
_EENHEDEN = {"mln": 6, "mln.": 6, "miljoen": 6, "mld": 9, "mld.": 9, "miljard": 9}
_MET_EENHEID = re.compile(r"(?P<getal>.*?)(?P<eenheid>mln\.?|miljoen|mld\.?|miljard)", re.I)


class OnduidelijkGetal(ValueError):
    """Typed text that could mean two different numbers; the message says how to write it."""


def lees_getal(tekst: str) -> str:
    """A number as people type it in Dutch, as plain decimal text for Decimal():
    '1.200.000' → '1200000', '1.200.000,50' → '1200000.50', '€ 1.200' → '1200',
    '2,5' → '2.5', '−5' → '-5', '1,2 mln' → '1200000', '2 miljard' → '2000000000'.
    A point is a thousands separator only in groups of three ('1.200'); otherwise ('12.5')
    it is the decimal point. What could mean two numbers raises OnduidelijkGetal: English
    notation ('1,200,000', '1,200.50') and a point before mln ('1.5 mln': 1,5 or 1.500
    million?). What is no number in either notation is given back as it was, for the field
    to refuse in its own words."""
    schoon = "".join(str(tekst).replace("€", "").split()).replace(MIN, "-")
    if eenheid := _MET_EENHEID.fullmatch(schoon):
        getal = eenheid["getal"]
        naam = eenheid["eenheid"].lower()
        if "." in getal:
            raise OnduidelijkGetal(
                f"Schrijf een bedrag in {'miljarden' if _EENHEDEN[naam] == 9 else 'miljoenen'} "
                f"met een komma, bijvoorbeeld 1,5 {naam.rstrip('.')}: met een punt kan "
                f"‘{getal} {naam}’ twee bedragen betekenen."
            )
        try:
            waarde = Decimal(lees_getal(getal)) if getal else None
        except InvalidOperation:
            waarde = None
        if waarde is None or not waarde.is_finite():
            return tekst
        # scaleb keeps the digits: 1,2 mln is 1200000, not 1200000.0 (a decimal place).
        return f"{waarde.scaleb(_EENHEDEN[naam]):f}"
    if _ENGELS.fullmatch(schoon):
        raise OnduidelijkGetal(
            f"‘{str(tekst).strip()}’ is Engelse notatie. Schrijf een punt tussen de duizendtallen "
            "en een komma voor de decimalen, bijvoorbeeld 1.200.000 of 1,2 mln."
        )
    if "," in schoon:
        heel, _, deel = schoon.partition(",")
        if "," in deel or ("." in heel and not _DUIZENDTALLEN.fullmatch(heel)):
            return tekst
        return heel.replace(".", "") + "." + deel
    if _DUIZENDTALLEN.fullmatch(schoon):
        return schoon.replace(".", "")
    return schoon


def opsomming(delen: Iterable[object]) -> str:
    """A Dutch enumeration: 'a', 'a en b', 'a, b en c' (no comma before 'en')."""
    delen = [str(deel) for deel in delen]
    if len(delen) < 2:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def tekstlengte(tekst) -> int:
    """The length of a text as the browser counts it for `maxlength`: a line break is one
    character, though the browser sends it as two."""
    return len(str(tekst or "").replace("\r\n", "\n"))


def nog_tekens(lengte: int, maximum: int) -> str:
    """What the counter beside a text field says: 'nog 1.234 tekens', 'nog 1 teken', or
    '12 tekens te veel' for a text longer than the limit (saved before the limit existed).
    static/js/afweging.js writes the same words while typing."""
    over = maximum - lengte
    if over < 0:
        return f"{aantal(-over)} {'teken' if over == -1 else 'tekens'} te veel"
    return f"nog {aantal(over)} {'teken' if over == 1 else 'tekens'}"
