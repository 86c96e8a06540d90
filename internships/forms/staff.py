from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from internships.models import User


class StaffCreateForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "phone", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email", "role"):
            self.fields[name].required = True
        self.fields["email"].help_text = _(
            "De nieuwe gebruiker krijgt op dit adres een link om een wachtwoord te kiezen."
        )

    def validate_unique(self) -> None:
        # The service checks the username case-insensitively.
        pass


class StaffUpdateForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "phone", "role", "is_active"]
        labels = {"is_active": _("Actief (kan zich aanmelden)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email", "role"):
            self.fields[name].required = True
