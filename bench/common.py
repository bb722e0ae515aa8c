"""What the directory benchmark's parts share: paths, the endpoint under test, the environment."""

import shlex
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
ROOT = RESULTS.parent.parent
API_PATH = "/api/v1/services"
PAGE_SIZE = 20

# Production-like settings: DEBUG off (no SQL logging); plain HTTP, as the benchmark stays on loopback.
BENCH_ENVIRONMENT = {
    "DEBUG": "0",
    "SECURE_SSL_REDIRECT": "0",
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "LOG_LEVEL": "WARNING",
}


def invocation(module, argv):
    """The command line that reproduces a run, with the interpreter relative to the repository."""
    python = Path(sys.executable)
    shown = python.relative_to(ROOT) if python.is_relative_to(ROOT) else python
    return shlex.join([str(shown), "-m", module, *argv])
