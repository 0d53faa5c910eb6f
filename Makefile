# `make run` and `make test` each build .venv from pyproject.toml on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench calibrate clean onnx

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The default encoder's int8 ONNX export, built once from the bundled weights (offline) into
# READOUT_DIFF_ONNX_DIR (default ~/.cache/readout-diff/onnx); a no-op when it exists.
onnx: $(STAMP)
	$(BIN)/python -m service.pipeline.embed.onnx_export

# Serves http://127.0.0.1:8000 (READOUT_DIFF_HOST/PORT change it); the Dockerfile runs the same command.
run: onnx
	$(BIN)/readout-diff serve

lint: $(STAMP)
	$(BIN)/ruff check service evaluation tests bench
	$(BIN)/ruff format --check service evaluation tests bench
	$(BIN)/mypy

test: lint onnx
	$(BIN)/pytest

# bench/ and evaluation/ run from the checkout (not installed); each script puts the repo on sys.path.
bench: onnx
	$(BIN)/python bench/quality.py

calibrate: $(STAMP)
	$(BIN)/python bench/calibrate.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
