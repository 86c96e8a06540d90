"""Answering the annual survey through a personal link (section 10)."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.principals import Capability, MentorLink, PupilLink
from core.views import LinkRequiredMixin, ServiceFormView
from surveys import services
from surveys.forms import SurveyAnswerForm
from surveys.models import SurveyResponse
from surveys.questions import Audience
from surveys.selectors import OpenQuestionnaire, questionnaire_get_for


class SurveyAnswerView(LinkRequiredMixin, ServiceFormView):
    required_capability = Capability.ANSWER_SURVEY
    link_kinds = (MentorLink, PupilLink)
    template_name = "surveys/answer.html"
    form_class = SurveyAnswerForm
    success_message = gettext_lazy("Bedankt voor uw antwoorden!")

    @cached_property
    def questionnaire(self) -> OpenQuestionnaire:
        return questionnaire_get_for(
            self.request.principal, self.kwargs["survey_pk"], self.kwargs["placement_pk"]
        )

    @cached_property
    def audience(self) -> str:
        return (
            Audience.MENTOR if isinstance(self.request.principal, MentorLink) else Audience.STUDENT
        )

    def get_initial(self):
        response = SurveyResponse.objects.filter(
            survey=self.questionnaire.survey,
            placement=self.questionnaire.placement,
            respondent=self.audience,
        ).first()
        return response.answers if response else {}

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "audience": self.audience}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            questionnaire=self.questionnaire,
            title=self.questionnaire.survey.title,
            intro=_(
                "Over de stage van %(placement)s. Uw antwoorden helpen de school de stages elk "
                "jaar beter te organiseren."
            )
            % {"placement": self.questionnaire.placement},
            cancel_url=reverse("portal:home"),
            **kwargs,
        )

    def perform(self, form) -> SurveyResponse:
        return services.survey_answer(
            survey=self.questionnaire.survey,
            placement=self.questionnaire.placement,
            principal=self.request.principal,
            answers=form.cleaned_data,
        )

    def get_success_url(self) -> str:
        return reverse("portal:home")
