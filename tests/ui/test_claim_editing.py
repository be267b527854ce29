"""The editor's claim corrections on the article and claim pages, and what reviewers see of them."""

import html

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from apps.claims.models import ArticleExtraction, Claim, ClaimStatus, ExtractionStatus, MatchStatus
from apps.reviews.models import Rating, TaskStatus, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

EDITORS_ONLY = "Only the desk's editors can do this."


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _in_article(claim):
    return f"{reverse('articles:detail', args=[claim.article_id])}?claim={claim.pk}#claim-{claim.pk}"


@pytest.fixture
def held_claim(article):
    start = article.body.index("activists say")
    return factories.ClaimFactory(
        article=article,
        text="Activists say so.",
        start=start,
        end=start + len("activists say"),
        kind="prediction",
        cues=["say"],
        status=ClaimStatus.HELD,
    )


# --- Reject -------------------------------------------------------------------------------------


def test_editor_rejects_a_claim_with_a_reason(editor_client, veto_task):
    claim = veto_task.claim

    response = editor_client.post(reverse("claims:reject", args=[claim.pk]), {"reason": "Old news, checked in 2011."})

    assert response.status_code == 302
    assert response["Location"] == _in_article(claim)
    assert _messages(response) == ["Claim rejected; it is listed under “Held back and rejected”."]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    assert claim.rejection_reason == "Old news, checked in 2011."


def test_rejecting_without_a_reason_says_one_is_needed(editor_client, veto_task):
    response = editor_client.post(reverse("claims:reject", args=[veto_task.claim.pk]), {"reason": "  "})

    assert response.status_code == 302
    assert _messages(response) == ["Say why the claim is rejected."]
    veto_task.claim.refresh_from_db()
    assert veto_task.claim.status == ClaimStatus.ACTIVE


def test_a_reviewer_cannot_reject_a_claim(reviewer_client, veto_task):
    claim = veto_task.claim

    response = reviewer_client.post(reverse("claims:reject", args=[claim.pk]), {"reason": "Opinion."})

    assert response.status_code == 302
    # Refusals land on the claim's row of the article page, with the message.
    assert response["Location"] == reverse("claims:in-article", args=[claim.pk])
    assert _messages(response) == [EDITORS_ONLY]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ACTIVE


def test_an_outsider_cannot_reject_a_claim(outsider_client, veto_task):
    response = outsider_client.post(reverse("claims:reject", args=[veto_task.claim.pk]), {"reason": "Opinion."})

    assert response.status_code == 404
    veto_task.claim.refresh_from_db()
    assert veto_task.claim.status == ClaimStatus.ACTIVE


def test_in_article_link_leads_to_the_claims_row(editor_client, outsider_client, veto_task):
    claim = veto_task.claim

    assert editor_client.get(reverse("claims:in-article", args=[claim.pk]))["Location"] == _in_article(claim)
    assert outsider_client.get(reverse("claims:in-article", args=[claim.pk])).status_code == 404


# --- Release ------------------------------------------------------------------------------------


def test_editor_releases_a_held_claim_into_the_queue(editor_client, held_claim):
    response = editor_client.post(reverse("claims:release", args=[held_claim.pk]))

    assert response["Location"] == _in_article(held_claim)
    assert _messages(response) == ["Claim released into the review queue."]
    held_claim.refresh_from_db()
    assert held_claim.status == ClaimStatus.ACTIVE
    assert held_claim.review_task.status == TaskStatus.NEW


def test_a_reviewer_cannot_release_a_claim(reviewer_client, held_claim):
    response = reviewer_client.post(reverse("claims:release", args=[held_claim.pk]))

    assert _messages(response) == [EDITORS_ONLY]
    held_claim.refresh_from_db()
    assert held_claim.status == ClaimStatus.HELD


def test_an_outsider_cannot_release_a_claim(outsider_client, held_claim):
    assert outsider_client.post(reverse("claims:release", args=[held_claim.pk])).status_code == 404


# --- Edit ---------------------------------------------------------------------------------------


def test_editor_rewords_a_claim(editor_client, toll_task):
    claim = toll_task.claim

    response = editor_client.post(
        reverse("claims:edit", args=[claim.pk]), {"text": "The Syrian conflict has killed at least 40,000 people"}
    )

    assert response["Location"] == _in_article(claim)
    assert _messages(response) == ["Claim text saved."]
    claim.refresh_from_db()
    assert claim.text == "The Syrian conflict has killed at least 40,000 people"
    assert claim.origin == "editor"


