"""Every rule of afweging/scoring.py, and its edges. Pure functions: no database."""

import pytest

from afweging.scoring import (
    Advies,
    Status,
    SuccesfactorInvoer,
    Waarde,
    bereken_uitkomst,
    deelvraag_invoer,
    gevoeligheid,
)

ONDERDEEL = {1: "meerwaarde", 2: "meerwaarde", 3: "meerwaarde", 4: "condities",
             5: "condities", 6: "condities", 7: "weging", 8: "weging"}  # fmt: skip


def invoer(scores: dict[int, str], gewichten: dict[int, float] | None = None, motivering="Omdat."):
    """Eight deelvragen; scores as stored ('-2'…'2', '?' or '' for open)."""
    return [
        deelvraag_invoer(
            nummer=n,
            onderdeel=ONDERDEEL[n],
            naam=f"deelvraag {n}",
            gewicht=(gewichten or {}).get(n, 1.0),
            score=scores.get(n, ""),
            motivering=motivering,
        )
        for n in range(1, 9)
    ]


def alles(score: str, **anders) -> dict[int, str]:
    scores = {n: score for n in range(1, 9)}
    scores.update({int(k[1:]): v for k, v in anders.items()})
    return scores


def test_all_plus_one_is_positief():
    uitkomst = bereken_uitkomst(invoer(alles("1")))
    assert uitkomst.advies == Advies.POSITIEF
    assert uitkomst.regel == "positief"
    assert {n: o.waarde for n, o in uitkomst.oordelen.items()} == {
        "verstandig": Waarde.JA, "effectief": Waarde.JA, "duurzaam": Waarde.JA,
    }  # fmt: skip
    assert uitkomst.volledigheid.procent == 100


def test_knockout_on_political_support_beats_everything_else():
    uitkomst = bereken_uitkomst(invoer(alles("2", d5="-2")))
    assert (uitkomst.advies, uitkomst.regel) == (Advies.NEGATIEF, "knockout_draagvlak")


def test_knockout_on_support_applies_even_when_incomplete():
    uitkomst = bereken_uitkomst(invoer({5: "-2"}))
    assert uitkomst.regel == "knockout_draagvlak"


def test_support_at_minus_one_is_no_knockout():
    uitkomst = bereken_uitkomst(invoer(alles("1", d5="-1")))
    assert uitkomst.regel != "knockout_draagvlak"


def test_knockout_on_meerwaarde_needs_two_answers_at_minus_one_on_average():
    assert bereken_uitkomst(invoer({1: "-1", 2: "-1"})).regel == "knockout_meerwaarde"
    assert bereken_uitkomst(invoer({1: "-2"})).regel == "onvolledig"  # One answer is not enough.
    assert bereken_uitkomst(invoer({1: "-2", 2: "0", 3: "1"})).regel == "onvolledig"


def test_onvoldoende_informatie_is_a_gap_not_a_zero():
    uitkomst = bereken_uitkomst(invoer(alles("1", d3="?")))
    assert uitkomst.advies == Advies.ONVOLLEDIG
    assert [d.nummer for d in uitkomst.volledigheid.hiaten] == [3]
    assert uitkomst.volledigheid.hiaten[0].status == Status.ONVOLDOENDE_INFORMATIE
    # The onderdeel score is the mean of what is answered, the judgement waits for all.
    assert uitkomst.onderdelen["meerwaarde"].score == 1.0
    assert uitkomst.onderdelen["meerwaarde"].beantwoord == 2
    assert uitkomst.oordelen["verstandig"].waarde == Waarde.ONBEKEND


def test_a_score_without_motivation_is_a_gap():
    uitkomst = bereken_uitkomst(invoer(alles("1"), motivering="   "))
    assert uitkomst.advies == Advies.ONVOLLEDIG
    assert uitkomst.volledigheid.beantwoord == 0
    assert {d.status for d in uitkomst.volledigheid.hiaten} == {Status.ZONDER_MOTIVERING}


def test_an_empty_afweging_is_onvolledig_at_zero_percent():
    uitkomst = bereken_uitkomst(invoer({}))
    assert uitkomst.advies == Advies.ONVOLLEDIG
    assert uitkomst.volledigheid.procent == 0
    assert "0 van de 8" in uitkomst.uitleg


@pytest.mark.parametrize("nummer", [7, 8])
def test_a_clearly_better_alternative_means_heroverweeg(nummer):
    uitkomst = bereken_uitkomst(invoer(alles("1", **{f"d{nummer}": "-1"})))
    assert (uitkomst.advies, uitkomst.regel) == (Advies.HEROVERWEEG, "heroverweeg_variant")
    assert uitkomst.varianten[nummer].waarde == "alternatief_beter"


def test_the_explanation_names_the_variant_deelvragen_in_dutch():
    beide = bereken_uitkomst(invoer(alles("1", d7="-1", d8="-2")))
    assert "(deelvraag 7 en 8)" in beide.uitleg
    assert "(deelvraag 8)" in bereken_uitkomst(invoer(alles("1", d8="-1"))).uitleg


def test_a_variant_at_zero_is_no_clear_difference_and_blocks_nothing():
    uitkomst = bereken_uitkomst(invoer(alles("1", d7="0")))
    assert uitkomst.varianten[7].waarde == "geen_verschil"
    assert uitkomst.advies == Advies.POSITIEF


def test_not_verstandig_is_negatief():
    uitkomst = bereken_uitkomst(invoer(alles("1", d1="-1", d2="0", d3="0")))
    # Mean −0.33: doubtful, not ≤ −0.5; with one more −1 it is "nee".
    assert uitkomst.regel == "meerwaarde_twijfel"
    uitkomst = bereken_uitkomst(invoer(alles("1", d1="-1", d2="-1", d3="0")))
    assert uitkomst.oordelen["verstandig"].waarde == Waarde.NEE
    assert (uitkomst.advies, uitkomst.regel) == (Advies.NEGATIEF, "negatief")


