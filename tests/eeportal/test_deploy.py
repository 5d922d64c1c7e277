"""Production settings and start-up errors, checked in a fresh interpreter as a server starts."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k9#Qz!r4Lw@e8Vb$1Nx^Tq7&Yh2*Mp5(Ju0)Gs6_Fd3+Ca-Zo=Xi;Wl:Ek,Rn.Pt",
    "ALLOWED_HOSTS": "eeportal.example.com",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.com:587",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    base.update(
        DATABASE_URL=os.environ.get("DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal"),
        REDIS_URL=settings.REDIS_URL,
        DJANGO_SETTINGS_MODULE="eeportal.settings",
    )
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_without_warnings_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", SECRET_KEY="", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_database_gives_one_clear_line():
    result = manage("migrate", "--noinput", DATABASE_URL="postgres://root@127.0.0.1:1/eeportal")
    assert result.returncode != 0
    assert "Database unreachable (check DATABASE_URL)" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_malformed_database_url_gives_one_clear_line():
    result = manage("check", DATABASE_URL="nosuchdb://x")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_redis_gives_one_warning_line_at_start():
    result = manage("check", REDIS_URL="redis://127.0.0.1:1/0")
    assert "Redis at redis://127.0.0.1:1/0 is not answering" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_production_cookies_are_secure():
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)",
        **PRODUCTION_ENV,
    )
    assert result.stdout.split() == ["True", "True", "False"], result.stderr


def test_production_refuses_to_start_with_a_short_secret_key():
    result = manage("check", **{**PRODUCTION_ENV, "SECRET_KEY": "x7#Kq2!mW9" * 4})
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_to_start_with_a_long_key_of_few_different_characters():
    result = manage("check", **{**PRODUCTION_ENV, "SECRET_KEY": "abab" * 20})
    assert result.returncode != 0
    assert "at least 5 different" in result.stderr