def test_empty_claim_text_is_refused_with_a_message(editor_client, toll_task):
    response = editor_client.post(reverse("claims:edit", args=[toll_task.claim.pk]), {"text": ""})

    assert response.status_code == 302
    assert _messages(response) == ["The claim text cannot be empty."]


def test_a_claim_under_review_cannot_be_reworded(editor_client, reviewer, toll_task):
    toll_task.status = TaskStatus.IN_REVIEW
    toll_task.assignee = reviewer
    toll_task.save()

    response = editor_client.post(reverse("claims:edit", args=[toll_task.claim.pk]), {"text": "Something else"})

    assert response.status_code == 302
    assert _messages(response) == ["This claim is already under review; return or finish the review first."]
    toll_task.claim.refresh_from_db()
    assert toll_task.claim.text == "The conflict has killed at least 40,000 people"


def test_a_reviewer_cannot_reword_a_claim(reviewer_client, toll_task):
    response = reviewer_client.post(reverse("claims:edit", args=[toll_task.claim.pk]), {"text": "Something else"})

    assert _messages(response) == [EDITORS_ONLY]


def test_an_outsider_cannot_reword_a_claim(outsider_client, toll_task):
    response = outsider_client.post(reverse("claims:edit", args=[toll_task.claim.pk]), {"text": "Something else"})

    assert response.status_code == 404


# --- Merge --------------------------------------------------------------------------------------


def _merge(client, article, tasks, **data):
    return client.post(reverse("claims:merge", args=[article.pk]), {"tasks": [str(task.pk) for task in tasks], **data})


def test_editor_merges_ticked_claims_into_the_first(editor_client, article, veto_task, toll_task):
    response = _merge(editor_client, article, [toll_task, veto_task])

    keeper = Claim.objects.get(article=article)
    assert response["Location"] == _in_article(keeper)
    assert _messages(response) == [
        "Merged 2 claims into one, worded as the first; change the wording with “Edit or reject”."
    ]
    assert keeper.pk == veto_task.claim.pk
    assert keeper.text == veto_task.claim.text
    assert keeper.spans == [[0, 77], [toll_task.claim.start, toll_task.claim.end]]


def test_the_editor_writes_the_merged_wording(editor_client, article, veto_task, toll_task):
    wording = "Russia and China vetoed three resolutions on a conflict that has killed 40,000 people."

    response = _merge(editor_client, article, [veto_task, toll_task], text=f"  {wording} ")

    assert _messages(response) == ["Merged 2 claims into one."]
    assert Claim.objects.get(article=article).text == wording


def test_the_article_page_offers_the_merged_wording_with_a_hint(editor_client, article, veto_task, toll_task):
    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert '<label for="merge-text">Merged wording (optional)</label>' in page
    assert 'name="text" maxlength="2000" aria-describedby="merge-text-help"' in page
    assert "the merged claim keeps the first one" in page


def _merge_refused(client, article, tasks, **data) -> str:
    """The article page a refused merge comes back to, which shows why in its error summary."""
    response = _merge(client, article, tasks, **data)
    assert response["Location"] == reverse("articles:detail", args=[article.pk])
    assert _messages(response) == []
    return client.get(response["Location"]).content.decode()


def test_merging_a_single_claim_is_refused_in_a_summary_linked_to_its_checkbox(
    editor_client, article, veto_task, toll_task
):
    page = _merge_refused(editor_client, article, [veto_task], text="Russia and China vetoed the resolutions.")

    assert f'<li><a href="#select-{veto_task.claim_id}">Choose at least two claims to merge.</a></li>' in page
    # The form is as it was sent: the claim still ticked, the wording still typed.
    assert 'aria-label="Select claim 1" checked>' in page
    assert 'aria-label="Select claim 2">' in page
    assert 'value="Russia and China vetoed the resolutions."' in page
    assert Claim.objects.filter(article=article).count() == 2
    # Shown once: a reload has no error.
    reloaded = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    assert "Choose at least two" not in reloaded


def test_merging_nothing_ticked_links_to_the_first_checkbox(editor_client, article, veto_task, toll_task):
    page = _merge_refused(editor_client, article, [])

    assert f'<li><a href="#select-{veto_task.claim_id}">Tick at least two claims to merge.</a></li>' in page


