"""``{% fresh "name" [value ...] %} … {% endfresh %}``: a fragment of a page built from the
school's data, cached until the school's data changes (:mod:`core.freshness`).

The fragment is kept apart for each principal (a staff member, or the link a mentor or pupil
opened), school year, day, language and CSRF secret (forms inside it carry the token of the
session they were rendered for), and for the values the tag names (the placement, the page
number). It is only served to GET requests: a form shown again with its errors is always built.
The view makes what only the fragment uses lazy (``SimpleLazyObject``), so a cached fragment
costs no query for it.
"""

import hashlib

from django import template
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from core import freshness
from core.principals import LinkHolder, StaffMember

register = template.Library()


class FreshNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary_on: list) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        if request is None or request.method != "GET" or not freshness.enabled():
            return self.nodelist.render(context)
        key = self.key(request, [value.resolve(context) for value in self.vary_on])
        cache = caches[freshness.ALIAS]
        fragment = cache.get(key)
        if fragment is None:
            fragment = self.nodelist.render(context)
            cache.set(key, fragment, freshness.FRAGMENT_SECONDS)
        return fragment

    def key(self, request, values: list) -> str:
        principal = request.principal
        # Staff choose the school year they work in; a link belongs to one placement.
        school_year = request.school_year if isinstance(principal, StaffMember) else None
        get_token(request)  # a session's first page: its secret exists before it is keyed
        parts = [
            self.name,
            who(principal),
            getattr(school_year, "pk", None),
            timezone.localdate().isoformat(),
            translation.get_language(),
            hashlib.sha256(request.META["CSRF_COOKIE"].encode()).hexdigest(),
            freshness.generation(principal.school_id),
            *values,
        ]
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()
        return f"fresh:{self.name}:{digest}"


def who(principal) -> str:
    """The principal, as the part of a key that keeps one person's fragment from another."""
    if isinstance(principal, StaffMember):
        return f"staff:{principal.user.pk}"
    if isinstance(principal, LinkHolder):
        return f"{type(principal).__name__}:{principal.link_id}:{sorted(principal.capabilities)}"
    raise template.TemplateSyntaxError(f"{{% fresh %}} is not for {type(principal).__name__}.")


@register.tag
def fresh(parser, token) -> FreshNode:
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            "{% fresh %} takes a quoted name and then the values it varies on."
        )
    nodelist = parser.parse(("endfresh",))
    parser.delete_first_token()
    return FreshNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
