"""The API's token authentication, refusing the token of a person whose desk requires two-step sign-in
until they set it up (apps.core.two_step)."""

from django.urls import reverse
from rest_framework.authentication import TokenAuthentication

from apps.core.exceptions import PermissionDeniedError
from apps.core.site import site_url
from apps.core.two_step import two_step_set_up_needed, two_step_setup_refusal


class TwoStepRequiredTokenAuthentication(TokenAuthentication):
    """DRF's `Authorization: Token <key>`. A desk that requires two-step sign-in means nobody reaches its
    work on a password alone, and a token made on a password-only session would be a way round that: so
    the token is refused (403, saying what to do) until its owner sets two-step sign-in up, and works
    again from then on, unchanged."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if two_step_set_up_needed(user=user):
            raise PermissionDeniedError(
                two_step_setup_refusal(),
                extra={"code": "two_step_required", "set_up_url": site_url(reverse("account:two_step"))},
            )
        return user, token