def test_merging_a_claim_under_review_names_it_and_links_to_its_checkbox(
    editor_client, article, editor, reviewer, veto_task, toll_task
):
    from apps.reviews import services as reviews

    reviews.review_tasks_assign(editor=editor, tasks=[toll_task], assignee=reviewer)
    reviews.review_task_start(user=reviewer, task=toll_task)

    page = _merge_refused(editor_client, article, [veto_task, toll_task])

    assert (
        f'<a href="#select-{toll_task.claim_id}">Claim 2: This claim is already under review; '
        "return or finish the review first.</a>" in html.unescape(page)
    )
    assert Claim.objects.filter(article=article).count() == 2


def test_merging_a_claim_of_another_article_is_refused(editor_client, article, veto_task, desk):
    elsewhere = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))

    page = _merge_refused(editor_client, article, [veto_task, elsewhere])

    assert "A ticked claim is not in this article." in page
    assert Claim.objects.count() == 2


def test_a_reviewer_cannot_merge_claims(reviewer_client, article, veto_task, toll_task):
    response = _merge(reviewer_client, article, [veto_task, toll_task])

    assert _messages(response) == [EDITORS_ONLY]
    assert Claim.objects.filter(article=article).count() == 2


def test_an_outsider_cannot_merge_claims(outsider_client, article, veto_task, toll_task):
    assert _merge(outsider_client, article, [veto_task, toll_task]).status_code == 404


# --- Split --------------------------------------------------------------------------------------


def _split(client, claim, parts):
    data = {"form-TOTAL_FORMS": len(parts), "form-INITIAL_FORMS": 0}
    for index, part in enumerate(parts):
        for field, value in part.items():
            data[f"form-{index}-{field}"] = value
    return client.post(reverse("claims:split", args=[claim.pk]), data)


def test_editor_splits_a_claim_into_parts(editor_client, article, veto_task):
    claim = veto_task.claim
    vetoed = article.body.index("vetoed")

    response = _split(
        editor_client,
        claim,
        [
            {"start": 0, "end": 16, "text": "Russia and China act together on Syria."},
            {"start": vetoed, "end": 77, "text": ""},
        ],
    )

    parts = list(Claim.objects.filter(article=article).order_by("start"))
    assert [part.text for part in parts] == [
        "Russia and China act together on Syria.",
        "vetoed three UN Security Council resolutions on Syria.",
    ]
    assert response["Location"] == _in_article(parts[0])
    assert _messages(response) == ["Claim split into 2 claims."]
    assert not Claim.objects.filter(pk=claim.pk).exists()


def test_a_split_with_one_part_is_refused_with_a_message(editor_client, veto_task):
    response = _split(editor_client, veto_task.claim, [{"start": 0, "end": 16, "text": ""}])

    assert response.status_code == 400
    assert "A split needs at least two parts." in response.content.decode()
    assert Claim.objects.filter(pk=veto_task.claim.pk).exists()


def test_a_split_part_outside_the_article_is_refused_with_a_message(editor_client, veto_task):
    response = _split(editor_client, veto_task.claim, [{"start": 0, "end": 16}, {"start": 20, "end": 99_999}])

    assert response.status_code == 400
    assert "The selected passage is outside the article text." in response.content.decode()
    assert Claim.objects.filter(pk=veto_task.claim.pk).exists()


def test_a_split_part_that_ends_before_it_starts_is_refused(editor_client, veto_task):
    response = _split(editor_client, veto_task.claim, [{"start": 0, "end": 16}, {"start": 30, "end": 20}])

    assert "Part 2: A passage must end after it starts." in response.content.decode()


def test_a_reviewer_cannot_split_a_claim(reviewer_client, veto_task):
    response = _split(reviewer_client, veto_task.claim, [{"start": 0, "end": 16}, {"start": 20, "end": 40}])

    assert _messages(response) == [EDITORS_ONLY]
    assert Claim.objects.filter(pk=veto_task.claim.pk).exists()


def test_an_outsider_cannot_split_a_claim(outsider_client, veto_task):
    response = _split(outsider_client, veto_task.claim, [{"start": 0, "end": 16}, {"start": 20, "end": 40}])

    assert response.status_code == 404


# --- Add a claim from a passage -----------------------------------------------------------------


def _add(client, article, **data):
    return client.post(reverse("claims:create", args=[article.pk]), data)


