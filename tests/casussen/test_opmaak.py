from casussen import opmaak


def test_dutch_notation():
    assert opmaak.geheel(1_234_567.4) == "1.234.567"
    assert opmaak.geheel(-250_000) == "−250.000"
    assert opmaak.decimaal(2.04) == "2,0"
    assert opmaak.procent(-0.2345) == "−23,4%"
    assert opmaak.score(0.6667) == "+0,67"
    assert opmaak.score(-1) == "−1,00"
