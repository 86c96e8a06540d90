"""The app speaks Dutch (nl-BE) unless asked otherwise."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_0-9]*\}")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("dashboards:home", "Overzicht"),
        ("internships:student-list", "Leerlingen"),
        ("internships:host-list", "Stagegevers"),
        ("internships:placement-list", "Stages"),
    ],
)
def test_pages_render_in_dutch_by_default(school_a, client_for, name, heading):
    response = client_for(school_a.coordinator).get(reverse(name))

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
    response = client.get(reverse("dashboards:home"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert response.headers["Content-Language"] == "nl-be"


def test_the_language_chosen_in_the_menu_is_kept(school_a, client_for):
    client = client_for(school_a.coordinator)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("dashboards:home"))
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()


def english_client(client_for, user):
    client = client_for(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("dashboards:home", "Dashboard"),
        ("internships:student-list", "Pupils"),
        ("internships:placement-list", "Placements"),
    ],
)
def test_pages_render_in_english_on_request(school_a, client_for, name, heading):
    response = english_client(client_for, school_a.coordinator).get(reverse(name))

    assert f"<title>{heading} · Stagebeheer</title>" in response.content.decode()


def test_validation_messages_follow_the_chosen_language(school_a, client_for):
    client = english_client(client_for, school_a.coordinator)
    response = client.post(reverse("internships:student-create"), {})

    assert response.context["form"].errors["first_name"] == ["This field is required."]


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(LOCALE / "django.po"))


class TestTheEnglishCatalogue:
    """Every Dutch string has an English translation that keeps its placeholders."""

    def test_every_message_is_translated(self, catalogue):
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert (untranslated, fuzzy) == ([], [])

    def test_translations_keep_the_placeholders(self, catalogue):
        def placeholders(text: str) -> list[str]:
            return sorted(PLACEHOLDER.findall(text))

        broken = [
            entry.msgid
            for entry in catalogue.translated_entries()
            if not entry.msgid_plural and placeholders(entry.msgid) != placeholders(entry.msgstr)
        ]
        assert broken == []

    def test_the_compiled_catalogue_matches_the_source(self, catalogue):
        compiled = polib.mofile(str(LOCALE / "django.mo"))
        source = {(e.msgctxt, e.msgid): e.msgstr for e in catalogue.translated_entries()}
        built = {(e.msgctxt, e.msgid): e.msgstr for e in compiled if e.msgid}
        assert built == source, "run `make messages` to compile locale/en"
