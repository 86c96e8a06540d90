"""Facts about the request that every audience needs."""

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from core.principals import Anonymous

# No page asks for the camera, the microphone, the position or a payment.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind our TLS proxy (SECURE_PROXY_SSL_HEADER)
    the last address of X-Forwarded-For, the one that proxy added itself."""
    candidates = [request.META.get("REMOTE_ADDR", "")]
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        candidates.insert(0, forwarded.split(",")[-1].strip())
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


class PersonalPagesMiddleware:
    """A page shown to a signed-in staff member or a link holder holds personal data: no
    browser or proxy keeps it (``Cache-Control: no-store``), so on a shared school computer the
    back button after signing out shows nothing. Every response also denies the browser
    features no page uses (``Permissions-Policy``).

    Placed before ``PrincipalMiddleware``: by the time the response passes here, the request
    says who it was for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        principal = getattr(request, "principal", None)
        if principal is not None and not isinstance(principal, Anonymous):
            add_never_cache_headers(response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
