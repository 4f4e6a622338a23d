"""The rules from indicator scores to the oordeel per domein and overall
(evaluatie/scoring.py): one test per rule, with its boundaries. Expectations are counted
by hand from the scores in each test."""

import pytest

from afweging.scoring import Status
from evaluatie.scoring import (
    DOMEINREGELS,
    TOTAALREGELS,
    DomeinInvoer,
    Oordeelwaarde,
    Uitgekomen,
    indicator_invoer,
    oordeel_domein,
    oordeel_totaal,
    verwachting_uitgekomen,
)


def indicatoren(*scores, aspect="Resultaten", motivering="Onderbouwd."):
    """One indicator per score as stored ("2", "-1", "?", ""), all of one aspect."""
    return tuple(
        indicator_invoer(
            code=f"i{n}",
            naam=f"Indicator {n}",
            domein="d",
            aspect=aspect,
            score=score,
            motivering=motivering,
        )  # fmt: skip
        for n, score in enumerate(scores, 1)
    )


def domein(*scores, aspect="Resultaten", code="d", naam="Publieke waarde"):
    return DomeinInvoer(code, naam, indicatoren(*scores, aspect=aspect))


def test_a_question_mark_and_a_score_without_motivation_are_gaps():
    vraag = indicator_invoer(
        code="a", naam="A", domein="d", aspect="x", score="?", motivering="Weet niet."
    )
    zonder = indicator_invoer(code="b", naam="B", domein="d", aspect="x", score="2", motivering=" ")
    assert (vraag.status, vraag.score, vraag.gescoord) == (
        Status.ONVOLDOENDE_INFORMATIE, None, False
    )  # fmt: skip
    assert (zonder.status, zonder.score, zonder.gescoord) == (
        Status.ZONDER_MOTIVERING, None, False
    )  # fmt: skip


def test_a_question_mark_counts_as_a_gap_never_as_zero():
    # +1, +1, +1 and '?': the mean of the three scores is +1, not 3/4; a zero in its place
    # would make it 0,75 and the same verdict, so the mean is asserted too.
    oordeel = oordeel_domein(domein("1", "1", "1", "?"))
    assert oordeel.gemiddelde == 1.0
    assert (oordeel.gescoord, oordeel.aantal) == (3, 4)
    assert [i.code for i in oordeel.hiaten] == ["i4"]
    assert oordeel.waarde == Oordeelwaarde.POSITIEF


# --- rule 1: fewer than two thirds scored -------------------------------------------------


def test_exactly_two_thirds_scored_is_enough_for_a_judgement():
    # Six of nine scored: 6/9 is exactly two thirds.
    oordeel = oordeel_domein(domein("1", "1", "1", "1", "1", "1", "", "?", ""))
    assert oordeel.regel != "te_weinig_gescoord"
    assert oordeel.waarde == Oordeelwaarde.POSITIEF


def test_just_under_two_thirds_scored_is_onvolledig():
    # Five of nine: under two thirds; six are needed.
    oordeel = oordeel_domein(domein("2", "2", "2", "2", "2", "", "", "?", "?"))
    assert oordeel.waarde == Oordeelwaarde.ONVOLLEDIG
    assert oordeel.regel == "te_weinig_gescoord"
    assert oordeel.uitleg.startswith("5 van de 9 indicatoren zijn gemotiveerd gescoord")
    assert "minstens 6 nodig" in oordeel.uitleg


def test_scores_without_motivation_do_not_count_towards_two_thirds():
    ongemotiveerd = DomeinInvoer("d", "Legitimiteit", indicatoren("1", "1", "1", motivering=""))
    oordeel = oordeel_domein(ongemotiveerd)
    assert (oordeel.waarde, oordeel.regel, oordeel.gescoord) == (
        Oordeelwaarde.ONVOLLEDIG, "te_weinig_gescoord", 0
    )  # fmt: skip


def test_a_domein_without_indicators_is_onvolledig():
    assert oordeel_domein(DomeinInvoer("d", "Leeg", ())).waarde == Oordeelwaarde.ONVOLLEDIG


# --- rule 2: an aspect without any score --------------------------------------------------


def test_an_aspect_without_a_scored_indicator_leaves_the_domein_onvolledig():
    # Rechtmatigheid 3 of 3 scored, Draagvlak 0 of 1: three of four is over two thirds,
    # but a whole aspect is missing.
    invoer = DomeinInvoer(
        "lg", "Legitimiteit",
        indicatoren("2", "2", "2", aspect="Rechtmatigheid") + indicatoren("?", aspect="Draagvlak"),
    )  # fmt: skip
    oordeel = oordeel_domein(invoer)
    assert (oordeel.waarde, oordeel.regel) == (Oordeelwaarde.ONVOLLEDIG, "aspect_zonder_score")
    assert "Het aspect Draagvlak heeft nog geen" in oordeel.uitleg


