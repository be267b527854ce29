import pytest

from apps.reviews import notifications
from apps.reviews import tasks as review_tasks


@pytest.fixture
def published(monkeypatch):
    """The ids of the emails published to the broker, in order."""
    ids = []
    monkeypatch.setattr(review_tasks.notification_send_task, "delay", ids.append)
    return ids


@pytest.fixture
def act(published, django_capture_on_commit_callbacks):
    """Run a service as a request would, then deliver what it published, as a worker would."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = service(**kwargs)
        for notification_id in published:
            notifications.notification_send(notification_id=notification_id)
        published.clear()
        return result

    return run
