"""A verdict, approval or return sent from a page shown before the verdict last changed is refused:
nobody approves, returns or overwrites a verdict they have not seen."""

import pytest

from apps.core.exceptions import ApplicationError
from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(desk, editor, reviewer):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    return ReviewTask.objects.get(pk=task.pk)


def _rating(label):
    return Rating.objects.get(scale__desk=None, label=label)


def _submit(task, reviewer, label, rationale, **kwargs):
    return services.verdict_submit(user=reviewer, task=task, rating=_rating(label), rationale=rationale, **kwargs)


def _resubmitted_after_the_editor_looked(task, editor, reviewer) -> int:
    """The revision an editor's page showed with the first verdict; the reviewer has since changed it."""
    _submit(task, reviewer, "False", "First reading.")
    shown = ReviewTask.objects.get(pk=task.pk).verdict_revision
    services.verdict_return(editor=editor, task=task, note="Check the UN list.")
    _submit(task, reviewer, "True", "Three vetoes on the UN list.")
    return shown


def test_each_change_to_the_verdict_counts_a_revision(task, editor, reviewer):
    revisions = [ReviewTask.objects.get(pk=task.pk).verdict_revision]
    _submit(task, reviewer, "False", "First reading.")
    revisions.append(ReviewTask.objects.get(pk=task.pk).verdict_revision)
    services.verdict_return(editor=editor, task=task, note="Check the UN list.")
    revisions.append(ReviewTask.objects.get(pk=task.pk).verdict_revision)
    _submit(task, reviewer, "True", "Three vetoes.")
    revisions.append(ReviewTask.objects.get(pk=task.pk).verdict_revision)
    services.verdict_approve(editor=editor, task=task)
    revisions.append(ReviewTask.objects.get(pk=task.pk).verdict_revision)

    assert revisions == [0, 1, 2, 3, 4]


def test_approving_a_verdict_the_reviewer_changed_since_the_page_was_shown_is_refused(task, editor, reviewer):
    shown = _resubmitted_after_the_editor_looked(task, editor, reviewer)

    with pytest.raises(ApplicationError) as refused:
        services.verdict_approve(editor=editor, task=task, seen_revision=shown)

    assert refused.value.status == 409
    assert "changed this verdict after you opened the page, so it was not approved" in refused.value.message
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    assert task.verdict.approved_by is None


def test_approving_the_verdict_as_shown_goes_through(task, editor, reviewer):
    _submit(task, reviewer, "True", "Three vetoes.")
    shown = ReviewTask.objects.get(pk=task.pk).verdict_revision

    services.verdict_approve(editor=editor, task=task, seen_revision=shown)

    task.refresh_from_db()
    assert task.status == TaskStatus.APPROVED


def test_returning_a_verdict_the_reviewer_changed_since_the_page_was_shown_is_refused(task, editor, reviewer):
    shown = _resubmitted_after_the_editor_looked(task, editor, reviewer)

    with pytest.raises(ApplicationError) as refused:
        services.verdict_return(editor=editor, task=task, note="Still wrong.", seen_revision=shown)

    assert refused.value.status == 409
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    assert task.editor_note == "Check the UN list."


def test_approving_a_verdict_another_editor_returned_meanwhile_says_so(task, editor, reviewer):
    _submit(task, reviewer, "False", "First reading.")
    services.verdict_return(editor=editor, task=task, note="Check the UN list.")

    with pytest.raises(ApplicationError) as refused:
        services.verdict_approve(editor=editor, task=task)

    assert refused.value.message.startswith("This verdict has been returned to its reviewer")


def test_a_verdict_form_opened_before_the_last_submission_does_not_overwrite_it(task, editor, reviewer):
    opened = ReviewTask.objects.get(pk=task.pk).verdict_revision
    _submit(task, reviewer, "False", "Sent from the other window.")
    services.verdict_return(editor=editor, task=task, note="Name the resolutions.")

    with pytest.raises(ApplicationError) as refused:
        _submit(task, reviewer, "True", "Typed in the old window.", seen_revision=opened)

    assert refused.value.status == 409
    task.refresh_from_db()
    assert task.status == TaskStatus.RETURNED
    assert task.verdict.rationale == "Sent from the other window."


def test_a_revised_verdict_sent_from_the_page_shown_after_the_return_goes_through(task, editor, reviewer):
    _submit(task, reviewer, "False", "First reading.")
    services.verdict_return(editor=editor, task=task, note="Name the resolutions.")
    shown = ReviewTask.objects.get(pk=task.pk).verdict_revision

    _submit(task, reviewer, "True", "S/2011/612, S/2012/77 and S/2012/538.", seen_revision=shown)

    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    assert task.verdict.rationale == "S/2011/612, S/2012/77 and S/2012/538."


def test_the_api_refuses_an_approval_of_a_revision_it_did_not_read(task, editor, reviewer, editor_api):
    shown = _resubmitted_after_the_editor_looked(task, editor, reviewer)

    stale = editor_api.post(f"/api/v1/tasks/{task.pk}/approve/", {"verdict_revision": shown}, format="json")
    current = editor_api.get(f"/api/v1/tasks/{task.pk}/").json()["verdict_revision"]
    approved = editor_api.post(f"/api/v1/tasks/{task.pk}/approve/", {"verdict_revision": current}, format="json")

    assert stale.status_code == 409
    assert stale.json()["extra"] == {"verdict_revision": current}
    assert approved.status_code == 200
    assert approved.json()["status"] == TaskStatus.APPROVED
