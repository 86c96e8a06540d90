"""Counting attempts per client in the cache, so guessing tokens does not pay.

A window is a fixed stretch of time; the count of one key lives as long as its window. With a
shared cache (Redis in production) every web process counts together.
"""

from django.core.cache import cache


def attempts_exceeded(key: str, *, limit: int) -> bool:
    """Whether ``key`` already used up its ``limit`` attempts in the current window."""
    return cache.get(f"ratelimit:{key}", 0) >= limit


def attempt_record(key: str, *, window_seconds: int) -> int:
    """Counts one attempt for ``key``; returns the count in the current window."""
    cache_key = f"ratelimit:{key}"
    if cache.add(cache_key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:
        # The window ended between add and incr: this attempt opens a new one.
        cache.set(cache_key, 1, timeout=window_seconds)
        return 1
