from django.utils.functional import SimpleLazyObject

from .tips import tip_inbox_summary


def reader_tips(request) -> dict:
    """`tip_inbox`: the header's "Tips" link for editors of a desk that takes tips or has some, with
    the count of new ones ({"slug", "new"}, or {} for everyone else). Lazy: one query, only on pages
    whose template asks, none for anonymous visitors."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"tip_inbox": {}}
    return {"tip_inbox": SimpleLazyObject(lambda: tip_inbox_summary(user=user))}
