"""bench/extraction_survey.py: the counts the extraction rounds report, and a diff that shows every change."""

import csv
import json

from bench import extraction_survey

ARTICLE = (
    "The ministry said on Monday that at least 40,000 people had been killed in the fighting. "
    "Rebels took the town of Aleppo after three days of shelling."
)


def test_a_dump_holds_each_articles_claims_with_their_facts(tmp_path, monkeypatch):
    data = tmp_path / "news"
    data.mkdir()
    with (data / "wikinews_2012.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "date", "title", "text"])
        writer.writerow(["https://example.org/short", "2012-12-11", "Short", ARTICLE])
        writer.writerow(["https://example.org/long", "2012-12-11", "Long", "word " * 40])
    monkeypatch.setattr(extraction_survey, "DATA", data)
    out = tmp_path / "dump.jsonl"

    extraction_survey.dump(out, max_words=30)

    [article] = extraction_survey.read_dump(out)
    assert article["url"] == "https://example.org/short"
    death_toll = next(claim for claim in article["claims"] if "40,000" in claim["text"])
    assert death_toll["attribution"] == "The ministry"
    assert {"value": 40000, "unit": "people", "qualifier": ">="}.items() <= death_toll["quantities"][0].items()


def _claim(text, start, *, kind="event", attribution="", units=()):
    return {
        "text": text,
        "start": start,
        "end": start + len(text),
        "spans": [[start, start + len(text)]],
        "kind": kind,
        "attribution": attribution,
        "quantities": [{"value": 1, "unit": unit, "qualifier": "=", "text": "1"} for unit in units],
        "entities": [],
        "dates": [],
        "cues": [],
    }


def test_counts_follow_the_measures_of_the_extraction_rounds():
    articles = [
        {
            "url": "a",
            "claims": [
                _claim("The mayor said the bridge cost 3 million dollars.", 0, kind="attribution", units=("USD", "")),
                _claim("Officials told reporters the road was closed.", 60),
                _claim("Prices will rise next year.", 120, kind="prediction", attribution="The bank"),
            ],
        }
    ]

    counts = extraction_survey.survey_counts(articles)

    assert counts["claims"] == 3
    assert counts["attributed (has a source)"] == 1
    assert counts["unattributed with said/says/told/announced/reported/stated"] == 2
    assert counts["predictions"] == 1
    assert (counts["quantities"], counts["quantities without a unit"]) == (2, 1)
    assert counts["kind event"] == 1


def test_the_diff_names_each_changed_added_and_removed_claim(tmp_path, capsys):
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    unchanged = _claim("The council met on Tuesday.", 0)
    after.write_text(
        json.dumps(
            {
                "url": "a",
                "date": "2012-12-11",
                "claims": [
                    unchanged,
                    _claim("It said the vote failed.", 40, kind="attribution", attribution="The council"),
                    _claim("A new claim.", 120),
                ],
            }
        ),
        encoding="utf-8",
    )
    before.write_text(
        json.dumps(
            {
                "url": "a",
                "date": "2012-12-11",
                "claims": [unchanged, _claim("It said the vote failed.", 40), _claim("Gone soon.", 80)],
            }
        ),
        encoding="utf-8",
    )

    extraction_survey.diff(before, after, fields=("kind", "attribution"))

    printed = capsys.readouterr().out
    assert "  ~ It said the vote failed." in printed
    assert 'attribution: ""' in printed
    assert '→ "The council"' in printed
    assert "  + A new claim." in printed
    assert "  - Gone soon." in printed
    assert "The council met" not in printed
    assert "1 claims changed, 1 only after, 1 only before" in printed
    assert "attributed (has a source): 0 → 1" in printed
