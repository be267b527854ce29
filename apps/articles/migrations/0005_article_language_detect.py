"""Give the articles imported before languages were recorded the language of their stored text.

The rows are read and written a batch at a time, each batch in its own transaction, so a large
table is never locked whole and the desk keeps working while this runs; only each article's opening
is read (the detector reads no more). Not atomic: stopped half way, it can be run again and carries
on with the articles that still have no language. Articles too short to tell stay without one.
"""

from django.db import migrations, transaction
from django.db.models.functions import Substr

from apps.articles.language import SAMPLE_CHARS, language_detect

BATCH = 500


def detect(apps, schema_editor):
    article_model = apps.get_model("articles", "Article")
    undetected = article_model.objects.using(schema_editor.connection.alias).filter(language="").order_by("pk")
    last = None
    while True:
        batch = undetected if last is None else undetected.filter(pk__gt=last)
        rows = list(batch.annotate(sample=Substr("body", 1, SAMPLE_CHARS)).values_list("pk", "sample")[:BATCH])
        if not rows:
            return
        by_language: dict[str, list] = {}
        for pk, sample in rows:
            language = language_detect(sample)
            if language:
                by_language.setdefault(language, []).append(pk)
        with transaction.atomic(using=schema_editor.connection.alias):
            for language, pks in by_language.items():
                # An editor's choice made while this ran wins: only rows still without one are set.
                undetected.filter(pk__in=pks).update(language=language)
        last = rows[-1][0]


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("articles", "0004_article_language")]

    operations = [migrations.RunPython(detect, migrations.RunPython.noop, elidable=True)]
