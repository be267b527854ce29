from django import template
from django.utils.formats import number_format

register = template.Library()

SYMBOLS = {"=": "", ">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< ", "~": "≈ "}


def _number(value: float) -> str:
    return number_format(int(value) if float(value).is_integer() else value, force_grouping=True)


def _amount(value: float, unit: str) -> str:
    # A share is stored as a ratio ("two thirds" is 0.666667); people read it as a percentage.
    return f"{_number(round(value * 100, 1))}%" if unit == "ratio" else _number(value)


@register.filter
def quantity_reading(quantity: dict) -> str:
    """What extraction read a quantity as, so an editor can see a wrong unit or bound at a glance:
    "at least 40,000 people" reads "≥ 40,000 people", "between 36 and 40 people" "36\u201340 people",
    "two thirds" "66.7%"."""
    unit = quantity.get("unit") or ""
    if quantity.get("qualifier") == "between" and quantity.get("max") is not None:
        reading = f"{_amount(quantity['value'], unit)}\u2013{_amount(quantity['max'], unit)}"
    else:
        reading = f"{SYMBOLS.get(quantity.get('qualifier', '='), '')}{_amount(quantity['value'], unit)}"
    return f"{reading} {unit}" if unit and unit != "ratio" else reading
