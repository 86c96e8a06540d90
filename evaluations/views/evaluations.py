"""The staff's evaluation page of a placement: the mentor's advice beside the supervisor's
columns, saved and finalised by the supervisor or a coordinator (9.1.1, 9.1.3)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from core.principals import StaffMember
from core.views import ServiceFormView, StaffRequiredMixin
from evaluations.forms import EvaluationCompleteForm, EvaluationOpenForm
from evaluations.models import Evaluation
from evaluations.selectors.evaluations import evaluation_get_for
from evaluations.services import evaluations as services
from internships.selectors.placements import placement_get_for


def may_decide(principal: StaffMember, evaluation: Evaluation) -> bool:
    """Whether the staff member finalises: the placement's supervisor or a coordinator."""
    return principal.sees_whole_school or evaluation.placement.supervisor_id == principal.user.pk


class EvaluationOpenView(StaffRequiredMixin, View):
    """Opens the interim or final evaluation of a placement with the programme's criteria."""

    http_method_names = ["post"]

    def post(self, request, placement_pk):
        placement = placement_get_for(request.principal, placement_pk)
        form = EvaluationOpenForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Kies de tussentijdse evaluatie of de eindevaluatie."))
            return redirect("internships:placement-detail", placement.pk)
        try:
            evaluation = services.evaluation_open(
                placement=placement, moment=form.cleaned_data["moment"], opened_by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("internships:placement-detail", placement.pk)
        messages.success(
            request,
            _("%(moment)s geopend: de stagementor kan nu advies geven.")
            % {"moment": evaluation.get_moment_display().capitalize()},
        )
        return redirect("evaluations:evaluation-detail", evaluation.pk)


class EvaluationDetailView(StaffRequiredMixin, ServiceFormView):
    """The evaluation with the mentor's advice beside the final columns; saving keeps it open,
    "Afronden" finalises it (only for its supervisor or a coordinator)."""

    template_name = "evaluations/evaluation_detail.html"
    form_class = EvaluationCompleteForm

    @cached_property
    def evaluation(self) -> Evaluation:
        return evaluation_get_for(self.request.principal, self.kwargs["pk"])

    @property
    def finalising(self) -> bool:
        return "finalise" in self.request.POST

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
            evaluation=evaluation,
            placement=evaluation.placement,
            may_decide=may_decide(self.request.principal, evaluation),
            **kwargs,
        )

    def perform(self, form) -> Evaluation:
        principal = self.request.principal
        with transaction.atomic():
            evaluation = services.evaluation_complete(
                evaluation=self.evaluation,
                principal=principal,
                scores=form.score_data(),
                conclusion=form.cleaned_data["conclusion"],
                remediation=form.cleaned_data["remediation"],
                due_on=form.cleaned_data["due_on"],
            )
            if self.finalising:
                evaluation = services.evaluation_finalise(
                    evaluation=evaluation, principal=principal
                )
        return evaluation

    def get_success_message(self, result: Evaluation) -> str:
        if result.is_finalised:
            return _(
                "Evaluatie afgerond: de leerling (en bij een minderjarige de ouders) kan ze nu "
                "lezen (9.1.2)."
            )
        return _("Evaluatie bewaard.")

    def get_success_url(self) -> str:
        return reverse("evaluations:evaluation-detail", args=[self.evaluation.pk])
