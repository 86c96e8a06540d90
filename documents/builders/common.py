"""What several builders share."""

import re
import unicodedata

from django.utils.translation import gettext as _

from internships.models import Placement, Programme, SchoolClass


class DocumentError(Exception):
    """The document cannot be made, for a reason the user can act on; the message is Dutch.

    Trying again does not help, so the task does not retry it.
    """


def class_of(placement: Placement) -> SchoolClass | None:
    """The pupil's class in the placement's school year, else the pupil's current class."""
    return placement.school_class or placement.student.school_class


def programme_of(placement: Placement) -> Programme | None:
    school_class = class_of(placement)
    return school_class.programme if school_class else None


def class_label(placement: Placement) -> str:
    school_class = class_of(placement)
    return school_class.name if school_class else _("zonder klas")


def path_part(name: str, *, fallback: str) -> str:
    """``name`` as a portable file or folder name: ASCII letters, digits, ``-`` and ``_``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9A-Za-z_-]+", "-", ascii_name).strip("-") or fallback
