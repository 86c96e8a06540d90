from django.urls import path

from compliance import views

app_name = "compliance"

urlpatterns = [
    path("rooster-testen/", views.ScheduleTryView.as_view(), name="try"),
    path(
        "stages/<int:placement_pk>/rooster/",
        views.PlacementScheduleView.as_view(),
        name="placement-schedule",
    ),
    path(
        "stages/<int:placement_pk>/afwijkingen/nieuw/",
        views.ExemptionFormView.as_view(),
        name="exemption-create",
    ),
    path(
        "stages/<int:placement_pk>/afwijkingen/<int:pk>/verwijderen/",
        views.ExemptionDeleteView.as_view(),
        name="exemption-delete",
    ),
    path(
        "stages/<int:placement_pk>/afwijkingen/<int:pk>/bewijsstuk/",
        views.ExemptionDocumentView.as_view(),
        name="exemption-document",
    ),
    path(
        "stages/<int:placement_pk>/dagen/nieuw/",
        views.ScheduleExceptionFormView.as_view(),
        name="exception-create",
    ),
    path(
        "stages/<int:placement_pk>/dagen/<int:pk>/verwijderen/",
        views.ScheduleExceptionDeleteView.as_view(),
        name="exception-delete",
    ),
]
