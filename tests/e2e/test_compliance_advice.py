"""Messages people can act on, in the browser: a short lunch break on fifteen days reads as one
group with a fix (5.2.1), its dates fold open, and a new period proposes the legal break as
the hours are typed; no serious accessibility violations."""

import pytest
from django.urls import reverse

from compliance.services import compliance_check_placement
from tests.e2e.axe import AXE, BLOCKING, WCAG, scrolls_sideways, serious_violations

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PASSWORD = "e2e-wachtwoord-2026"
# No htmx request under way (htmx marks the element that sent one).
IDLE = "!document.querySelector('.htmx-request')"


@pytest.fixture
def supervisor(school_a):
    """The persona supervisor; their pupil is 16 on the first day of the placement."""
    start = school_a.placement.start_date
    school_a.pupil.birth_date = start.replace(year=start.year - 16)
    school_a.pupil.save()
    compliance_check_placement(placement=school_a.placement)
    school_a.supervisor.set_password(PASSWORD)
    school_a.supervisor.save()
    return school_a.supervisor


def serious_violations_in(page, selector: str) -> list[str]:
    """:func:`serious_violations` of one part of the page (other cards are not ours here)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async ([selector, tags]) => await axe.run(document.querySelector(selector),"
        " {runOnly: {type: 'tag', values: tags}})",
        [selector, WCAG],
    )
    return [v["id"] for v in result["violations"] if v["impact"] in BLOCKING]


def sign_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_the_placement_page_groups_the_days_and_suggests_the_fix(
    page, live_server, school_a, supervisor
):
    sign_in(page, live_server, supervisor)
    page.goto(
        live_server.url + reverse("internships:placement-detail", args=[school_a.placement.pk])
    )

    group = page.locator("#compliance li.list-group-item", has_text="Te weinig pauze")
    assert group.count() == 1
    assert "15 dagen" in group.inner_text()
    assert "Verleng de middagpauze met 30 min" in group.inner_text()
    all_dates = group.locator("details li")
    assert not all_dates.first.is_visible()
    group.locator("summary").click()
    assert all_dates.count() == 15
    assert all_dates.last.is_visible()
    assert serious_violations_in(page, "#compliance") == []

    page.set_viewport_size({"width": 390, "height": 800})
    assert not scrolls_sideways(page)


def test_a_new_period_proposes_the_break_for_the_hours_typed(
    page, live_server, school_a, supervisor
):
    sign_in(page, live_server, supervisor)
    page.goto(live_server.url + reverse("internships:period-create", args=[school_a.placement.pk]))
    assert page.input_value("#id_break_0_end") == "13:00"

    page.fill("#id_start_time", "08:00")
    page.fill("#id_end_time", "13:00")
    with page.expect_response(lambda response: "end_time=13%3A00" in response.url):
        page.locator("#id_end_time").dispatch_event("change")
    page.wait_for_function(IDLE)
    assert page.input_value("#id_break_0_end") == "12:30"

    page.fill("#id_break_0_start", "10:00")
    page.fill("#id_break_0_end", "10:30")
    page.fill("#id_end_time", "12:30")
    with page.expect_response(lambda response: "end_time=12%3A30" in response.url):
        page.locator("#id_end_time").dispatch_event("change")
    page.wait_for_function(IDLE)
    assert page.input_value("#id_break_0_start") == "10:00"
    assert page.input_value("#id_break_0_end") == "10:30"
    assert serious_violations(page) == []
