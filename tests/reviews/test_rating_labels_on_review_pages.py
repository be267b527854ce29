"""The review pages name a rating as the claim's page and its article's exports do: by the label the desk
gave for the article's language, else the default label. Where a rating is chosen (the verdict form, the
admin's list with its filter), a translation comes with the default label, which tells apart two ratings
that share one."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.reviews import services as reviews
from apps.reviews.models import RatingScale, ReviewTask
from tests import factories
from tests.rating_labels import labelled_desk_scale

pytestmark = pytest.mark.django_db

TEXT = "Rusia y China han vetado {number} resoluciones del Consejo de Seguridad sobre Siria."
LABELS = {"True": {"es": "Verdadero", "fr": "Vrai"}, "False": {"es": "Falso", "fr": "Faux"}}


@pytest.fixture
def scale(desk, desk_admin) -> RatingScale:
    """The desk's own scale, with Spanish and French labels for True and False."""
    return labelled_desk_scale(desk, desk_admin, LABELS)


def _assigned(desk, editor, reviewer, *, language: str, number: int = 3) -> ReviewTask:
    text = TEXT.format(number=number)
    article = factories.ArticleFactory(desk=desk, body=text, title=f"Vetos {number}", language=language)
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=text, start=0, end=len(text)))
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    return ReviewTask.objects.get(pk=task.pk)


def _submitted(desk, editor, reviewer, scale, *, language: str, number: int = 3, rating: str = "False") -> ReviewTask:
    task = _assigned(desk, editor, reviewer, language=language, number=number)
    reviews.verdict_submit(user=reviewer, task=task, rating=scale.ratings.get(label=rating), rationale="Cuatro.")
    return ReviewTask.objects.get(pk=task.pk)


def _queries(client, path: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), response.content.decode()


def _queries_with_verdicts_in_two_languages(client, path, ratings_on, shown, desk, editor, reviewer, scale):
    """The queries `path` reads with 2, then 6 submitted verdicts of Spanish and French articles, in turn;
    each time the page shows each verdict's rating as `shown` names it for those languages."""
    counts, made = [], 0
    for total in (2, 6):
        for number in range(made, total):
            _submitted(desk, editor, reviewer, scale, language=("es", "fr")[number % 2], number=number + 3)
        count, page = _queries(client, path)
        assert sorted(ratings_on(page)) == sorted(shown * (total // 2))
        counts.append(count)
        made = total
    return counts


def _queue_ratings(page: str) -> list[str]:
    """The rating of each verdict in the approval queue."""
    return re.findall(r'<td>(?:<div class="small notice-inline">.*?</div>)?<strong>(.*?)</strong>', page)


def _rating_options(page: str) -> dict[str, bool]:
    """The verdict form's rating choices by their text, each with whether it is the chosen one."""
    select = re.search(r'<select name="rating"[^>]*>(.*?)</select>', page, re.S).group(1)
    return {
        unescape(text): "selected" in attributes
        for attributes, text in re.findall(r"<option([^>]*)>(.*?)</option>", select)
        if 'value=""' not in attributes
    }


def _admin_ratings(page: str) -> list[str]:
    return [unescape(cell) for cell in re.findall(r'<td class="field-rating_shown">(.*?)</td>', page)]


def test_the_approval_queue_names_each_verdicts_rating_in_its_articles_language(client, desk, editor, reviewer, scale):
    _submitted(desk, editor, reviewer, scale, language="es-MX", number=3)
    _submitted(desk, editor, reviewer, scale, language="de", number=4)
    client.force_login(editor)

    _, page = _queries(client, reverse("reviews:queue"))

    assert sorted(_queue_ratings(page)) == ["False", "Falso"]


def test_the_approval_queue_names_a_corrected_verdicts_new_rating_in_its_articles_language(
    client, desk, editor, reviewer, scale
):
    task = _submitted(desk, editor, reviewer, scale, language="es", rating="True")
    reviews.verdict_approve(editor=editor, task=task)
    reviews.verdict_reopen(editor=editor, task=ReviewTask.objects.get(pk=task.pk), note="Fueron cuatro.")
    reviews.verdict_submit(
        user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=scale.ratings.get(label="False"), rationale="4."
    )
    client.force_login(editor)

    _, page = _queries(client, reverse("reviews:queue"))

    assert "Correction of a published verdict: Fueron cuatro." in page
    assert _queue_ratings(page) == ["Falso"]


def test_the_approval_queue_reads_a_fixed_number_of_queries_with_verdicts_in_several_languages(
    client, desk, editor, reviewer, scale
):
    client.force_login(editor)
    counts = _queries_with_verdicts_in_two_languages(
        client, reverse("reviews:queue"), _queue_ratings, ["Falso", "Faux"], desk, editor, reviewer, scale
    )

    assert counts[0] == counts[1]


def test_the_verdict_form_offers_the_ratings_in_the_articles_language_with_their_default_labels(
    client, desk, editor, reviewer, scale
):
    task = _assigned(desk, editor, reviewer, language="es-MX")
    reviews.verdict_draft_save(user=reviewer, task=task, rating=scale.ratings.get(label="False"), rationale="Cuatro.")
    client.force_login(reviewer)

    _, page = _queries(client, reverse("claims:detail", args=[task.claim_id]))

    options = _rating_options(page)
    assert options["Falso (False)"] is True
    assert options["Verdadero (True)"] is False
    # A rating without a Spanish label keeps its default one, alone.
    assert "Mostly true" in options


def test_a_rating_chosen_by_its_translation_is_the_verdicts_rating(client, desk, editor, reviewer, scale):
    task = _assigned(desk, editor, reviewer, language="es")
    false = scale.ratings.get(label="False")
    client.force_login(reviewer)

    response = client.post(
        reverse("reviews:verdict", args=[task.claim_id]),
        {"rating": str(false.pk), "rationale": "Fueron cuatro.", "revision": task.verdict_revision},
    )

    assert response.status_code == 302
    assert ReviewTask.objects.get(pk=task.pk).verdict.rating == false


def test_the_claim_page_reads_a_fixed_number_of_queries_whatever_the_scales_translations(
    client, desk, editor, reviewer, scale, desk_admin
):
    task = _assigned(desk, editor, reviewer, language="es")
    client.force_login(reviewer)
    path = reverse("claims:detail", args=[task.claim_id])
    few, _ = _queries(client, path)

    for number in range(4):
        reviews.rating_create(
            user=desk_admin, desk=desk, label=f"Doubtful {number}", language_labels={"es": f"Dudoso {number}"}
        )
    many, page = _queries(client, path)

    assert "Dudoso 3 (Doubtful 3)" in _rating_options(page)
    assert many == few


def test_the_verdict_admin_lists_each_rating_in_its_articles_language(root_client, desk, editor, reviewer, scale):
    _submitted(desk, editor, reviewer, scale, language="es", number=3)
    _submitted(desk, editor, reviewer, scale, language="de", number=4)

    _, page = _queries(root_client, reverse("admin:reviews_verdict_changelist"))

    assert sorted(_admin_ratings(page)) == ["False", "Falso (False)"]


def test_the_verdict_admin_list_reads_a_fixed_number_of_queries(root_client, desk, editor, reviewer, scale):
    counts = _queries_with_verdicts_in_two_languages(
        root_client,
        reverse("admin:reviews_verdict_changelist"),
        _admin_ratings,
        ["Falso (False)", "Faux (False)"],
        desk,
        editor,
        reviewer,
        scale,
    )

    assert counts[0] == counts[1]
