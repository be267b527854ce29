"""PostgreSQL finds the claims the API filters by kind through an index, not by reading every
claim of the desk's history (bench/desk_history.py: 45 ms to count one kind among 150,000
claims, 13 ms with the index)."""

import pytest
from django.db import connection

from apps.claims.models import ClaimKind, ClaimStatus
from apps.claims.selectors import claim_list
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # Statistics as a desk with history would have them (the search migration analyses the
        # tables while they are empty); the test desk is still too small for the planner to prefer
        # any index, so ask whether one fits.
        cursor.execute("ANALYZE claims_claim")
        cursor.execute("ANALYZE articles_article")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("status", [None, ClaimStatus.ACTIVE], ids=["kind", "kind-and-status"])
def test_the_kind_filter_uses_an_index(editor, desk, status):
    factories.ClaimFactory(article__desk=desk, kind=ClaimKind.STATISTIC)
    article = factories.ArticleFactory(desk=desk)
    factories.ClaimFactory.create_batch(200, article=article, kind=ClaimKind.OTHER)

    claims = claim_list(user=editor, kind=ClaimKind.STATISTIC, status=status)

    assert "claim_kind_status" in _plan(claims.order_by().values("pk"))
