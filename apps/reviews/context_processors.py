from django.utils.functional import SimpleLazyObject

from .selectors import review_task_queue_summary


def review_work(request) -> dict:
    """`my_work`: the signed-in user's open review tasks ({"open", "overdue", "returned"}), for the
    header's "My queue" count. Lazy: one query, only on pages whose template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_work": {}}
    return {"my_work": SimpleLazyObject(lambda: review_task_queue_summary(user=user))}
