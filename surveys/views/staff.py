"""The coordinator's pages of the annual survey: open it, follow the answers, read the summary."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.views import CoordinatorRequiredMixin, ServiceFormView
from surveys import services
from surveys.forms import SurveyOpenForm
from surveys.models import Survey
from surveys.selectors import survey_get_for, survey_summary, surveys_visible_to


class SurveyListView(CoordinatorRequiredMixin, ListView):
    template_name = "surveys/survey_list.html"
    context_object_name = "surveys"

    def get_queryset(self):
        return surveys_visible_to(self.request.principal)


class SurveyOpenView(CoordinatorRequiredMixin, ServiceFormView):
    """Opens the survey of the school year in the menu and mails mentors and pupils."""

    template_name = "surveys/survey_form.html"
    form_class = SurveyOpenForm

    def get_initial(self):
        school_year = self.request.school_year
        return {
            "title": _("Jaarlijkse bevraging %(year)s") % {"year": school_year},
            "closes_on": school_year.end_date.replace(month=6, day=30),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(school_year=self.request.school_year, **kwargs)

    def perform(self, form) -> Survey:
        return services.survey_open(
            school=self.request.user.school,
            school_year=self.request.school_year,
            created_by=self.request.user,
            **form.cleaned_data,
        )

    def get_success_message(self, survey: Survey) -> str:
        return _("De bevraging is verstuurd naar de stagementoren en de leerlingen.")

    def get_success_url(self) -> str:
        return reverse("surveys:detail", args=[self.result.pk])


class SurveyDetailView(CoordinatorRequiredMixin, DetailView):
    """The summary per host and per programme (section 10)."""

    template_name = "surveys/survey_detail.html"
    context_object_name = "survey"

    def get_object(self):
        return survey_get_for(self.request.principal, self.kwargs["pk"])

    @cached_property
    def summary(self):
        return survey_summary(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(summary=self.summary, **kwargs)
