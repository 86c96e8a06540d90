from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from internships.models import Activity, Placement
from logbook.models import LogbookComment, LogbookEntry


class EntryForm(CrispyFormMixin, forms.ModelForm):
    """The pupil's entry: the activity lines offered are those of the placement's own list
    that the pupil may do (8.1.3, 8.2.3)."""

    class Meta:
        model = LogbookEntry
        fields = [
            "kind",
            "date",
            "work_done",
            "activities",
            "experiences",
            "feeling",
            "self_evaluation",
            "strengths",
            "points_to_work_on",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "date": DateInput(),
            "activities": forms.CheckboxSelectMultiple,
            "feeling": forms.RadioSelect,
            "work_done": forms.Textarea(attrs={"rows": 4}),
            "experiences": forms.Textarea(attrs={"rows": 3}),
            "self_evaluation": forms.Textarea(attrs={"rows": 3}),
            "strengths": forms.Textarea(attrs={"rows": 2}),
            "points_to_work_on": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "kind": _("Waarover schrijf je?"),
            "work_done": _("Wat heb je gedaan?"),
            "activities": _("Welke activiteiten van je lijst kwamen aan bod?"),
            "experiences": _("Hoe heb je het beleefd?"),
            "feeling": _("Hoe ging het?"),
            "self_evaluation": _("Waarom? Wat ging goed, wat minder?"),
            "strengths": _("Waar ben je sterk in?"),
            "points_to_work_on": _("Waaraan wil je nog werken?"),
        }
        help_texts = {
            "date": _("Voor een week: een dag van die week."),
            "work_done": _(
                "Voor een reflectie: wat je geleerd hebt en wat je meeneemt naar de lessen."
            ),
        }

    def __init__(self, *args, placement: Placement, **kwargs):
        super().__init__(*args, **kwargs)
        activity_list = getattr(placement, "activity_list", None)
        lines = (
            activity_list.activities.exclude(permission=Activity.Permission.MAY_NOT)
            if activity_list is not None
            else Activity.objects.none()
        )
        self.fields["activities"].queryset = lines
        if activity_list is None:
            del self.fields["activities"]
        self.fields["feeling"].choices = list(LogbookEntry.Feeling.choices)
        self.fields["feeling"].required = False
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("date", timezone.localdate())

    def validate_unique(self) -> None:
        # The placement is set by the service, which validates the entry as a whole.
        pass


class CommentForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = LogbookComment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Commentaar")}
