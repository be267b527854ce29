"""The POST data of a Django admin change page as it would arrive unedited, for tests that change one
or two fields the way a site administrator does, without spelling out every field of the form."""

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.forms import MultiWidget
from django.test import RequestFactory


def admin_change_data(obj: Model, *, user, **changes: Any) -> dict[str, Any]:
    """The change form of `obj` in the admin as `user` sees it, filled with its stored values, then
    `changes` (field name to the value posted; False leaves a checkbox unticked). Inline formsets
    are not included."""
    request = RequestFactory().get("/")
    request.user = user
    model_admin = admin.site._registry[type(obj)]
    form = model_admin.get_form(request, obj, change=True)(instance=obj)
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = changes[name] if name in changes else form[name].value()
        if isinstance(field.widget, MultiWidget):
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{name}_{index}"] = "" if part is None else part
        elif value is False or value is None:
            continue
        elif value is True:
            data[name] = "on"
        else:
            data[name] = value
    return data


def rating_scale_admin_data(scale, **changes: Any) -> dict[str, Any]:
    """The rating scale's admin change form with its ratings inline, as stored, then `changes`."""
    ratings = list(scale.ratings.order_by("position"))
    data: dict[str, Any] = {
        "name": scale.name,
        "best_rating": scale.best_rating,
        "worst_rating": scale.worst_rating,
        "ratings-TOTAL_FORMS": len(ratings),
        "ratings-INITIAL_FORMS": len(ratings),
        "ratings-MIN_NUM_FORMS": 0,
        "ratings-MAX_NUM_FORMS": 1000,
    }
    for index, rating in enumerate(ratings):
        data[f"ratings-{index}-id"] = rating.pk
        data[f"ratings-{index}-scale"] = scale.pk
        for field in ("label", "description", "claimreview_value", "position"):
            value = getattr(rating, field)
            data[f"ratings-{index}-{field}"] = "" if value is None else value
        data[f"ratings-{index}-language_labels"] = "{}"
    return {**data, **changes}
