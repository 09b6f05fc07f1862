"""Two SLA monitor workers in one consumer group on real Kafka: a second worker joins
(rebalance), then the first is killed with SIGKILL (rebalance again). Every escalation
comes out exactly once and on time."""
from __future__ import annotations

import time
from collections import Counter
from datetime import timedelta

import pytest

from careloop.core.events import ALL_TOPICS
from careloop.core.timeutil import parse_time, utcnow

from pipeline_helpers import feed_until_ticketed

pytestmark = pytest.mark.integration


def _owned(pipeline, name: str) -> float:
    return sum(v for k, v in pipeline.scrape_one(name).items() if k.startswith("careloop_partitions_assigned"))


def test_escalations_stay_exactly_once_and_on_time_across_a_join_and_a_kill_in_a_two_worker_group(
    fast_sla_config, settings_for, pipeline_factory, reader_for, producer_for, sample_records, tmp_path
):
    settings = settings_for(fast_sla_config)
    pipeline = pipeline_factory(settings)
    pipeline.add_worker("sla_monitor", "sla_monitor_2")
    pipeline.wait_ready(timeout=120, names=["sla_monitor_2"])
    # Both own partitions once the join has settled (6 partitions split between two).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (0 < _owned(pipeline, "sla_monitor") < 6 and _owned(pipeline, "sla_monitor_2") > 0):
        time.sleep(0.5)
    assert 0 < _owned(pipeline, "sla_monitor") < 6, "the group split the partitions between the two workers"

    reader = reader_for(settings, *ALL_TOPICS)
    feed_until_ticketed(settings, reader, producer_for(settings), sample_records() + sample_records(), tmp_path)
    reader.wait_for(lambda ev: any(e["type"].endswith("escalation.raised.v1") for e in ev), 60, "a first warning")
    pipeline.children["sla_monitor"].kill()  # mid-window: most thresholds are still ahead
    pipeline.children["sla_monitor"].wait()
    killed_at = utcnow()

    opened = {e["subject"]: parse_time(e["data"]["at"]) for e in reader.of_type("ticket.opened.v1")}
    last_due = max(opened.values()) + timedelta(seconds=12)
    reader.wait_for(
        lambda ev: len({e["id"] for e in ev if e["type"].endswith("escalation.raised.v1")}) >= 8 * len(opened),
        90, "every escalation of every ticket",
    )
    while utcnow() < last_due + timedelta(seconds=3):
        reader.poll()

    escalations = reader.of_type("escalation.raised.v1")
    assert max(Counter(e["id"] for e in escalations).values()) == 1, "nothing published twice"
    for ticket in opened:
        mine = sorted((e["data"]["clock"], e["data"]["threshold"]) for e in escalations if e["data"]["ticket_id"] == ticket)
        assert mine == sorted([(c, t) for c in ("acknowledge", "resolve") for t in (0.5, 0.75, 0.9, 1.0)])
    late = [
        (e["data"]["ticket_id"], e["data"]["due_at"], (parse_time(e["data"]["raised_at"]) - parse_time(e["data"]["due_at"])).total_seconds())
        for e in escalations
        if parse_time(e["data"]["due_at"]) > killed_at + timedelta(seconds=0.5)
        and (parse_time(e["data"]["raised_at"]) - parse_time(e["data"]["due_at"])).total_seconds() > 1.5
    ]
    assert late == [], "the surviving worker takes over the dead one's clocks within the grace period"
