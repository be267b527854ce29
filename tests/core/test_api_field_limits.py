"""A form body or query string with more fields than Django reads (DATA_UPLOAD_MAX_NUMBER_FIELDS),
or more files (DATA_UPLOAD_MAX_NUMBER_FILES), is a 400 in the API's error shape: the fuzz test
found the site's HTML "Bad request" page answering a form POST of 1,200 task ids."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.api_contract import assert_documented

pytestmark = pytest.mark.django_db


def test_a_form_body_with_too_many_fields_is_a_documented_json_400(editor_api, settings):
    task_ids = [str(uuid.uuid4()) for _ in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)]

    response = editor_api.post(reverse("api:task-assign"), {"task_ids": task_ids, "assignee": "rachel"})

    assert response.status_code == 400
    assert response.json() == {
        "message": "The request has more than 1,000 fields; send long lists in a JSON body.",
        "extra": {"limit": 1000},
    }
    assert_documented(response)


def test_a_query_string_with_too_many_fields_is_a_json_400(editor_api, settings):
    query = "&".join(f"language=en{number}" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))

    response = editor_api.get(f"{reverse('api:claim-list')}?{query}")

    assert response.status_code == 400
    assert response.json()["extra"] == {"limit": 1000}
    assert_documented(response)


def test_an_upload_with_too_many_files_is_a_json_400(editor_api, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    files = [SimpleUploadedFile(f"part{number}.txt", b"Text.") for number in range(3)]

    response = editor_api.post(reverse("api:library-document-upload"), {"file": files, "url": "https://un.org/a"})

    assert response.status_code == 400
    assert response.json() == {
        "message": "The request has more than 2 files; upload one file at a time.",
        "extra": {"limit": 2},
    }
