"""Articles whose language an editor corrected before 0007 kept the flag's default, so their page said
the language was detected from the text. The article's audit trail records each correction
(`article_language_set`); an article with one has its language from an editor. A language given at
import was not recorded as the editor's, so those articles stay as detected.
"""

from django.db import migrations


def language_from_editor_backfill(apps, schema_editor):
    article_model = apps.get_model("articles", "Article")
    audit_event_model = apps.get_model("core", "AuditEvent")
    corrected = audit_event_model.objects.filter(action="article_language_set").values("article_id")
    article_model.objects.filter(pk__in=corrected, language_from_editor=False).update(language_from_editor=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_article_language_from_editor"),
        ("core", "0010_audit_article_language_set"),
    ]

    operations = [migrations.RunPython(language_from_editor_backfill, migrations.RunPython.noop, elidable=True)]
