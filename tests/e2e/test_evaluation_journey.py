"""Issue 8's acceptance: a mentor gives their advice through their link on a phone, the supervisor
finalises the evaluation, and the pupil's individual dossier PDF contains it (9.1.1, 9.1.2)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from evaluations.models import Evaluation, Moment
from internships.models import Placement
from tests.e2e.axe import scrolls_sideways, serious_violations
from tests.evaluations.factories import criteria_of, opened
from tests.factories import UserFactory
from tests.factories.principals import mentor_link

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
TOKEN = "e2e-evaluation-mentor-token-" + "e" * 26
PASSWORD = "e2e-wachtwoord-2026"
CRITERIA = (
    "Verzorgt de bewoner met respect voor zijn privacy",
    "Werkt hygiënisch volgens de procedures",
    "Meldt wat hij of zij opmerkt aan de verantwoordelijke",
)


@pytest.fixture
def evaluation(school_a) -> Evaluation:
    Placement.objects.filter(pk=school_a.placement.pk).update(status=Placement.Status.STARTED)
    programme = school_a.school_class.programme
    for number, criterion in enumerate(criteria_of(programme, len(CRITERIA))):
        criterion.description = CRITERIA[number]
        criterion.save()
    user = school_a.supervisor
    user.set_password(PASSWORD)
    user.save()
    return opened(school_a.placement, Moment.INTERIM)


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="nl-BE", viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_mentor_advises_on_a_phone_supervisor_finalises_dossier_shows_it(
    phone, page, live_server, school_a, evaluation
):
    mentor_link(school_a.mentor, token=TOKEN)

    # The mentor opens their link on a phone and gives their advice.
    phone.goto(live_server.url + reverse("portal:open", args=[TOKEN]))
    phone.get_by_role("link", name="Lotte Leerling Alfa – Woonzorgcentrum Alfa").click()
    phone.get_by_role("link", name="Advies geven").click()
    assert serious_violations(phone) == []
    assert not scrolls_sideways(phone)
    for section in phone.locator("form section.card").all()[: len(CRITERIA)]:
        section.get_by_text("goed", exact=True).click()
    phone.get_by_label("Toelichting (niet verplicht)").first.fill("Praat rustig met de bewoners")
    phone.locator("textarea").last.fill("Een gemotiveerde stagiair die snel bijleert.")
    phone.get_by_role("button", name="Advies doorgeven").click()
    evaluation.refresh_from_db()
    assert evaluation.is_advised

    # The supervisor sees the advice beside their own columns and finalises.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", school_a.supervisor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(live_server.url + reverse("evaluations:evaluation-detail", args=[evaluation.pk]))
    assert "Praat rustig met de bewoners" in page.content()
    for radio_group in page.locator("[role=radiogroup]").all():
        radio_group.get_by_text("goed", exact=True).click()
    page.get_by_label("Besluit").fill("Behaalt de doelen van de eerste periode.")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Bewaren en afronden").click()
    page.wait_for_load_state()
    evaluation.refresh_from_db()
    assert evaluation.is_finalised
    assert evaluation.finalised_by == school_a.supervisor

    # The pupil's individual dossier, rendered by the task and downloaded, contains it.
    page.goto(
        live_server.url + reverse("internships:placement-detail", args=[school_a.placement.pk])
    )
    page.get_by_role("button", name="Individueel stagedossier").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden").first.click()
    with open(download.value.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = " ".join(sheet.extract_text() or "" for sheet in reader.pages)
    text = " ".join(text.split())
    assert "8. Evaluaties" in text
    for criterion in CRITERIA:
        assert criterion in text
    assert "Praat rustig met de bewoners" in text
    assert "Behaalt de doelen van de eerste periode." in text


def test_nobody_else_can_log_in_as_the_mentor(live_server, browser, school_a, evaluation):
    """The advice form without the link's session asks for the link, not for a password."""
    UserFactory()
    context = browser.new_context(locale="nl-BE")
    other = context.new_page()
    other.goto(live_server.url + reverse("evaluations:advise", args=[evaluation.pk]))
    assert "Open uw persoonlijke link" in other.content()
    context.close()
