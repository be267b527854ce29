"""Regular expressions compiled when first used rather than when their module is imported."""

import re
from collections.abc import Iterator
from typing import Any


class LazyPattern:
    """A stand-in for a `re.Pattern` that compiles on first use.

    The attribution rules are tens of kilobytes of regular expression each: compiling them took
    over a second, which every process paid at start-up (web and Celery workers, every `manage.py`
    command) though most never extract a claim. `pattern` is there uncompiled, so patterns can be
    built from one another. The first call puts the compiled pattern's methods on the instance,
    where later lookups find them before the class's, so they cost what the pattern's own do.
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self._flags)
        for name in self._METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def search(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self._compiled().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self._compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self._compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Iterator[re.Match[str]]:
        return self._compiled().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self._compiled().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> str:
        return self._compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> tuple[str, int]:
        return self._compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> list[str | Any]:
        return self._compiled().split(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}...)"
