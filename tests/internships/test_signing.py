"""Signing (8.1.2): personal links by e-mail, the public signing page, paper signatures."""

import datetime
import hashlib
import re
import smtplib

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.http import client_ip
from internships.models import (
    AccessLink,
    Agreement,
    AgreementVersion,
    Notification,
    Party,
    Signature,
    SignatureRequest,
)
from internships.selectors.signatures import Signable
from internships.services import signatures as services
from internships.services.access_links import access_link_issue
from internships.services.outbox import notification_send
from internships.tasks import send_notification
from tests.factories import (
    SignatureFactory,
    SignatureRequestFactory,
    ready_version,
)

pytestmark = pytest.mark.django_db

TOKEN = "a-token-that-only-the-signer-knows-0123456789"


def request_link(version, capture, *, party=Party.HOST, email="an.claes@stagegever.example"):
    with capture(execute=True):
        return services.signature_request_create(
            version=version,
            party=party,
            signer_name="An Claes",
            signer_role="zaakvoerder",
            email=email,
        )


LINK_IN_MAIL = re.compile(r"http://127\.0\.0\.1:8000/link/([\w-]+)/")
SIGN_URL = reverse("portal:sign")


def open_link(client, token: str):
    """Opens the personal link as the signer's browser does; the session is then bound to it."""
    return client.get(reverse("portal:open", args=[token]))


def state() -> tuple:
    return (
        Signature.objects.count(),
        list(SignatureRequest.objects.values_list("used_at", "link__revoked_at")),
        list(AgreementVersion.objects.values_list("status", flat=True)),
    )


@pytest.fixture
def version(school_a):
    return ready_version(school_a.placement)


