"""Runtime side of the trained model: a linear model over string features.

The model file is plain JSON (vocabulary, output names, biases, and a weight matrix
quantised to int16 with one scale per output, base64-encoded), so it ships as package
data and loads with numpy alone. No scikit-learn at runtime.
"""
from __future__ import annotations

import base64
import json
import math
from pathlib import Path
from functools import wraps
from typing import Any, Callable, Sequence, TypeVar

import numpy as np

FORMAT = "careloop-linear-v1"
# Optional last output: per-feature squared idf. When present, logits are
# (sum of weights) / sqrt(sum of idf^2) + bias, i.e. an L2-normalised tf-idf document.
NORM_OUTPUT = "__norm2"
_FIRST_ROW = np.zeros(1, dtype=np.intp)
T = TypeVar("T")


class LinearModel:
    def __init__(self, meta: dict[str, Any], vocab: Sequence[str], outputs: Sequence[str],
                 weights: np.ndarray, bias: np.ndarray) -> None:
        self.meta = meta
        self.outputs = list(outputs)
        self.index = {f: i for i, f in enumerate(vocab)}
        self.weights = weights.astype(np.float32, copy=False)
        self.bias = bias.astype(np.float32, copy=False)
        self.normalized = bool(self.outputs) and self.outputs[-1] == NORM_OUTPUT
        if self.normalized:
            self.outputs = self.outputs[:-1]
            self.bias = self.bias[: len(self.outputs)]
        self.out_index = {name: i for i, name in enumerate(self.outputs)}

    # ------------------------------------------------------------------ io
    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "LinearModel":
        if d.get("format") != FORMAT:
            raise ValueError(f"unsupported model format {d.get('format')!r}")
        vocab = d["vocab"]
        outputs = d["outputs"]
        q = np.frombuffer(base64.b64decode(d["weights_int16"]), dtype="<i2").reshape(len(vocab), len(outputs))
        scale = np.asarray(d["scale"], dtype=np.float32)
        weights = q.astype(np.float32) * scale[None, :]
        bias = np.asarray(d["bias"], dtype=np.float32)
        return cls(d.get("meta", {}), vocab, outputs, weights, bias)

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        with open(path, encoding="utf-8") as fh:
            return cls.from_dict(json.load(fh))

    @staticmethod
    def to_dict(meta: dict[str, Any], vocab: Sequence[str], outputs: Sequence[str],
                weights: np.ndarray, bias: np.ndarray) -> dict[str, Any]:
        w = np.asarray(weights, dtype=np.float64)
        scale = np.abs(w).max(axis=0) / 32767.0
        scale[scale == 0] = 1.0
        q = np.round(w / scale[None, :]).astype("<i2")
        return {
            "format": FORMAT,
            "meta": meta,
            "outputs": list(outputs),
            "bias": [round(float(b), 6) for b in bias],
            "scale": [float(f"{s:.9g}") for s in scale],
            "vocab": list(vocab),
            "weights_int16": base64.b64encode(q.tobytes()).decode("ascii"),
        }

    # ------------------------------------------------------------------ scoring
    def indices(self, feats: Sequence[str]) -> list[int]:
        found = set(map(self.index.get, feats))
        found.discard(None)
        return sorted(found)  # sorted: the float32 sums must not depend on set order

    def logits(self, feats: Sequence[str]) -> np.ndarray:
        idx = self.indices(feats)
        if not idx:
            return self.bias.copy()
        # reduceat, as vectorized.logits sums a batch: ndarray.sum may add the rows in
        # another order, and a float32 sum in another order can differ in the last bit.
        z = np.add.reduceat(self.weights[idx], _FIRST_ROW, axis=0)[0]
        if self.normalized:
            return z[:-1] / math.sqrt(float(z[-1])) + self.bias
        return z + self.bias


def logit(p: float) -> float:
    """The logit a model output must reach for probability p."""
    return math.log(p / (1.0 - p))


def per_model(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache `fn(model, *args)` for a model until the model or its `meta` dict is replaced
    (benchmarks and tests swap models and their meta; a meta dict is not edited in place)."""
    cache: dict[tuple, tuple[Any, Any, Any]] = {}

    @wraps(fn)
    def cached(model: LinearModel, *args: Any) -> Any:
        key = (id(model), *args)
        hit = cache.get(key)
        if hit is None or hit[0] is not model or hit[1] is not model.meta:
            if len(cache) > 64:
                cache.clear()
            hit = cache[key] = (model, model.meta, fn(model, *args))
        return hit[2]
    return cached


def float32_bar(p: float) -> float:
    """The logit an output must reach for probability p, rounded to float32 as the
    logits are: a float32 logit was always compared with its bar in float32, and two
    float32 values compare the same as Python floats."""
    return float(np.float32(logit(p)))
