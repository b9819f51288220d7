"""What a practitioner's browser does around the end of a session: sign in through the form,
open a form, let the session end, press save."""

import datetime
import re

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

PASSWORD = "correct horse battery staple"
TYPED = "Her garden, the choir on Sundays, and tea with her sister Jean on Thursdays."


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def sign_in(client: Client, username: str, next_url: str = "") -> object:
    """Sign in through the form, as a browser would (CSRF checks on)."""
    page = client.get(reverse("plan_builder:login"))
    data = {
        "username": username,
        "password": PASSWORD,
        "csrfmiddlewaretoken": csrf_token(page.content.decode()),
    }
    if next_url:
        data["next"] = next_url
    return client.post(reverse("plan_builder:login"), data)


def end_the_session(client: Client) -> None:
    """As if half an hour passed: the session is still in the browser's cookie, but over."""
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )


def open_form(client: Client, url: str) -> dict:
    """The hidden fields of the form at `url` as the page gave them."""
    html = client.get(url).content.decode()
    fields = {"csrfmiddlewaretoken": csrf_token(html)}
    revision = re.search(r'name="revision" value="(\d*)"', html)
    if revision:
        fields["revision"] = revision.group(1)
    return fields


def send_after_the_end(client: Client, url: str, values: dict) -> object:
    """Open the form, let the session end, then press save."""
    hidden = open_form(client, url)
    end_the_session(client)
    return client.post(url, {**hidden, **values})


def about_me(plan) -> str:
    return reverse("plan_builder:section_edit", args=[plan.pk, "about-me"])
