"""The authentication backend: Django's, with the user's school read in the same query."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class StaffBackend(ModelBackend):
    """Every staff page shows the user's school (the navigation, the principal's scope), so the
    user comes with it: one query per request instead of two."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("school")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
