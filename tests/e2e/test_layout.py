"""The staff navigation fits every width: nothing scrolls sideways from a phone to a wide screen
(WCAG 2.2 1.4.10 Reflow), and every destination stays one click or one menu away."""

import pytest

from tests.e2e.axe import scrolls_sideways, serious_violations

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PASSWORD = "e2e-wachtwoord-2026"
WIDTHS = (320, 390, 768, 1024, 1200, 1280, 1440, 1920)


@pytest.fixture
def school_admin_with_a_long_name(school_a):
    """The school admin sees the most menu items; a long name is the worst case for the bar."""
    user = school_a.school_admin
    user.first_name = "Marie-Christine"
    user.last_name = "Vandenbroucke-Verstraeten"
    user.set_password(PASSWORD)
    user.save()
    return user


def test_the_staff_navigation_never_scrolls_sideways(
    browser, live_server, school_admin_with_a_long_name
):
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", school_admin_with_a_long_name.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        assert not scrolls_sideways(page), f"de pagina schuift zijwaarts op {width}px"

    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    navigation.get_by_role("button", name="Meer").click()
    for destination in (
        "Rooster testen",
        "Studierichtingen",
        "Werklast begeleiders",
        "Jaarlijkse bevraging",
        "Meldingen",
        "Inspectiedossier",
        "Gebruikers",
    ):
        assert navigation.get_by_role("link", name=destination).is_visible(), destination
    assert serious_violations(page) == []
    context.close()
