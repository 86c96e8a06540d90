from django.urls import path

from surveys.views import portal, staff

app_name = "surveys"

urlpatterns = [
    path("", staff.SurveyListView.as_view(), name="list"),
    path("nieuw/", staff.SurveyOpenView.as_view(), name="open"),
    path("<int:pk>/", staff.SurveyDetailView.as_view(), name="detail"),
    path(
        "<int:survey_pk>/stage/<int:placement_pk>/invullen/",
        portal.SurveyAnswerView.as_view(),
        name="answer",
    ),
]
