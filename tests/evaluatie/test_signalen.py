"""Not too early (evaluatie/signalen.py): the boundary of two years, a start on 29 February,
a peildatum before the start, and an unknown start."""

from datetime import date

from afweging.signalen import EVALUATIE_MINIMUM_JAREN
from evaluatie.signalen import Context, signalen, te_vroeg


def test_the_minimum_is_the_afwegings():
    assert EVALUATIE_MINIMUM_JAREN == 2


def test_one_day_before_two_years_is_too_early():
    signaal = te_vroeg(Context(date(2015, 12, 31), date(2014, 1, 1)))
    assert (signaal.code, signaal.ernst) == ("evaluatie_te_vroeg", "waarschuwing")
    # 729 days: 729 / 365.25 = 1,996 → "2,0 jaar", and still under two years.
    assert (
        "2,0 jaar na de start van de fusie (1 januari 2014): minder dan 2 jaar" in signaal.bericht
    )


def test_exactly_two_years_is_not_too_early():
    assert te_vroeg(Context(date(2016, 1, 1), date(2014, 1, 1))) is None
    assert signalen(Context(date(2030, 1, 1), date(2014, 1, 1))) == []


def test_a_start_on_29_february_counts_to_28_february():
    assert te_vroeg(Context(date(2026, 2, 27), date(2024, 2, 29))) is not None
    assert te_vroeg(Context(date(2026, 2, 28), date(2024, 2, 29))) is None


def test_a_peildatum_before_the_start_says_so():
    signaal = te_vroeg(Context(date(2012, 6, 1), date(2013, 1, 1)))
    assert "vóór de start van de fusie (1 januari 2013)" in signaal.bericht


def test_an_unknown_start_cannot_be_judged_and_says_what_the_register_says():
    signaal = te_vroeg(Context(date(2026, 1, 1), None, "2008"))
    assert (signaal.code, signaal.ernst) == ("evaluatie_start_onbekend", "aandacht")
    assert "kan niet beoordeeld worden" in signaal.bericht
    assert "Het register noemt als start alleen ‘2008’." in signaal.bericht
    zonder = te_vroeg(Context(date(2026, 1, 1), None))
    assert "Het register noemt" not in zonder.bericht


def test_the_signal_cites_the_report():
    signaal = te_vroeg(Context(date(2014, 1, 1), date(2013, 1, 1)))
    assert signaal.bron.startswith("§6.4.2 Voordelen realiseren vergt tijd en geduld (regels 5010")
    assert (
        "§8.2.3 Positieve effecten laten op zich wachten (regels 6228-6232, 6642)" in signaal.bron
    )
