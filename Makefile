# careloop — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help install run demo test test-unit test-integration kafka-up kafka-down postgres-up postgres-down \
        schema-compat train patterns bench-classifier bench-sla clean

help:
	@echo "make run               run the pipeline on the embedded broker and a SQLite file (Ctrl-C stops it)"
	@echo "make test              install and run every test (integration tests need Kafka + PostgreSQL: see README)"
	@echo "make demo EVENTS=2000  end-to-end check on generated feedback, one JSON line"
	@echo "make kafka-up|kafka-down, postgres-up|postgres-down   local services for the integration tests"
	@echo "make train | patterns | bench-classifier | bench-sla [TICKETS=N]"

# The bench extra (scikit-learn, VADER) lets the tests retrain the classifier too.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/careloop run --config config/demo.yaml

EVENTS ?= 2000
demo: $(STAMP)
	$(BIN)/careloop demo --events $(EVENTS) --json

# pytest exits 5 when it collects nothing: that is a failure here, never a pass.
test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests

test-unit: $(STAMP)
	$(BIN)/python -m pytest -q tests/unit

test-integration: $(STAMP)
	$(BIN)/python -m pytest -q tests/integration

# Rebuild the classifier's model from ../shared/datasets (deterministic).
train: $(STAMP)
	$(BIN)/python -m careloop.classifier.train

# Rewrite the cue patterns' precomputed gates after editing a pattern (a unit test
# fails until it is done; the classifier's outputs do not depend on it, its start-up does).
patterns: $(STAMP)
	$(BIN)/python -m careloop.classifier.pattern_table

bench-classifier: $(STAMP)
	$(BIN)/python bench/classifier_bench.py

# 1,000,000 open tickets by default; TICKETS=100000 for a quicker run.
TICKETS ?= 1000000
bench-sla: $(STAMP)
	$(BIN)/python bench/sla_bench.py --tickets $(TICKETS)

schema-compat: $(STAMP)
	$(BIN)/python -m careloop.core.schema_compat --against-ref origin/main

kafka-up:
	bash deploy/kafka/kafka.sh fetch && bash deploy/kafka/kafka.sh start
kafka-down:
	bash deploy/kafka/kafka.sh stop
postgres-up:
	bash deploy/postgres/postgres.sh start
postgres-down:
	bash deploy/postgres/postgres.sh stop

clean:
	rm -rf var/run var/faust .pytest_cache
