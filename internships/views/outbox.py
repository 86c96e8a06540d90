"""The school's outbox: every e-mail the application sent or will send, to whom and why."""

from django.views.generic import ListView

from core.views import CoordinatorRequiredMixin, FilteredListMixin
from internships.filters import NotificationFilter
from internships.selectors.notifications import outbox_for


class OutboxView(CoordinatorRequiredMixin, FilteredListMixin, ListView):
    template_name = "internships/outbox.html"
    filterset_class = NotificationFilter
    context_object_name = "notifications"

    def get_queryset(self):
        self.queryset = outbox_for(self.request.principal)
        return super().get_queryset()
