"""Every rule of afweging/scoring.py, and its edges. Pure functions: no database."""

import pytest

from afweging.scoring import (
    REGELS,
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
# The codes of the deelvragen in kader version 1 (fixtures/kader/kader_v1.json).
CODE = {1: "bedrijfsvoering", 2: "eigenstandige_bestuurskracht", 3: "regionale_bestuurskracht",
        4: "succesfactoren_vooraf", 5: "politiek_draagvlak", 6: "duurzaamheid",
        7: "wgr_versus_centrumgemeente", 8: "versus_herindeling"}  # fmt: skip


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
            code=CODE[n],
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
    [voorwaarde] = uitkomst.voorwaarden
    # Issue 11: what to do, not a score read back ("Deelvraag 6 (...) scoort +0,00").
    assert voorwaarde.onderwerp == "Deelvraag 6 (duurzaamheid) scoort −1"
    assert voorwaarde.tekst.startswith("De gemeenten spreken een gedeeld perspectief voor de ")
    assert "toetreding, uittreding of een latere vervolgstap" in voorwaarde.tekst
    assert voorwaarde.bron == (
        "§8.4 Langjarig perspectief (regel 7287); §4.3 Vormgeving ambtelijke organisatie "
        "(regel 1942)"
    )
    assert voorwaarde.deelvraag == 6


def test_a_deelvraag_at_zero_is_a_voorwaarde_written_without_decimals():
    uitkomst = bereken_uitkomst(invoer(alles("1", d8="0")))
    assert uitkomst.advies == Advies.POSITIEF  # 0 on a variant is no clear difference.
    [voorwaarde] = uitkomst.voorwaarden
    assert voorwaarde.onderwerp == "Deelvraag 8 (ambtelijke fusie of herindeling) scoort 0"
    assert "tussenstap naar herindeling" in voorwaarde.tekst
    assert str(voorwaarde) == f"{voorwaarde.onderwerp}. {voorwaarde.tekst}"


def test_a_deelvraag_of_another_kader_gets_a_plain_voorwaarde_not_a_wrong_one():
    deelvragen = [
        deelvraag_invoer(nummer=n, onderdeel=ONDERDEEL[n], naam=f"Nieuwe vraag {n}",
                         gewicht=1, score="-1" if n == 6 else "1", motivering="Omdat.",
                         code=f"nieuw_{n}")
        for n in range(1, 9)
    ]  # fmt: skip
    [voorwaarde] = bereken_uitkomst(deelvragen).voorwaarden
    assert voorwaarde.onderwerp == "Deelvraag 6 (Nieuwe vraag 6) scoort −1"
    assert (
        voorwaarde.tekst == "De gemeenten laten vóór het besluit zien hoe zij dit punt versterken."
    )


def test_a_minus_two_anywhere_prevents_plain_positief():
    # Deelvraag 4 at −2 with 5 at +2: effectief is 0, doubtful.
    uitkomst = bereken_uitkomst(invoer(alles("2", d4="-2")))
    assert uitkomst.advies == Advies.VOORWAARDEN


def test_a_succesfactor_not_met_turns_positief_into_voorwaarden():
    factoren = [
        SuccesfactorInvoer(
            "Frictietijd en -kosten inboeken", "niet", code="vorming_frictie_inboeken",
            fase="vorming", regel=6796, notitie="  Geen budget in de begroting van 2028.\n",
        )
    ]  # fmt: skip
    uitkomst = bereken_uitkomst(invoer(alles("1")), factoren)
    assert uitkomst.advies == Advies.VOORWAARDEN
    [voorwaarde] = uitkomst.voorwaarden
    assert voorwaarde.onderwerp == (
        "Kritieke succesfactor ‘Frictietijd en -kosten inboeken’ is niet voldaan"
    )
    assert voorwaarde.tekst == (
        "De gemeenten nemen frictiekosten en frictietijd voor de eerste jaren na de start op in "
        "hun begrotingen."
    )
    assert voorwaarde.bron == "§8.3 Kritieke succesfactoren bij de totstandkoming (regel 6796)"
    # The adviseur's own note goes with it (issue 11), without the white space around it.
    assert voorwaarde.notitie == "Geen budget in de begroting van 2028."
    assert str(voorwaarde).endswith(
        "begrotingen. Notitie van de adviseur: Geen budget in de begroting van 2028."
    )


def test_a_succesfactor_partly_met_is_listed_but_keeps_positief():
    factoren = [
        SuccesfactorInvoer("Niet te vroeg evalueren", "deels", code="vorming_niet_te_vroeg_evalueren",
                           fase="vorming", regel=6797),
        SuccesfactorInvoer("Langjarig perspectief", "voldaan", code="werking_langjarig_perspectief",
                           fase="werking", regel=7287, notitie="Afgesproken."),
    ]  # fmt: skip
    uitkomst = bereken_uitkomst(invoer(alles("1")), factoren)
    assert uitkomst.advies == Advies.POSITIEF
    [voorwaarde] = uitkomst.voorwaarden
    assert (
        voorwaarde.onderwerp == "Kritieke succesfactor ‘Niet te vroeg evalueren’ is deels voldaan"
    )
    assert "na twee à drie jaar" in voorwaarde.tekst
    assert voorwaarde.notitie == ""


# --- politiek draagvlak (deelvraag 5) below zero: never a plain positief (issue 11) -------


def test_negative_political_support_turns_positief_into_voorwaarden_and_names_it():
    # Effectief (+2 − 1) / 2 = +0,5: before issue 11 this was a plain positief.
    uitkomst = bereken_uitkomst(invoer(alles("2", d5="-1")))
    assert uitkomst.oordelen["effectief"].waarde == Waarde.JA
    assert (uitkomst.advies, uitkomst.regel) == (Advies.VOORWAARDEN, "draagvlak_negatief")
    assert "het politiek draagvlak (deelvraag 5) scoort −1" in uitkomst.uitleg
    assert uitkomst.voorwaarden[0].onderwerp == "Deelvraag 5 (politiek draagvlak) scoort −1"
    assert "Iedere raad stemt uitdrukkelijk in" in uitkomst.voorwaarden[0].tekst


def test_negative_support_goes_first_among_the_voorwaarden():
    factoren = [SuccesfactorInvoer("Omgaan met urgentie", "deels", code="vorming_urgentie")]
    uitkomst = bereken_uitkomst(invoer(alles("2", d3="0", d5="-1")), factoren)
    assert uitkomst.regel == "draagvlak_negatief"
    assert [v.deelvraag for v in uitkomst.voorwaarden] == [5, 3, None]


def test_support_at_zero_still_allows_positief():
    uitkomst = bereken_uitkomst(invoer(alles("1", d4="1", d5="0")))
    assert uitkomst.advies == Advies.POSITIEF


def test_negative_support_never_lifts_a_doubtful_meerwaarde():
    uitkomst = bereken_uitkomst(invoer(alles("1", d1="0", d2="0", d5="-1")))
    assert (uitkomst.advies, uitkomst.regel) == (Advies.NEGATIEF, "meerwaarde_twijfel")


def test_no_weight_makes_negative_support_a_plain_positief():
    # Halving or raising the weight of deelvraag 4 or 5 moves effectief between doubt and
    # "ja"; without the rule some combinations would read positief.
    resultaat = gevoeligheid(invoer(alles("2", d5="-1")))
    assert resultaat.advies == Advies.VOORWAARDEN
    assert Advies.POSITIEF not in resultaat.adviezen_in_combinaties
    assert resultaat.houdt_stand


def test_the_rules_list_says_negative_support_is_at_most_voorwaarden():
    codes = [code for code, _ in REGELS]
    assert codes.index("draagvlak_negatief") < codes.index("positief")
    tekst = dict(REGELS)
    assert "Hooguit positief onder voorwaarden" in tekst["draagvlak_negatief"]
    assert "het politiek draagvlak niet negatief is" in tekst["positief"]


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
