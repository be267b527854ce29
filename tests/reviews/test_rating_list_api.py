"""GET /api/v1/ratings/ lists the scale of the desk the request names (?desk=slug or id), so a
member of two desks can rate work on either; with one desk the name is optional."""

import pytest
import yaml

from apps.reviews.models import Rating, RatingScale
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/api/v1/ratings/"


@pytest.fixture
def sports_scale(other_desk):
    scale = RatingScale.objects.create(desk=other_desk, name="Sports scale")
    Rating.objects.create(scale=scale, label="Offside", position=0)
    Rating.objects.create(scale=scale, label="Fair play", position=1)
    return scale


@pytest.fixture
def multi_api(desk, other_desk, reviewer_api, reviewer):
    factories.MemberFactory(desk=other_desk, user=reviewer, role="reviewer")
    return reviewer_api


def _labels(response):
    return [rating["label"] for rating in response.json()]


def test_the_named_desks_scale_is_listed(multi_api, other_desk, sports_scale):
    by_slug = multi_api.get(URL, {"desk": "sports"})
    by_id = multi_api.get(URL, {"desk": str(other_desk.pk)})

    assert by_slug.status_code == 200
    assert _labels(by_slug) == ["Offside", "Fair play"]
    assert _labels(by_id) == ["Offside", "Fair play"]


def test_the_other_desk_gets_its_own_scale(multi_api, sports_scale):
    response = multi_api.get(URL, {"desk": "world"})

    assert response.status_code == 200
    assert "Offside" not in _labels(response)
    assert "False" in _labels(response)


def test_a_member_of_several_desks_must_name_one(multi_api, sports_scale):
    response = multi_api.get(URL)

    assert response.status_code == 400
    body = response.json()
    assert "name one with ?desk=" in body["message"]
    assert body["extra"]["desks"] == ["sports", "world"]


def test_a_member_of_one_desk_needs_not_name_it(reviewer_api, sports_scale):
    response = reviewer_api.get(URL)

    assert response.status_code == 200
    assert "False" in _labels(response)


@pytest.mark.parametrize("desk_ref", ["sports", "no-such-desk", "0c1e6a43-5a0b-4d6e-9a44-3f3f3f3f3f3f"])
def test_a_desk_the_user_is_not_in_is_refused(reviewer_api, sports_scale, desk_ref):
    response = reviewer_api.get(URL, {"desk": desk_ref})

    assert response.status_code == 400
    assert response.json()["message"] == f"You are not a member of a desk {desk_ref!r}."


def test_the_desk_parameter_is_documented(editor_api):
    schema = yaml.safe_load(editor_api.get("/api/schema/").content)

    parameters = schema["paths"]["/api/v1/ratings/"]["get"]["parameters"]
    assert [parameter["name"] for parameter in parameters] == ["desk"]
