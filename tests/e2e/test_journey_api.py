"""The whole desk through the REST API, with a real Celery worker on the real Redis broker."""

import json
import time

import pytest
from rest_framework.test import APIClient

from apps.references.services import library_document_upsert
from tests.e2e.worker import celery_worker
from tests.fakes.server import FakeResponse, FakeServer

# The worker is another process, so the test database must be a server both can reach.
pytestmark = [pytest.mark.e2e, pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _wikipedia_search(request):
    return FakeResponse.json(
        {
            "batchcomplete": "",
            "continue": {"sroffset": 2, "continue": "-||"},
            "query": {
                "searchinfo": {"totalhits": 2},
                "search": [
                    {
                        "ns": 0,
                        "title": "Russia and the Syrian civil war",
                        "pageid": 1001,
                        "size": 120000,
                        "wordcount": 15000,
                        "snippet": 'Russia and China <span class="searchmatch">vetoed</span> three draft resolutions',
                        "timestamp": "2024-01-01T00:00:00Z",
                    },
                    {
                        "ns": 0,
                        "title": "Casualties of the Syrian civil war",
                        "pageid": 1002,
                        "size": 90000,
                        "wordcount": 9000,
                        "snippet": "By December 2012 more than 40,000 people had been killed",
                        "timestamp": "2024-01-01T00:00:00Z",
                    },
                ],
            },
        }
    )


@pytest.fixture
def wikipedia():
    with FakeServer({"/w/api.php": _wikipedia_search}) as server:
        yield server


@pytest.fixture
def worker(wikipedia, settings, tmp_path):
    settings.FACTCHECK_HTTP_ALLOWED_PRIVATE_HOSTS = [wikipedia.host]
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [wikipedia.host]
    settings.WIKIPEDIA_API_URL = wikipedia.url("/w/api.php")
    env = {
        "WIKIPEDIA_API_URL": wikipedia.url("/w/api.php"),
        "FACTCHECK_HTTP_ALLOWED_PRIVATE_HOSTS": wikipedia.host,
        "FACTCHECK_REFERENCE_PROVIDERS": "local_library,wikipedia",
        # Politeness delays are for real hosts; the fake server answers as fast as it can.
        "FACTCHECK_HTTP_HOST_MIN_INTERVAL": "0",
    }
    with celery_worker(queues=("default", "fetch"), env=env, log_dir=tmp_path) as process:
        yield process


def _wait_for_references(client, article_id, timeout=90.0):
    deadline = time.monotonic() + timeout
    progress = {}
    while time.monotonic() < deadline:
        progress = client.get(f"/api/v1/articles/{article_id}/reference-progress/").json()
        if progress["total"] and progress["done"] + progress["failed"] == progress["total"]:
            return progress
        time.sleep(0.5)
    raise AssertionError(f"references not gathered in {timeout}s: {progress}")


def _claim_containing(claims, *words):
    matches = [c for c in claims if all(w.lower() in c["text"].lower() for w in words)]
    assert matches, f"no claim mentions {words}: {[c['text'] for c in claims]}"
    return matches[0]


def test_editor_to_export_with_a_real_worker(worker, desk, editor, reviewer, seed_bytes):
    library_document_upsert(
        desk=desk,
        title="Security Council vetoes on Syria, 2011-2012",
        publisher="Demo library",
        url="https://research.un.org/en/docs/sc/quick/veto",
        published_on=None,
        body=(
            "Russia and China vetoed three Security Council draft resolutions on Syria: "
            "S/2011/612 on 4 October 2011, S/2012/77 on 4 February 2012 and S/2012/538 on 19 July 2012."
        ),
    )
    editor_api, reviewer_api = APIClient(), APIClient()
    editor_api.force_authenticate(editor)
    reviewer_api.force_authenticate(reviewer)

    # Import the seed as an uploaded file.
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("moscow-times.txt", seed_bytes, content_type="text/plain")
    response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")
    assert response.status_code == 201, response.content
    article_id = response.json()["id"]
    again = editor_api.post(
        "/api/v1/articles/import/",
        {"file": SimpleUploadedFile("again.txt", seed_bytes, content_type="text/plain")},
        format="multipart",
    )
    assert (again.status_code, again.json()["id"]) == (200, article_id)

    # The compound sentence is split into sanctions, vetoes and death toll.
    claims = editor_api.get(f"/api/v1/claims/?article={article_id}&page_size=200").json()["results"]
    sanctions = _claim_containing(claims, "resisted", "sanctions")
    vetoes = _claim_containing(claims, "vetoed", "three")
    death_toll = _claim_containing(claims, "40,000")
    assert len({sanctions["id"], vetoes["id"], death_toll["id"]}) == 3
    assert not [c for c in claims if "not available for comment" in c["text"]]

    links = editor_api.get(f"/api/v1/source-links/?claim={vetoes['id']}").json()["results"]
    assert any("research.un.org" in link["url"] for link in links)

    # The worker gathers references for every claim.
    progress = _wait_for_references(editor_api, article_id)
    assert progress["done"] == progress["total"] == len(claims)
    references = editor_api.get(f"/api/v1/references/?claim={vetoes['id']}").json()["results"]
    providers = {reference["provider"] for reference in references}
    assert {"local_library", "wikipedia"} <= providers

    # Assign, review, approve.
    tasks = editor_api.get(f"/api/v1/tasks/?article={article_id}&page_size=200").json()["results"]
    veto_task = next(task for task in tasks if task["claim"] == vetoes["id"])
    toll_task = next(task for task in tasks if task["claim"] == death_toll["id"])
    response = editor_api.post(
        "/api/v1/tasks/assign/",
        {"task_ids": [veto_task["id"], toll_task["id"]], "assignee": reviewer.username},
        format="json",
    )
    assert response.status_code == 200, response.content
    ratings = {rating["label"]: rating["id"] for rating in reviewer_api.get("/api/v1/ratings/").json()}
    library_ref = next(r for r in references if r["provider"] == "local_library")
    for task, label in ((veto_task, "True"), (toll_task, "Mostly true")):
        assert reviewer_api.post(f"/api/v1/tasks/{task['id']}/start/").status_code == 200
        response = reviewer_api.post(
            f"/api/v1/tasks/{task['id']}/verdict/",
            {
                "rating": ratings[label],
                "rationale": "Checked against UN records.",
                "references": [library_ref["id"]] if task is veto_task else [],
            },
            format="json",
        )
        assert response.status_code == 200, response.content
        assert editor_api.post(f"/api/v1/tasks/{task['id']}/approve/").json()["status"] == "approved"

    # Export: ClaimReview for exactly the approved claims.
    response = editor_api.get(f"/api/v1/articles/{article_id}/export/?format=claimreview")
    assert response.status_code == 200
    reviews = json.loads(response.content)
    assert {item["claimReviewed"] for item in reviews} == {vetoes["text"], death_toll["text"]}
    by_claim = {item["claimReviewed"]: item for item in reviews}
    assert by_claim[vetoes["text"]]["reviewRating"]["ratingValue"] == 5
    assert by_claim[death_toll["text"]]["reviewRating"]["alternateName"] == "Mostly true"
    assert by_claim[vetoes["text"]]["itemReviewed"]["author"]["name"] == "The Moscow Times"
    for export_format in ("html", "md", "csv", "json"):
        assert editor_api.get(f"/api/v1/articles/{article_id}/export/?format={export_format}").status_code == 200

    # Correct a published verdict: the export keeps it until the corrected one is approved.
    revision = editor_api.get(f"/api/v1/tasks/{toll_task['id']}/").json()["verdict_revision"]
    note = "The UN revised its count of the dead."
    response = editor_api.post(
        f"/api/v1/tasks/{toll_task['id']}/reopen/", {"note": note, "verdict_revision": revision}, format="json"
    )
    assert response.json()["status"] == "returned", response.content
    claimreview = f"/api/v1/articles/{article_id}/export/?format=claimreview"
    by_claim = {item["claimReviewed"]: item for item in json.loads(editor_api.get(claimreview).content)}
    assert by_claim[death_toll["text"]]["reviewRating"]["alternateName"] == "Mostly true"
    response = reviewer_api.post(
        f"/api/v1/tasks/{toll_task['id']}/verdict/",
        {"rating": ratings["Mostly false"], "rationale": "The revised UN count is lower."},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert editor_api.post(f"/api/v1/tasks/{toll_task['id']}/approve/").json()["status"] == "approved"
    by_claim = {item["claimReviewed"]: item for item in json.loads(editor_api.get(claimreview).content)}
    corrected = by_claim[death_toll["text"]]
    assert corrected["reviewRating"]["alternateName"] == "Mostly false"
    assert "dateModified" in corrected
    assert corrected["datePublished"] <= corrected["dateModified"]
    html = editor_api.get(f"/api/v1/articles/{article_id}/export/?format=html").content.decode()
    assert f"{note} (previously rated Mostly true)" in html


def test_a_long_article_gets_its_claims_and_references_from_the_worker(worker, settings, desk, editor, seed_bytes):
    settings.ARTICLE_INLINE_INTAKE_MAX_BYTES = 100
    editor_api = APIClient()
    editor_api.force_authenticate(editor)

    response = editor_api.post("/api/v1/articles/import/", {"text": seed_bytes.decode()}, format="json")

    assert response.status_code == 202, response.content
    article_id = response.json()["id"]
    deadline = time.monotonic() + 90
    article = response.json()
    while article["intake_status"] != "done" and time.monotonic() < deadline:
        assert article["intake_status"] in ("queued", "running"), article["intake_error"]
        time.sleep(0.5)
        article = editor_api.get(f"/api/v1/articles/{article_id}/").json()
    assert article["intake_status"] == "done"
    claims = editor_api.get(f"/api/v1/claims/?article={article_id}&page_size=200").json()["results"]
    _claim_containing(claims, "40,000")
    progress = _wait_for_references(editor_api, article_id)
    assert progress["done"] == progress["total"] == len(claims)
