"""The programmes' observation criteria: coordinators manage them, supervisors read them
(9.1.1–9.1.2)."""

from abc import abstractmethod

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from core.views import CoordinatorRequiredMixin, ServiceFormView, StaffRequiredMixin
from evaluations.forms import CriterionForm, CriterionMoveForm
from evaluations.models import Criterion
from evaluations.selectors.criteria import (
    criterion_get_for,
    programme_criteria,
    programmes_with_criteria,
)
from evaluations.services import criteria as services
from internships.models import Programme
from internships.selectors.school import programme_get_for


def criteria_url(programme: Programme) -> str:
    return reverse("evaluations:criterion-list", args=[programme.pk])


class ProgrammeListView(StaffRequiredMixin, ListView):
    template_name = "evaluations/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        return programmes_with_criteria(self.request.principal)


class CriterionListView(StaffRequiredMixin, TemplateView):
    template_name = "evaluations/criterion_list.html"

    def get_context_data(self, **kwargs):
        principal = self.request.principal
        programme = programme_get_for(principal, self.kwargs["programme_pk"])
        return super().get_context_data(
            programme=programme,
            criteria=list(programme_criteria(programme)),
            can_manage=principal.sees_whole_school,
            form=CriterionForm(),
            **kwargs,
        )


class CriterionFormView(CoordinatorRequiredMixin, ServiceFormView):
    """Adds a criterion to a programme (the URL names it) or edits one (the URL names that)."""

    form_class = CriterionForm

    def get_success_message(self, result) -> str:
        if self.criterion is None:
            return _("Observatiecriterium toegevoegd.")
        return _("Observatiecriterium bewaard; evaluaties die al open zijn, houden hun versie.")

    @cached_property
    def criterion(self) -> Criterion | None:
        if "pk" not in self.kwargs:
            return None
        return criterion_get_for(self.request.principal, self.kwargs["pk"])

    @cached_property
    def programme(self) -> Programme:
        if self.criterion is not None:
            return self.criterion.programme
        return programme_get_for(self.request.principal, self.kwargs["programme_pk"])

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.criterion}

    def get_context_data(self, **kwargs):
        url = criteria_url(self.programme)
        return super().get_context_data(
            title=_("Observatiecriterium bewerken")
            if self.criterion
            else _("Observatiecriterium toevoegen"),
            intro=_(
                "Leid het criterium af van een leerplandoel en omschrijf eenduidig, "
                "observeerbaar en meetbaar wat de leerling doet (9.1.1–9.1.2)."
            ),
            parent=self.programme,
            parent_url=url,
            cancel_url=url,
            **kwargs,
        )

    def perform(self, form) -> Criterion:
        if self.criterion is None:
            return services.criterion_create(programme=self.programme, **form.cleaned_data)
        return services.criterion_update(criterion=self.criterion, data=form.cleaned_data)

    def get_success_url(self) -> str:
        return criteria_url(self.programme)


class CriterionActionView(CoordinatorRequiredMixin, View):
    """A button on the list: acts on one criterion and returns to the programme's list."""

    http_method_names = ["post"]
    success_message = ""

    @abstractmethod
    def act(self, criterion: Criterion) -> None:
        """What the button does to ``criterion``."""

    def post(self, request, pk):
        criterion = criterion_get_for(request.principal, pk)
        self.act(criterion)
        if self.success_message:
            messages.success(request, self.success_message)
        return redirect(criteria_url(criterion.programme) + f"#c{criterion.pk}")


class CriterionRetireView(CriterionActionView):
    success_message = gettext_lazy(
        "Criterium ingetrokken: het komt niet meer op nieuwe evaluaties; afgeronde en open "
        "evaluaties behouden het."
    )

    def act(self, criterion: Criterion) -> None:
        services.criterion_retire(criterion=criterion)


class CriterionRestoreView(CriterionActionView):
    success_message = gettext_lazy("Criterium opnieuw in gebruik voor nieuwe evaluaties.")

    def act(self, criterion: Criterion) -> None:
        services.criterion_restore(criterion=criterion)


class CriterionMoveView(CriterionActionView):
    def act(self, criterion: Criterion) -> None:
        form = CriterionMoveForm(self.request.POST)
        if form.is_valid():
            services.criterion_move(criterion=criterion, direction=form.cleaned_data["direction"])
