"""CSV for Excel: the CSV export with a UTF-8 byte-order mark, only when asked for."""

import codecs

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from apps.reports.selectors import report_build
from apps.reports.services import report_export
from tests import factories

BODY = "Le président a dit « déjà vu ». =HYPERLINK(1)"
BOM = codecs.BOM_UTF8


@pytest.fixture
def article(desk, editor):
    article = factories.ArticleFactory(desk=desk, title="Élection", body=BODY, imported_by=editor)
    for start, end in ((0, 31), (32, len(BODY))):
        factories.ReviewTaskFactory(
            claim=factories.ClaimFactory(article=article, text=BODY[start:end], start=start, end=end)
        )
    return article


def test_csv_for_excel_is_the_csv_after_a_byte_order_mark(article):
    report = report_build(article=article)

    plain = report_export(report=report, export_format="csv")
    excel = report_export(report=report, export_format="csv-excel")

    assert not plain.content.encode("utf-8").startswith(BOM)
    assert excel.content.encode("utf-8").startswith(BOM)
    assert excel.content.encode("utf-8")[len(BOM) :] == plain.content.encode("utf-8")
    assert (excel.content_type, excel.filename) == ("text/csv; charset=utf-8", "election.csv")
    lines = excel.content.split("\r\n")
    assert lines[0].lstrip("\ufeff").startswith("claim_id,text,kind,")
    assert "« déjà vu »" in excel.content
    assert "'=HYPERLINK(1)" in lines[2]  # formulas stay neutralised
    assert "\n" not in excel.content.replace("\r\n", "")


def test_api_adds_the_byte_order_mark_only_when_asked(article, editor_api):
    url = f"/api/v1/articles/{article.pk}/export/"

    plain = editor_api.get(url, {"format": "csv"})
    excel = editor_api.get(url, {"format": "csv-excel"})

    assert plain.status_code == excel.status_code == 200
    assert not plain.content.startswith(BOM)
    assert excel.content == BOM + plain.content
    assert excel["Content-Type"] == "text/csv; charset=utf-8"
    assert excel["Content-Disposition"] == 'attachment; filename="election.csv"'


def test_the_api_schema_documents_csv_for_excel():
    operation = SchemaGenerator().get_schema(request=None, public=True)["paths"][
        "/api/v1/articles/{article_id}/export/"
    ]["get"]

    (parameter,) = [parameter for parameter in operation["parameters"] if parameter["name"] == "format"]
    assert {"csv", "csv-excel"} <= set(parameter["schema"]["enum"])
    assert "Excel" in parameter["description"]
    assert "csv-excel" in operation["description"]


def test_export_command_writes_csv_for_excel(article, tmp_path, capsys):
    target = tmp_path / "report.csv"

    call_command("export_report", str(article.pk), "--format", "csv-excel", "-o", str(target))
    call_command("export_report", str(article.pk), "--format", "csv")

    content = target.read_bytes()
    assert content.startswith(BOM)
    assert content[len(BOM) :].decode("utf-8") == capsys.readouterr().out


def test_the_article_page_offers_csv_for_excel(article, editor):
    client = Client()
    client.force_login(editor)
    url = reverse("reports:export", args=[article.pk, "csv-excel"])

    page = client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    download = client.get(url)

    assert f'href="{url}">CSV for Excel</a>' in page
    assert download.status_code == 200
    assert download.content.startswith(BOM)
    assert not client.get(reverse("reports:export", args=[article.pk, "csv"])).content.startswith(BOM)
