"""Django's password reset, limited per client address and per e-mail address.

Each request sends an e-mail: without a limit the form lets anyone flood a mailbox or try
addresses by the thousand. Past the limit the form is shown again with a Dutch message (429),
and nothing is sent; what the limit counts lives in the shared cache (:mod:`core.ratelimit`).
"""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.utils.translation import gettext as _

from core.http import client_ip
from core.ratelimit import attempt_record, attempts_exceeded
from core.views import PublicMixin


class PasswordResetView(PublicMixin, auth_views.PasswordResetView):
    def form_valid(self, form) -> HttpResponse:
        address = form.cleaned_data["email"].strip().lower()
        keys = [
            f"password-reset:client:{client_ip(self.request)}",
            "password-reset:email:" + hashlib.sha256(address.encode()).hexdigest(),
        ]
        limit = settings.PASSWORD_RESET_ATTEMPTS_PER_WINDOW
        if any(attempts_exceeded(key, limit=limit) for key in keys):
            form.add_error(
                None,
                _(
                    "Er werd te vaak gevraagd om een wachtwoord te herstellen. Probeer het over "
                    "een uur opnieuw, of vraag het aan de beheerder van je school."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        for key in keys:
            attempt_record(key, window_seconds=settings.PASSWORD_RESET_WINDOW_SECONDS)
        return super().form_valid(form)
