"""Nothing is lost: what was offered for signature, or signed, cannot be rewritten, not even
past the services (8.1.2: every party signs the same document)."""

import pytest

from internships.models import AgreementVersion, GroupAgreement, Party, Signature
from tests.factories import (
    AgreementFactory,
    AgreementVersionFactory,
    GroupAgreementFactory,
    SignatureFactory,
    ready_version,
)
from tests.internships.database_guards import delete_row, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(school_a) -> AgreementVersion:
    return ready_version(school_a.placement)


def test_the_content_of_a_frozen_version_cannot_change(version):
    frozen = (version.content, version.content_hash)

    refused(lambda: AgreementVersion.objects.filter(pk=version.pk).update(content={"x": 1}))
    refused(lambda: AgreementVersion.objects.filter(pk=version.pk).update(content_hash="0" * 64))

    version.refresh_from_db()
    assert (version.content, version.content_hash) == frozen


def test_a_frozen_version_still_moves_on_and_saves_unchanged(version):
    version.status = AgreementVersion.Status.WITHDRAWN
    version.save()

    version.refresh_from_db()
    assert version.status == AgreementVersion.Status.WITHDRAWN


def test_a_draft_can_still_be_edited_and_frozen(school_a):
    draft = AgreementVersionFactory(agreement=AgreementFactory(placement=school_a.placement))

    AgreementVersion.objects.filter(pk=draft.pk).update(content={"concept": True})
    AgreementVersion.objects.filter(pk=draft.pk).update(content_hash="a" * 64)

    draft.refresh_from_db()
    assert (draft.content, draft.content_hash) == ({"concept": True}, "a" * 64)


def test_a_frozen_group_agreement_keeps_its_content(school_a):
    group = GroupAgreementFactory(host=school_a.host, content={"titel": "Globale overeenkomst"})
    GroupAgreement.objects.filter(pk=group.pk).update(content_hash="b" * 64)

    refused(lambda: GroupAgreement.objects.filter(pk=group.pk).update(content={"x": 1}))

    group.refresh_from_db()
    assert group.content == {"titel": "Globale overeenkomst"}


def test_a_signature_cannot_be_changed(version):
    signature = SignatureFactory(version=version, party=Party.HOST, signer_name="An Claes")

    refused(lambda: Signature.objects.filter(pk=signature.pk).update(signer_name="Iemand anders"))

    signature.refresh_from_db()
    assert signature.signer_name == "An Claes"


def test_neither_a_frozen_version_nor_a_signature_can_be_deleted(version):
    signature = SignatureFactory(version=version, party=Party.HOST)

    refused(lambda: Signature.objects.filter(pk=signature.pk).delete())
    refused(lambda: delete_row("internships_agreementversion", version.pk))

    assert Signature.objects.filter(pk=signature.pk).exists()
    assert AgreementVersion.objects.filter(pk=version.pk).exists()
