"""Wire types of the HTTP API: msgspec Structs whose limits live in the types."""

from __future__ import annotations

import msgspec
from litestar._openapi.schema_generation import SchemaCreator
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.openapi.spec import Schema
from litestar.typing import FieldDefinition

from service.store import StoredComparison

MAX_PAGE = 100
# Far beyond any real listing, and well inside SQLite's 64-bit integers.
MAX_OFFSET = 1_000_000_000


class ComparisonSummary(msgspec.Struct, frozen=True):
    """One comparison in a list: no readouts, no claims.

    A view of `StoredComparison`, not the row itself: the wire names the per-side counts
    `emphases` and adds the links, and the row's stored request and report (the readouts'
    texts) must not leak into a list; `of` is the one conversion."""

    id: str
    title: str | None
    date: str | None
    sides: list[str]
    created_at: str
    emphases: dict[str, int]
    url: str
    page: str

    @classmethod
    def of(cls, stored: StoredComparison) -> ComparisonSummary:
        """The list entry of a stored row."""
        return cls(
            id=stored.id,
            title=stored.title,
            date=stored.date,
            sides=stored.sides,
            created_at=stored.created_at,
            emphases=stored.summary,
            url=f"/api/comparisons/{stored.id}",
            page=f"/comparisons/{stored.id}",
        )


class ComparisonList(msgspec.Struct, frozen=True):
    """A page of comparisons, newest first, and how many match in all."""

    items: list[ComparisonSummary]
    total: int
    limit: int
    offset: int


class Health(msgspec.Struct, frozen=True):
    """GET /health."""

    status: str
    model: str
    comparisons: int


class StrictStructSchemaPlugin(StructSchemaPlugin):
    """Structs that refuse unknown fields say so in OpenAPI: `additionalProperties: false`.

    Litestar's own Struct plugin leaves the property out, so the spec would promise that
    extra fields are accepted while the API answers 400.
    """

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        return super().is_plugin_supported_field(field_definition) and bool(
            field_definition.type_.__struct_config__.forbid_unknown_fields
        )

    def to_openapi_schema(
        self, field_definition: FieldDefinition, schema_creator: SchemaCreator
    ) -> Schema:
        schema = super().to_openapi_schema(field_definition, schema_creator)
        schema.additional_properties = False
        return schema
