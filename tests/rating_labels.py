"""A desk's own rating scale with labels in other languages, for the tests of ratings named in an
article's language."""

from apps.reviews import services as reviews


def relabel(desk_admin, rating, *, label=None, language_labels=None):
    """`rating` renamed to `label` and/or given `language_labels` ({"es": "Falso"}; None keeps its own), its other
    fields kept."""
    return reviews.rating_update(
        user=desk_admin,
        rating=rating,
        label=label or rating.label,
        description=rating.description,
        claimreview_value=rating.claimreview_value,
        language_labels=language_labels,
    )


def labelled_desk_scale(desk, desk_admin, labels):
    """The desk's own copy of the standard scale, each rating named in `labels` ({"False": {"es": "Falso"}})
    given those labels in other languages."""
    scale = reviews.rating_scale_copy_default(user=desk_admin, desk=desk)
    for label, language_labels in labels.items():
        relabel(desk_admin, scale.ratings.get(label=label), language_labels=language_labels)
    return scale