class TestLinks:
    def test_the_token_is_e_mailed_and_only_its_hash_is_stored(
        self, version, django_capture_on_commit_callbacks
    ):
        request = request_link(version, django_capture_on_commit_callbacks)

        [message] = mail.outbox
        token = LINK_IN_MAIL.search(message.body).group(1)
        assert len(token) >= 43  # 32 random bytes, URL-safe base64
        request.refresh_from_db()
        link = request.link
        assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
        for row in (SignatureRequest.objects.values_list().get(), (*link.__dict__.values(),)):
            assert not any(token in str(value) for value in row)
        for record in [*request.history.all(), *link.history.all()]:
            assert token not in str(record.__dict__)
            assert link.token_hash not in str(record.__dict__)
        assert message.to == ["an.claes@stagegever.example"]
        assert message.subject.startswith(
            "Te ondertekenen: stageovereenkomst van Lotte Leerling Alfa"
        )
        assert f"/link/{token}/" in message.alternatives[0][0]
        assert "voor de partij stagegever, als zaakvoerder" in message.body
        assert request.sent_at is not None

    def test_the_task_gets_no_token(self, version, django_capture_on_commit_callbacks):
        """The broker message carries the notification and its school, nothing secret."""
        sent = []

        def record(*args, **kwargs):
            sent.append((args, kwargs))

        send_notification.delay, original = record, send_notification.delay
        try:
            request = request_link(version, django_capture_on_commit_callbacks)
        finally:
            send_notification.delay = original

        notification = Notification.objects.get(access_link=request.link)
        assert sent == [((notification.pk,), {"school_id": notification.school_id})]
        assert request.link.token_hash is None, "no token exists before the e-mail goes out"

    def test_nothing_is_sent_before_the_commit(self, version):
        services.signature_request_create(
            version=version,
            party=Party.HOST,
            signer_name="An Claes",
            signer_role="zaakvoerder",
            email="an@stagegever.example",
        )

        assert mail.outbox == []

    def test_it_is_sent_once_and_not_once_its_link_was_revoked(
        self, version, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False):
            host = services.signature_request_create(
                version=version,
                party=Party.HOST,
                signer_name="An Claes",
                signer_role="zaakvoerder",
                email="an.claes@stagegever.example",
            )
            school = services.signature_request_create(
                version=version,
                party=Party.SCHOOL,
                signer_name="Els Peeters",
                signer_role="directeur",
                email="els@school.example",
            )
        services.signature_request_revoke(request=school)
        to_host = Notification.objects.get(access_link=host.link)
        to_school = Notification.objects.get(access_link=school.link)

        assert notification_send(notification_pk=to_host.pk) is True
        assert notification_send(notification_pk=to_host.pk) is False
        assert notification_send(notification_pk=to_school.pk) is False
        to_school.refresh_from_db()
        assert to_school.status == Notification.Status.SKIPPED
        assert "ingetrokken" in to_school.error
        assert len(mail.outbox) == 1

    def test_the_outbox_keeps_the_text_without_the_link(
        self, version, django_capture_on_commit_callbacks
    ):
        request = request_link(version, django_capture_on_commit_callbacks)

        notification = Notification.objects.get(access_link=request.link)
        token = LINK_IN_MAIL.search(mail.outbox[0].body).group(1)
        assert notification.is_sent
        assert token not in notification.body
        assert "[persoonlijke link]" in notification.body
        assert notification.recipient_email == "an.claes@stagegever.example"
        assert notification.placement == version.agreement.placement

    def test_issuing_again_replaces_the_token(
        self, version, client, django_capture_on_commit_callbacks
    ):
        request = request_link(version, django_capture_on_commit_callbacks)
        mailed = LINK_IN_MAIL.search(mail.outbox[0].body).group(1)

        fresh = access_link_issue(link=request.link)

        assert open_link(Client(), mailed).status_code == 404
        assert open_link(client, fresh).status_code == 302

    def test_the_task_retries_on_smtp_errors(
        self, version, monkeypatch, django_capture_on_commit_callbacks
    ):
        """The task acknowledges late and retries with backoff when the mail server fails."""
        calls = []

        def fail(self, *args, **kwargs):
            calls.append(1)
            raise smtplib.SMTPServerDisconnected("gone")

        monkeypatch.setattr("django.core.mail.message.EmailMessage.send", fail)
        with django_capture_on_commit_callbacks(execute=False):
            request = services.signature_request_create(
                version=version,
                party=Party.HOST,
                signer_name="An Claes",
                signer_role="zaakvoerder",
                email="an.claes@stagegever.example",
            )
        notification = Notification.objects.get(access_link=request.link)

        result = send_notification.apply(
            args=[notification.pk], kwargs={"school_id": notification.school_id}
        )

        assert send_notification.acks_late is True
        assert send_notification.retry_backoff
        assert len(calls) == send_notification.max_retries + 1
        assert isinstance(result.result, smtplib.SMTPServerDisconnected)
        notification.refresh_from_db()
        assert notification.status == Notification.Status.FAILED
        assert "e-mailserver" in notification.error

    def test_a_minor_signs_through_a_guardian_who_may_sign(
        self, school_a, version, django_capture_on_commit_callbacks
    ):
        with pytest.raises(ValidationError) as error:
            request_link(
                version,
                django_capture_on_commit_callbacks,
                party=Party.STUDENT,
                email=school_a.pupil.email,
            )

        assert "Voor een minderjarige leerling tekent een ouder of voogd" in error.value.messages[0]
        request = request_link(
            version,
            django_capture_on_commit_callbacks,
            party=Party.STUDENT,
            email=school_a.guardian.email.upper(),
        )
        assert request.party == Party.STUDENT
        assert request.link.guardian == school_a.guardian

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"valid_days": 0}, "Een link is 1 tot 60 dagen geldig."),
            ({"email": "geen-adres"}, "Geef een geldig e-mailadres."),
            ({"signer_name": " "}, "Geef de naam van wie ondertekent."),
        ],
    )
    def test_a_link_needs_a_signer_and_a_sane_validity(self, version, change, message):
        data = {
            "party": Party.HOST,
            "signer_name": "An Claes",
            "signer_role": "zaakvoerder",
            "email": "an@stagegever.example",
            **change,
        }

        with pytest.raises(ValidationError) as error:
            services.signature_request_create(version=version, **data)

        assert message in error.value.messages
        assert not SignatureRequest.objects.exists()

    def test_no_link_for_a_draft_or_a_party_that_signed(self, version):
        SignatureFactory(version=version, party=Party.HOST)

        with pytest.raises(ValidationError) as error:
            services.signature_request_create(
                version=version,
                party=Party.HOST,
                signer_name="An",
                signer_role="zaakvoerder",
                email="an@stagegever.example",
            )

        assert error.value.message_dict == {"party": ["Deze partij heeft al ondertekend."]}

    def test_the_form_proposes_the_guardians_for_a_minor(self, school_a, version, client_for):
        url = reverse(
            "internships:signature-request-create", args=[school_a.placement.pk, version.pk]
        )

        response = client_for(school_a.coordinator).get(url)

        proposals = response.context["proposals"]
        student = [p for p in proposals if p["party"] == Party.STUDENT]
        assert student == [
            {
                "party": "student",
                "party_label": "leerling-stagiair",
                "signer_name": "Ouder Alfa",
                "signer_role": "moeder van Lotte Leerling Alfa",
                "email": school_a.guardian.email,
            }
        ]
        prefilled = client_for(school_a.coordinator).get(
            url, {"voorstel": proposals.index(student[0])}
        )
        assert prefilled.context["form"].initial["email"] == school_a.guardian.email

    def test_the_view_sends_a_link_and_says_so(
        self, school_a, version, client_for, django_capture_on_commit_callbacks
    ):
        url = reverse(
            "internships:signature-request-create", args=[school_a.placement.pk, version.pk]
        )
        data = {
            "party": "host",
            "signer_name": "An Claes",
            "signer_role": "zaakvoerder",
            "email": "an@stagegever.example",
            "valid_days": 7,
        }

        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(school_a.supervisor).post(url, data, follow=True)

        assert (
            "Een persoonlijke link is verstuurd naar an@stagegever.example."
            in response.content.decode()
        )
        assert len(mail.outbox) == 1
        request = SignatureRequest.objects.get()
        assert (
            request.link.expires_at.date() == (timezone.now() + datetime.timedelta(days=7)).date()
        )

    def test_revoking_stops_the_link(self, school_a, version, client_for):
        request = SignatureRequestFactory(version=version, token=TOKEN)

        client_for(school_a.coordinator).post(
            reverse("internships:signature-request-revoke", args=[request.pk])
        )

        request.link.refresh_from_db()
        assert request.link.revoked_at is not None
        opened = open_link(client_for(None), TOKEN)
        assert opened.status_code == 410
        assert "Deze link is ingetrokken." in opened.content.decode()

    def test_revoking_also_ends_a_session_opened_before(self, school_a, version, client_for):
        request = SignatureRequestFactory(version=version, token=TOKEN)
        signer = client_for(None)
        open_link(signer, TOKEN)

        client_for(school_a.coordinator).post(
            reverse("internships:signature-request-revoke", args=[request.pk])
        )

        response = signer.get(SIGN_URL)
        assert response.status_code == 403
        assert "Open uw persoonlijke link" in response.content.decode()


