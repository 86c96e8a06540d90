"""The agreement: its content (the model agreement of omzendbrief SO/2015/01, 8.1.2), its
versions and its lifecycle."""

import datetime
import hashlib
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from compliance.services import compliance_check_placement
from internships.models import Activity, Agreement, AgreementVersion, Party, Placement
from internships.selectors.agreement_content import content_hash
from internships.selectors.agreements import agreement_current_version
from internships.services import agreements as services
from tests.factories import (
    ActivityFactory,
    ActivityListFactory,
    SignatureFactory,
    SignatureRequestFactory,
    lawful_schedule,
)

pytestmark = pytest.mark.django_db

Status = Agreement.Status
VersionStatus = AgreementVersion.Status


def messages_of(error: pytest.ExceptionInfo) -> list[str]:
    return error.value.messages


def prepared(world):
    """School A's placement with everything a version needs to be made ready."""
    ActivityFactory(
        activity_list=ActivityListFactory(placement=world.placement),
        description="Bedden opmaken",
        permission=Activity.Permission.MUST,
    )
    lawful_schedule(world.placement)
    return world.placement


def created(world, **kwargs) -> Agreement:
    return services.agreement_create(
        placement=prepared(world),
        travel_costs=kwargs.pop("travel_costs", Agreement.TravelCosts.HOST),
        created_by=world.coordinator,
        **kwargs,
    )


def ready(world) -> AgreementVersion:
    version = created(world).versions.get()
    return services.version_make_ready(version=version, user=world.coordinator)


def signed(world) -> AgreementVersion:
    """Version 1 signed by the three parties (the signing itself is tested in test_signing)."""
    version = ready(world)
    for party in Party.values:
        SignatureFactory(version=version, party=party)
    return services.version_mark_signed(version=version)


def _without(field):
    def spoil(world):
        Placement.objects.filter(pk=world.placement.pk).update(**{field: None})

    return spoil


def _unlawful_schedule(world):
    """A 30-minute lunch on 7.5 hours' work: too short for a minor (5.2.1), every day."""
    world.placement.periods.update(breaks=[["12:00", "12:30"]])
    compliance_check_placement(placement=world.placement)


SPOILERS = {
    "periods": lambda world: world.placement.periods.all().delete(),
    "mentor": _without("mentor"),
    "supervisor": _without("supervisor"),
    "activity_list": lambda world: world.placement.activity_list.delete(),
    "activities": lambda world: world.placement.activity_list.activities.all().delete(),
    "schedule": _unlawful_schedule,
    "guardian": lambda world: world.guardian.delete(),
}


