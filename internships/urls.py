from django.urls import path

from internships.views import (
    activities,
    agreements,
    downloads,
    group_agreements,
    holidays,
    hosts,
    outbox,
    placements,
    portal_links,
    risks,
    school_years,
    staff,
    students,
    visits,
)

app_name = "internships"

urlpatterns = [
    path("schooljaar/", school_years.SchoolYearSwitchView.as_view(), name="school-year-switch"),
    # Pupils and guardians
    path("leerlingen/", students.StudentListView.as_view(), name="student-list"),
    path("leerlingen/nieuw/", students.StudentFormView.as_view(), name="student-create"),
    path("leerlingen/<int:pk>/", students.StudentDetailView.as_view(), name="student-detail"),
    path(
        "leerlingen/<int:pk>/bewerken/", students.StudentFormView.as_view(), name="student-update"
    ),
    path(
        "leerlingen/<int:student_pk>/ouders/nieuw/",
        students.GuardianFormView.as_view(),
        name="guardian-create",
    ),
    path(
        "leerlingen/<int:student_pk>/ouders/<int:pk>/bewerken/",
        students.GuardianFormView.as_view(),
        name="guardian-update",
    ),
    path(
        "leerlingen/<int:student_pk>/ouders/<int:pk>/verwijderen/",
        students.GuardianDeleteView.as_view(),
        name="guardian-delete",
    ),
    # Hosts, workplaces and mentors
    path("stagegevers/", hosts.HostListView.as_view(), name="host-list"),
    path("stagegevers/nieuw/", hosts.HostFormView.as_view(), name="host-create"),
    path("stagegevers/<int:pk>/", hosts.HostDetailView.as_view(), name="host-detail"),
    path("stagegevers/<int:pk>/bewerken/", hosts.HostFormView.as_view(), name="host-update"),
    path(
        "stagegevers/<int:host_pk>/stageplaatsen/nieuw/",
        hosts.WorkplaceFormView.as_view(),
        name="workplace-create",
    ),
    path(
        "stageplaatsen/<int:pk>/bewerken/",
        hosts.WorkplaceFormView.as_view(),
        name="workplace-update",
    ),
    path(
        "stagegevers/<int:host_pk>/mentoren/nieuw/",
        hosts.MentorFormView.as_view(),
        name="mentor-create",
    ),
    path("mentoren/<int:pk>/bewerken/", hosts.MentorFormView.as_view(), name="mentor-update"),
    # Personal portal links (mentor, pupil, guardian), sent by e-mail
    path(
        "mentoren/<int:pk>/portaallink/",
        portal_links.PortalLinkSendView.as_view(),
        {"kind": "mentor"},
        name="mentor-portal-link",
    ),
    path(
        "leerlingen/<int:pk>/portaallink/",
        portal_links.PortalLinkSendView.as_view(),
        {"kind": "pupil"},
        name="pupil-portal-link",
    ),
    path(
        "leerlingen/<int:student_pk>/ouders/<int:pk>/portaallink/",
        portal_links.PortalLinkSendView.as_view(),
        {"kind": "guardian"},
        name="guardian-portal-link",
    ),
    path("meldingen/", outbox.OutboxView.as_view(), name="outbox"),
    # Placements
    path("stages/", placements.PlacementListView.as_view(), name="placement-list"),
    path("stages/nieuw/", placements.PlacementFormView.as_view(), name="placement-create"),
    path("stages/<int:pk>/", placements.PlacementDetailView.as_view(), name="placement-detail"),
    path(
        "stages/<int:pk>/bewerken/",
        placements.PlacementFormView.as_view(),
        name="placement-update",
    ),
    path(
        "stages/<int:pk>/status/",
        placements.PlacementTransitionView.as_view(),
        name="placement-transition",
    ),
    path(
        "stages/<int:placement_pk>/periodes/nieuw/",
        placements.PeriodFormView.as_view(),
        name="period-create",
    ),
    path(
        "stages/<int:placement_pk>/periodes/<int:pk>/bewerken/",
        placements.PeriodFormView.as_view(),
        name="period-update",
    ),
    path(
        "stages/<int:placement_pk>/periodes/<int:pk>/verwijderen/",
        placements.PeriodDeleteView.as_view(),
        name="period-delete",
    ),
    path(
        "stages/<int:placement_pk>/afwezigheden/nieuw/",
        placements.AbsenceFormView.as_view(),
        name="absence-create",
    ),
    path(
        "stages/<int:placement_pk>/afwezigheden/<int:pk>/beoordelen/",
        placements.AbsenceDecideView.as_view(),
        name="absence-decide",
    ),
    path(
        "stages/<int:placement_pk>/inhaalstages/nieuw/",
        placements.MakeUpFormView.as_view(),
        name="makeup-create",
    ),
    path("stagegevers/opties/", placements.HostOptionsView.as_view(), name="host-options"),
    # The supervisor's visits (8.2.2)
    path(
        "stages/<int:placement_pk>/bezoeken/nieuw/",
        visits.VisitFormView.as_view(),
        name="visit-create",
    ),
    path(
        "stages/<int:placement_pk>/bezoeken/<int:pk>/bewerken/",
        visits.VisitFormView.as_view(),
        name="visit-update",
    ),
    path(
        "stages/<int:placement_pk>/bezoeken/<int:pk>/verwijderen/",
        visits.VisitDeleteView.as_view(),
        name="visit-delete",
    ),
    # The agreement of a placement, its versions and signatures (8.1.2)
    path(
        "stages/<int:placement_pk>/overeenkomst/nieuw/",
        agreements.AgreementFormView.as_view(),
        name="agreement-create",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/bewerken/",
        agreements.AgreementFormView.as_view(update=True),
        name="agreement-update",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/aanhangsel/",
        agreements.AgreementAmendView.as_view(),
        name="agreement-amend",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/beeindigen/",
        agreements.AgreementEndView.as_view(),
        name="agreement-end",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/stopzetten/",
        agreements.AgreementEndView.as_view(outcome="terminated"),
        name="agreement-terminate",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/versies/<int:pk>/",
        agreements.VersionDetailView.as_view(),
        name="version-detail",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/versies/<int:pk>/klaar/",
        agreements.VersionReadyView.as_view(),
        name="version-ready",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/versies/<int:pk>/intrekken/",
        agreements.VersionWithdrawView.as_view(),
        name="version-withdraw",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/versies/<int:pk>/links/nieuw/",
        agreements.SignatureRequestFormView.as_view(),
        name="signature-request-create",
    ),
    path(
        "stages/<int:placement_pk>/overeenkomst/versies/<int:pk>/papier/",
        agreements.PaperSignatureFormView.as_view(),
        name="signature-paper",
    ),
    path(
        "ondertekeningslinks/<int:pk>/intrekken/",
        agreements.SignatureRequestRevokeView.as_view(),
        name="signature-request-revoke",
    ),
    path(
        "handtekeningen/<int:pk>/scan/",
        downloads.SignatureScanView.as_view(),
        name="signature-scan",
    ),
    # Group agreements (coordinators)
    path(
        "stagegevers/<int:host_pk>/globale-overeenkomsten/nieuw/",
        group_agreements.GroupAgreementCreateView.as_view(),
        name="group-agreement-create",
    ),
    path(
        "globale-overeenkomsten/<int:pk>/",
        group_agreements.GroupAgreementDetailView.as_view(),
        name="group-agreement-detail",
    ),
    path(
        "globale-overeenkomsten/<int:pk>/klaar/",
        group_agreements.GroupAgreementReadyView.as_view(),
        name="group-agreement-ready",
    ),
    path(
        "globale-overeenkomsten/<int:pk>/links/nieuw/",
        group_agreements.GroupSignatureRequestView.as_view(),
        name="group-signature-request-create",
    ),
    path(
        "globale-overeenkomsten/<int:pk>/papier/",
        group_agreements.GroupPaperSignatureView.as_view(),
        name="group-signature-paper",
    ),
    # Activity lists (8.1.3, 8.2.3)
    path("studierichtingen/", activities.ProgrammeListView.as_view(), name="programme-list"),
    path(
        "studierichtingen/<int:pk>/",
        activities.ProgrammeDetailView.as_view(),
        name="programme-detail",
    ),
    path(
        "studierichtingen/<int:programme_pk>/activiteiten/nieuw/",
        activities.ProgrammeActivityFormView.as_view(),
        name="programme-activity-create",
    ),
    path(
        "studierichtingen/activiteiten/<int:pk>/bewerken/",
        activities.ProgrammeActivityFormView.as_view(),
        name="programme-activity-update",
    ),
    path(
        "studierichtingen/activiteiten/<int:pk>/verwijderen/",
        activities.ProgrammeActivityDeleteView.as_view(),
        name="programme-activity-delete",
    ),
    path(
        "stages/<int:placement_pk>/activiteiten/",
        activities.ActivityListView.as_view(),
        name="activity-list",
    ),
    path(
        "stages/<int:placement_pk>/activiteiten/opstellen/",
        activities.ActivityListCreateView.as_view(),
        name="activity-list-create",
    ),
    path(
        "stages/<int:placement_pk>/activiteiten/bevestigd/",
        activities.ActivityListConfirmView.as_view(),
        name="activity-list-confirm",
    ),
    path(
        "stages/<int:placement_pk>/activiteiten/nieuw/",
        activities.ActivityFormView.as_view(),
        name="activity-create",
    ),
    path(
        "stages/<int:placement_pk>/activiteiten/<int:pk>/bewerken/",
        activities.ActivityFormView.as_view(),
        name="activity-update",
    ),
    path(
        "stages/<int:placement_pk>/activiteiten/<int:pk>/afspraak/",
        activities.ActivityPermissionView.as_view(),
        name="activity-permission",
    ),
    path(
        "stages/<int:placement_pk>/activiteiten/<int:pk>/uitgevoerd/",
        activities.ActivityDoneView.as_view(),
        name="activity-done",
    ),
    path(
        "stages/<int:placement_pk>/activiteiten/<int:pk>/verwijderen/",
        activities.ActivityDeleteView.as_view(),
        name="activity-delete",
    ),
    # Risk documents and health assessments (8.1.4)
    path("stageplaatsen/<int:pk>/", risks.WorkplaceDetailView.as_view(), name="workplace-detail"),
    path(
        "stageplaatsen/<int:workplace_pk>/risicoanalyses/nieuw/",
        risks.RiskAssessmentCreateView.as_view(),
        name="risk-assessment-create",
    ),
    path(
        "stageplaatsen/<int:workplace_pk>/werkpostfiches/nieuw/",
        risks.WorkstationSheetCreateView.as_view(),
        name="workstation-sheet-create",
    ),
    path(
        "stages/<int:placement_pk>/gezondheidsbeoordeling/nieuw/",
        risks.HealthAssessmentCreateView.as_view(),
        name="health-assessment-create",
    ),
    path(
        "risicoanalyses/<int:pk>/document/",
        downloads.RiskAssessmentDownloadView.as_view(),
        name="risk-assessment-download",
    ),
    path(
        "werkpostfiches/<int:pk>/document/",
        downloads.WorkstationSheetDownloadView.as_view(),
        name="workstation-sheet-download",
    ),
    path(
        "gezondheidsbeoordelingen/<int:pk>/document/",
        downloads.HealthAssessmentDownloadView.as_view(),
        name="health-assessment-download",
    ),
    # The school calendar: fixed holidays and the school's own free days (4)
    path("schoolkalender/", holidays.SchoolCalendarView.as_view(), name="school-calendar"),
    path(
        "schoolkalender/nieuw/",
        holidays.SchoolHolidayFormView.as_view(),
        name="school-holiday-create",
    ),
    path(
        "schoolkalender/<int:pk>/bewerken/",
        holidays.SchoolHolidayFormView.as_view(),
        name="school-holiday-update",
    ),
    path(
        "schoolkalender/<int:pk>/verwijderen/",
        holidays.SchoolHolidayDeleteView.as_view(),
        name="school-holiday-delete",
    ),
    # Users of the school (school admin)
    path("gebruikers/", staff.StaffListView.as_view(), name="staff-list"),
    path("gebruikers/nieuw/", staff.StaffFormView.as_view(), name="staff-create"),
    path("gebruikers/<int:pk>/bewerken/", staff.StaffFormView.as_view(), name="staff-update"),
]
