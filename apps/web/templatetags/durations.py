import datetime as dt

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def duration(value: dt.timedelta | None) -> str:
    """A duration as people read it: "45 min", "5 h 20 min", "3.5 days"; "—" when there is none."""
    if value is None:
        return "—"
    minutes = round(value.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        hours, rest = divmod(minutes, 60)
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    return gettext("%(days)s days") % {"days": f"{value.total_seconds() / 86400:.1f}"}
