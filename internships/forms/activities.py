from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from internships.models import Activity, ProgrammeActivity


class ProgrammeActivityForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = ProgrammeActivity
        fields = ["curriculum_goal", "description", "position"]
        help_texts = {"curriculum_goal": _("Bv. het nummer van het leerplandoel.")}


class ActivityForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["curriculum_goal", "description", "permission"]
        widgets = {"permission": forms.RadioSelect}


class ActivityPermissionForm(forms.Form):
    permission = forms.ChoiceField(choices=Activity.Permission.choices)


class ActivityDoneForm(forms.Form):
    done = forms.BooleanField(required=False)
    done_on = forms.DateField(
        label=_("Uitgevoerd op"), required=False, widget=DateInput(), initial=timezone.localdate
    )
    comment = forms.CharField(label=_("Opmerking"), max_length=500, required=False)
