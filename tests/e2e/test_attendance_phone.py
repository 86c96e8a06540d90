"""The mentor confirms and corrects weeks on a phone (375 px): no serious accessibility
violations, no sideways scroll; the staff weeks page reads as cards there too."""

import pytest
from django.urls import reverse

from attendance.models import AttendanceWeek
from tests.attendance.factories import PAST_MONDAY, worked_placement
from tests.e2e.axe import scrolls_sideways, serious_violations
from tests.factories.principals import mentor_link

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
TOKEN = "e2e-attendance-mentor-token-" + "m" * 30
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


def test_the_mentor_confirms_and_corrects_weeks_on_a_phone(phone, live_server, school_a):
    placement = worked_placement(school_a)
    mentor_link(school_a.mentor, token=TOKEN)
    phone.goto(live_server.url + reverse("portal:open", args=[TOKEN]))

    phone.goto(live_server.url + reverse("attendance:portal-weeks", args=[placement.pk]))
    check_page(phone)
    phone.get_by_role("button", name="Bevestig deze week").first.click()
    assert phone.get_by_text("is bevestigd zoals gepland").is_visible()

    phone.get_by_role("link", name="Uren aanpassen").first.click()
    check_page(phone)
    phone.get_by_label("Gewerkt op deze dag").nth(4).uncheck()  # Friday not worked
    phone.get_by_role("button", name="Uren bewaren").click()
    assert phone.get_by_text("zijn bewaard").is_visible()
    check_page(phone)

    week = AttendanceWeek.objects.get(placement=placement, monday__gt=PAST_MONDAY)
    assert week.status == AttendanceWeek.Status.CORRECTED and week.days.count() == 4
    phone.goto(live_server.url + reverse("attendance:portal-incident-report", args=[placement.pk]))
    check_page(phone)


def test_the_staff_weeks_page_on_a_phone(phone, live_server, school_a, client_for):
    placement = worked_placement(school_a)
    client = client_for(school_a.supervisor)
    phone.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )

    for url in (
        reverse("attendance:placement-weeks", args=[placement.pk]),
        reverse("attendance:week-correct", args=[placement.pk, 2025, 41]),
    ):
        phone.goto(live_server.url + url)
        assert phone.get_by_role("heading", level=1).is_visible()
        check_page(phone)
