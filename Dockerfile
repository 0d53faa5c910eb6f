# readout-diff web service: pages, JSON API, bundled all-MiniLM-L6-v2, SQLite on a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    READOUT_DIFF_DATA=/data \
    READOUT_DIFF_HOST=0.0.0.0 \
    READOUT_DIFF_PORT=8000 \
    READOUT_DIFF_ONNX_DIR=/app/onnx

RUN useradd --create-home --uid 10001 readout \
    && mkdir -p /data \
    && chown readout:readout /data

WORKDIR /app

# Every package at the version and hash of the lock, as `make run` installs them; the lock's
# torch is the CPU build (2.13.0+cpu), which PyTorch's own index serves.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock \
        --extra-index-url https://download.pytorch.org/whl/cpu

COPY pyproject.toml README.md ./
COPY service ./service
COPY models ./models
COPY fixtures/pairs ./fixtures/pairs
# Editable, as `make run` installs it: models/ and fixtures/ are read from /app.
RUN pip install --no-deps --no-build-isolation -e .
# The default encoder's int8 ONNX export, as `make onnx` builds it.
RUN python -m service.pipeline.embed.onnx_export

USER 10001
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

# The same command as `make run`; host and port come from READOUT_DIFF_HOST/PORT above.
CMD ["readout-diff", "serve"]
