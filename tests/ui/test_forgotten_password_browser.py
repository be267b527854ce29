"""A reviewer who forgot their password gets back in alone: from the sign-in page to the emailed
link, a new password, and signing in with it, in Chromium."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from apps.core.accounts import password_reset_email_send
from apps.core.models import PasswordResetEmail
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "a quite different passphrase"


def test_a_forgotten_password_is_replaced_from_the_emailed_link(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    factories.UserFactory(username="rita", email="rita@example.org")
    page = browser.new_page()

    page.goto(f"{live_server.url}/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("rita@example.org")
    page.get_by_role("button", name="Email me a link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert mail.outbox == [], "the request only records the email; a worker sends it"
    [waiting] = PasswordResetEmail.objects.all()
    password_reset_email_send(email_id=str(waiting.pk))

    [message] = mail.outbox
    link = re.search(r"http\S+/reset/\S+/", message.body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", name="Set a new password")).to_be_visible()
    assert "/set-password/" in page.url  # the token is out of the address the page is shown at
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set password").click()
    expect(page.get_by_role("heading", name="Your new password is set")).to_be_visible()

    page.get_by_role("link", name="Log in").click()
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_text("rita", exact=True)).to_be_visible()

    page.goto(link)
    expect(page.get_by_role("heading", name="This link no longer works")).to_be_visible()
