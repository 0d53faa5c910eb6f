# `make run` and `make test` each build .venv from requirements.lock on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LOCK := requirements.lock
# -qq: the machine's pip config names local indexes that hold only some packages, and pip warns
# about each one it skips.
PIP := $(BIN)/python -m pip -qq

.PHONY: run test lint bench calibrate clean onnx lock

# Every package, direct and transitive, at the version and hash of the lock; the project itself
# on top without its dependencies. A changed lock builds the venv anew, so nothing stale stays.
$(STAMP): $(LOCK) pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r $(LOCK)
	$(PIP) install --no-deps --no-build-isolation -e .
	$(PIP) check
	touch $(STAMP)

# The default encoder's int8 ONNX export, built once from the bundled weights (offline) into
# READOUT_DIFF_ONNX_DIR (default ~/.cache/readout-diff/onnx), in a folder named by what it is
# built from, and checked against the torch model; a no-op when it exists.
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
# Prints the quality table the README shows, and writes it there; then the counterpart rules'
# table docs/matching.md shows, and the strength-gap and attribution table (bench/gaps.py).
bench: onnx
	$(BIN)/python bench/quality.py --write-readme
	$(BIN)/python bench/gaps.py --write-readme
	$(BIN)/python bench/matching.py --write-docs --quiet

calibrate: onnx
	for encoder in minilm-onnx-int8 minilm use e5; do $(BIN)/python bench/calibrate.py --encoder $$encoder || exit 1; done

# Newest versions within pyproject.toml's ranges, then the venv anew from it, the calibration and
# the quality bench again: a version change that moves a figure shows in the same change.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe --extra dev \
		--strip-extras --output-file $(LOCK) pyproject.toml
	$(MAKE) calibrate bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
