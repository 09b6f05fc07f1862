"""Kafka clients: the kafka-python producer/consumer/admin used outside faust, and the
topic provisioning that `careloop topics create` runs. Nothing connects at import."""
from __future__ import annotations

from typing import Iterable

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from careloop.core.events import ALL_TOPICS
from careloop.core.settings import Settings


def _common(settings: Settings) -> dict:
    opts: dict = {"bootstrap_servers": settings.kafka_bootstrap.split(",")}
    version = settings.kafka_api_version_tuple()
    if version is not None:
        opts["api_version"] = version
    return opts


def make_producer(settings: Settings, *, client_id: str) -> KafkaProducer:
    """An idempotent producer: a retried send never writes the record twice."""
    return KafkaProducer(
        **_common(settings),
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        retries=2**31 - 1,
        max_in_flight_requests_per_connection=5,
    )


def make_consumer(settings: Settings, *topics: str, group_id: str | None, **extra) -> KafkaConsumer:
    return KafkaConsumer(
        *topics,
        **_common(settings),
        group_id=group_id,
        auto_offset_reset=extra.pop("auto_offset_reset", "earliest"),
        enable_auto_commit=extra.pop("enable_auto_commit", group_id is not None),
        **extra,
    )


def topic_names(settings: Settings) -> list[str]:
    return [settings.topic(t) for t in ALL_TOPICS]


def create_topics(
    settings: Settings, *, partitions: int, replication_factor: int, names: Iterable[str] | None = None
) -> dict[str, str]:
    """Create every careloop topic; returns name -> "created" | "exists"."""
    names = list(names) if names is not None else topic_names(settings)
    admin = KafkaAdminClient(**_common(settings), client_id="careloop-topics")
    try:
        existing = set(admin.list_topics())
        result = {n: "exists" for n in names if n in existing}
        missing = [n for n in names if n not in existing]
        for name in missing:
            try:
                admin.create_topics(
                    [NewTopic(name=name, num_partitions=partitions, replication_factor=replication_factor)]
                )
                result[name] = "created"
            except TopicAlreadyExistsError:
                result[name] = "exists"
        return result
    finally:
        admin.close()


def faust_broker_url(settings: Settings) -> str:
    return ";".join(f"kafka://{hp}" for hp in settings.kafka_bootstrap.split(","))


def event_ids_on_topic(settings: Settings, topic: str, wanted: set[str], *, lookback: int = 5000) -> set[str]:
    """Which of `wanted` event ids are among the last `lookback` records of each
    partition of `topic`. Used at start, before republishing what a crash left
    unconfirmed, so a record that did reach the broker is not sent twice."""
    import json

    from kafka import TopicPartition

    if not wanted:
        return set()
    consumer = KafkaConsumer(**_common(settings), group_id=None, enable_auto_commit=False, consumer_timeout_ms=2000)
    found: set[str] = set()
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        if not tps:
            return found
        consumer.assign(tps)
        ends = consumer.end_offsets(tps)
        begins = consumer.beginning_offsets(tps)
        remaining = {}
        for tp in tps:
            start = max(begins[tp], ends[tp] - lookback)
            if ends[tp] > start:
                consumer.seek(tp, start)
                remaining[tp] = ends[tp]
            else:
                consumer.pause(tp)
        while remaining:
            batch = consumer.poll(timeout_ms=1000)
            if not batch:
                break
            for tp, records in batch.items():
                for record in records:
                    try:
                        event_id = json.loads(record.value).get("id")
                    except (ValueError, AttributeError):
                        continue
                    if event_id in wanted:
                        found.add(event_id)
                    if record.offset + 1 >= remaining.get(tp, 0):
                        remaining.pop(tp, None)
                        consumer.pause(tp)
        return found
    finally:
        consumer.close()
