"""What the agreement states: the model agreement of omzendbrief SO/2015/01 (8.1.2) as JSON
that renders without the database."""

import datetime
import json

import pytest
from django.utils import timezone, translation

from compliance.models import Exemption
from internships.models import Agreement
from internships.selectors.agreement_content import agreement_content
from tests.factories import (
    GuardianFactory,
    HealthAssessmentFactory,
    RiskAssessmentFactory,
    WorkstationSheetFactory,
)
from tests.internships.test_agreements import created

pytestmark = pytest.mark.django_db


class TestContent:
    """Everything the model agreement states, in JSON that renders without the database."""

    def test_the_parties_and_their_representatives(self, school_a):
        created(school_a)
        school_a.pupil.refresh_from_db()

        content = agreement_content(school_a.placement)

        student = content["parties"]["student"]
        assert student["name"] == "Lotte Leerling Alfa"
        assert student["birth_date"] == school_a.pupil.birth_date.isoformat()
        assert student["address"] == school_a.pupil.address
        assert student["school_class"] == "6VZ Alfa"
        assert "Verzorging Alfa" in student["programme"]
        assert student["minor"] is True
        assert [person["name"] for person in student["representatives"]] == ["Ouder Alfa"]
        school = content["parties"]["school"]
        assert school["institution_number"] == school_a.school.institution_number
        assert school["head"] == school_a.school.head_name
        assert school["supervisor"]["name"] == "Begeleider Alfa"
        host = content["parties"]["host"]
        assert host["enterprise_number"] == school_a.host.enterprise_number_display
        assert "." in host["enterprise_number"]
        assert host["joint_committee"] == "330.01"
        assert host["representative"]["name"] == school_a.host.representative_name
        assert content["workplace"]["name"] == "Afdeling Alfa"
        assert content["mentor"]["name"] == "Mentor Alfa"

    def test_a_guardian_who_may_not_sign_is_not_a_representative(self, school_a):
        GuardianFactory(student=school_a.pupil, first_name="Stiefvader", may_sign=False)
        created(school_a)

        representatives = agreement_content(school_a.placement)["parties"]["student"][
            "representatives"
        ]

        assert [person["name"] for person in representatives] == ["Ouder Alfa"]

    def test_an_adult_pupil_signs_alone(self, school_a):
        pupil = school_a.pupil
        pupil.birth_date = school_a.placement.start_date - datetime.timedelta(days=365 * 19)
        pupil.save()
        created(school_a)

        student = agreement_content(school_a.placement)["parties"]["student"]

        assert student["minor"] is False
        assert student["representatives"] == []

    def test_periods_schedule_and_exemptions_with_their_ground(self, school_a):
        Exemption.objects.create(
            placement=school_a.placement, kind="sunday_work", ground="sectorale cao"
        )
        created(school_a)

        internship = agreement_content(school_a.placement)["internship"]

        [period] = internship["periods"]
        assert period["start_date"] == school_a.placement.start_date.isoformat()
        assert period["weekdays"] == ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
        assert (period["start_time"], period["end_time"]) == ("08:30", "16:30")
        assert period["breaks"] == [["12:00", "13:00"]]
        assert period["daily_hours"] == "7"
        assert period["planned_hours"] == "105"
        assert internship["planned_hours"] == "105"
        assert internship["exemptions"] == [
            {
                "kind": "sunday_work",
                "label": "arbeid op zondag",
                "ground": "sectorale cao",
                "granted_on": None,
            }
        ]

    def test_the_clauses_the_law_requires_with_their_source(self, school_a):
        created(school_a, travel_costs=Agreement.TravelCosts.STUDENT, travel_costs_note="fiets")

        clauses = {
            clause["key"]: clause for clause in agreement_content(school_a.placement)["clauses"]
        }

        assert {key: clause["source"] for key, clause in clauses.items()} == {
            "no_employment": "8.1.2",
            "unpaid": "7.1.1",
            "accident_insurance": "6.1.2",
            "liability": "6.1.1",
            "travel_costs": "7.1.2",
            "no_fee": "7.3",
            "dimona": "5.5",
            "protective_equipment": "8.2.1",
            "labour_rules": "5",
            "risks": "8.1.4",
            "signatures": "8.1.2",
        }
        board = school_a.school.board
        assert board.insurer in clauses["accident_insurance"]["text"]
        assert board.policy_number in clauses["accident_insurance"]["text"]
        assert "draagt zelf de verplaatsingskosten" in clauses["travel_costs"]["text"]
        assert clauses["travel_costs"]["text"].endswith("fiets")
        assert "STG" in clauses["dimona"]["text"]
        assert "gratis persoonlijke beschermingsmiddelen" in clauses["protective_equipment"]["text"]

    def test_the_annexes(self, school_a):
        RiskAssessmentFactory(
            workplace=school_a.workplace,
            assessed_on=datetime.date(2026, 6, 1),
            health_surveillance_required=True,
        )
        WorkstationSheetFactory(workplace=school_a.workplace, workstation="Keuken")
        HealthAssessmentFactory(student=school_a.pupil, assessed_on=datetime.date(2026, 6, 15))
        created(school_a)

        annexes = agreement_content(school_a.placement)["annexes"]

        assert annexes["activity_list"]["activities"] == [
            {
                "curriculum_goal": annexes["activity_list"]["activities"][0]["curriculum_goal"],
                "description": "Bedden opmaken",
                "permission": "must",
                "permission_label": "moet",
            }
        ]
        assert annexes["risk_assessment"]["assessed_on"] == "2026-06-01"
        assert annexes["risk_assessment"]["health_surveillance_required"] is True
        assert annexes["workstation_sheets"][0]["workstation"] == "Keuken"
        assert annexes["health_assessment"] == {
            "required": True,
            "assessed_on": "2026-06-15",
            "conclusion": "geschikt",
        }

    def test_the_content_is_json_dutch_and_the_same_for_the_same_data(self, school_a):
        created(school_a)

        with timezone.override("UTC"), translation.override("en"):
            english_user = agreement_content(school_a.placement)
        content = agreement_content(school_a.placement)

        assert json.loads(json.dumps(content)) == content
        assert english_user == content
        assert content["title"] == "Leerlingenstageovereenkomst"
