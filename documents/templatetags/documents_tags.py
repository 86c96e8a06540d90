"""``{% placement_documents placement %}``: the documents card of a placement's page.

The card offers the agreement PDF (per version offered for signature or signed) and the
individual dossier, and lists the placement's latest documents with their progress, download
and retry buttons. The page that includes it has already checked the user's access.
"""

from django import template
from django.http import HttpRequest
from django.urls import reverse

from documents.selectors import placement_documents as latest_documents
from documents.selectors import printable_agreement_versions_of
from internships.models import Placement

register = template.Library()

CARD_TEMPLATE = "documents/partials/placement_card.html"


def current_page(request: HttpRequest, fallback: str) -> str:
    """The page the user is on: for an htmx request the page that made it, not the fragment."""
    htmx = getattr(request, "htmx", None)
    if htmx:
        return htmx.current_url_abs_path or fallback
    return request.get_full_path()


def placement_card_context(request: HttpRequest, placement: Placement, *, error: str = "") -> dict:
    return {
        "request": request,
        "placement": placement,
        "documents": latest_documents(placement),
        "agreement_versions": printable_agreement_versions_of(placement),
        "next_url": current_page(
            request, reverse("internships:placement-detail", args=[placement.pk])
        ),
        "error": error,
    }


@register.inclusion_tag(CARD_TEMPLATE, takes_context=True)
def placement_documents(context: template.Context, placement: Placement) -> dict:
    card = placement_card_context(context["request"], placement)
    card["csrf_token"] = context.get("csrf_token")
    return card
