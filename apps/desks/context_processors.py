from django.utils.functional import SimpleLazyObject

from .selectors import admin_desk_list_for_user


def desk_admin(request) -> dict:
    """`admin_desks`: the desks the user administers, for the header's "Desk settings" link.

    Lazy, so a page costs that one query only when its template asks (base.html always does
    for signed-in users), and none at all for anonymous pages such as the login form.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"admin_desks": []}
    return {"admin_desks": SimpleLazyObject(lambda: list(admin_desk_list_for_user(user=user)))}
