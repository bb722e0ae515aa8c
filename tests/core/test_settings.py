"""Settings come from the environment only, fail loudly, and are deploy-safe in production."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "PATH": os.environ["PATH"],
    "SECRET_KEY": "x" * 64 + "-production-like-secret-key-with-enough-entropy",
    "DATABASE_URL": "sqlite:////tmp/righthelp-deploy-check.sqlite3",
    "ALLOWED_HOSTS": "righthelp.example.org",
    "DEBUG": "0",
}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_setting_names_the_variable_and_the_sample_file():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "settings.env.example" in result.stderr
