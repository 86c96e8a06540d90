"""The start gate (annex 3: "a pupil without a valid contract cannot start") and the agreement
following its placement; the dashboard's agreements waiting for signatures."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from internships.models import Agreement, AgreementVersion, Party, Placement
from internships.selectors.gate import placement_start_blockers
from internships.services.agreements import version_make_ready
from internships.services.group_agreements import (
    group_agreement_create,
    group_agreement_make_ready,
)
from internships.services.placements import placement_transition
from tests.factories import (
    ActivityFactory,
    ActivityListFactory,
    AgreementFactory,
    AgreementVersionFactory,
    HealthAssessmentFactory,
    PlacementFactory,
    PlacementPeriodFactory,
    RiskAssessmentFactory,
    SignatureFactory,
    SignatureRequestFactory,
    WorkstationSheetFactory,
    lawful_schedule,
    ready_version,
    startable,
)

pytestmark = pytest.mark.django_db


def blockers(placement) -> list[str]:
    return placement_start_blockers(Placement.objects.get(pk=placement.pk))


class TestBlockers:
    def test_a_placement_with_everything_may_start(self, school_a):
        assert blockers(startable(school_a.placement)) == []

    def test_without_agreement_or_risk_assessment(self, school_a):
        placement = school_a.placement

        assert blockers(placement) == [
            "Er is nog geen leerlingenstageovereenkomst (8.1.2).",
            "Het rooster is nog niet gecontroleerd.",
            f"Er is geen risicoanalyse voor stageplaats {school_a.workplace}",
        ]

    def test_names_who_still_has_to_sign(self, school_a):
        version = ready_version(school_a.placement)
        RiskAssessmentFactory(workplace=school_a.workplace)
        SignatureFactory(version=version, party=Party.STUDENT)
        SignatureRequestFactory(version=version, party=Party.HOST, signer_name="An Claes")

        [blocker] = blockers(school_a.placement)

        head = school_a.school.head_name
        assert blocker == (
            f"De overeenkomst is nog niet ondertekend door: onderwijsinstelling ({head}), "
            "stagegever (An Claes)"
        )

    def test_a_draft_agreement(self, school_a):
        placement = school_a.placement
        ActivityFactory(activity_list=ActivityListFactory(placement=placement))
        lawful_schedule(placement)
        RiskAssessmentFactory(workplace=placement.workplace)
        AgreementVersionFactory(agreement=AgreementFactory(placement=placement))

        assert blockers(school_a.placement) == [
            "De overeenkomst is nog niet klaar voor ondertekening."
        ]

    def test_counts_the_schedule_errors(self, school_a):
        startable(school_a.placement)
        school_a.placement.compliance.__class__.objects.update(error_count=3)

        assert blockers(school_a.placement) == [
            "Het rooster overtreedt de arbeidsregels (3 fouten)"
        ]

    def test_without_periods(self, school_a):
        startable(school_a.placement)
        school_a.placement.periods.all().delete()

        assert blockers(school_a.placement) == ["Er zijn nog geen stageperiodes."]

    def test_a_workstation_sheet_when_health_surveillance_is_required(self, school_a):
        startable(school_a.placement)
        RiskAssessmentFactory(workplace=school_a.workplace, health_surveillance_required=True)

        assert blockers(school_a.placement) == [
            "Werkpostfiche ontbreekt (gezondheidstoezicht vereist)",
            "Gezondheidsbeoordeling ontbreekt",
        ]
        WorkstationSheetFactory(workplace=school_a.workplace)
        HealthAssessmentFactory(student=school_a.pupil)
        assert blockers(school_a.placement) == []

    def test_an_adult_needs_a_health_assessment(self, school_a):
        startable(school_a.placement)
        school_a.pupil.birth_date = datetime.date(2000, 1, 1)
        school_a.pupil.save()

        assert blockers(school_a.placement) == ["Gezondheidsbeoordeling ontbreekt"]

    def test_a_group_member_waits_for_the_group_agreement(self, school_a):
        ActivityFactory(activity_list=ActivityListFactory(placement=school_a.placement))
        lawful_schedule(school_a.placement)
        group = group_agreement_create(
            school=school_a.school,
            host=school_a.host,
            school_year=school_a.school_year,
            placements=[school_a.placement],
            title="Klas 6VZ",
        )
        group_agreement_make_ready(group_agreement=group, user=school_a.coordinator)
        version_make_ready(version=AgreementVersion.objects.get(), user=school_a.coordinator)
        RiskAssessmentFactory(workplace=school_a.workplace)

        head = school_a.school.head_name
        host = school_a.host.representative_name
        assert blockers(school_a.placement) == [
            "De overeenkomst is nog niet ondertekend door: leerling-stagiair (Ouder Alfa)",
            f"De globale overeenkomst is nog niet ondertekend door: onderwijsinstelling ({head}), "
            f"stagegever ({host})",
        ]


class TestTransitions:
    def test_starting_is_refused_with_the_blockers(self, school_a):
        with pytest.raises(ValidationError) as error:
            placement_transition(placement=school_a.placement, status=Placement.Status.STARTED)

        assert error.value.messages[0] == "Er is nog geen leerlingenstageovereenkomst (8.1.2)."
        school_a.placement.refresh_from_db()
        assert school_a.placement.status == Placement.Status.PREPARING

    def test_start_activates_and_completion_ends_the_agreement(self, school_a):
        placement = startable(school_a.placement)

        placement_transition(placement=placement, status=Placement.Status.STARTED)
        assert Agreement.objects.get().status == Agreement.Status.ACTIVE
        placement_transition(placement=placement, status=Placement.Status.COMPLETED)

        agreement = Agreement.objects.get()
        assert agreement.status == Agreement.Status.ENDED
        assert agreement.ended_on == timezone.localdate()
        assert agreement.end_reason == "De stage is afgerond."

    def test_cancelling_a_started_placement_terminates_the_agreement(self, school_a):
        placement = startable(school_a.placement)
        placement_transition(placement=placement, status=Placement.Status.STARTED)

        with pytest.raises(ValidationError) as error:
            placement_transition(placement=placement, status=Placement.Status.CANCELLED)
        assert error.value.message_dict == {
            "reason": ["Geef de reden: de overeenkomst van deze stage wordt stopgezet."]
        }
        placement_transition(
            placement=placement,
            status=Placement.Status.CANCELLED,
            on=datetime.date(2026, 10, 14),
            reason="De leerling is langdurig ziek.",
        )

        agreement = Agreement.objects.get()
        assert (agreement.status, agreement.ended_on, agreement.end_reason) == (
            Agreement.Status.TERMINATED,
            datetime.date(2026, 10, 14),
            "De leerling is langdurig ziek.",
        )

    def test_the_view_shows_the_blockers(self, school_a, client_for):
        response = client_for(school_a.coordinator).post(
            reverse("internships:placement-transition", args=[school_a.placement.pk]),
            {"status": "started"},
        )

        messages = [str(m) for m in get_messages(response.wsgi_request)]
        assert "Er is nog geen leerlingenstageovereenkomst (8.1.2)." in messages

    def test_the_view_cancels_with_a_reason(self, school_a, client_for):
        placement = startable(school_a.placement)

        client_for(school_a.coordinator).post(
            reverse("internships:placement-transition", args=[placement.pk]),
            {"status": "cancelled", "reason": "Stagegever stopt de activiteit."},
        )

        assert Agreement.objects.get().end_reason == "Stagegever stopt de activiteit."


class TestPlacementPage:
    def test_lists_what_is_missing_before_the_start_button(self, school_a, client_for):
        response = client_for(school_a.supervisor).get(
            reverse("internships:placement-detail", args=[school_a.placement.pk])
        )

        content = response.content.decode()
        assert "Deze stage kan nog niet starten:" in content
        assert f"Er is geen risicoanalyse voor stageplaats {school_a.workplace}" in content
        assert 'disabled title="Eerst moet alles in orde zijn' in content

    def test_says_when_all_is_in_order(self, school_a, client_for):
        startable(school_a.placement)

        response = client_for(school_a.supervisor).get(
            reverse("internships:placement-detail", args=[school_a.placement.pk])
        )

        assert "Alles is in orde: de stage kan starten." in response.content.decode()
        assert response.context["start_blockers"] == []


class TestDashboard:
    def test_lists_agreements_waiting_with_who_still_has_to_sign(self, school_a, client_for):
        version = ready_version(school_a.placement)
        SignatureFactory(version=version, party=Party.SCHOOL)
        SignatureRequestFactory(version=version, party=Party.HOST, signer_name="An Claes")

        response = client_for(school_a.coordinator).get(reverse("dashboards:home"))

        [row] = response.context["dashboard"].awaiting_signatures
        assert row.placement == school_a.placement
        assert row.pending == [("leerling-stagiair", "Ouder Alfa"), ("stagegever", "An Claes")]
        content = response.content.decode()
        assert "Overeenkomsten die wachten op handtekeningen" in content
        assert "stagegever (An Claes)" in content

    def test_a_supervisor_sees_only_their_own(self, school_a, client_for):
        ready_version(school_a.other_placement)

        dashboard = client_for(school_a.supervisor).get(reverse("dashboards:home"))

        assert dashboard.context["dashboard"].awaiting_signatures == []

    @pytest.mark.usefixtures("uncached_pages")
    def test_runs_the_same_queries_for_n_and_3n_agreements(
        self, school_a, client_for, django_assert_max_num_queries
    ):
        client = client_for(school_a.coordinator)
        url = reverse("dashboards:home")

        def add(count):
            for _ in range(count):
                placement = PlacementFactory(student__school=school_a.school)
                PlacementPeriodFactory(placement=placement)
                version = ready_version(placement)
                SignatureFactory(version=version, party=Party.SCHOOL)
                SignatureRequestFactory(version=version, party=Party.HOST)

        add(2)
        client.get(url)
        with django_assert_max_num_queries(60) as few:
            client.get(url)
        add(4)
        with django_assert_max_num_queries(60) as many:
            response = client.get(url)

        assert len(response.context["dashboard"].awaiting_signatures) == 6
        assert len(many.captured_queries) == len(few.captured_queries)
