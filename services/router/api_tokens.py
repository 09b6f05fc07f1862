"""Bearer tokens of the ticket API.

A token is ``clp_`` + ``secrets.token_urlsafe(32)`` (256 random bits). Only its SHA-256
hex digest is stored (``api_tokens.token_sha256``); the token itself is shown once, when
it is created, and cannot be recovered. A token has a unique ``name`` (it becomes the
``actor`` of every command sent with it) and a scope: a list of teams, or ``admin``
(every team). Revoking sets ``revoked_at``; a revoked token is refused from then on.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from careloop.core.db import ApiToken
from careloop.core.errors import CareloopError

TOKEN_PREFIX = "clp_"
# Token names become the `actor` of commands: identifier-like, no spaces, no patient data.
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
MAX_PRESENTED_LENGTH = 200


class TokenError(CareloopError):
    """A token cannot be created or revoked as asked (duplicate name, unknown name...)."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's name and scope."""

    name: str
    teams: frozenset[str]
    admin: bool

    def can_access(self, team: str) -> bool:
        return self.admin or team in self.teams

    def describe_scope(self) -> str:
        return "admin" if self.admin else ", ".join(sorted(self.teams)) or "no teams"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def create_token(
    sessions: sessionmaker, *, name: str, teams: Iterable[str] = (), admin: bool = False, now: datetime
) -> str:
    """Store a new token's hash and return the token (the only time it exists in clear)."""
    if not NAME_PATTERN.match(name):
        raise TokenError(f"token name {name[:100]!r} must be 1-100 characters of letters, digits, '.', '_', '@', '-'")
    team_list = sorted(set(teams))
    if admin and team_list:
        raise TokenError("a token is either admin or scoped to teams, not both")
    if not admin and not team_list:
        raise TokenError("a token needs at least one team (--team) or --admin")
    token = new_token()
    try:
        with sessions.begin() as session:
            if session.scalar(select(ApiToken).where(ApiToken.name == name)) is not None:
                raise TokenError(f"a token named {name!r} exists already (revoke it or pick another name)")
            session.add(ApiToken(name=name, token_sha256=hash_token(token), teams=team_list, admin=admin,
                                 created_at=now, revoked_at=None))
    except IntegrityError as exc:  # a concurrent create with the same name
        raise TokenError(f"a token named {name!r} exists already") from exc
    return token


def revoke_token(sessions: sessionmaker, name: str, *, now: datetime) -> bool:
    """Revoke the token called ``name``; False if it was revoked already."""
    with sessions.begin() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.name == name))
        if row is None:
            raise TokenError(f"no token named {name[:100]!r}")
        if row.revoked_at is not None:
            return False
        row.revoked_at = now
        return True


def list_tokens(sessions: sessionmaker) -> list[dict[str, Any]]:
    """Every token's name, scope and dates; never the hash."""
    with sessions() as session:
        rows = session.scalars(select(ApiToken).order_by(ApiToken.name)).all()
        return [
            {
                "name": r.name,
                "admin": bool(r.admin),
                "teams": list(r.teams or []),
                "created_at": r.created_at,
                "revoked_at": r.revoked_at,
            }
            for r in rows
        ]


def authenticate(session: Session, presented: str) -> Principal | None:
    """The principal of a presented token, or None (unknown, malformed or revoked)."""
    if not presented or len(presented) > MAX_PRESENTED_LENGTH or not presented.startswith(TOKEN_PREFIX):
        return None
    try:
        digest = hash_token(presented)
    except UnicodeEncodeError:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_sha256 == digest))
    if row is None or not hmac.compare_digest(row.token_sha256, digest) or row.revoked_at is not None:
        return None
    return Principal(name=row.name, teams=frozenset(row.teams or []), admin=bool(row.admin))
