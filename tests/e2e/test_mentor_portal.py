"""The mentor's portal in the browser on a phone: their link, their interns, the activity list,
an absence; every page without serious accessibility violations and without sideways scroll."""

import pytest
from django.urls import reverse

from tests.e2e.axe import scrolls_sideways, serious_violations
from tests.factories import ActivityFactory, ActivityListFactory
from tests.factories.principals import mentor_link

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
TOKEN = "e2e-mentor-portal-token-" + "m" * 30
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nl-BE", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def check_page(page) -> None:
    assert serious_violations(page) == []
    assert not scrolls_sideways(page)


def test_a_mentor_works_through_their_link_on_a_phone(phone, live_server, school_a):
    ActivityFactory(
        activity_list=ActivityListFactory(placement=school_a.placement),
        description="Bedden opmaken volgens het protocol",
    )
    mentor_link(school_a.mentor, token=TOKEN)

    phone.goto(live_server.url + reverse("portal:open", args=[TOKEN]))
    assert phone.url == live_server.url + reverse("portal:home")
    assert TOKEN not in phone.url
    check_page(phone)

    phone.get_by_role("link", name="Lotte Leerling Alfa – Woonzorgcentrum Alfa").click()
    check_page(phone)
    phone.get_by_role("button", name="Activiteitenlijst bevestigen").click()
    assert phone.get_by_text("de activiteitenlijst is bevestigd").is_visible()
    phone.get_by_role("button", name="Uitgevoerd").click()
    assert phone.get_by_text("Bewaard: Bedden opmaken").is_visible()

    phone.get_by_role("link", name="Afwezigheid melden").click()
    check_page(phone)
