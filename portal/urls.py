from django.urls import path

from portal.views import links, placements, signing

app_name = "portal"

urlpatterns = [
    # A personal link: the token is exchanged for a session and leaves the address bar
    path("link/<str:token>/", links.OpenLinkView.as_view(), name="open"),
    path("portaal/", links.HomeView.as_view(), name="home"),
    path("portaal/afmelden/", links.LeaveView.as_view(), name="leave"),
    path("portaal/logo/", placements.SchoolLogoView.as_view(), name="school-logo"),
    path("portaal/stage/<int:placement_pk>/", placements.PlacementView.as_view(), name="placement"),
    path(
        "portaal/stage/<int:placement_pk>/activiteitenlijst/bevestigen/",
        placements.ActivityListConfirmView.as_view(),
        name="activity-list-confirm",
    ),
    path(
        "portaal/stage/<int:placement_pk>/activiteit/<int:pk>/",
        placements.ActivityDoneView.as_view(),
        name="activity-done",
    ),
    path(
        "portaal/stage/<int:placement_pk>/afwezigheid/",
        placements.AbsenceReportView.as_view(),
        name="absence-report",
    ),
    path(
        "portaal/document/<str:kind>/<int:pk>/",
        placements.RiskDocumentView.as_view(),
        name="risk-document",
    ),
    # The document the link holder signs (8.1.2)
    path("ondertekenen/", signing.SignView.as_view(), name="sign"),
]
