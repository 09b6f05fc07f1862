"""Reading the labelled NHS feedback (pxtextmining phase 1) for training and benchmarks.

Only train.py and bench/ use this; the runtime classifier never reads the CSVs.
The files stay in ../shared/datasets (never copied into the repository).
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "nhs_feedback_phase1"

# NHS subcategory code -> careloop topic code (see TOPICS.md for the reasoning).
CODE_TO_TOPIC: dict[str, str] = {
    # Access
    "wa": "waiting", "wb": "waiting",
    "ap": "scheduling_access", "aa": "scheduling_access", "al": "scheduling_access",
    # Staff
    "sa": "staff_attitude", "ss": "staff_attitude", "sp": "staff_attitude", "sl": "staff_attitude",
    # Communication
    "mi": "communication", "mm": "communication", "ml": "communication",
    # Care received
    "cc": "clinical_care", "cs": "clinical_care", "cr": "clinical_care", "ce": "clinical_care",
    "cp": "clinical_care", "co": "clinical_care", "ct": "clinical_care", "cl": "clinical_care",
    "ca": "clinical_care", "cf": "clinical_care",
    "cm": "medication",
    # Transition / coordination
    "tx": "discharge", "tc": "clinical_care", "ti": "clinical_care", "tt": "clinical_care",
    # Environment / facilities
    "ef": "food", "ec": "cleanliness_facilities", "eq": "cleanliness_facilities",
    "ee": "cleanliness_facilities", "ep": "parking_transport",
    # Dignity
    "dd": "privacy_dignity", "da": "privacy_dignity", "dp": "communication", "dc": "communication",
    "ds": "safety",
    # Miscellaneous / couldn't be improved
    "xn": "other", "xe": "other", "xg": "other", "xm": "other", "xf": "other", "xl": "other",
    "xs": "other", "xx": "other",
}

# The survey question each dataset question id answered, in the words of the NHS
# Friends and Family Test style surveys (inferred from the comments: Trust A Q1 and
# Trust C Q2 collect "what could be improved", Trust A Q2 "what was
# good", Trust B Q1 and Trust C Q1 "why did you give this rating" - C Q1 answers
# start with "Because ..." and bare "No" is common). Used only by the benchmark's
# "with question" run; the text-only run passes no question.
QUESTION_TEXT: dict[str, str | None] = {
    "Trust A - Q1": "What could we do better?",
    "Trust A - Q2": "What was good about your experience?",
    "Trust B - Q1": "Please tell us why you gave this answer.",
    "Trust C - Q1": "Please tell us why you gave this answer.",
    "Trust C - Q2": "Is there anything we could improve?",
    "Care Opinion - Q1": None,
}


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    sentiment: str          # negative|neutral|positive
    criticality: int
    code: str
    topic: str | None       # mapped careloop topic, None if the code is unknown
    organization: str
    question_id: str

    @property
    def question(self) -> str | None:
        return QUESTION_TEXT.get(self.question_id)


def parse_criticality(value: str | None) -> int | None:
    """Integer criticality or None for dirty values (NA, -o, x, cc, ...)."""
    if value is None:
        return None
    v = value.strip()
    try:
        n = int(float(v))
    except ValueError:
        return None
    if n < -5 or n > 5:  # e.g. -9: not on the documented scale
        return None
    return n


def sentiment_of(criticality: int) -> str:
    return "negative" if criticality < 0 else "neutral" if criticality == 0 else "positive"


def data_dir() -> Path:
    env = os.environ.get("CARELOOP_DATASET_DIR")
    return Path(env) if env else DEFAULT_DATA_DIR.resolve()


def load(name: str, directory: Path | None = None) -> list[Row]:
    """Rows of `name` ("text_data" or "care_opinion") with a usable criticality and text."""
    path = (directory or data_dir()) / f"{name}.csv"
    rows: list[Row] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh)):
            crit = parse_criticality(rec.get("criticality"))
            text = (rec.get("feedback") or "").strip()
            if crit is None or not text:
                continue
            code = (rec.get("code") or "").strip().lower()
            rows.append(Row(
                id=f"{name}:{rec.get('row_index') or i}",
                text=text,
                sentiment=sentiment_of(crit),
                criticality=crit,
                code=code,
                topic=CODE_TO_TOPIC.get(code),
                organization=(rec.get("organization") or "").strip(),
                question_id=(rec.get("question") or "").strip(),
            ))
    return rows


def load_all(directory: Path | None = None) -> tuple[list[Row], list[Row]]:
    return load("text_data", directory), load("care_opinion", directory)