class TestMakeReady:
    def test_it_freezes_the_content_and_its_hash(self, school_a):
        version = ready(school_a)

        version.refresh_from_db()
        assert version.status == VersionStatus.READY
        assert version.ready_at is not None
        assert version.content_hash == content_hash(version.content)
        canonical = json.dumps(
            version.content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        assert len(version.content_hash) == 64
        assert version.content_hash == hashlib.sha256(canonical.encode()).hexdigest()
        assert version.content["version"] == {"number": 1, "reason": ""}
        assert version.agreement.status == Status.READY

    @pytest.mark.parametrize(
        ("spoil", "message"),
        [
            ("periods", "Er zijn nog geen stageperiodes."),
            ("mentor", "Er is nog geen stagementor gekozen."),
            ("supervisor", "Er is nog geen stagebegeleider gekozen."),
            ("activity_list", "Er is nog geen stageactiviteitenlijst (8.1.3)."),
            ("activities", "De stageactiviteitenlijst is leeg (8.1.3)."),
            ("schedule", "Het rooster overtreedt de arbeidsregels (15 fouten)"),
            (
                "guardian",
                "Er is geen ouder of voogd die voor de minderjarige leerling mag tekenen (8.1.2).",
            ),
        ],
    )
    def test_it_refuses_what_is_missing_in_dutch(self, school_a, spoil, message):
        version = created(school_a).versions.get()
        SPOILERS[spoil](school_a)
        version.agreement.placement.refresh_from_db()

        with pytest.raises(ValidationError) as error:
            services.version_make_ready(version=version, user=school_a.coordinator)

        assert message in messages_of(error)
        version.refresh_from_db()
        assert (version.status, version.content_hash) == (VersionStatus.DRAFT, "")


class TestImmutability:
    """A version that is ready or signed never changes; the services refuse."""

    def test_a_signed_version_cannot_be_made_ready_or_edited(self, school_a):
        version = signed(school_a)
        frozen = (version.content, version.content_hash)

        with pytest.raises(ValidationError) as error:
            services.version_make_ready(version=version, user=school_a.coordinator)
        with pytest.raises(ValidationError) as update_error:
            services.agreement_update(
                agreement=version.agreement, data={"travel_costs": Agreement.TravelCosts.SCHOOL}
            )

        expected = (
            "Versie 1 is ondertekend en kan niet meer gewijzigd worden; "
            "een wijziging vraagt een aanhangsel."
        )
        assert messages_of(error) == [expected]
        assert messages_of(update_error) == [expected]
        version.refresh_from_db()
        assert (version.content, version.content_hash) == frozen
        assert Agreement.objects.get().travel_costs == Agreement.TravelCosts.HOST

    def test_changing_the_placement_leaves_a_ready_version_as_it_was(self, school_a, client_for):
        version = ready(school_a)
        frozen = version.content_hash

        school_a.placement.periods.update(end_time=datetime.time(16, 0))
        response = client_for(school_a.coordinator).get(f"/stages/{school_a.placement.pk}/")

        version.refresh_from_db()
        assert version.content_hash == frozen == content_hash(version.content)
        assert response.context["agreement_panel"].changes == ["de periodes en het uurrooster"]
        assert (
            "Sinds versie 1 veranderden: de periodes en het uurrooster."
            in response.content.decode()
        )

    def test_the_draft_takes_changes_to_the_costs(self, school_a):
        agreement = created(school_a)

        services.agreement_update(
            agreement=agreement, data={"travel_costs": Agreement.TravelCosts.SCHOOL}
        )

        version = agreement.versions.get()
        version.refresh_from_db()
        clause = next(c for c in version.content["clauses"] if c["key"] == "travel_costs")
        assert clause["text"].startswith("De school vergoedt")


class TestLifecycle:
    def test_create_makes_a_draft_version_one(self, school_a):
        agreement = created(school_a)

        [version] = agreement.versions.all()
        assert (agreement.status, version.number, version.status) == (Status.DRAFT, 1, "draft")
        assert version.created_by == school_a.coordinator
        assert version.content["parties"]["student"]["name"] == "Lotte Leerling Alfa"

    def test_one_agreement_per_placement(self, school_a):
        created(school_a)

        with pytest.raises(ValidationError) as error:
            services.agreement_create(
                placement=school_a.placement, travel_costs="host", created_by=None
            )

        assert messages_of(error) == ["Deze stage heeft al een leerlingenstageovereenkomst."]

    def test_withdrawing_a_ready_version_starts_a_new_draft(self, school_a):
        version = ready(school_a)

        draft = services.version_withdraw(version=version, user=school_a.coordinator)

        version.refresh_from_db()
        assert version.status == VersionStatus.WITHDRAWN
        assert (draft.number, draft.status) == (2, VersionStatus.DRAFT)
        assert Agreement.objects.get().status == Status.DRAFT

    def test_the_amendment_flow(self, school_a):
        first = signed(school_a)
        agreement = first.agreement
        assert Agreement.objects.get().status == Status.SIGNED

        amendment = services.agreement_amend(
            agreement=agreement, reason="Andere stagementor", user=school_a.coordinator
        )

        assert (amendment.number, amendment.status) == (2, VersionStatus.DRAFT)
        assert amendment.content["version"] == {"number": 2, "reason": "Andere stagementor"}
        assert agreement_current_version(agreement) == first
        with pytest.raises(ValidationError):
            services.agreement_amend(agreement=agreement, reason="nog een", user=None)

        services.version_make_ready(version=amendment, user=school_a.coordinator)
        for party in Party.values:
            SignatureFactory(version=amendment, party=party)
        services.version_mark_signed(version=amendment)

        assert agreement_current_version(agreement) == amendment
        first.refresh_from_db()
        assert first.status == VersionStatus.SIGNED  # earlier versions stay readable
        assert Agreement.objects.get().status == Status.SIGNED

    def test_an_amendment_needs_a_signed_agreement_and_a_reason(self, school_a):
        version = ready(school_a)

        with pytest.raises(ValidationError) as error:
            services.agreement_amend(agreement=version.agreement, reason="x", user=None)

        assert "Een aanhangsel kan enkel bij een ondertekende overeenkomst" in messages_of(error)[0]
        for party in Party.values:
            SignatureFactory(version=version, party=party)
        services.version_mark_signed(version=version)
        with pytest.raises(ValidationError) as error:
            services.agreement_amend(agreement=version.agreement, reason="  ", user=None)
        assert error.value.message_dict == {"reason": ["Geef de reden van de wijziging."]}

    def test_explicit_moves_refuse_illegal_ones(self, school_a):
        agreement = created(school_a)

        with pytest.raises(ValidationError) as error:
            services.agreement_activate(agreement=agreement)
        with pytest.raises(ValidationError) as end_error:
            services.agreement_end(agreement=agreement, ended_on=timezone.localdate(), reason="x")

        assert messages_of(error) == [
            "Een overeenkomst met status ‘ontwerp’ kan niet naar ‘lopend’."
        ]
        assert "kan niet naar ‘beëindigd’" in messages_of(end_error)[0]

    def test_ending_and_terminating_need_a_date_and_a_reason(self, school_a):
        agreement = signed(school_a).agreement

        with pytest.raises(ValidationError) as error:
            services.agreement_terminate(agreement=agreement, ended_on=None, reason=" ")

        assert error.value.message_dict == {
            "ended_on": ["Geef de datum van de beëindiging."],
            "reason": ["Geef de reden van de beëindiging."],
        }
        assert Agreement.objects.get().status == Status.SIGNED

    def test_active_then_ended(self, school_a):
        agreement = signed(school_a).agreement
        services.agreement_activate(agreement=agreement)

        services.agreement_end(
            agreement=agreement, ended_on=datetime.date(2026, 10, 23), reason="Afgerond"
        )

        agreement.refresh_from_db()
        assert (agreement.status, agreement.ended_on, agreement.end_reason) == (
            Status.ENDED,
            datetime.date(2026, 10, 23),
            "Afgerond",
        )

    def test_terminating_withdraws_the_open_version_and_its_links(self, school_a):
        version = ready(school_a)
        link = SignatureRequestFactory(version=version)

        services.agreement_terminate(
            agreement=version.agreement, ended_on=timezone.localdate(), reason="Leerling stopt"
        )

        version.refresh_from_db()
        link.refresh_from_db()
        assert version.status == VersionStatus.WITHDRAWN
        assert link.revoked_at is not None
        assert Agreement.objects.get().status == Status.TERMINATED

    def test_every_change_is_in_the_history(self, school_a):
        version = signed(school_a)

        assert version.agreement.history.count() == 3  # created, ready, signed
        assert [record.status for record in version.history.order_by("history_date")] == [
            "draft",
            "ready",
            "signed",
        ]

    def test_the_history_names_who_made_it_ready(self, school_a):
        version = ready(school_a)

        assert version.history.latest().history_user == school_a.coordinator

    def test_signed_after_the_placement_began_it_is_active_at_once(self, school_a):
        school_a.placement.status = Placement.Status.STARTED
        school_a.placement.save(update_fields=["status"])
        version = ready(school_a)
        for party in Party.values:
            SignatureFactory(version=version, party=party)

        services.version_mark_signed(version=version)

        assert Agreement.objects.get().status == Status.ACTIVE
