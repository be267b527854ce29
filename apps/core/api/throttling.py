"""How many API requests one person may make: over the whole API, and for the requests that make
the desk fetch from the web or parse a file.

Counts are per account, whether it signs in with a token or a session, and live in Django's cache:
Redis when REDIS_URL is set, so every web process and machine counts the same requests; without
it each process counts its own. Refusals are 429s with Retry-After (see the API's exception
handler). The rates are `settings.API_RATES`; a rate of None turns that limit off.

The web pages that do the same work (the import form) count in the same place through
`person_rate_wait`, so a person's imports through the API and the web share one count.
"""

import logging
import math

import redis
from django.conf import settings
from rest_framework.throttling import UserRateThrottle

logger = logging.getLogger(__name__)


class PersonRateThrottle(UserRateThrottle):
    """Every API request a person makes."""

    scope = "person"

    def get_rate(self):
        # DRF reads its rates into a class attribute when the module is imported; reading the
        # setting here lets a deployment's (or a test's) settings apply.
        return settings.API_RATES.get(self.scope)

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except redis.RedisError:
            # The cache is down: an outage of the counter must not take the API down with it.
            logger.warning("API rate %s not checked: the cache is unreachable", self.scope, exc_info=True)
            return True


class ImportRateThrottle(PersonRateThrottle):
    """Article imports and library uploads: each fetches a web page or reads a file of up to
    10 MB and parses it, and an article's claims are then extracted."""

    scope = "imports"


class FetchRateThrottle(PersonRateThrottle):
    """Requests that send the desk's workers out to the web: references added by URL or
    gathered again."""

    scope = "fetches"


def person_rate_wait(request, *, throttle_class: type[PersonRateThrottle]) -> int | None:
    """Count one request of a web page in the API's count for `throttle_class` (the person's, by
    account): None when it is within the rate, else the whole seconds to wait before trying again."""
    throttle = throttle_class()
    if throttle.allow_request(request, None):
        return None
    return max(1, math.ceil(throttle.wait() or 1))
