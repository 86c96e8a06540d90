"""The app speaks Dutch (nl-BE) unless asked otherwise."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("dashboard", "Overzicht"),
        ("student-list", "Leerlingen"),
        ("host-list", "Stagegevers"),
        ("placement-list", "Stages"),
    ],
)
def test_pages_render_in_dutch_by_default(school_a, client_for, name, heading):
    response = client_for(school_a.coordinator).get(reverse(f"internships:{name}"))

    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl-be">' in content
    assert f"<title>{heading} · Stagebeheer</title>" in content
    assert response.headers["Content-Language"] == "nl-be"


def test_the_login_page_is_dutch(client):
    response = client.get(reverse("login"))

    assert '<html lang="nl-be">' in response.content.decode()


def test_django_messages_are_dutch_too(school_a, client_for):
    response = client_for(school_a.coordinator).post(reverse("internships:student-create"), {})

    assert response.context["form"].errors["first_name"] == ["Dit veld is verplicht."]


def test_a_browser_asking_for_english_still_gets_dutch(school_a, client_for):
    client = client_for(school_a.coordinator)
    response = client.get(reverse("internships:dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert response.headers["Content-Language"] == "nl-be"


def test_the_language_chosen_in_the_menu_is_kept(school_a, client_for):
    client = client_for(school_a.coordinator)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("internships:dashboard"))
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()
