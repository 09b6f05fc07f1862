"""`careloop api token create|revoke|list`: the token is printed once on stdout and
stored only hashed; list never shows hashes; revoke makes the API refuse it."""
from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import select

from careloop.cli import main
from careloop.core.db import ApiToken
from careloop.core.settings import DEMO_CONFIG
from careloop.router.api_tokens import authenticate


def cli(capsys, db_url, *args: str) -> tuple[int, str, str]:
    code = main(["api", "token", *args, "--database-url", db_url, "--config", str(DEMO_CONFIG)])
    out, err = capsys.readouterr()
    return code, out, err


def test_create_prints_the_token_once_and_stores_only_its_hash(capsys, db_url, sessions):
    code, out, err = cli(capsys, db_url, "create", "--name", "px-desk", "--team", "patient-experience")
    assert code == 0
    token = out.strip()
    assert token.startswith("clp_") and "\n" not in token
    assert token not in err
    with sessions() as s:
        row = s.scalar(select(ApiToken).where(ApiToken.name == "px-desk"))
        assert row.token_sha256 == hashlib.sha256(token.encode()).hexdigest()
        assert row.teams == ["patient-experience"] and row.admin is False
        principal = authenticate(s, token)
    assert principal is not None and principal.name == "px-desk" and principal.can_access("patient-experience")
    assert not principal.can_access("billing-office")


def test_list_shows_names_and_scopes_but_never_hashes_or_tokens(capsys, db_url):
    _, token, _ = cli(capsys, db_url, "create", "--name", "ops", "--admin")
    cli(capsys, db_url, "create", "--name", "px-desk", "--team", "patient-experience", "--team", "billing-office")
    code, out, _ = cli(capsys, db_url, "list", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["name"], r["admin"], r["teams"]) for r in rows] == [
        ("ops", True, []), ("px-desk", False, ["billing-office", "patient-experience"])]
    assert token.strip() not in out
    assert hashlib.sha256(token.strip().encode()).hexdigest() not in out
    code, table, _ = cli(capsys, db_url, "list")
    assert code == 0 and "px-desk" in table and "sha" not in table.lower()


def test_revoke_makes_the_token_unusable(capsys, db_url, sessions):
    _, out, _ = cli(capsys, db_url, "create", "--name", "px-desk", "--team", "patient-experience")
    code, said, _ = cli(capsys, db_url, "revoke", "px-desk")
    assert code == 0 and "revoked" in said
    with sessions() as s:
        assert authenticate(s, out.strip()) is None
    assert "already revoked" in cli(capsys, db_url, "revoke", "px-desk")[1]


@pytest.mark.parametrize("args, message", [
    (("create", "--name", "x", "--team", "kitchen"), "unknown team 'kitchen'"),
    (("create", "--name", "has space", "--admin"), "token name"),
    (("revoke", "nobody"), "no token named"),
])
def test_bad_requests_fail_with_a_message(capsys, db_url, args, message):
    code, _, err = cli(capsys, db_url, *args)
    assert code == 2 and message in err


def test_a_duplicate_name_is_refused(capsys, db_url):
    cli(capsys, db_url, "create", "--name", "dup", "--admin")
    code, out, err = cli(capsys, db_url, "create", "--name", "dup", "--admin")
    assert code == 2 and out == "" and "exists already" in err


def test_a_scope_is_required(capsys, db_url):
    with pytest.raises(SystemExit):
        cli(capsys, db_url, "create", "--name", "x")
