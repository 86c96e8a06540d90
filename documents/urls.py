from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("inspectiedossier/", views.InspectionView.as_view(), name="inspection"),
    path(
        "stages/<int:placement_pk>/aanvragen/",
        views.PlacementDocumentRequestView.as_view(),
        name="placement-request",
    ),
    path(
        "verplaatsingskosten/aanvragen/",
        views.TravelExpensesRequestView.as_view(),
        name="travel-expenses-request",
    ),
    path("<int:pk>/status/", views.DocumentStatusView.as_view(), name="status"),
    path("<int:pk>/downloaden/", views.DocumentDownloadView.as_view(), name="download"),
    path("<int:pk>/opnieuw/", views.DocumentRetryView.as_view(), name="retry"),
]
