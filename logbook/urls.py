from django.urls import path

from logbook.views import portal, staff

app_name = "logbook"

urlpatterns = [
    # The pupil's, the mentor's and the guardian's logbook pages (personal links)
    path("portaal/stage/<int:placement_pk>/", portal.LogbookView.as_view(), name="portal"),
    path(
        "portaal/stage/<int:placement_pk>/nieuw/",
        portal.EntryCreateView.as_view(),
        name="portal-entry-create",
    ),
    path(
        "portaal/stage/<int:placement_pk>/notitie/<int:pk>/",
        portal.EntryUpdateView.as_view(),
        name="portal-entry-update",
    ),
    path(
        "portaal/stage/<int:placement_pk>/notitie/<int:entry_pk>/commentaar/",
        portal.CommentCreateView.as_view(),
        name="portal-comment-create",
    ),
    path(
        "portaal/stage/<int:placement_pk>/commentaar/<int:pk>/",
        portal.CommentUpdateView.as_view(),
        name="portal-comment-update",
    ),
    # Staff
    path("stage/<int:placement_pk>/", staff.LogbookView.as_view(), name="placement"),
    path(
        "stage/<int:placement_pk>/notitie/<int:entry_pk>/commentaar/",
        staff.CommentCreateView.as_view(),
        name="comment-create",
    ),
    path(
        "stage/<int:placement_pk>/commentaar/<int:pk>/",
        staff.CommentUpdateView.as_view(),
        name="comment-update",
    ),
]