def test_editor_adds_a_claim_for_a_selected_passage(editor_client, article):
    start = article.body.index("The conflict")
    end = article.body.index(", activists")

    response = _add(editor_client, article, start=start, end=end)

    claim = Claim.objects.get(article=article)
    assert claim.text == "The conflict has killed at least 40,000 people"
    assert (claim.start, claim.end, claim.origin) == (start, end, "editor")
    assert response["Location"] == _in_article(claim)
    assert _messages(response) == ["Claim added: “The conflict has killed at least 40,000 people”."]


def test_a_passage_outside_the_article_is_refused_with_a_message(editor_client, article):
    response = _add(editor_client, article, start=10, end=10_000)

    assert response["Location"] == reverse("articles:detail", args=[article.pk])
    assert _messages(response) == ["The selected passage is outside the article text."]
    assert not Claim.objects.exists()


def test_a_passage_without_offsets_is_refused_with_a_message(editor_client, article):
    response = _add(editor_client, article, start="", end="abc")

    assert response.status_code == 302
    assert sorted(_messages(response)) == ["Enter a whole number.", "Give the passage's start."]


def test_a_blank_passage_is_refused_with_a_message(editor_client, article):
    gap = article.body.index("\n\n")

    response = _add(editor_client, article, start=gap, end=gap + 2)

    assert _messages(response) == ["The selected passage is empty."]


def test_a_reviewer_cannot_add_a_claim(reviewer_client, article):
    response = _add(reviewer_client, article, start=0, end=10)

    assert _messages(response) == [EDITORS_ONLY]
    assert not Claim.objects.exists()


def test_an_outsider_cannot_add_a_claim(outsider_client, article):
    assert _add(outsider_client, article, start=0, end=10).status_code == 404


# --- Matches to earlier checked claims ----------------------------------------------------------


@pytest.fixture
def matched_claim(desk, reviewer, editor, toll_task):
    earlier = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Syria in November"),
        text="The Syrian conflict has killed more than 40,000 people.",
    )
    task = factories.ReviewTaskFactory(claim=earlier, status=TaskStatus.APPROVED, assignee=reviewer)
    Verdict.objects.create(
        task=task,
        rating=Rating.objects.get(scale__desk__isnull=True, label="True"),
        rationale="UN OHCHR counted 40,000 deaths by November.",
        reviewer=reviewer,
        submitted_at=timezone.now(),
        approved_by=editor,
        approved_at=timezone.now(),
    )
    claim = toll_task.claim
    claim.matched_claim = earlier
    claim.match_score = 0.81
    claim.match_status = MatchStatus.SUGGESTED
    claim.save()
    return claim


def test_claim_page_shows_the_earlier_check_with_its_verdict(editor_client, matched_claim):
    page = editor_client.get(reverse("claims:detail", args=[matched_claim.pk])).content.decode()

    assert "The Syrian conflict has killed more than 40,000 people." in page
    assert reverse("claims:detail", args=[matched_claim.matched_claim.pk]) in page
    assert "UN OHCHR counted 40,000 deaths by November." in page
    assert "This is a suggestion" in page
    assert "Confirm match" in page
    assert "Dismiss match" in page


def test_a_reviewer_sees_the_earlier_check_but_cannot_decide_on_it(reviewer_client, matched_claim):
    page = reviewer_client.get(reverse("claims:detail", args=[matched_claim.pk])).content.decode()

    assert "UN OHCHR counted 40,000 deaths by November." in page
    assert "Confirm match" not in page


def test_editor_confirms_a_suggested_match(editor_client, matched_claim):
    response = editor_client.post(reverse("claims:match-confirm", args=[matched_claim.pk]))

    assert response["Location"] == reverse("claims:detail", args=[matched_claim.pk])
    assert _messages(response) == ["Match confirmed: the earlier verdict applies to this claim."]
    matched_claim.refresh_from_db()
    assert matched_claim.match_status == MatchStatus.CONFIRMED


def test_editor_dismisses_a_suggested_match(editor_client, matched_claim):
    response = editor_client.post(reverse("claims:match-dismiss", args=[matched_claim.pk]))

    assert _messages(response) == ["Match dismissed; it will not be suggested again."]
    matched_claim.refresh_from_db()
    assert (matched_claim.match_status, matched_claim.matched_claim) == (MatchStatus.DISMISSED, None)


