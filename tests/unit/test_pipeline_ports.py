"""Loopback ports for side-by-side runs come from below the kernel's ephemeral range."""
from __future__ import annotations

import socket

from careloop.pipeline import _ephemeral_low, free_port_base


def test_a_port_run_lies_below_the_ephemeral_range_and_every_port_in_it_is_free():
    # A probe connecting to an ephemeral port nobody listens on yet can connect to itself.
    for _ in range(20):
        base = free_port_base(6)
        assert 1024 <= base and base + 6 <= _ephemeral_low()
        for port in range(base, base + 6):
            with socket.socket() as s:
                s.bind(("127.0.0.1", port))


def test_the_ephemeral_range_defaults_when_the_kernel_setting_cannot_be_read(monkeypatch):
    import careloop.pipeline as pipeline

    class Unreadable:
        def __init__(self, *_):
            pass

        def read_text(self):
            raise OSError("no procfs")

    monkeypatch.setattr(pipeline, "Path", Unreadable)
    assert _ephemeral_low() == 32768
