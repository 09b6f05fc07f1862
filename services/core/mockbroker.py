"""The embedded broker: librdkafka's in-memory mock cluster, shipped in the
confluent-kafka wheel and reached through its public C API with ctypes.

It speaks the real Kafka protocol on a loopback port, so every careloop client talks to
it exactly as to a real broker. Known limits (measured, see DESIGN.md): no CreateTopics
(topics are created here, through the mock API), kafka-python needs api_version (2, 3),
and a consumer group must have a single member. The cluster lives as long as the
process that created it.
"""
from __future__ import annotations

import ctypes
import glob
import os
from dataclasses import dataclass, field

from careloop.core.errors import CareloopError


class MockBrokerError(CareloopError):
    """The embedded broker could not be started or asked to do something."""


def _load_librdkafka() -> ctypes.CDLL:
    import confluent_kafka  # noqa: PLC0415 - only the wheel's shared library is needed

    package_dir = os.path.dirname(confluent_kafka.__file__)
    candidates = glob.glob(os.path.join(package_dir, os.pardir, "confluent_kafka.libs", "librdkafka*.so*"))
    if not candidates:
        raise MockBrokerError("librdkafka was not found inside the confluent-kafka wheel")
    lib = ctypes.CDLL(os.path.abspath(candidates[0]))
    lib.rd_kafka_conf_new.restype = ctypes.c_void_p
    lib.rd_kafka_conf_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.rd_kafka_new.restype = ctypes.c_void_p
    lib.rd_kafka_new.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.rd_kafka_destroy.argtypes = [ctypes.c_void_p]
    lib.rd_kafka_mock_cluster_new.restype = ctypes.c_void_p
    lib.rd_kafka_mock_cluster_new.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.rd_kafka_mock_cluster_destroy.argtypes = [ctypes.c_void_p]
    lib.rd_kafka_mock_cluster_bootstraps.restype = ctypes.c_char_p
    lib.rd_kafka_mock_cluster_bootstraps.argtypes = [ctypes.c_void_p]
    lib.rd_kafka_mock_topic_create.restype = ctypes.c_int
    lib.rd_kafka_mock_topic_create.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
    return lib


@dataclass
class MockCluster:
    """An in-process Kafka-protocol broker on 127.0.0.1 (a random port)."""

    brokers: int = 1
    _lib: ctypes.CDLL | None = field(default=None, repr=False)
    _handle: int | None = field(default=None, repr=False)
    _cluster: int | None = field(default=None, repr=False)
    bootstrap: str = ""
    topics: dict[str, int] = field(default_factory=dict)

    def start(self) -> "MockCluster":
        self._lib = _load_librdkafka()
        conf = self._lib.rd_kafka_conf_new()
        errstr = ctypes.create_string_buffer(512)
        # The mock cluster needs a client handle to live in; quiet its "no bootstrap" warning.
        self._lib.rd_kafka_conf_set(conf, b"log_level", b"3", errstr, 512)
        self._handle = self._lib.rd_kafka_new(0, conf, errstr, 512)  # 0 = RD_KAFKA_PRODUCER
        if not self._handle:
            raise MockBrokerError(f"rd_kafka_new failed: {errstr.value.decode(errors='replace')}")
        self._cluster = self._lib.rd_kafka_mock_cluster_new(self._handle, self.brokers)
        if not self._cluster:
            raise MockBrokerError("rd_kafka_mock_cluster_new failed")
        self.bootstrap = self._lib.rd_kafka_mock_cluster_bootstraps(self._cluster).decode()
        return self

    def create_topic(self, name: str, partitions: int, replication_factor: int = 1) -> None:
        if self._cluster is None or self._lib is None:
            raise MockBrokerError("the mock cluster is not started")
        if name in self.topics:
            return
        rc = self._lib.rd_kafka_mock_topic_create(self._cluster, name.encode(), partitions, replication_factor)
        if rc != 0:
            raise MockBrokerError(f"creating topic {name!r} failed with librdkafka error {rc}")
        self.topics[name] = partitions

    def stop(self) -> None:
        if self._lib is not None and self._cluster:
            self._lib.rd_kafka_mock_cluster_destroy(self._cluster)
            self._cluster = None
        if self._lib is not None and self._handle:
            self._lib.rd_kafka_destroy(self._handle)
            self._handle = None

    def __enter__(self) -> "MockCluster":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