def test_confirming_without_a_match_is_refused_with_a_message(editor_client, veto_task):
    response = editor_client.post(reverse("claims:match-confirm", args=[veto_task.claim.pk]))

    assert _messages(response) == ["This claim has no suggested match to confirm."]


def test_a_reviewer_cannot_confirm_a_match(reviewer_client, matched_claim):
    response = reviewer_client.post(reverse("claims:match-confirm", args=[matched_claim.pk]))

    assert _messages(response) == [EDITORS_ONLY]
    matched_claim.refresh_from_db()
    assert matched_claim.match_status == MatchStatus.SUGGESTED


def test_an_outsider_cannot_dismiss_a_match(outsider_client, matched_claim):
    assert outsider_client.post(reverse("claims:match-dismiss", args=[matched_claim.pk])).status_code == 404


# --- What the pages show ------------------------------------------------------------------------


def test_article_body_segments_carry_their_offsets_in_the_body(editor_client, article, veto_task, toll_task):
    response = editor_client.get(reverse("articles:detail", args=[article.pk]))

    segments = response.context["segments"]
    assert "".join(segment.text for segment in segments) == article.body
    assert all(article.body[segment.start : segment.end] == segment.text for segment in segments)
    page = response.content.decode()
    # The veto claim (0 to 77) ends one character into the paragraph break, which is never marked.
    assert 'data-start="0" data-end="76"' in page
    assert 'data-start="76" data-end="78"' in page
    assert "Add claim from selection" in page
    assert reverse("claims:merge", args=[article.pk]) in page


def test_reviewer_gets_no_editing_controls_on_the_article_page(reviewer_client, article, veto_task, held_claim):
    page = reviewer_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert "Add claim from selection" not in page
    assert "Edit or reject" not in page
    assert "Merge ticked" not in page
    assert "Release to review" not in page
    # The held claim is still listed, read-only.
    assert "Activists say so." in page


def test_held_and_rejected_claims_are_listed_apart_with_their_reasons(editor_client, article, veto_task, held_claim):
    rejected = factories.ClaimFactory(
        article=article,
        text="A rejected claim.",
        start=10,
        end=20,
        status=ClaimStatus.REJECTED,
        rejection_reason="Too vague.",
    )

    response = editor_client.get(reverse("articles:detail", args=[article.pk]))

    assert [row.claim for row in response.context["report"].rows] == [veto_task.claim]
    assert response.context["set_aside"] == [rejected, held_claim]
    page = response.content.decode()
    assert "Held back and rejected" in page
    assert "Too vague." in page
    assert "Prediction / opinion" in page
    assert page.count("Release to review") == 2


def test_article_page_says_when_extraction_refused_the_language(editor_client, desk):
    article = factories.ArticleFactory(desk=desk, body="Der Konflikt hat mindestens 40.000 Menschen getötet.")
    ArticleExtraction.objects.create(
        article=article,
        status=ExtractionStatus.UNSUPPORTED_LANGUAGE,
        message="This article does not look like English text.",
    )

    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert "This article does not look like English text." in page
    assert "add them from the article text" in page


def test_claim_page_shows_evidence_highlighted_supporting_first(editor_client, toll_task):
    claim = toll_task.claim
    factories.ReferenceFactory(
        claim=claim, title="Unrelated page", stance="unrelated", stance_score=0.9, passage="Nothing here."
    )
    factories.ReferenceFactory(
        claim=claim,
        title="UN casualty estimate",
        stance="supports",
        stance_score=0.6,
        passage="At least 40,000 people have been killed, the UN said.",
        passage_highlights=[[9, 15], [16, 22]],
    )

    response = editor_client.get(reverse("claims:detail", args=[claim.pk]))

    evidence = response.context["evidence"]
    assert [item.reference.title for item in evidence] == ["UN casualty estimate", "Unrelated page"]
    assert [segment.text for segment in evidence[0].passage if segment.key] == ["40,000", "people"]
    page = response.content.decode()
    assert "<mark>40,000</mark> <mark>people</mark>" in page
    assert 'class="badge stance stance--supports">Supports<' in page
    assert "never a verdict" in page


def test_claim_page_offers_the_split_form_to_editors_only(editor_client, reviewer_client, veto_task):
    url = reverse("claims:detail", args=[veto_task.claim.pk])

    assert "Split claim" in editor_client.get(url).content.decode()
    assert "Split claim" not in reviewer_client.get(url).content.decode()
