"""What a party signed is never deleted, on SQLite as on PostgreSQL, and the account that
recorded a paper signature stays as its evidence: it is deactivated, not deleted (issue 11.3)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from internships.models import AgreementVersion, GroupAgreement, Party, Signature, User
from internships.services import staff as staff_services
from tests.factories import (
    AgreementFactory,
    AgreementVersionFactory,
    GroupAgreementFactory,
    SignatureFactory,
    SuperuserFactory,
    UserFactory,
    ready_version,
)
from tests.internships.database_guards import delete_row, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(school_a) -> AgreementVersion:
    return ready_version(school_a.placement)


@pytest.fixture
def recorder(school_a) -> User:
    """A coordinator who recorded a paper signature."""
    user = UserFactory(school=school_a.school, role=User.Role.COORDINATOR)
    SignatureFactory(
        version=ready_version(school_a.placement),
        method="paper",
        scan="signatures/2026/getekend.pdf",
        recorded_by=user,
    )
    return user


class TestTheDatabaseRefusesDeletes:
    def test_a_signature_cannot_be_deleted(self, version):
        signature = SignatureFactory(version=version, party=Party.HOST)

        refused(lambda: Signature.objects.filter(pk=signature.pk).delete())
        refused(lambda: delete_row("internships_signature", signature.pk))

        assert Signature.objects.filter(pk=signature.pk).exists()

    def test_a_frozen_version_cannot_be_deleted(self, version):
        refused(lambda: delete_row("internships_agreementversion", version.pk))

        assert AgreementVersion.objects.filter(pk=version.pk).exists()

    def test_a_frozen_group_agreement_cannot_be_deleted(self, school_a):
        group = GroupAgreementFactory(host=school_a.host, content={"titel": "Globaal"})
        GroupAgreement.objects.filter(pk=group.pk).update(content_hash="b" * 64)

        refused(lambda: delete_row("internships_groupagreement", group.pk))

        assert GroupAgreement.objects.filter(pk=group.pk).exists()

    def test_the_refusal_names_the_guard(self, version):
        with pytest.raises(IntegrityError) as error, transaction.atomic():
            delete_row("internships_agreementversion", version.pk)

        assert "frozen_agreement" in str(error.value)

    def test_a_draft_can_still_be_deleted(self, school_a):
        draft = AgreementVersionFactory(agreement=AgreementFactory(placement=school_a.placement))

        delete_row("internships_agreementversion", draft.pk)

        assert not AgreementVersion.objects.filter(pk=draft.pk).exists()


class TestTheUserWhoRecordedASignature:
    def test_the_service_deactivates_instead_of_deleting(self, recorder):
        message = staff_services.staff_delete(member=recorder)

        recorder.refresh_from_db()
        assert not recorder.is_active
        assert "gedeactiveerd" in message
        assert Signature.objects.get(recorded_by=recorder).method == "paper"

    def test_the_service_deletes_a_user_without_signatures(self, school_a):
        user = UserFactory(school=school_a.school)

        message = staff_services.staff_delete(member=user)

        assert not User.objects.filter(pk=user.pk).exists()
        assert "verwijderd" in message

    def test_the_admin_refuses_the_delete_with_a_reason(self, recorder, client_for):
        client = client_for(SuperuserFactory())
        url = reverse("admin:internships_user_delete", args=[recorder.pk])

        page = client.get(url)
        response = client.post(url, {"post": "yes"})

        assert page.status_code == 200
        assert "geregistreerd door" in page.content.decode()
        assert response.status_code == 200
        assert User.objects.filter(pk=recorder.pk).exists()

    def test_the_admin_bulk_delete_refuses_too(self, recorder, school_a, client_for):
        other = UserFactory(school=school_a.school)
        response = client_for(SuperuserFactory()).post(
            reverse("admin:internships_user_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": [recorder.pk, other.pk],
                "post": "yes",
            },
        )

        assert response.status_code == 200
        assert "geregistreerd door" in response.content.decode()
        assert User.objects.filter(pk__in=[recorder.pk, other.pk]).count() == 2

    def test_the_admin_still_deletes_other_users(self, school_a, client_for):
        user = UserFactory(school=school_a.school)

        response = client_for(SuperuserFactory()).post(
            reverse("admin:internships_user_delete", args=[user.pk]), {"post": "yes"}
        )

        assert response.status_code == 302
        assert not User.objects.filter(pk=user.pk).exists()
