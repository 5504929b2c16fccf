"""Numbers as the report prints them: 万件 with one decimal, percentages with two."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

WAN = Decimal(10_000)


def _decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    raise TypeError(f"not a number: {value!r}")


def wan(items: object, places: int = 1) -> str:
    """Items (件) in 万件, rounded half up: 1 400 000 → '140.0'."""
    if items is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    return str((_decimal(items) / WAN).quantize(quantum, rounding=ROUND_HALF_UP))


def pct(value: object, places: int = 2) -> str:
    """A percentage with two decimals, rounded half up: 55.347 → '55.35'."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    return str(_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP))


def whole(items: object) -> str:
    """A count in 件 as the report's tables print it (no separators)."""
    return "" if items is None else str(int(_decimal(items)))


def signed_pct(value: object) -> str:
    text = pct(value)
    return text if not text or text.startswith("-") else f"+{text}"


def wan_value(items: object) -> float:
    """Items in 万件 as a float for charts."""
    return float(_decimal(items) / WAN)
