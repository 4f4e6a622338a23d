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


# A start the register gives only as a year ("2008"): stored as 1 January, the real day
# unknown. Too early whatever the day; perhaps too early; or late enough whatever the day.


def test_a_year_only_start_too_early_whatever_the_day():
    signaal = te_vroeg(Context(date(2009, 12, 31), date(2008, 1, 1), start_alleen_jaar=True))
    assert (signaal.code, signaal.ernst) == ("evaluatie_te_vroeg", "waarschuwing")
    assert (
        "op 31 december 2009 op, minder dan 2 jaar na de start van de fusie in 2008 (het "
        "register noemt geen dag), welke dag van dat jaar het ook was." in signaal.bericht
    )
    assert "1 januari 2008" not in signaal.bericht


def test_a_year_only_start_perhaps_too_early_names_the_day_that_decides():
    signaal = te_vroeg(Context(date(2010, 6, 1), date(2008, 1, 1), start_alleen_jaar=True))
    assert (signaal.code, signaal.ernst) == ("evaluatie_misschien_te_vroeg", "aandacht")
    assert (
        "Het register noemt als start alleen het jaar 2008: begon de fusie na 1 juni 2008, dan "
        "komt de evaluatie minder dan 2 jaar na de start." in signaal.bericht
    )
    # With the exact day the same peildatum is simply late enough.
    assert te_vroeg(Context(date(2010, 6, 1), date(2008, 1, 1))) is None
    # 1 January 2010 is two years after the earliest start, not after a later one.
    assert te_vroeg(Context(date(2010, 1, 1), date(2008, 1, 1), start_alleen_jaar=True)).code == (
        "evaluatie_misschien_te_vroeg"
    )
    assert te_vroeg(Context(date(2009, 12, 31), date(2008, 1, 1), start_alleen_jaar=True)).code == (
        "evaluatie_te_vroeg"
    )


def test_a_year_only_start_late_enough_whatever_the_day():
    assert te_vroeg(Context(date(2010, 12, 31), date(2008, 1, 1), start_alleen_jaar=True)) is None
    assert (
        te_vroeg(Context(date(2010, 12, 30), date(2008, 1, 1), start_alleen_jaar=True)) is not None
    )


def test_the_context_knows_a_year_only_start_from_the_register_and_a_date_given_since(
    maak_evaluatie,
):
    from evaluatie.signalen import context_van

    evaluatie = maak_evaluatie(fusieorganisatie="bel-combinatie")  # the register: "2008"
    assert evaluatie.fusieorganisatie.start_alleen_jaar
    evaluatie.startdatum_fusie = evaluatie.fusieorganisatie.startdatum
    assert context_van(evaluatie).start_alleen_jaar
    evaluatie.startdatum_fusie = date(2008, 3, 1)  # a day, not the register's 1 January
    assert not context_van(evaluatie).start_alleen_jaar
