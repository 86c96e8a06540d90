"""Pages with personal data are never kept by a browser or proxy, sessions end with the browser
and every response denies the browser features no page uses (issue 11.6)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from core.http import PERMISSIONS_POLICY
from tests.factories.models import TEST_PASSWORD
from tests.portal.test_query_counts_portal import holder_client

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize("role", ["coordinator", "supervisor", "school_admin"])
def test_a_staff_page_is_not_stored(school_a, client_for, role):
    response = client_for(getattr(school_a, role)).get(reverse("dashboards:home"))

    assert no_store(response)
    assert "private" in response.headers["Cache-Control"]


@pytest.mark.parametrize("holder", ["mentor", "pupil"])
def test_a_portal_page_is_not_stored(school_a, holder):
    response = holder_client(school_a, holder).get(reverse("portal:home"))

    assert response.status_code == 200
    assert no_store(response)


def test_every_page_denies_the_features_no_page_uses(school_a, client_for):
    for response in [
        Client().get(reverse("login")),
        client_for(school_a.coordinator).get(reverse("dashboards:home")),
    ]:
        assert response.headers["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "geolocation=()" in PERMISSIONS_POLICY


def test_the_session_ends_when_the_browser_closes(school_a):
    client = Client()
    response = client.post(
        reverse("login"), {"username": school_a.coordinator.username, "password": TEST_PASSWORD}
    )
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]

    assert response.status_code == 302
    assert cookie.value and not cookie["expires"] and not cookie["max-age"]
