"""Reading numbers as people type them in Dutch (issue 11): with millions written out, and
never a guess where the text could mean two numbers."""

import pytest

from weergave.getallen import OnduidelijkGetal, lees_getal


@pytest.mark.parametrize(
    ("getypt", "gelezen"),
    [("1,2 mln", "1200000"), ("1,2 miljoen", "1200000"), ("€ 1,2 mln", "1200000"),
     ("1,2mln", "1200000"), ("12 MLN", "12000000"), ("0,75 mln.", "750000"),
     ("1,25 Miljoen", "1250000"), ("2 mld", "2000000000"), ("1,5 miljard", "1500000000"),
     ("\u22121,2 mln", "-1200000"), ("1,2345678 mln", "1234567.8")],
)  # fmt: skip
def test_millions_and_billions_are_read_without_a_decimal_place_too_many(getypt, gelezen):
    assert lees_getal(getypt) == gelezen


@pytest.mark.parametrize("getypt", ["1.5 mln", "1.500 mln", "€ 2.5 miljoen", "1.2 mld"])
def test_a_point_before_mln_is_refused_because_it_could_be_either(getypt):
    with pytest.raises(
        OnduidelijkGetal, match=r"met een komma, bijvoorbeeld 1,5 (mln|miljoen|mld)"
    ):
        lees_getal(getypt)


@pytest.mark.parametrize("getypt", ["1,200,000", "1,200.50", "1,200,000.5", "-1,200,000"])
def test_english_notation_is_refused_with_the_dutch_way_to_write_it(getypt):
    with pytest.raises(OnduidelijkGetal) as fout:
        lees_getal(getypt)
    assert str(fout.value) == (
        f"‘{getypt}’ is Engelse notatie. Schrijf een punt tussen de duizendtallen en een komma "
        "voor de decimalen, bijvoorbeeld 1.200.000 of 1,2 mln."
    )


@pytest.mark.parametrize("getypt", ["mln", "x mln", "veel miljoen", "1,2,3 mln", "∞ mln"])
def test_a_unit_without_a_number_is_given_back_for_the_field_to_refuse(getypt):
    assert lees_getal(getypt) == getypt


def test_one_comma_is_dutch_even_with_three_digits_after_it():
    # '1,200' is 1,2 in Dutch; an amount field then says it wants whole euros.
    assert lees_getal("1,200") == "1.200"
