"""``{% placement_compliance placement %}``: the labour-rule card of a placement's page.

The placement's page belongs to the internships app, which does not know the compliance app;
the page includes this card, which reads the stored check, the exemptions and the exceptional
days. The page that includes it has already checked the principal's access.
"""

from django import template

from compliance.selectors import placement_compliance as compliance_of
from internships.models import Placement

register = template.Library()


@register.inclusion_tag("compliance/placement_panel.html", takes_context=True)
def placement_compliance(context: template.Context, placement: Placement) -> dict:
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "placement": placement,
        "compliance": compliance_of(placement),
    }
