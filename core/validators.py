"""Validators for Belgian identifiers and addresses, with Dutch messages.

The checksums come from python-stdnum; the validators also normalise nothing themselves — forms
call the ``normalize_*`` helpers so the database holds one canonical spelling.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.be import bis, nn, vat
from stdnum.exceptions import ValidationError as StdnumError

_POSTAL_CODE = re.compile(r"^[1-9]\d{3}$")
_INSTITUTION_NUMBER = re.compile(r"^\d{5,6}$")
_JOINT_COMMITTEE = re.compile(r"^\d{3}(\.\d{2})?$")


def normalize_national_number(value: str) -> str:
    """The 11 digits of a national (or BIS) number, without dots, dashes or spaces."""
    return nn.compact(value) if value else ""


def normalize_enterprise_number(value: str) -> str:
    """The enterprise number as ten digits, e.g. ``0403170701``."""
    return vat.compact(value) if value else ""


def format_enterprise_number(value: str) -> str:
    """The enterprise number as printed on official documents: ``0403.170.701``."""
    if len(value) != 10:
        return value
    return f"{value[:4]}.{value[4:7]}.{value[7:]}"


def format_national_number(value: str) -> str:
    """The national number as printed on official documents: ``85.07.30-033.28``."""
    return nn.format(value) if len(value) == 11 else value


def validate_national_number(value: str) -> None:
    """A valid rijksregisternummer or BIS number (INSZ)."""
    try:
        nn.validate(value)
    except StdnumError:
        try:
            bis.validate(value)
        except StdnumError:
            raise ValidationError(
                _("%(value)s is geen geldig rijksregisternummer."),
                code="invalid_national_number",
                params={"value": value},
            ) from None


def validate_enterprise_number(value: str) -> None:
    """A valid Belgian enterprise number (KBO), ten digits starting with 0 or 1."""
    try:
        vat.validate(value)
    except StdnumError:
        raise ValidationError(
            _("%(value)s is geen geldig ondernemingsnummer (KBO)."),
            code="invalid_enterprise_number",
            params={"value": value},
        ) from None


def validate_postal_code(value: str) -> None:
    """A Belgian postal code: four digits, not starting with 0."""
    if not _POSTAL_CODE.match(value):
        raise ValidationError(
            _("Een Belgische postcode bestaat uit vier cijfers."), code="invalid_postal_code"
        )


def validate_institution_number(value: str) -> None:
    """An institution number (instellingsnummer) of the Flemish education department."""
    if not _INSTITUTION_NUMBER.match(value):
        raise ValidationError(
            _("Een instellingsnummer bestaat uit vijf of zes cijfers."),
            code="invalid_institution_number",
        )


def validate_joint_committee(value: str) -> None:
    """A joint committee number such as ``118`` or ``330.01``."""
    if not _JOINT_COMMITTEE.match(value):
        raise ValidationError(
            _(
                "Een paritair comité noteer je als drie cijfers, eventueel gevolgd door een "
                "subcomité, bv. 118 of 330.01."
            ),
            code="invalid_joint_committee",
        )


# Uploaded documents (risk assessments, workstation sheets, health assessments, signed scans):
# the extension must match the file's own first bytes, so a renamed file is refused too.
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
DOCUMENT_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
MAX_DOCUMENT_SIZE = 10 * 1024 * 1024


def document_extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def validate_document_upload(file) -> None:
    """A PDF, JPEG or PNG file of at most 10 MB whose content matches its extension."""
    extension = document_extension(file.name or "")
    if extension not in DOCUMENT_SIGNATURES:
        raise ValidationError(
            _("Laad een PDF-, JPEG- of PNG-bestand op."), code="invalid_document_type"
        )
    if file.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(
            _("Een document mag hoogstens 10 MB groot zijn."), code="document_too_large"
        )
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not head.startswith(DOCUMENT_SIGNATURES[extension]):
        raise ValidationError(
            _("De inhoud van dit bestand is geen %(type)s."),
            code="invalid_document_content",
            params={"type": extension.upper()},
        )
