"""The OpenAPI schema generator for the API (settings.REST_FRAMEWORK)."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from core.api import shape

# Bodies of error responses: {"detail": "..."} or {"<parameter or field>": ["..."]}.
ERROR_BODY = OpenApiTypes.OBJECT


class ApiAutoSchema(AutoSchema):
    """Documents the error responses every endpoint can give, so a client
    (and schemathesis) knows a 400, 401, 403, 404, 409 or 429 is expected."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, description in self._error_responses():
            if code not in responses:
                response = self._get_response_for_code(ERROR_BODY, code, ["application/json"])
                response["description"] = description
                responses[code] = response
        return responses

    def _error_responses(self):
        errors = []
        has_path_parameters = "{" in self.path
        lists = self._is_list_view()
        if self.method in ("GET", "POST", "PUT", "PATCH"):
            errors.append(("400", "Invalid query parameter or request body; the body names it."))
        if self.method in ("POST", "PUT", "PATCH"):
            errors.append(("413", "The request body is over the size limit."))
        errors.append(
            ("401", "A bad token; or, to write, none: send `Authorization: Token <key>`.")
        )
        if self.method not in ("GET", "HEAD"):
            errors.append(("403", "The user lacks the model permission for this change."))
        if has_path_parameters or lists:
            errors.append(("404", "No such record, or a page past the last."))
        if self.method == "DELETE":
            errors.append(
                ("409", "Other records refer to this one, or (a status step) lean on it.")
            )
        errors.append(("429", "Too many requests from an anonymous client; retry later."))
        return errors

    def _get_filter_parameters(self):
        parameters = super()._get_filter_parameters()
        # A text filter that refuses more than max_length says so.
        filterset_class = getattr(self.view, "filterset_class", None)
        filters = filterset_class.base_filters if filterset_class is not None else {}
        for parameter in parameters:
            limit = getattr(filters.get(parameter["name"]), "extra", {}).get("max_length")
            if limit is not None and parameter["schema"].get("type") == "string":
                parameter["schema"]["maxLength"] = limit
        return parameters

    def _shaped(self) -> bool:
        return self.method == "GET" and hasattr(self.view, "get_shape")

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self._shaped():
            parameters.extend(self._shape_parameters())
        return parameters

    def _shape_parameters(self):
        """`fields` and `expand`, each a comma-separated list of the names
        the serializer allows (core.api.shape)."""
        serializer_class = self.view.get_serializer_class()
        lean = self._is_list_view()
        described = {
            shape.FIELDS: (
                shape.field_names(serializer_class),
                "Only these fields, comma-separated (any field the record has, expandable "
                "ones included); an unknown one is a 400 naming it. With `format=csv`, "
                "only these columns.",
            ),
            shape.EXPAND: (
                (*shape.expandable(serializer_class), shape.EXPAND_ALL),
                (
                    "Add these nested or heavy fields to the lean list row, comma-separated "
                    "(`all`: every one). Without it a row leaves them out."
                    if lean
                    else "Accepted for symmetry with the list: a detail has every field."
                ),
            ),
        }
        return [
            OpenApiParameter(
                name,
                {"type": "array", "items": {"type": "string", "enum": list(names)}},
                description=description,
                explode=False,
                style="form",
            )
            for name, (names, description) in described.items()
        ]

    def _map_serializer(self, serializer, direction, bypass_extensions=False):
        component = super()._map_serializer(serializer, direction, bypass_extensions)
        # The record a read answers with holds the fields `fields=` and
        # `expand=` chose, so none of them is always there. (One component
        # serves a resource's reads and writes: a write answers with every
        # field, which this allows too.)
        if direction == "response" and self._is_answer(serializer):
            component.pop("required", None)
        return component

    def _is_answer(self, serializer) -> bool:
        view = self.view
        if not hasattr(view, "get_shape"):
            return False
        answers = {view.serializer_class, getattr(view, "list_serializer_class", None)}
        return (serializer if isinstance(serializer, type) else type(serializer)) in answers

    def _get_response_for_code(
        self, serializer, status_code, media_types=None, direction="response"
    ):
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        # A CSV list is text, not the JSON page object the serializer describes.
        content = response.get("content", {})
        if "text/csv" in content:
            content["text/csv"] = {
                "schema": {
                    "type": "string",
                    "description": "Comma-separated values with a header row.",
                }
            }
        return response


