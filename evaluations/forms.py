"""Forms of the evaluations app: criteria (coordinators), the mentor's advice and the
supervisor's decision (one level and comment per criterion, built from the evaluation's
scores)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from evaluations.models import Criterion, Evaluation, Moment, Score


class CriterionForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["curriculum_goal", "description", "moments", "scale"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "moments": forms.RadioSelect,
            "scale": forms.RadioSelect,
        }


class CriterionMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("omhoog")), ("down", _("omlaag"))])


class EvaluationOpenForm(forms.Form):
    moment = forms.ChoiceField(choices=Moment.choices)


class ScoresForm(forms.Form):
    """A level (radio buttons on the criterion's scale) and a comment for every score.

    ``level_field`` and ``comment_field`` name the score's columns the form fills in: the
    mentor's advice or the supervisor's final level.
    """

    level_field = ""
    comment_field = ""

    def __init__(self, *args, scores: list[Score], **kwargs):
        super().__init__(*args, **kwargs)
        self.scores = scores
        for score in scores:
            self.fields[f"level_{score.pk}"] = forms.TypedChoiceField(
                label=score.description,
                choices=[(level.value, level.label) for level in score.levels],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial=getattr(score, self.level_field),
            )
            self.fields[f"comment_{score.pk}"] = forms.CharField(
                label=_("Toelichting"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=getattr(score, self.comment_field),
            )

    @property
    def rows(self) -> list[dict]:
        """Per score: the score, its level field and its comment field, for the template."""
        return [
            {
                "score": score,
                "level": self[f"level_{score.pk}"],
                "comment": self[f"comment_{score.pk}"],
            }
            for score in self.scores
        ]

    def score_data(self) -> dict[int, tuple[int | None, str]]:
        data = self.cleaned_data
        return {
            score.pk: (data.get(f"level_{score.pk}"), data.get(f"comment_{score.pk}", ""))
            for score in self.scores
        }


class MentorAdviceForm(ScoresForm):
    level_field = "mentor_level"
    comment_field = "mentor_comment"

    def __init__(self, *args, evaluation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"] = forms.CharField(
            label=_("Algemeen advies"),
            help_text=_("Hoe verloopt de stage? Wat gaat goed, waar moet de leerling aan werken?"),
            required=False,
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 4}),
            initial=evaluation.mentor_comment,
        )


class EvaluationCompleteForm(ScoresForm):
    level_field = "level"
    comment_field = "comment"

    def __init__(self, *args, evaluation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conclusion"] = forms.CharField(
            label=_("Besluit"),
            help_text=Evaluation._meta.get_field("conclusion").help_text,
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            initial=evaluation.conclusion,
        )
        self.fields["remediation"] = forms.CharField(
            label=_("Remediëring en adviezen"),
            help_text=Evaluation._meta.get_field("remediation").help_text,
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            initial=evaluation.remediation,
        )
        self.fields["due_on"] = forms.DateField(
            label=_("Uiterlijk op"), widget=DateInput(), initial=evaluation.due_on
        )
