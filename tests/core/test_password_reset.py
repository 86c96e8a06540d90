"""The password reset form is limited per client address and per e-mail address (issue 11.5):
past the limit it answers 429 with a Dutch message and sends nothing."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/accounts/password_reset/"


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    settings.PASSWORD_RESET_ATTEMPTS_PER_WINDOW = 3
    cache.clear()
    yield
    cache.clear()


def ask(email: str, *, address: str = "192.0.2.10"):
    return Client(REMOTE_ADDR=address).post(URL, {"email": email})


def test_a_reset_within_the_limit_sends_the_email(school_a):
    response = ask(school_a.coordinator.email)

    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_one_client_address_is_refused_past_the_limit(school_a):
    for number in range(3):
        assert ask(f"onbekend{number}@example.be").status_code == 302

    refused = ask(school_a.coordinator.email)

    assert refused.status_code == 429
    assert "te vaak gevraagd" in refused.content.decode()
    assert mail.outbox == []


def test_one_email_address_is_refused_past_the_limit_from_any_address(school_a):
    email = school_a.coordinator.email
    for number in range(3):
        assert ask(email, address=f"192.0.2.{20 + number}").status_code == 302

    refused = ask(email.upper(), address="198.51.100.7")

    assert refused.status_code == 429
    assert len(mail.outbox) == 3


def test_another_client_is_not_held_back_by_the_first(school_a):
    for number in range(3):
        ask(f"onbekend{number}@example.be")

    assert ask(school_a.coordinator.email, address="198.51.100.8").status_code == 302


def test_the_form_is_the_schools_own_dutch_page():
    page = Client().get(URL).content.decode()

    assert "<title>Wachtwoord vergeten · Stagebeheer</title>" in page
    assert "Link versturen" in page
