"""Steps several integration tests share (imported by name: pytest puts this folder on
the path)."""
from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from careloop.core.config import load_config
from careloop.core.settings import Settings


def feed_until_ticketed(settings: Settings, reader: Any, producer: Any, rows: list[dict],
                        workdir: Path) -> int:
    """Ingest `rows` through the real ingest code, wait until each is classified and
    every complaint has its ticket; return how many tickets the routing rules wanted."""
    from careloop.core.metrics import Metrics
    from careloop.core.timeutil import utcnow
    from careloop.ingest.service import Publisher, ingest_file
    from careloop.router.handler import facts_from
    from careloop.router.rules import route

    config = load_config(settings.config_path)
    feed = workdir / f"feed-{uuid.uuid4().hex[:6]}.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = ingest_file(feed, source=None, config=config, publisher=Publisher(settings, producer, Metrics()),
                         clock=utcnow)
    assert report.accepted == len(rows)
    reader.wait_for(lambda ev: len([e for e in ev if e["type"].endswith("classified.v1")]) >= len(rows), 60,
                    "every record classified")
    needing = sum(route(config.routing, facts_from(c["data"]["feedback"], c["data"]["classification"])).ticket
                  for c in reader.of_type("feedback.classified.v1"))
    reader.wait_for(lambda ev: len([e for e in ev if e["type"].endswith("ticket.opened.v1")]) >= needing, 60,
                    "a ticket for every complaint")
    return needing
