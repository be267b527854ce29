import pytest

from apps.core.templatetags.links import web_url
from apps.reports.selectors import report_build
from apps.reports.services import report_export
from tests import factories


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://un.org/veto", "https://un.org/veto"),
        ("http://example.org/a?b=1", "http://example.org/a?b=1"),
        ("javascript:alert(1)", ""),
        ("JavaScript:alert(1)", ""),
        ("  javascript:alert(1)", ""),
        ("data:text/html,<script>x</script>", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_web_url_keeps_only_http_links(url, expected):
    assert web_url(url) == expected


@pytest.mark.django_db
def test_report_never_links_a_javascript_url(desk):
    article = factories.ArticleFactory(desk=desk, source_url="javascript:alert(1)")
    html = report_export(report=report_build(article=article), export_format="html").content
    assert "javascript:" not in html
