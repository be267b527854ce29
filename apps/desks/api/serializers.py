from rest_framework import serializers

from apps.desks.models import Role


class DeskOutputSerializer(serializers.Serializer):
    """One of your desks (serialised from your membership of it)."""

    id = serializers.UUIDField(source="desk.id")
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
