"""The public API is deliberate: __all__ is sorted and every name exists."""

from __future__ import annotations

import transform


def test_all_sorted_and_complete() -> None:
    assert transform.__all__ == sorted(transform.__all__)
    for name in transform.__all__:
        assert hasattr(transform, name), name
    assert {"convert", "convert_many", "render", "TransformOptions", "TransformError"} <= set(transform.__all__)


def test_error_codes_are_distinct_and_mapped() -> None:
    from transform import errors

    classes = [errors.OptionsError, errors.InputError, errors.UnsupportedFormatError, errors.MissingDependencyError,
               errors.OutputError, errors.EngineError, errors.LanguageNotSupportedError, errors.ToolError]
    assert len({c.code for c in classes}) == len(classes)
    assert errors.InputError("x").http_status == 422 and errors.InputError("x").exit_code == 2
    assert errors.UnsupportedFormatError("x").http_status == 415
    assert errors.MissingDependencyError("x").exit_code == 3
