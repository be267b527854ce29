"""Internet Archive clients: the availability API and Save Page Now 2 (SPN2).

Availability: GET https://archive.org/wayback/available?url=<url>
  -> {"url": ..., "archived_snapshots": {"closest": {"status": "200", "available": true,
      "url": "http://web.archive.org/web/<timestamp>/<url>", "timestamp": "YYYYMMDDhhmmss"}}}
  or {"archived_snapshots": {}} when nothing is archived.
Save Page Now: POST https://web.archive.org/save with "Accept: application/json" (and
"Authorization: LOW <access>:<secret>" when keys are configured), body url=<url>&... ->
{"url": ..., "job_id": ...}. Captures are limited (about 4 a minute anonymous, 12 with keys),
so the fetcher spaces requests to web.archive.org and `if_not_archived_within` avoids recapturing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings

from apps.core.http import fetch
from apps.references.providers import ProviderError


@dataclass(frozen=True)
class Snapshot:
    url: str
    captured_at: dt.datetime | None


def snapshot_find(url: str) -> Snapshot | None:
    """The closest archived copy of `url`, or None."""
    data = fetch(settings.WAYBACK_AVAILABILITY_URL, params={"url": url}).json()
    if not isinstance(data, dict) or not isinstance(data.get("archived_snapshots"), dict):
        raise ProviderError("Wayback availability answer has no archived_snapshots object.")
    closest = data["archived_snapshots"].get("closest")
    if not isinstance(closest, dict) or not closest.get("available") or not isinstance(closest.get("url"), str):
        return None
    try:
        captured_at = dt.datetime.strptime(f"{closest.get('timestamp')}+0000", "%Y%m%d%H%M%S%z")
    except ValueError:
        captured_at = None
    # The API answers with http:// links; the archive serves the same copy over https.
    return Snapshot(url=closest["url"].replace("http://", "https://", 1), captured_at=captured_at)


def capture_request(url: str) -> str:
    """Ask Save Page Now to capture `url`; returns its job id."""
    headers = {"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"}
    if settings.WAYBACK_ACCESS_KEY and settings.WAYBACK_SECRET_KEY:
        headers["Authorization"] = f"LOW {settings.WAYBACK_ACCESS_KEY}:{settings.WAYBACK_SECRET_KEY}"
    body = urlencode({"url": url, "if_not_archived_within": "30d", "skip_first_archive": "1"}).encode()
    data = fetch(settings.WAYBACK_SAVE_URL, method="POST", headers=headers, body=body, retries=0).json()
    if not isinstance(data, dict) or not isinstance(data.get("job_id"), str):
        message = data.get("message") if isinstance(data, dict) else None
        raise ProviderError(f"Save Page Now did not start a capture: {message or 'no job_id'}")
    return data["job_id"]
