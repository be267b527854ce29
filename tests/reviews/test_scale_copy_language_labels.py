"""A desk that copies the standard scale keeps the standard ratings' labels in other languages: the
desk's Spanish articles go on naming their verdicts in Spanish after the copy as before it."""

import pytest

from apps.reports.selectors import report_build
from apps.reviews import services as reviews
from apps.reviews.models import Rating, ReviewTask
from apps.reviews.selectors import rating_scale_for_desk
from tests import factories

pytestmark = pytest.mark.django_db

BODY = (
    "La autoridad portuaria dragó cuatro millones de toneladas de limo de la dársena en 2019, "
    "y el tráfico del puerto se duplicó después, según su director."
)


def test_the_copy_keeps_the_standard_ratings_language_labels(desk, editor, reviewer):
    standard_false = rating_scale_for_desk(desk=desk).ratings.get(label="False")
    # As a site administrator gives them on the standard scale in the Django admin.
    Rating.objects.filter(pk=standard_false.pk).update(language_labels={"es": "Falso", "de": "Falsch"})
    article = factories.ArticleFactory(desk=desk, body=BODY, language="es")
    claim = factories.ClaimFactory(article=article, text=BODY[:88], start=0, end=88)
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    reviews.verdict_submit(
        user=reviewer,
        task=ReviewTask.objects.get(pk=task.pk),
        rating=Rating.objects.get(pk=standard_false.pk),
        rationale="The port authority's own report gives a smaller figure.",
    )
    reviews.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))
    assert report_build(article=article).rows[0].rating_label == "Falso"
    desk_admin = factories.MemberFactory(desk=desk, role="admin").user

    scale = reviews.rating_scale_copy_default(user=desk_admin, desk=desk)

    assert scale.ratings.get(label="False").language_labels == {"es": "Falso", "de": "Falsch"}
    assert report_build(article=article).rows[0].rating_label == "Falso"