class TestSigningPage:
    def test_it_shows_the_exact_document_and_its_hash(self, version, client):
        SignatureRequestFactory(version=version, token=TOKEN)

        opened = open_link(client, TOKEN)
        response = client.get(opened["Location"])

        assert opened["Location"] == SIGN_URL
        assert opened["Referrer-Policy"] == "no-referrer"
        content = response.content.decode()
        assert response.status_code == 200
        assert TOKEN not in content
        assert version.content_hash in content
        assert "Leerlingenstageovereenkomst" in content
        assert "Ik heb de overeenkomst gelezen en ga akkoord" in content
        assert "no-store" in response["Cache-Control"]
        assert '<html lang="nl-be">' in content

    def test_signing_records_the_audit_trail(self, version, client):
        request = SignatureRequestFactory(version=version, token=TOKEN, party=Party.HOST)
        open_link(client, TOKEN)

        response = client.post(
            SIGN_URL,
            {"signer_name": "An Claes", "agree": "on", "content_hash": version.content_hash},
            REMOTE_ADDR="203.0.113.7",
            HTTP_USER_AGENT="Mozilla/5.0 (Telefoon)",
        )

        assert response.status_code == 200
        assert "Bedankt, de overeenkomst is ondertekend" in response.content.decode()
        signature = Signature.objects.get()
        assert (signature.party, signature.signer_name, signature.signer_role) == (
            "host",
            "An Claes",
            "zaakvoerder",
        )
        assert signature.method == "electronic"
        assert signature.ip_address == "203.0.113.7"
        assert signature.user_agent == "Mozilla/5.0 (Telefoon)"
        assert (
            signature.content_hash
            == version.content_hash
            == Signable(version=version).document.content_hash
        )
        assert signature.request == request
        request.refresh_from_db()
        assert request.used_at is not None
        assert signature.history.count() == 1 and request.history.count() == 2

    def test_the_signer_must_agree(self, version, client):
        SignatureRequestFactory(version=version, token=TOKEN)
        open_link(client, TOKEN)

        response = client.post(
            SIGN_URL, {"signer_name": "An Claes", "content_hash": version.content_hash}
        )

        assert response.status_code == 200
        assert response.context["form"].errors["agree"] == [
            "Vink aan dat u de overeenkomst gelezen hebt en akkoord gaat."
        ]
        assert not Signature.objects.exists()

    def test_a_link_works_once(self, version, client):
        SignatureRequestFactory(version=version, token=TOKEN)
        open_link(client, TOKEN)
        data = {"signer_name": "An Claes", "agree": "on", "content_hash": version.content_hash}
        client.post(SIGN_URL, data)
        before = state()

        again = client.post(SIGN_URL, data)

        assert again.status_code == 410
        assert "Met deze link is al ondertekend." in again.content.decode()
        assert state() == before

    def test_an_expired_link_changes_nothing(self, version, client):
        SignatureRequestFactory(
            version=version, token=TOKEN, expires_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        before = state()

        opened = open_link(client, TOKEN)
        response = client.post(
            SIGN_URL,
            {"signer_name": "X", "agree": "on", "content_hash": version.content_hash},
        )

        assert opened.status_code == 410
        assert "Deze link is verlopen op" in opened.content.decode()
        assert response.status_code == 403
        assert "Open uw persoonlijke link" in response.content.decode()
        assert state() == before

    def test_a_link_expiring_while_open_stops_the_session(self, version, client):
        request = SignatureRequestFactory(version=version, token=TOKEN)
        open_link(client, TOKEN)
        AccessLink.objects.filter(pk=request.link_id).update(
            expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )

        response = client.post(
            SIGN_URL, {"signer_name": "X", "agree": "on", "content_hash": version.content_hash}
        )

        assert response.status_code == 403
        assert not Signature.objects.exists()

    @pytest.mark.parametrize("token", ["", "x", TOKEN[:-1], TOKEN + "0", TOKEN.upper()])
    def test_a_wrong_token_answers_404_and_changes_nothing(self, version, client, token):
        SignatureRequestFactory(version=version, token=TOKEN)
        before = state()
        path = reverse("portal:open", args=[token]) if token else "/link//"

        opened = client.get(path)
        response = client.post(
            SIGN_URL, {"signer_name": "X", "agree": "on", "content_hash": version.content_hash}
        )

        assert opened.status_code == 404
        assert response.status_code == 403
        assert state() == before

    def test_a_withdrawn_version_cannot_be_signed(self, version, client):
        SignatureRequestFactory(version=version, token=TOKEN)
        open_link(client, TOKEN)
        AgreementVersion.objects.filter(pk=version.pk).update(status="withdrawn")

        response = client.get(SIGN_URL)

        assert response.status_code == 410
        assert "Dit document wacht niet meer op een handtekening." in response.content.decode()

    def test_a_changed_hash_is_refused(self, version, client):
        SignatureRequestFactory(version=version, token=TOKEN)
        open_link(client, TOKEN)

        response = client.post(
            SIGN_URL, {"signer_name": "An", "agree": "on", "content_hash": "0" * 64}
        )

        assert "Het document is gewijzigd sinds u het opende." in response.content.decode()
        assert not Signature.objects.exists()

    def test_the_last_signature_signs_the_version_and_the_agreement(self, version, client):
        SignatureFactory(version=version, party=Party.STUDENT)
        SignatureFactory(version=version, party=Party.SCHOOL)
        SignatureRequestFactory(version=version, token=TOKEN, party=Party.HOST)
        open_link(client, TOKEN)

        client.post(
            SIGN_URL,
            {"signer_name": "An Claes", "agree": "on", "content_hash": version.content_hash},
        )

        version.refresh_from_db()
        assert version.status == AgreementVersion.Status.SIGNED
        assert version.signed_at is not None
        assert Agreement.objects.get().status == Agreement.Status.SIGNED

    def test_signing_revokes_the_other_links_of_that_party(self, version, client):
        SignatureRequestFactory(version=version, token=TOKEN, party=Party.STUDENT)
        open_link(client, TOKEN)
        father = SignatureRequestFactory(version=version, party=Party.STUDENT)

        client.post(
            SIGN_URL,
            {"signer_name": "Ouder Alfa", "agree": "on", "content_hash": version.content_hash},
        )

        father.refresh_from_db()
        assert father.link.revoked_at is not None


class TestClientAddress:
    def test_remote_addr_without_a_proxy(self, rf, settings):
        settings.SECURE_PROXY_SSL_HEADER = None
        request = rf.get("/", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="10.0.0.1")

        assert client_ip(request) == "198.51.100.1"

    def test_behind_the_proxy_the_address_it_added(self, rf, settings):
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.9")

        assert client_ip(request) == "198.51.100.9"
