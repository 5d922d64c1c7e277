"""Reading JSON from outside: nested at most 32 levels, never a RecursionError."""

import json

import pytest

from scoring.json_input import MAX_DEPTH, Decoder, NestedTooDeep


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def test_json_nested_32_levels_deep_is_read():
    assert json.loads(nested(MAX_DEPTH), cls=Decoder) == json.loads(nested(MAX_DEPTH))


def test_json_nested_33_levels_deep_is_refused():
    with pytest.raises(NestedTooDeep, match="nested more than 32 levels deep"):
        json.loads(nested(MAX_DEPTH + 1), cls=Decoder)


def test_json_nested_deeper_than_python_can_recurse_is_refused_not_a_recursion_error():
    with pytest.raises(NestedTooDeep):
        json.loads(nested(100_000), cls=Decoder)


def test_objects_count_as_levels_like_arrays():
    text = '{"a": ' * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1)
    with pytest.raises(NestedTooDeep):
        json.loads(text, cls=Decoder)


def test_refused_nesting_is_bad_json_to_every_caller_that_handles_bad_json():
    with pytest.raises(json.JSONDecodeError):
        json.loads(nested(MAX_DEPTH + 1), cls=Decoder)