def test_not_effectief_and_not_duurzaam_is_negatief():
    uitkomst = bereken_uitkomst(invoer(alles("1", d4="-1", d5="-1", d6="-1")))
    assert (uitkomst.advies, uitkomst.regel) == (Advies.NEGATIEF, "negatief")
    assert "condities" in uitkomst.uitleg


def test_verstandig_with_a_weak_condition_is_positief_onder_voorwaarden():
    uitkomst = bereken_uitkomst(invoer(alles("1", d6="-1")))
    assert (uitkomst.advies, uitkomst.regel) == (Advies.VOORWAARDEN, "voorwaarden")
    assert uitkomst.voorwaarden == ("Deelvraag 6 (deelvraag 6) scoort −1,00",)


def test_a_minus_two_anywhere_prevents_plain_positief():
    # Deelvraag 4 at −2 with 5 at +2: effectief is 0, doubtful.
    uitkomst = bereken_uitkomst(invoer(alles("2", d4="-2")))
    assert uitkomst.advies == Advies.VOORWAARDEN


def test_a_succesfactor_not_met_turns_positief_into_voorwaarden():
    factoren = [SuccesfactorInvoer("Frictietijd en -kosten inboeken", "niet")]
    uitkomst = bereken_uitkomst(invoer(alles("1")), factoren)
    assert uitkomst.advies == Advies.VOORWAARDEN
    assert "Kritieke succesfactor ‘Frictietijd en -kosten inboeken’ is niet voldaan" in (
        uitkomst.voorwaarden
    )


def test_a_succesfactor_partly_met_is_listed_but_keeps_positief():
    factoren = [SuccesfactorInvoer("Niet te vroeg evalueren", "deels")]
    uitkomst = bereken_uitkomst(invoer(alles("1")), factoren)
    assert uitkomst.advies == Advies.POSITIEF
    assert uitkomst.voorwaarden == (
        "Kritieke succesfactor ‘Niet te vroeg evalueren’ is deels voldaan",
    )


def test_judgement_thresholds_are_inclusive_at_half():
    # Meerwaarde 1, 0, 0 → mean 0.33 (doubtful); 1, 1, 0 → 0.67 (ja); −1, 0, 0.5 n/a.
    assert (
        bereken_uitkomst(invoer(alles("1", d2="0", d3="0"))).oordelen["verstandig"].waarde
        == Waarde.TWIJFEL
    )
    uitkomst = bereken_uitkomst(invoer(alles("1", d4="1", d5="0")))
    assert uitkomst.oordelen["effectief"].score == 0.5
    assert uitkomst.oordelen["effectief"].waarde == Waarde.JA


def test_weights_change_the_mean():
    gewogen = bereken_uitkomst(invoer(alles("1", d1="2", d2="-1", d3="-1"), {1: 2.0}))
    assert gewogen.oordelen["verstandig"].score == pytest.approx((4 - 1 - 1) / 4)
    ongewogen = bereken_uitkomst(invoer(alles("1", d1="2", d2="-1", d3="-1")))
    assert ongewogen.oordelen["verstandig"].score == pytest.approx(0)


def test_a_robust_advies_holds_under_every_weight_change():
    resultaat = gevoeligheid(invoer(alles("2")))
    assert resultaat.houdt_stand
    assert resultaat.omslagen == ()
    assert resultaat.combinaties == 3**5  # Weights of 1-5 can matter; 6, 7, 8 stand alone.


def test_a_fragile_advies_names_the_weight_that_flips_it():
    # Meerwaarde +1, +1, −1: mean +0.33 (doubtful, negatief). Halving deelvraag 3's weight
    # gives (1 + 1 − 0.5) / 2.5 = 0.6: verstandig, and the advies turns.
    resultaat = gevoeligheid(invoer(alles("1", d3="-1")))
    assert resultaat.advies == Advies.NEGATIEF
    assert not resultaat.houdt_stand
    assert any(o.nummer == 3 and o.factor == 0.5 for o in resultaat.omslagen)
    # The adviezen that occur are named from positive to negative, whatever order the set
    # has in this process (it differs with PYTHONHASHSEED).
    assert set(resultaat.adviezen_op_volgorde) == set(resultaat.adviezen_in_combinaties)
    volgorde = list(Advies)
    posities = [volgorde.index(a) for a in resultaat.adviezen_op_volgorde]
    assert posities == sorted(posities) and len(posities) >= 2
    assert resultaat.adviezen_labels == [a.label for a in resultaat.adviezen_op_volgorde]


def test_sensitivity_ignores_weights_of_unanswered_deelvragen():
    resultaat = gevoeligheid(invoer({1: "1", 4: "1"}))
    assert resultaat.combinaties == 1
    assert resultaat.houdt_stand


def test_voorwaarden_explain_a_minus_two_when_all_judgements_are_positive():
    # Deelvraag 1 at −2 with 2 and 3 at +2: verstandig +0,67; everything else +2.
    uitkomst = bereken_uitkomst(invoer(alles("2", d1="-2")))
    assert uitkomst.advies == Advies.VOORWAARDEN
    assert "een deelvraag staat op −2" in uitkomst.uitleg
    assert "effectief" not in uitkomst.uitleg


def test_zero_weights_never_crash_the_rules():
    gewichten = {1: 0.0, 2: 0.0, 3: 0.0}
    uitkomst = bereken_uitkomst(invoer(alles("1"), gewichten))
    assert uitkomst.oordelen["verstandig"].score is None
    assert uitkomst.advies == Advies.NEGATIEF  # No weighable meerwaarde: not verstandig.
