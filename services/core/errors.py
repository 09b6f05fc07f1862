"""One root exception for careloop, and the error policy of every stage.

Error policy (the one place it is written down):

| stage       | bad input (unparseable, schema-invalid, unknown type)  | transient infrastructure error (Kafka, DB) | bug / unexpected exception |
|-------------|--------------------------------------------------------|--------------------------------------------|----------------------------|
| ingest      | file: dead-letter with reason, go on; webhook: 4xx     | webhook: 503, nothing acknowledged         | 500 / dead-letter          |
| classifier  | dead-letter with reason, commit, go on                 | retry with backoff, then stop the worker   | dead-letter, go on         |
| router      | dead-letter with reason, commit, go on                 | retry with backoff, then stop the worker   | dead-letter, go on         |
| sla_monitor | dead-letter with reason, commit, go on                 | retry with backoff, then stop the worker   | dead-letter, go on         |
| ticket API  | 4xx with a reason (401/403/404/409/422)                | 503, the command is not sent               | 500, logged by type only   |

"Stop the worker" means exit non-zero without committing the offset, so the record is
redelivered when the worker (or another group member) comes back: nothing is lost.
"""
from __future__ import annotations


class CareloopError(Exception):
    """Root of every error careloop raises on purpose."""


class ConfigError(CareloopError):
    """The configuration file or environment is wrong; raised at start, never later."""


class TrainingDataError(CareloopError):
    """Labelled data that cannot train the classifier (`make train`); never raised at run time."""


class BadEvent(CareloopError):
    """A record that can never be processed: it goes to the dead-letter topic."""

    def __init__(self, reason_code: str, reason: str) -> None:
        super().__init__(f"{reason_code}: {reason}")
        self.reason_code = reason_code
        self.reason = reason


class TransientError(CareloopError):
    """Infrastructure trouble worth retrying (broker or database unavailable)."""
