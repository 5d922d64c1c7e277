"""The dated facts (``profiles.candidates.facts``) are values over the engine: importing them
loads no model and needs neither settings nor the app registry; the rows come in through
``profiles.candidates.loader``.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_dated_facts_import_no_model_and_need_no_settings():
    code = (
        "import sys, profiles.candidates.facts\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('profiles.models', 'draws')))\n"
        "assert not loaded, loaded\n"
    )
    env = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    # A fresh interpreter, so modules the test run itself imported cannot mask a leak.
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
