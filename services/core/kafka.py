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
