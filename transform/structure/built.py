"""Document-model instances built from values that are already of their fields' types, without pydantic's
validation (issue 23: the PDF reader and the structure stage build about a thousand models per document,
and validating them cost more than the reading work they record).

:func:`builder` gives, for a model class, a function that takes the fields' values as keywords and returns
the instance pydantic would build from them: the same ``__dict__`` (every field, in the class's field order,
defaults for the fields not given, a fresh copy of a list or dict default), the same set of fields given and
no extra or private values. It is used only where the values are ours (a ``str`` text, an ``int`` page, a
list of models of the field's type); a class with anything validation would run (validators, a post-init
hook, private attributes, default factories, extra fields allowed, strict or frozen configuration) gets
pydantic's own constructor instead. ``tests/ingest/test_models_speed.py`` checks on real corpus pages that
both give equal models and the same JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

M = TypeVar("M", bound=BaseModel)
_new = object.__new__
ENABLED = True  # False: every builder calls the class (tests compare both)


def _plain(cls: type[BaseModel]) -> bool:
    """Does validating ``cls`` from values of its fields' types only store them?"""
    decorators = cls.__pydantic_decorators__
    if any((decorators.validators, decorators.field_validators, decorators.root_validators,
            decorators.field_serializers, decorators.model_serializers, decorators.model_validators,
            decorators.computed_fields)):
        return False
    config = cls.model_config
    if config.get("extra") not in (None, "ignore") or config.get("frozen") or config.get("strict"):
        return False
    if cls.__private_attributes__ or cls.__pydantic_post_init__ is not None:
        return False
    return all(f.default_factory is None and not f.metadata and f.alias is None for f in cls.model_fields.values())


_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def _slot(cls: type, name: str) -> Any:
    """The data descriptor ``object.__setattr__(obj, name, value)`` calls for an instance of ``cls``: the first one
    on the class's method resolution order."""
    for klass in cls.__mro__:
        found = klass.__dict__.get(name)
        if found is not None:
            if not hasattr(found, "__set__"):
                raise TypeError(f"{cls.__name__}.{name} is not a slot")
            return found
    raise TypeError(f"{cls.__name__} has no slot {name}")


def builder(cls: type[M]) -> Callable[..., M]:
    """``build(**values)``: the instance ``cls(**values)`` would be, for values already of the fields' types."""
    if not _plain(cls):
        return cls
    fields = cls.model_fields
    template: dict[str, Any] = {name: f.default for name, f in fields.items()}
    required = frozenset(name for name, value in template.items() if value is PydanticUndefined)
    mutable = tuple(name for name, value in template.items() if isinstance(value, (list, dict, set)))
    # the setters of the four slots object.__setattr__ would find on the class (looked up once, not per model)
    set_dict, set_fields, set_extra, set_private = (_slot(cls, name).__set__ for name in _SLOTS)

    def build(**values: Any) -> M:
        if not ENABLED or not values.keys() >= required:  # (a key view compared with the set: no set made of the keys)
            return cls(**values)
        data = {**template, **values}
        for name in mutable:
            if name not in values:
                data[name] = data[name].copy()
        obj = _new(cls)
        set_dict(obj, data)
        set_fields(obj, set(values))
        set_extra(obj, None)
        set_private(obj, None)
        return obj

    return build
