"""The attribution rules compile when first used, not at import: every process imports them at start-up."""

import re
import subprocess
import sys
from pathlib import Path

from apps.claims.nlp.attribution import find_attribution
from apps.claims.nlp.lazy_pattern import LazyPattern

REPOSITORY = Path(__file__).resolve().parents[2]

COUNT_COMPILES_AT_IMPORT = """
import re, traceback
compiled_in = []
real_compile = re.compile

def counting_compile(pattern, flags=0):
    compiled_in.append(traceback.extract_stack(limit=2)[0].filename)
    return real_compile(pattern, flags)

re.compile = counting_compile
import apps.claims.nlp.attribution
print(sum(1 for filename in compiled_in if filename.endswith("attribution.py")))
"""


def test_importing_the_attribution_rules_compiles_none_of_them():
    counted = subprocess.run(
        [sys.executable, "-c", COUNT_COMPILES_AT_IMPORT], cwd=REPOSITORY, capture_output=True, text=True, check=True
    )

    assert counted.stdout.strip() == "0"


def test_a_lazy_pattern_answers_as_the_compiled_one_does():
    lazy = LazyPattern(r"(?P<count>\d+) (?P<what>vetoes|resolutions)", re.IGNORECASE)
    compiled = re.compile(lazy.pattern, re.IGNORECASE)
    text = "Russia and China cast 3 Vetoes on three resolutions and 2 RESOLUTIONS"

    assert lazy.search(text, 10)["count"] == compiled.search(text, 10)["count"] == "3"
    assert lazy.match(text) is None
    assert lazy.fullmatch("2 resolutions")["what"] == "resolutions"
    assert [m["count"] for m in lazy.finditer(text, pos=25)] == ["2"]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub(r"\g<what>", text, count=1) == compiled.sub(r"\g<what>", text, count=1)
    assert lazy.subn("", text) == compiled.subn("", text)
    assert lazy.split(text, maxsplit=1) == compiled.split(text, maxsplit=1)


def test_after_the_first_use_calls_go_straight_to_the_compiled_pattern():
    lazy = LazyPattern(r"\bsaid\b")

    lazy.search("Kommersant said")

    assert isinstance(lazy.search.__self__, re.Pattern)
    assert isinstance(lazy.sub.__self__, re.Pattern)


def test_the_rules_still_find_their_sources():
    frame = find_attribution("The violence has killed at least 40,000 people, Kommersant reported Tuesday.")

    assert (frame.source, frame.cue) == ("Kommersant", "reported")