PARAMETER_DESCRIPTIONS = {
    ("path", "slug"): "The record's slug, its stable id.",
    ("path", "id"): "The record's id.",
    ("query", "format"): (
        "`csv` for comma-separated values (list endpoints only): every row the filters "
        "select, streamed; or just one page when `page` or `page_size` is given."
    ),
    # Its schema names the kinds (evidence/filters.py), which drops the label.
    ("query", "cited_type"): (
        "The kind of record the quote supports, e.g. agreement; repeat for several."
    ),
}


def describe_parameters(result, generator, request, public):
    """Postprocessing hook: describe the parameters drf-spectacular adds by
    itself (path lookups, `format`)."""
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            for parameter in operation.get("parameters", []):
                key = (parameter["in"], parameter["name"])
                if not parameter.get("description") and key in PARAMETER_DESCRIPTIONS:
                    parameter["description"] = PARAMETER_DESCRIPTIONS[key]
    return result


def anonymous_reads(result, generator, request, public):
    """Postprocessing hook: a read needs no credentials (the anonymous `{}`
    security requirement beside the token and the session)."""
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            security = operation.get("security")
            if method in ("get", "head") and security is not None and {} not in security:
                security.append({})
    return result


# Query parameters whose empty value is refused (a 400), not read as unset.
_EMPTY_REFUSED = {"page", "page_size", "format"}


def empty_means_unset(result, generator, request, public):
    """Postprocessing hook: a single-valued filter, `fields` or `expand`
    sent empty (`?updated_since=`, as an HTML form sends an untouched field)
    is read as not given; the schema says so with allowEmptyValue."""
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method != "get":
                continue
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query" or parameter["name"] in _EMPTY_REFUSED:
                    continue
                # A list of choices refuses "" as a choice; fields and expand
                # read it as none.
                chosen_list = parameter["name"] in (shape.FIELDS, shape.EXPAND)
                if parameter.get("schema", {}).get("type") != "array" or chosen_list:
                    parameter["allowEmptyValue"] = True
    return result


# OpenAPI links: what a client can do next with the record an answer names.
# From a creation, a read or a change: read it, replace it, change it, delete
# it. Stateful fuzzing (tests/core/test_api_stateful.py) follows them to make
# create, update and delete sequences.
_NEXT = {"get": "Read", "put": "Replace", "patch": "Change", "delete": "Delete"}


def _detail_path(paths: dict, list_path: str) -> tuple[str, str] | None:
    """The detail path beside a list path, and its one path parameter."""
    for path in paths:
        rest = path[len(list_path) :] if path.startswith(list_path) else ""
        if rest.startswith("{") and rest.endswith("}/") and rest.count("{") == 1:
            return path, rest[1:-2]
    return None


def add_links(result, generator, request, public):
    """Postprocessing hook: links from each creation, read and change of a
    record to the operations on that record, keyed by its slug or id."""
    paths = result.get("paths", {})
    for list_path, list_item in paths.items():
        detail = _detail_path(paths, list_path) if "post" in list_item else None
        if detail is None:
            continue
        detail_path, parameter = detail
        targets = {
            method: operation["operationId"]
            for method, operation in paths[detail_path].items()
            if method in _NEXT
        }
        links = {
            f"{_NEXT[method]}Record": {
                "operationId": operation_id,
                "parameters": {parameter: f"$response.body#/{parameter}"},
            }
            for method, operation_id in targets.items()
        }
        sources = [(list_item, "post", "201")] + [
            (paths[detail_path], method, "200") for method in ("get", "put", "patch")
        ]
        for item, method, status in sources:
            response = item.get(method, {}).get("responses", {}).get(status)
            if response is not None:
                response["links"] = links
    return result
