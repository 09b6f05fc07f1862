"""The `careloop` command line: the batch classifier is reachable with its own flags,
and bad configuration fails with a clear message and exit code 2."""
from __future__ import annotations

import json
from pathlib import Path

from careloop.cli import main


def test_careloop_classify_passes_its_flags_through_and_reports_bad_lines_in_the_exit_code(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Nobody answered the phone for two days."}\n{broken\n')
    out = tmp_path / "out.jsonl"
    code = main(["classify", "--in", str(source), "--out", str(out)])
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert code == 1
    assert lines[0]["id"] == "a" and lines[0]["sentiment"] == "negative"
    assert "error" in lines[1]


def test_config_check_names_the_key_path_of_a_mistake_and_exits_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    good = Path(__file__).resolve().parents[2] / "config" / "careloop.yaml"
    bad.write_text(good.read_text().replace("team: billing-office", "team: kitchen", 1))
    code = main(["config", "check", "--config", str(bad)])
    assert code == 2
    assert "routing.rules.1.team" in capsys.readouterr().err


def test_config_check_accepts_the_shipped_configuration(capsys) -> None:
    good = Path(__file__).resolve().parents[2] / "config" / "careloop.yaml"
    assert main(["config", "check", "--config", str(good)]) == 0
    assert "ok" in capsys.readouterr().out
