"""The OpenAPI schema generator for the API (settings.REST_FRAMEWORK)."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes

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
