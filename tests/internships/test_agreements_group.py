"""Group agreements (8.1.2, option 1): the school and the host sign once for many pupils; each
pupil (for a minor a guardian) signs a personal annex."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from internships.models import Agreement, AgreementVersion, GroupAgreement, Party
from internships.services.agreements import version_make_ready
from internships.services.group_agreements import (
    group_agreement_create,
    group_agreement_make_ready,
)
from internships.services.signatures import signature_record_paper, signature_request_create
from tests.factories import (
    ActivityFactory,
    ActivityListFactory,
    HostFactory,
    PlacementFactory,
    lawful_schedule,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://127\.0\.0\.1:8000/link/[\w-]+/")


def members(world):
    for placement in (world.placement, world.other_placement):
        ActivityFactory(activity_list=ActivityListFactory(placement=placement))
        lawful_schedule(placement)
    return [world.placement, world.other_placement]


def create(world, placements=None) -> GroupAgreement:
    return group_agreement_create(
        school=world.school,
        host=world.host,
        school_year=world.school_year,
        placements=placements if placements is not None else members(world),
        title="Klas 6VZ bij het woonzorgcentrum",
    )


def paper(user, party, *, version=None, group=None):
    return signature_record_paper(
        version=version,
        group_agreement=group,
        party=party,
        signer_name="Iemand",
        signer_role="vertegenwoordiger",
        signed_on=timezone.localdate(),
        scan=pdf_upload(),
        user=user,
    )


def test_every_pupil_gets_an_annex_that_refers_to_the_group(school_a):
    group = create(school_a)

    agreements = Agreement.objects.filter(group=group)
    assert agreements.count() == 2
    version = AgreementVersion.objects.get(agreement__placement=school_a.placement)
    assert version.content["group"] == {"title": group.title, "content_hash": ""}


def test_only_the_hosts_placements_without_a_ready_agreement(school_a):
    elsewhere = PlacementFactory(
        student__school=school_a.school, host=HostFactory(school=school_a.school)
    )

    with pytest.raises(ValidationError) as error:
        create(school_a, placements=[elsewhere])

    assert error.value.messages[0].startswith(f"De stage van {elsewhere.student} is geen stage bij")
    assert not GroupAgreement.objects.exists()


def test_the_group_content_lists_the_pupils_and_the_general_clauses(school_a):
    group = group_agreement_make_ready(group_agreement=create(school_a), user=None)

    assert group.status == GroupAgreement.Status.READY
    assert len(group.content_hash) == 64
    assert [member["name"] for member in group.content["members"]] == [
        "Milan Andere Alfa",
        "Lotte Leerling Alfa",
    ]
    keys = {clause["key"] for clause in group.content["clauses"]}
    assert "accident_insurance" in keys and "travel_costs" not in keys
    with pytest.raises(ValidationError):
        group_agreement_make_ready(group_agreement=group, user=None)


def test_a_member_annex_waits_until_the_group_is_ready(school_a):
    create(school_a)
    version = AgreementVersion.objects.get(agreement__placement=school_a.placement)

    with pytest.raises(ValidationError) as error:
        version_make_ready(version=version, user=None)

    assert (
        "Maak eerst de globale overeenkomst ‘Klas 6VZ bij het woonzorgcentrum"
        in (error.value.messages[0])
    )


def test_the_whole_flow(school_a):
    group = group_agreement_make_ready(group_agreement=create(school_a), user=None)
    version = AgreementVersion.objects.get(agreement__placement=school_a.placement)
    version_make_ready(version=version, user=None)
    assert version.content["group"]["content_hash"] == group.content_hash

    with pytest.raises(ValidationError) as error:
        paper(school_a.coordinator, Party.SCHOOL, version=version)
    assert error.value.message_dict == {
        "party": ["Deze partij hoeft dit document niet te ondertekenen."]
    }

    paper(school_a.coordinator, Party.STUDENT, version=version)
    version.refresh_from_db()
    assert version.status == AgreementVersion.Status.READY  # the group is not signed yet

    paper(school_a.coordinator, Party.SCHOOL, group=group)
    paper(school_a.coordinator, Party.HOST, group=group)

    group.refresh_from_db()
    version.refresh_from_db()
    assert group.status == GroupAgreement.Status.SIGNED
    assert version.status == AgreementVersion.Status.SIGNED
    assert version.agreement.status == Agreement.Status.SIGNED
    other = AgreementVersion.objects.get(agreement__placement=school_a.other_placement)
    assert other.status == AgreementVersion.Status.DRAFT


def test_school_and_host_sign_the_group_through_their_links(
    school_a, django_capture_on_commit_callbacks
):
    group = group_agreement_make_ready(group_agreement=create(school_a), user=None)
    for party in (Party.SCHOOL, Party.HOST):
        with django_capture_on_commit_callbacks(execute=True):
            signature_request_create(
                group_agreement=group,
                party=party,
                signer_name="Naam",
                signer_role="vertegenwoordiger",
                email=f"{party}@example.be",
            )
    links = [LINK.search(message.body).group(0) for message in mail.outbox]

    pages = []
    for link in links:
        signer = Client()
        pages.append(signer.get(link, follow=True))
        signer.post(
            reverse("portal:sign"),
            {"signer_name": "Naam", "agree": "on", "content_hash": group.content_hash},
        )
    page = pages[0]

    assert "Globale leerlingenstageovereenkomst" in page.content.decode()
    assert mail.outbox[0].subject == "Te ondertekenen: globale stageovereenkomst " + group.title
    group.refresh_from_db()
    assert group.status == GroupAgreement.Status.SIGNED
    assert {s.content_hash for s in group.signatures.all()} == {group.content_hash}


def test_the_coordinator_creates_it_from_the_host_page(school_a, client_for):
    client = client_for(school_a.coordinator)

    response = client.post(
        reverse("internships:group-agreement-create", args=[school_a.host.pk]),
        {"title": "Klas 6VZ", "placements": [school_a.placement.pk]},
        follow=True,
    )

    content = response.content.decode()
    assert "Globale overeenkomst aangemaakt." in content
    assert "Lotte Leerling Alfa" in content
    host_page = client.get(reverse("internships:host-detail", args=[school_a.host.pk]))
    assert "Klas 6VZ" in host_page.content.decode()


def test_the_group_page_runs_the_same_queries_for_n_and_3n_pupils(
    school_a, client_for, django_assert_max_num_queries
):
    def group_of(count) -> GroupAgreement:
        placements = PlacementFactory.create_batch(
            count, student__school=school_a.school, host=school_a.host
        )
        return group_agreement_create(
            school=school_a.school,
            host=school_a.host,
            school_year=school_a.school_year,
            placements=placements,
            title=f"{count} leerlingen",
        )

    client = client_for(school_a.coordinator)
    small, large = group_of(2), group_of(6)
    client.get(reverse("internships:group-agreement-detail", args=[small.pk]))

    with django_assert_max_num_queries(20) as few:
        client.get(reverse("internships:group-agreement-detail", args=[small.pk]))
    with django_assert_max_num_queries(20) as many:
        response = client.get(reverse("internships:group-agreement-detail", args=[large.pk]))

    assert len(response.context["members"]) == 6
    assert len(many.captured_queries) == len(few.captured_queries)
