"""Database constraints whose message lands on the form field it is about."""

from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint


class FieldCheckConstraint(CheckConstraint):
    """A check constraint that reports its ``violation_error_message`` on ``field``.

    The rule lives once, in the database; model validation (``full_clean``, and so every model
    form and service) raises the message on the field, where the user can act on it. The field
    is a matter of validation only: migrations see a plain ``CheckConstraint``.
    """

    def __init__(self, *args, field: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.field = field

    def validate(self, model, instance, exclude=None, using=None):
        try:
            super().validate(model, instance, exclude=exclude, using=using)
        except ValidationError as error:
            raise ValidationError({self.field: error.error_list}) from None

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "django.db.models.CheckConstraint", args, kwargs

    def clone(self):
        _path, args, kwargs = super().deconstruct()
        return self.__class__(*args, field=self.field, **kwargs)

    def __eq__(self, other):
        if isinstance(other, FieldCheckConstraint):
            return super().__eq__(other) and self.field == other.field
        return super().__eq__(other)
