from django.urls import path

from attendance.views import portal, staff

app_name = "attendance"

WEEK = "week/<int:iso_year>/<int:iso_week>"

urlpatterns = [
    # The mentor, through their personal link (5.1)
    path("portaal/stage/<int:placement_pk>/", portal.WeeksView.as_view(), name="portal-weeks"),
    path(
        f"portaal/stage/<int:placement_pk>/{WEEK}/bevestigen/",
        portal.WeekConfirmView.as_view(),
        name="portal-week-confirm",
    ),
    path(
        f"portaal/stage/<int:placement_pk>/{WEEK}/corrigeren/",
        portal.WeekCorrectView.as_view(),
        name="portal-week-correct",
    ),
    path(
        "portaal/stage/<int:placement_pk>/incident/",
        portal.IncidentReportView.as_view(),
        name="portal-incident-report",
    ),
    # Staff
    path("stages/<int:placement_pk>/", staff.PlacementWeeksView.as_view(), name="placement-weeks"),
    path(
        f"stages/<int:placement_pk>/{WEEK}/corrigeren/",
        staff.WeekCorrectView.as_view(),
        name="week-correct",
    ),
    path(
        "stages/<int:placement_pk>/incidenten/nieuw/",
        staff.IncidentCreateView.as_view(),
        name="incident-create",
    ),
    path(
        "stages/<int:placement_pk>/incidenten/<int:pk>/",
        staff.IncidentFollowUpView.as_view(),
        name="incident-follow-up",
    ),
]
