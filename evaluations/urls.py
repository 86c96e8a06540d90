from django.urls import path

from evaluations.views import criteria, evaluations, portal

app_name = "evaluations"

urlpatterns = [
    # Observation criteria per programme (9.1.2): coordinators manage, supervisors read
    path("criteria/", criteria.ProgrammeListView.as_view(), name="programme-list"),
    path(
        "criteria/studierichting/<int:programme_pk>/",
        criteria.CriterionListView.as_view(),
        name="criterion-list",
    ),
    path(
        "criteria/studierichting/<int:programme_pk>/nieuw/",
        criteria.CriterionFormView.as_view(),
        name="criterion-create",
    ),
    path(
        "criteria/<int:pk>/bewerken/", criteria.CriterionFormView.as_view(), name="criterion-update"
    ),
    path(
        "criteria/<int:pk>/intrekken/",
        criteria.CriterionRetireView.as_view(),
        name="criterion-retire",
    ),
    path(
        "criteria/<int:pk>/terugzetten/",
        criteria.CriterionRestoreView.as_view(),
        name="criterion-restore",
    ),
    path(
        "criteria/<int:pk>/verplaatsen/",
        criteria.CriterionMoveView.as_view(),
        name="criterion-move",
    ),
    # A placement's evaluations (9.1.1, 9.1.3)
    path(
        "stage/<int:placement_pk>/openen/",
        evaluations.EvaluationOpenView.as_view(),
        name="evaluation-open",
    ),
    path("<int:pk>/", evaluations.EvaluationDetailView.as_view(), name="evaluation-detail"),
    # Link holders: the mentor's advice, the pupil's and parents' reading (9.1.1, 9.1.2)
    path("portaal/<int:pk>/advies/", portal.AdviceView.as_view(), name="advise"),
    path("portaal/<int:pk>/", portal.ResultView.as_view(), name="result"),
]