def test_one_scored_indicator_per_aspect_is_enough():
    invoer = DomeinInvoer(
        "lg", "Legitimiteit",
        indicatoren("2", "2", aspect="Rechtmatigheid") + indicatoren("1", "", aspect="Draagvlak"),
    )  # fmt: skip
    assert oordeel_domein(invoer).waarde == Oordeelwaarde.POSITIEF


# --- rule 3: overwegend negatief ----------------------------------------------------------


def test_a_negative_majority_with_a_mean_of_minus_a_half_is_overwegend_negatief():
    # Three of four negative, mean (−1 −1 −1 +1)/4 = −0,5 exactly.
    oordeel = oordeel_domein(domein("-1", "-1", "-1", "1"))
    assert (oordeel.waarde, oordeel.regel) == (Oordeelwaarde.NEGATIEF, "overwegend_negatief")
    assert oordeel.gemiddelde == -0.5
    assert (oordeel.positief, oordeel.negatief) == (1, 3)
    assert (
        oordeel.uitleg == "1 van de 4 gescoorde indicatoren positief, 3 negatief, gemiddeld −0,50."
    )


def test_a_negative_majority_with_a_mean_above_minus_a_half_is_gemengd():
    oordeel = oordeel_domein(domein("-1", "-1", "-1", "2"))  # mean −1/4
    assert (oordeel.waarde, oordeel.regel) == (Oordeelwaarde.GEMENGD, "gemengd")
    assert "het gemiddelde ligt tussen −0,5 en +0,5" in oordeel.uitleg


def test_exactly_half_negative_is_no_majority():
    oordeel = oordeel_domein(domein("-2", "-2", "0", "0"))  # mean −1, but two of four
    assert oordeel.waarde == Oordeelwaarde.GEMENGD
    assert "geen meerderheid" in oordeel.uitleg


# --- rule 4: overwegend positief ----------------------------------------------------------


def test_a_positive_majority_with_a_mean_of_a_half_is_overwegend_positief():
    oordeel = oordeel_domein(domein("1", "1", "1", "-1"))  # three of four, mean +2/4
    assert (oordeel.waarde, oordeel.regel) == (Oordeelwaarde.POSITIEF, "overwegend_positief")
    assert oordeel.gemiddelde == 0.5


def test_a_positive_majority_with_a_mean_under_a_half_is_gemengd():
    oordeel = oordeel_domein(domein("1", "1", "1", "-2"))  # mean +1/4
    assert oordeel.waarde == Oordeelwaarde.GEMENGD


def test_exactly_half_positive_is_no_majority():
    oordeel = oordeel_domein(domein("2", "2", "0", "0"))  # mean +1, two of four
    assert oordeel.waarde == Oordeelwaarde.GEMENGD
    assert "geen meerderheid" in oordeel.uitleg


def test_an_indicator_at_minus_two_keeps_a_positive_domein_at_gemengd():
    # Four of five positive, mean (2+2+2+2−2)/5 = +1,2: positive but for the −2.
    oordeel = oordeel_domein(domein("2", "2", "2", "2", "-2"))
    assert oordeel.gemiddelde == pytest.approx(1.2)
    assert (oordeel.waarde, oordeel.regel) == (Oordeelwaarde.GEMENGD, "gemengd")
    assert "‘Indicator 5’ staat op −2" in oordeel.uitleg


def test_minus_one_does_not_block_a_positive_domein():
    assert oordeel_domein(domein("2", "2", "2", "2", "-1")).waarde == Oordeelwaarde.POSITIEF


# --- rule 5: gemengd ----------------------------------------------------------------------


def test_all_zeros_is_gemengd():
    oordeel = oordeel_domein(domein("0", "0", "0"))
    assert (oordeel.waarde, oordeel.gemiddelde, oordeel.positief, oordeel.negatief) == (
        Oordeelwaarde.GEMENGD, 0.0, 0, 0
    )  # fmt: skip


# --- the overall judgement ----------------------------------------------------------------

POSITIEF = ("2", "1", "1")
NEGATIEF = ("-2", "-1", "-1")
GEMENGD = ("1", "-1", "0")
ONVOLLEDIG = ("1", "", "")


def drie(*soorten):
    namen = ("Publieke waarde", "Legitimiteit", "Besturing en organisatie")
    return [
        domein(*scores, code=f"d{n}", naam=naam)
        for n, (naam, scores) in enumerate(zip(namen, soorten, strict=True))
    ]


