from rest_framework import serializers

from apps.core.api.fields import UUIDStringField
from apps.desks.models import Role, WebhookDeliveryStatus, WebhookEvent, WebhookFormat


class DeskOutputSerializer(serializers.Serializer):
    """One of your desks (serialised from your membership of it)."""

    id = UUIDStringField(source="desk.id")
    slug = serializers.SlugField(source="desk.slug")
    name = serializers.CharField(source="desk.name")
    role = serializers.ChoiceField(choices=Role.choices)


class MemberOutputSerializer(serializers.Serializer):
    username = serializers.CharField(source="user.username")
    first_name = serializers.CharField(source="user.first_name")
    last_name = serializers.CharField(source="user.last_name")
    email = serializers.EmailField(source="user.email")
    role = serializers.ChoiceField(choices=Role.choices)
    joined_at = serializers.DateTimeField(source="created_at")


class MemberAddInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    role = serializers.ChoiceField(choices=Role.choices)


class MemberUpdateInputSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)


class AccountCreateInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    password = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        trim_whitespace=False,
        help_text="Must pass the password validators; leave out to have one generated.",
    )
    role = serializers.ChoiceField(choices=Role.choices)


class AccountCreatedOutputSerializer(serializers.Serializer):
    member = MemberOutputSerializer()
    generated_password = serializers.CharField(
        allow_null=True, help_text="Only when no password was given: shown this once, never stored in clear."
    )


class WebhookOutputSerializer(serializers.Serializer):
    """A webhook endpoint of the desk, with its signing secret (desk admins only)."""

    id = UUIDStringField()
    url = serializers.CharField()
    description = serializers.CharField()
    events = serializers.ListField(child=serializers.ChoiceField(choices=WebhookEvent.choices))
    payload_format = serializers.ChoiceField(choices=WebhookFormat.choices)
    is_active = serializers.BooleanField()
    secret = serializers.CharField(help_text="Signs every delivery: see X-Factcheck-Signature in the README.")
    consecutive_failures = serializers.IntegerField(help_text="Deliveries failed in a row since the last success.")
    disabled_at = serializers.DateTimeField(allow_null=True, help_text="When the desk turned it off after failures.")
    disabled_reason = serializers.CharField(
        source="disabled_reason_for_reader",
        help_text="Why the desk turned it off, in the language of the request (Accept-Language); empty while on.",
    )
    disabled_reason_code = serializers.CharField(
        help_text="The stable code of why it was turned off (`webhook_turned_off`); empty while on, or for one "
        "turned off before codes were kept."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class WebhookCreateInputSerializer(serializers.Serializer):
    # Plain text, not URLField: the service says what is wrong with a URL (scheme, address, port).
    url = serializers.CharField(max_length=2000, trim_whitespace=True)
    events = serializers.ListField(
        child=serializers.CharField(max_length=40),
        max_length=len(WebhookEvent.values),
        help_text=f"Any of: {', '.join(WebhookEvent.values)}.",
    )
    payload_format = serializers.ChoiceField(
        choices=WebhookFormat.choices,
        required=False,
        help_text="Left out, the URL's host chooses: `slack` for hooks.slack.com and chat.googleapis.com, `teams` "
        "for Teams Workflows (*.api.powerplatform.com, *.logic.azure.com) and *.webhook.office.com, else `json`.",
    )
    description = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    is_active = serializers.BooleanField(default=True)


class WebhookUpdateInputSerializer(serializers.Serializer):
    url = serializers.CharField(max_length=2000, required=False)
    events = serializers.ListField(
        child=serializers.CharField(max_length=40), max_length=len(WebhookEvent.values), required=False
    )
    payload_format = serializers.ChoiceField(choices=WebhookFormat.choices, required=False)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    is_active = serializers.BooleanField(required=False, help_text="Turning it on again clears its failures.")
    rotate_secret = serializers.BooleanField(required=False, default=False, help_text="Give it a new secret.")


class WebhookDeliveryOutputSerializer(serializers.Serializer):
    """One event sent (or being sent) to the endpoint: what, when, and how the endpoint answered."""

    id = UUIDStringField(
        help_text="The delivery. The body's `id` is the event's: this id, or for a redelivery the id of the "
        "delivery it sends again, so receivers drop repeats by it."
    )
    event = serializers.CharField()
    status = serializers.ChoiceField(choices=WebhookDeliveryStatus.choices)
    attempts = serializers.IntegerField()
    response_status = serializers.IntegerField(allow_null=True, help_text="The endpoint's last HTTP status.")
    last_error = serializers.CharField(
        source="last_error_for_reader",
        help_text="Why the last attempt failed, in the language of the request (Accept-Language); empty after a "
        "success.",
    )
    last_error_code = serializers.CharField(
        help_text="The stable code of the last failure (`webhook_status`, `no_answer_in_time`, `address_refused`, "
        "...), for clients to act on; empty when there is none, or for one recorded before codes were kept."
    )
    next_attempt_at = serializers.DateTimeField(
        allow_null=True,
        help_text="While pending after a failed attempt: when the next one is planned (the backoff, or the "
        "endpoint's Retry-After on a 429 or 503, whichever is longer).",
    )
    redelivery_of = UUIDStringField(
        source="redelivery_of_id", allow_null=True, help_text="The delivery this one sends again, if any."
    )
    created_at = serializers.DateTimeField()
    delivered_at = serializers.DateTimeField(allow_null=True)
    payload = serializers.JSONField(help_text="The JSON event (chat endpoints get its summary as `text`).")
