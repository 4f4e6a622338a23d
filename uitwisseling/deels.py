"""What passes of a document that does not: its fields and rows validated one by one.

The importer reports every problem at once, also those the database finds in the parts of a
document that do pass the schema; pydantic gives no partial result, so this builds one.
"""

import types
from typing import Annotated, Any, Union, get_args, get_origin

from annotated_types import MaxLen
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo


class _Ongeldig:
    def __repr__(self) -> str:
        return "ONGELDIG"


# A field whose value does not pass the schema (its problem is reported from the full parse).
ONGELDIG = _Ongeldig()


def gedeeltelijk(model: type[BaseModel], invoer: dict) -> BaseModel:
    """`invoer` as an instance of `model`, not validated as a whole: every field is validated
    on its own, and one that does not pass is ONGELDIG; so are the rows of a list, one by one.

    For the checks against the database when the document has problems: the importer reports
    every problem at once, including the ones in the parts that do pass. Never written."""
    uit = model.model_construct()
    for naam, veld in model.model_fields.items():
        sleutel = veld.alias or naam  # its key in the document
        if sleutel not in invoer:
            if veld.is_required():
                uit.__dict__[naam] = ONGELDIG
            continue
        try:
            model.__pydantic_validator__.validate_assignment(uit, naam, invoer[sleutel])
        except ValidationError:
            uit.__dict__[naam] = _deels(veld.annotation, veld, invoer[sleutel])
    return uit


def _deels(soort, veld: FieldInfo | None, waarde):
    """What can be kept of a value that did not pass: the fields of an object, the items of a
    list (a list too long to be read is not read at all)."""
    soort, metadata = kern(soort)
    metadata += veld.metadata if veld is not None else []
    if isinstance(soort, type) and issubclass(soort, BaseModel) and isinstance(waarde, dict):
        return gedeeltelijk(soort, waarde)
    if get_origin(soort) is list and isinstance(waarde, list):
        maximum = min((m.max_length for m in metadata if isinstance(m, MaxLen)), default=None)
        if maximum is not None and len(waarde) > maximum:
            return ONGELDIG
        (item,) = get_args(soort)
        return [_item(item, w) for w in waarde]
    return ONGELDIG


def _item(soort, waarde):
    try:
        return _adapter(soort).validate_python(waarde)
    except ValidationError:
        return _deels(soort, None, waarde)


_adapters: dict[Any, TypeAdapter] = {}


def _adapter(soort) -> TypeAdapter:
    if soort not in _adapters:
        model = isinstance(soort, type) and issubclass(soort, BaseModel)
        _adapters[soort] = TypeAdapter(soort, config=None if model else ConfigDict(strict=True))
    return _adapters[soort]


def kern(soort) -> tuple[Any, list]:
    """The type without Annotated and without `| None`, and the constraints taken off."""
    metadata: list = []
    while True:
        if get_origin(soort) is Annotated:
            soort, *extra = get_args(soort)
            for m in extra:
                metadata += m.metadata if isinstance(m, FieldInfo) else [m]
        elif get_origin(soort) in (Union, types.UnionType) and type(None) in get_args(soort):
            (soort,) = [s for s in get_args(soort) if s is not type(None)]
        else:
            return soort, metadata
