"""``{% placement_compliance placement %}``: the labour-rule card of a placement's page, and
``{% violation_groups violations placement %}`` for violations other pages list.

The placement's page belongs to the internships app, which does not know the compliance app;
the page includes this card, which reads the stored check, the exemptions and the exceptional
days. The page that includes it has already checked the principal's access. The violations
come grouped per rule and message, each group with a suggested fix.
"""

from django import template

from compliance.presentation import placement_violation_groups
from compliance.presentation import violation_groups as grouped
from compliance.selectors import StoredViolation
from compliance.selectors import placement_compliance as compliance_of
from internships.models import Placement

register = template.Library()


@register.inclusion_tag("compliance/placement_panel.html", takes_context=True)
def placement_compliance(context: template.Context, placement: Placement) -> dict:
    compliance = compliance_of(placement)
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "placement": placement,
        "compliance": compliance,
        "groups": placement_violation_groups(placement, compliance),
    }


@register.inclusion_tag("compliance/partials/violation_groups.html")
def violation_groups(violations: list[StoredViolation], placement: Placement) -> dict:
    """``{% violation_groups violations placement %}``: other pages' violations of the
    placement (the worked hours, say), grouped and with suggestions for its pupil."""
    return {
        "groups": grouped(
            violations,
            birth_date=placement.student.birth_date,
            exemptions=(exemption.kind for exemption in placement.exemptions.all()),
        ),
        "level": 3,
    }
