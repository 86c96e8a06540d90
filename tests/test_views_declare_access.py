"""Every page of the project says who may open it (``core.views.AccessDeclared``)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from core.views import AccessDeclared
from tests.permissions import NOT_OURS


def our_views() -> list[tuple[str, type]]:
    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace not in NOT_OURS:
                view = getattr(pattern.callback, "view_class", pattern.callback)
                found.append((f"{namespace}:{pattern.name}", view))

    walk(get_resolver().url_patterns, None)
    return found


@pytest.mark.parametrize(("name", "view"), our_views(), ids=[name for name, _ in our_views()])
def test_the_view_declares_who_may_open_it(name, view):
    assert isinstance(view, type) and issubclass(view, AccessDeclared), name
