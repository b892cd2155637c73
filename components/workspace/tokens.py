"""Link tokens: random, unguessable, and stored only as hashes.

An edit token is 32 random bytes (256 bits, ``secrets.token_urlsafe``). A share token is derived
from it: an HMAC-SHA256 of the share link's generation keyed by the edit token, so its owner can
always show the current share link again, and a share link says nothing about the edit token.
Revoking moves to the next generation, so a revoked share link never comes back. The database keeps
SHA-256 digests of both, never a token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

TOKEN_BYTES = 32
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")  # 32 bytes in URL-safe base64 without padding


def new_edit_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def share_token(edit_token: str, generation: int) -> str:
    digest = hmac.new(edit_token.encode(), f"share-link/{generation}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_token(value: object) -> bool:
    return isinstance(value, str) and TOKEN_PATTERN.fullmatch(value) is not None


def new_workspace_id() -> str:
    """An internal row id (never in a link)."""
    return secrets.token_hex(16)
