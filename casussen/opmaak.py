"""Dutch notation for numbers, in one place: 1.234.567, 12,3%, +0,67, −1,00."""

from __future__ import annotations

MIN = "−"  # U+2212: a real minus sign, read correctly by screen readers.


def _nl(tekst: str) -> str:
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".").replace("-", MIN)


def geheel(waarde: float) -> str:
    """1234567.4 → '1.234.567'."""
    return _nl(f"{waarde:,.0f}")


def decimaal(waarde: float, cijfers: int = 1) -> str:
    """2.04 → '2,0'."""
    return _nl(f"{waarde:.{cijfers}f}")


def procent(fractie: float, cijfers: int = 1) -> str:
    """0.1234 → '12,3%'."""
    return _nl(f"{fractie * 100:.{cijfers}f}%")


def score(waarde: float) -> str:
    """0.6667 → '+0,67'."""
    return _nl(f"{waarde:+.2f}")
