import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.articles.models import Article, SourceKind
from apps.articles.parsing import content_hash
from apps.claims.models import Claim, ClaimKind
from apps.desks.models import Desk, Membership, Role
from apps.references.models import Reference
from apps.reviews.models import ReviewTask

# Every user the factories make logs in with this password.
PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)


class DeskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Desk
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Desk {n}")
    slug = factory.Sequence(lambda n: f"desk-{n}")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    class Params:
        username = factory.Sequence(lambda n: f"member{n}")

    desk = factory.SubFactory(DeskFactory)
    user = factory.SubFactory(UserFactory, username=factory.SelfAttribute("..username"))
    role = Role.REVIEWER


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    desk = factory.SubFactory(DeskFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = "The Example Times"
    published_on = dt.date(2012, 12, 11)
    body = factory.Sequence(
        lambda n: f"Story {n}. Russia and China have vetoed three UN Security Council resolutions on Syria."
    )
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.body))
    source_kind = SourceKind.PASTE


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    text = "Russia and China have vetoed three UN Security Council resolutions on Syria."
    start = 0
    end = factory.LazyAttribute(lambda c: len(c.text))
    kind = ClaimKind.EVENT
    score = 0.9


class ReviewTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewTask

    claim = factory.SubFactory(ClaimFactory)


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference

    claim = factory.SubFactory(ClaimFactory)
    url = factory.Sequence(lambda n: f"https://example.org/doc/{n}")
    title = factory.Sequence(lambda n: f"Document {n}")
    provider = "local_library"
    fetched_at = factory.LazyFunction(timezone.now)


class LibraryDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "references.LibraryDocument"

    desk = None
    title = factory.Sequence(lambda n: f"Library document {n}")
    publisher = "United Nations"
    url = factory.Sequence(lambda n: f"https://example.org/library/{n}")
    published_on = dt.date(2012, 7, 19)
    body = "Russia and China vetoed three draft resolutions on Syria in the Security Council."


class SourceRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "references.SourceRule"

    name = factory.Sequence(lambda n: f"rule-{n}")
    label = factory.Sequence(lambda n: f"Rule {n}")
    url_template = factory.Sequence(lambda n: f"https://example.org/rule/{n}?q={{query}}")
    reason = "Because."


class ReferenceJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "references.ReferenceJob"

    claim = factory.SubFactory(ClaimFactory)
    enqueued_at = factory.LazyFunction(timezone.now)


class SourceLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "references.SourceLink"

    claim = factory.SubFactory(ClaimFactory)
    url = factory.Sequence(lambda n: f"https://example.org/source/{n}")
    label = factory.Sequence(lambda n: f"Source {n}")
    reason = "Because."


class RatingScaleFactory(factory.django.DjangoModelFactory):
    """A desk's own rating scale (the shipped default has no desk)."""

    class Meta:
        model = "reviews.RatingScale"

    desk = factory.SubFactory(DeskFactory)
    name = factory.LazyAttribute(lambda scale: f"{scale.desk.name} scale")


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.Rating"

    scale = factory.SubFactory(RatingScaleFactory)
    label = factory.Sequence(lambda n: f"Rating {n}")
    claimreview_value = 3
    position = factory.Sequence(lambda n: n)
