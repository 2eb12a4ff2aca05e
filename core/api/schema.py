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
        errors.append(
            ("401", "A bad token; or, to write, none: send `Authorization: Token <key>`.")
        )
        if self.method not in ("GET", "HEAD"):
            errors.append(("403", "The user lacks the model permission for this change."))
        if has_path_parameters or lists:
            errors.append(("404", "No such record, or a page past the last."))
        if self.method == "DELETE":
            errors.append(("409", "Other records refer to this one."))
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