def test_each_domein_input_gives_the_verdict_its_name_says():
    assert [o.waarde for o in oordeel_totaal(drie(POSITIEF, NEGATIEF, GEMENGD)).domeinen] == [
        Oordeelwaarde.POSITIEF, Oordeelwaarde.NEGATIEF, Oordeelwaarde.GEMENGD
    ]  # fmt: skip


def test_one_onvolledig_domein_makes_the_whole_onvolledig():
    totaal = oordeel_totaal(drie(POSITIEF, POSITIEF, ONVOLLEDIG))
    assert (totaal.waarde, totaal.regel) == (Oordeelwaarde.ONVOLLEDIG, "domein_onvolledig")
    assert totaal.uitleg == "Nog niet te beoordelen: Besturing en organisatie is onvolledig."
    assert (totaal.gescoord, totaal.aantal, totaal.volledig) == (7, 9, False)


def test_two_positive_domeinen_and_none_negative_is_overwegend_positief():
    totaal = oordeel_totaal(drie(POSITIEF, GEMENGD, POSITIEF))
    assert (totaal.waarde, totaal.regel) == (Oordeelwaarde.POSITIEF, "overwegend_positief")
    assert totaal.uitleg == (
        "Domeinen overwegend positief: Publieke waarde en Besturing en organisatie; "
        "overwegend negatief: geen."
    )


def test_two_positive_domeinen_beside_a_negative_one_is_gemengd():
    assert oordeel_totaal(drie(POSITIEF, POSITIEF, NEGATIEF)).waarde == Oordeelwaarde.GEMENGD


def test_one_positive_domein_is_not_enough():
    assert oordeel_totaal(drie(POSITIEF, GEMENGD, GEMENGD)).waarde == Oordeelwaarde.GEMENGD


def test_two_negative_domeinen_and_none_positive_is_overwegend_negatief():
    totaal = oordeel_totaal(drie(NEGATIEF, NEGATIEF, GEMENGD))
    assert (totaal.waarde, totaal.regel) == (Oordeelwaarde.NEGATIEF, "overwegend_negatief")


def test_two_negative_domeinen_beside_a_positive_one_is_gemengd():
    assert oordeel_totaal(drie(NEGATIEF, POSITIEF, NEGATIEF)).waarde == Oordeelwaarde.GEMENGD


def test_three_gemengd_domeinen_are_gemengd():
    totaal = oordeel_totaal(drie(GEMENGD, GEMENGD, GEMENGD))
    assert (totaal.waarde, totaal.regel) == (Oordeelwaarde.GEMENGD, "gemengd")
    assert totaal.volledig


def test_every_rule_is_written_down_once():
    for regels in (DOMEINREGELS, TOTAALREGELS):
        codes = [code for code, _ in regels]
        assert len(codes) == len(set(codes))
        assert all(tekst.endswith(".") for _, tekst in regels)


# --- then and now: did an expectation come true? ------------------------------------------


def test_no_motivated_expectation_is_no_expectation():
    assert (
        verwachting_uitgekomen(None, list(indicatoren("2"))).waarde == Uitgekomen.GEEN_VERWACHTING
    )


def test_under_two_thirds_of_the_linked_indicators_is_too_soon_to_say():
    uit = verwachting_uitgekomen(1, list(indicatoren("1", "?", "")))  # one of three
    assert (uit.waarde, uit.gescoord, uit.aantal) == (Uitgekomen.NIET_TE_ZEGGEN, 1, 3)
    assert verwachting_uitgekomen(1, []).waarde == Uitgekomen.NIET_TE_ZEGGEN


def test_the_same_direction_came_true():
    # Expected +1 (positive); now +1, 0, +1: mean 2/3, positive.
    uit = verwachting_uitgekomen(1, list(indicatoren("1", "0", "1")))
    assert uit.waarde == Uitgekomen.UITGEKOMEN
    assert uit.uitleg == "Verwacht +1; nu gemiddeld +0,67 over 3 van de 3 indicatoren."


def test_a_lower_direction_is_worse_and_a_higher_better():
    assert verwachting_uitgekomen(2, list(indicatoren("0", "0", "1"))).waarde == Uitgekomen.SLECHTER
    assert verwachting_uitgekomen(0, list(indicatoren("1", "0", "1"))).waarde == Uitgekomen.BETER
    assert verwachting_uitgekomen(-1, list(indicatoren("-1", "0"))).waarde == Uitgekomen.UITGEKOMEN


def test_the_direction_boundaries_are_a_half():
    # A mean of exactly +0,5 is positive; just under it, neutral.
    assert verwachting_uitgekomen(1, list(indicatoren("1", "0"))).waarde == Uitgekomen.UITGEKOMEN
    assert verwachting_uitgekomen(1, list(indicatoren("1", "0", "0"))).waarde == Uitgekomen.SLECHTER
