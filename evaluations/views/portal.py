"""The link holders' evaluation pages: the mentor's advice (9.1.1) and the pupil's or parents'
reading of a finalised evaluation (9.1.2).

Both read the evaluation through ``evaluation_get_for`` with the link's principal: a mentor
never opens the evaluation of another mentor's intern, and a pupil or guardian never opens an
evaluation before it is finalised (404). Built for a phone: one criterion per card.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.principals import Capability, GuardianLink, MentorLink, PupilLink
from core.views import LinkRequiredMixin, ServiceFormView
from evaluations.forms import MentorAdviceForm
from evaluations.models import Evaluation
from evaluations.selectors.evaluations import evaluation_get_for
from evaluations.services import evaluations as services


class PortalEvaluationMixin(LinkRequiredMixin):
    @cached_property
    def evaluation(self) -> Evaluation:
        return evaluation_get_for(self.request.principal, self.kwargs["pk"])

    def placement_url(self) -> str:
        return reverse("portal:placement", args=[self.evaluation.placement_id]) + "#evaluations"


class AdviceView(PortalEvaluationMixin, ServiceFormView):
    """The mentor gives (or changes, until it is finalised) a level and a comment per
    criterion and an overall comment."""

    required_capability = Capability.EVALUATE
    link_kinds = (MentorLink,)
    template_name = "evaluations/portal/advice.html"
    form_class = MentorAdviceForm
    success_message = gettext_lazy(
        "Bedankt: uw advies is doorgegeven aan de stagebegeleider. U kunt het nog aanpassen "
        "tot de school de evaluatie afrondt."
    )

    def get_form_kwargs(self) -> dict:
        evaluation = self.evaluation
        return {
            **super().get_form_kwargs(),
            "scores": list(evaluation.scores.all()),
            "evaluation": evaluation,
        }

    def get_context_data(self, **kwargs):
        evaluation = self.evaluation
        return super().get_context_data(
            evaluation=evaluation, placement=evaluation.placement, **kwargs
        )

    def perform(self, form) -> Evaluation:
        return services.evaluation_advise(
            evaluation=self.evaluation,
            principal=self.request.principal,
            scores=form.score_data(),
            comment=form.cleaned_data["comment"],
        )

    def get_success_url(self) -> str:
        return self.placement_url()


class ResultView(PortalEvaluationMixin, TemplateView):
    """A finalised evaluation as reported to the pupil and, for a minor, the parents."""

    required_capability = Capability.VIEW
    link_kinds = (PupilLink, GuardianLink)
    template_name = "evaluations/portal/result.html"

    def get_context_data(self, **kwargs):
        evaluation = self.evaluation
        return super().get_context_data(
            evaluation=evaluation,
            placement=evaluation.placement,
            scores=list(evaluation.scores.all()),
            **kwargs,
        )
