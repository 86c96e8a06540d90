"""Secret tokens of personal links and API keys: made random, kept only as a hash.

A token carries 256 bits of randomness; the database stores its SHA-256 and nothing else, so a
copy of the database opens nothing. Looking a token up compares digests in constant time.
"""

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 128


def new_token() -> str:
    """A fresh URL-safe token with 256 bits of randomness."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def plausible_token(token: str) -> bool:
    """Whether ``token`` is worth looking up at all (not empty, not absurdly long)."""
    return bool(token) and len(token) <= MAX_TOKEN_LENGTH


def digests_match(stored: str, candidate: str) -> bool:
    return hmac.compare_digest(stored, candidate)
