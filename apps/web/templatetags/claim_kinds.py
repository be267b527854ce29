from django import template

from apps.claims.models import ClaimKind

register = template.Library()


@register.filter
def claim_kind_label(code: str) -> str:
    """A claim kind as people read it ('Event / action' for 'event'); a code no longer known, as stored."""
    return ClaimKind(code).label if code in ClaimKind.values else code
