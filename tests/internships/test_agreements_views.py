"""The agreement's pages: drafting, making ready, the document, amendments and the end."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from internships.models import Agreement, AgreementVersion, Party
from tests.factories import (
    ActivityFactory,
    ActivityListFactory,
    AgreementFactory,
    AgreementVersionFactory,
    SignatureFactory,
    SignatureRequestFactory,
    lawful_schedule,
    ready_version,
)

pytestmark = pytest.mark.django_db


def url(name, world, *args):
    return reverse(f"internships:{name}", args=[world.placement.pk, *args])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def draft(world) -> AgreementVersion:
    ActivityFactory(activity_list=ActivityListFactory(placement=world.placement))
    lawful_schedule(world.placement)
    return AgreementVersionFactory(agreement=AgreementFactory(placement=world.placement))


def signed(world) -> AgreementVersion:
    version = ready_version(world.placement)
    for party in Party.values:
        SignatureFactory(version=version, party=party)
    AgreementVersion.objects.filter(pk=version.pk).update(status="signed")
    Agreement.objects.update(status=Agreement.Status.ACTIVE)
    return version


def test_the_supervisor_drafts_the_agreement(school_a, client_for):
    response = client_for(school_a.supervisor).post(
        url("agreement-create", school_a),
        {"travel_costs": "student", "travel_costs_note": "fietsvergoeding"},
    )

    assert response["Location"].endswith(f"/stages/{school_a.placement.pk}/#agreement")
    assert messages_of(response) == ["Ontwerp van de overeenkomst gemaakt."]
    agreement = Agreement.objects.get()
    assert (agreement.travel_costs, agreement.travel_costs_note) == ("student", "fietsvergoeding")


def test_making_ready_says_what_is_missing(school_a, client_for):
    version = AgreementVersionFactory(agreement=AgreementFactory(placement=school_a.placement))

    response = client_for(school_a.coordinator).post(url("version-ready", school_a, version.pk))

    assert "Er is nog geen stageactiviteitenlijst (8.1.3)." in messages_of(response)
    version.refresh_from_db()
    assert version.status == "draft"


def test_making_ready_freezes_the_version(school_a, client_for):
    version = draft(school_a)

    response = client_for(school_a.coordinator).post(url("version-ready", school_a, version.pk))

    assert messages_of(response) == ["Versie 1 is klaar voor ondertekening; stuur nu de links."]
    version.refresh_from_db()
    assert version.status == "ready" and version.content_hash


def test_the_card_shows_the_problems_of_a_draft(school_a, client_for):
    AgreementVersionFactory(agreement=AgreementFactory(placement=school_a.placement))

    response = client_for(school_a.coordinator).get(
        reverse("internships:placement-detail", args=[school_a.placement.pk])
    )

    content = response.content.decode()
    assert "Nog nodig vóór ondertekening:" in content
    assert "Er is nog geen stageactiviteitenlijst (8.1.3)." in content


def test_the_card_shows_who_still_has_to_sign_and_the_links(school_a, client_for):
    version = ready_version(school_a.placement)
    SignatureFactory(version=version, party=Party.SCHOOL, signer_name="Directeur Alfa")
    SignatureRequestFactory(version=version, party=Party.HOST, signer_name="An Claes")

    response = client_for(school_a.supervisor).get(
        reverse("internships:placement-detail", args=[school_a.placement.pk])
    )

    content = response.content.decode()
    assert "Moet nog ondertekenen:" in content
    assert "leerling-stagiair (Ouder Alfa)" in content
    assert "stagegever (An Claes)" in content
    assert "onderwijsinstelling: Directeur Alfa (directeur)" in content
    assert version.content_hash in content


def test_the_document_page_shows_the_frozen_content_and_the_signatures(school_a, client_for):
    version = ready_version(school_a.placement)
    SignatureFactory(version=version, party=Party.STUDENT, signer_name="Ouder Alfa")
    school_a.placement.mentor.first_name = "Nieuwe"
    school_a.placement.mentor.save()

    response = client_for(school_a.supervisor).get(url("version-detail", school_a, version.pk))

    content = response.content.decode()
    assert "Mentor Alfa" in content and "Nieuwe Alfa" not in content
    assert version.content_hash in content
    assert "Ouder Alfa" in content and "192.0.2.10" in content


def test_a_draft_document_shows_todays_data(school_a, client_for):
    version = draft(school_a)
    school_a.placement.mentor.first_name = "Nieuwe"
    school_a.placement.mentor.save()

    response = client_for(school_a.supervisor).get(url("version-detail", school_a, version.pk))

    assert "Nieuwe Alfa" in response.content.decode()


def test_withdrawing_from_the_card(school_a, client_for):
    version = ready_version(school_a.placement)

    response = client_for(school_a.coordinator).post(url("version-withdraw", school_a, version.pk))

    assert messages_of(response) == ["Versie 1 is ingetrokken; versie 2 is een nieuw ontwerp."]
    assert list(AgreementVersion.objects.values_list("number", "status")) == [
        (1, "withdrawn"),
        (2, "draft"),
    ]


def test_an_amendment_from_the_card(school_a, client_for):
    signed(school_a)

    response = client_for(school_a.coordinator).post(
        url("agreement-amend", school_a), {"reason": "Nieuwe einddatum"}
    )

    assert messages_of(response) == [
        "Aanhangsel (versie 2) gemaakt: pas de stage aan en maak het klaar."
    ]
    assert AgreementVersion.objects.get(number=2).reason == "Nieuwe einddatum"


def test_ending_needs_a_reason(school_a, client_for):
    signed(school_a)
    client = client_for(school_a.coordinator)

    refused = client.post(url("agreement-end", school_a), {"ended_on": "", "reason": ""})
    client.post(
        url("agreement-terminate", school_a),
        {"ended_on": timezone.localdate().isoformat(), "reason": "Stagegever sluit"},
    )

    assert refused.context["form"].errors == {
        "ended_on": ["Dit veld is verplicht."],
        "reason": ["Dit veld is verplicht."],
    }
    agreement = Agreement.objects.get()
    assert (agreement.status, agreement.end_reason) == ("terminated", "Stagegever sluit")
    page = client.get(reverse("internships:placement-detail", args=[school_a.placement.pk]))
    assert "Stagegever sluit" in page.content.decode()


@pytest.mark.usefixtures("uncached_pages")
def test_the_placement_page_runs_the_same_queries_however_many_links(
    school_a, client_for, django_assert_max_num_queries
):
    """A detail page: bounded (the agreement's content is rebuilt to spot changes since the
    ready version), and links and signatures cost no query each."""
    version = ready_version(school_a.placement)
    client = client_for(school_a.coordinator)
    path = reverse("internships:placement-detail", args=[school_a.placement.pk])
    SignatureRequestFactory(version=version)
    client.get(path)

    with django_assert_max_num_queries(100) as few:
        client.get(path)
    SignatureRequestFactory.create_batch(3, version=version)
    SignatureFactory(version=version, party=Party.SCHOOL)
    with django_assert_max_num_queries(100) as many:
        response = client.get(path)

    assert len(response.context["agreement_panel"].latest.requests) == 4
    assert len(many.captured_queries) == len(few.captured_queries)
