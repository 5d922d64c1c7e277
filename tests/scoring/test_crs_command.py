"""manage.py crs FILE|-: §3 records in, a JSON array of results out, exit status 2 on bad input."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]


def e2(**changes) -> dict:
    """crs-rules.md §11 E2: single, 30, bachelor's, CELPIP 9 all, no work (374)."""
    data = {
        "as_of": "2026-11-25",
        "age": 30,
        "education": "bachelors",
        "first_language": {"test": "celpip", "listening": 9, "reading": 9, "writing": 9,
                           "speaking": 9},
    }  # fmt: skip
    data.update(changes)
    return data


def bad_listening() -> dict:
    return e2(first_language={**e2()["first_language"], "listening": 13})


def run(tmp_path, data) -> list:
    """Runs the command on a file holding ``data``; returns the parsed stdout."""
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data))
    out = StringIO()
    call_command("crs", str(path), stdout=out)
    return json.loads(out.getvalue())


def failure(tmp_path, text: str) -> tuple[CommandError, str, str]:
    """Runs the command on ``text``; returns the error, stdout and stderr."""
    path = tmp_path / "input.json"
    path.write_text(text)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("crs", str(path), stdout=out, stderr=err)
    return caught.value, out.getvalue(), err.getvalue()


def test_one_object_in_a_file_gives_an_array_of_one_breakdown(tmp_path):
    [result] = run(tmp_path, e2())
    assert result["total"] == 374


def test_the_output_is_the_api_format(tmp_path):
    [result] = run(tmp_path, e2())
    assert result["rules"]["id"] == "R2025"
    assert {"lines", "expired", "eligibility", "skill_transferability"} <= set(result)


def test_an_array_keeps_its_order(tmp_path):
    results = run(tmp_path, [e2(age=30), e2(age=20), e2(age=40)])
    assert [r["age"] for r in results] == [30, 20, 40]


def test_a_dash_reads_standard_input():
    out = StringIO()
    call_command("crs", "-", stdin=StringIO(json.dumps([e2()])), stdout=out)
    assert json.loads(out.getvalue())[0]["total"] == 374


def test_a_missing_as_of_means_today(tmp_path):
    data = e2()
    del data["as_of"]
    assert run(tmp_path, data)[0]["as_of"] == timezone.localdate().isoformat()


def test_an_empty_array_prints_an_empty_array(tmp_path):
    assert run(tmp_path, []) == []


def test_a_bad_record_exits_with_status_2(tmp_path):
    error, _, _ = failure(tmp_path, json.dumps([e2(), e2(), bad_listening()]))
    assert error.returncode == 2


def test_a_bad_record_is_named_by_its_index_and_field(tmp_path):
    _, _, err = failure(tmp_path, json.dumps([e2(), e2(), bad_listening()]))
    assert "record 2: first_language.listening: CELPIP listening must be between 0 and 12." in err


def test_every_bad_record_is_reported(tmp_path):
    _, _, err = failure(tmp_path, json.dumps([{"age": 30}, e2(), "not an object"]))
    assert "record 0: education: This field is required." in err
    assert "record 2: Expected a JSON object." in err


def test_nothing_is_printed_on_stdout_when_any_record_is_bad(tmp_path):
    _, out, _ = failure(tmp_path, json.dumps([e2(), bad_listening()]))
    assert out == ""


def test_invalid_json_exits_with_status_2_and_says_where(tmp_path):
    error, _, _ = failure(tmp_path, '[{"age": 30,]')
    assert error.returncode == 2
    assert "is not valid JSON" in str(error)
    assert "line 1, column 13" in str(error)


def test_nan_is_refused_as_not_json(tmp_path):
    error, _, _ = failure(tmp_path, '{"age": NaN}')
    assert "NaN is not valid JSON" in str(error)


def test_an_unreadable_file_exits_with_status_2_and_names_it(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(CommandError) as caught:
        call_command("crs", str(missing))
    assert caught.value.returncode == 2
    assert str(caught.value) == f"Cannot read {missing}: No such file or directory"


def test_a_file_that_is_not_utf8_exits_with_status_2(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"education": "\xe9"}')
    with pytest.raises(CommandError, match="is not UTF-8 text") as caught:
        call_command("crs", str(path))
    assert caught.value.returncode == 2


def test_the_real_process_exits_2_with_the_message_on_stderr_only():
    result = subprocess.run(
        [sys.executable, "manage.py", "crs", "-"],
        input=json.dumps([e2(), bad_listening()]),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert "record 1: first_language.listening:" in result.stderr


def test_json_nested_a_thousand_levels_deep_exits_with_status_2(tmp_path):
    error, _, _ = failure(tmp_path, "[" * 1000 + "]" * 1000)
    assert error.returncode == 2
    assert "nested more than 32 levels deep" in str(error)
