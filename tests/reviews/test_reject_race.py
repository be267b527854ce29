import threading

import pytest
from django.db import connection, transaction

from apps.claims.models import Claim, ClaimStatus
from apps.claims.services import claim_reject
from apps.core.exceptions import ApplicationError
from apps.reviews.models import Rating, ReviewTask, TaskStatus
from apps.reviews.services import review_tasks_assign, verdict_submit
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_an_editor_rejecting_while_a_verdict_is_being_submitted_waits_and_is_refused(desk, editor, reviewer):
    claim = factories.ClaimFactory(article__desk=desk)
    task = factories.ReviewTaskFactory(claim=claim)
    review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="True")
    submitted, outcome = threading.Event(), {}

    def submit_and_hold_the_transaction_open():
        try:
            with transaction.atomic():
                verdict_submit(user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale="ok")
                submitted.set()
                # The rejection below starts now and must wait for this transaction, not slip past it.
                threading.Event().wait(1.0)
        finally:
            connection.close()

    def reject():
        submitted.wait(5)
        try:
            claim_reject(claim=Claim.objects.get(pk=claim.pk), user=editor, reason="An opinion.")
            outcome["reject"] = "done"
        except ApplicationError as error:
            outcome["reject"] = error.message
        finally:
            connection.close()

    threads = [threading.Thread(target=submit_and_hold_the_transaction_open), threading.Thread(target=reject)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    claim.refresh_from_db()
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    assert claim.status == ClaimStatus.ACTIVE
    assert "waiting for approval" in outcome["reject"]
