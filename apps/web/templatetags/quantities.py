from django import template
from django.utils.formats import number_format

register = template.Library()

SYMBOLS = {"=": "", ">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< ", "~": "≈ "}


def _number(value: float) -> str:
    return number_format(int(value) if float(value).is_integer() else value, force_grouping=True)


@register.filter
def quantity_reading(quantity: dict) -> str:
    """What extraction read a quantity as, so an editor can see a wrong unit or bound at a glance:
    "at least 40,000 people" reads "≥ 40,000 people", "between 36 and 40 people" "36\u201340 people"."""
    if quantity.get("qualifier") == "between" and quantity.get("max") is not None:
        reading = f"{_number(quantity['value'])}\u2013{_number(quantity['max'])}"
    else:
        reading = f"{SYMBOLS.get(quantity.get('qualifier', '='), '')}{_number(quantity['value'])}"
    unit = quantity.get("unit")
    return f"{reading} {unit}" if unit else reading
