"""Build the POST data an admin change form would send, from the page the
admin rendered: the main form and every inline formset, as a browser would."""


def _field_value(bound_field):
    value = bound_field.value()
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if isinstance(value, bool):
        return "on" if value else ""
    return str(value)


def form_data(response) -> dict:
    data = {}
    form = response.context["adminform"].form
    for bound_field in form:
        value = _field_value(bound_field)
        if value not in ("", []):
            data[bound_field.html_name] = value
    # The history's revert form has no inlines.
    inlines = response.context.get("inline_admin_formsets") or ()
    for inline in inlines:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for inline_form in formset.forms:
            for bound_field in inline_form:
                value = _field_value(bound_field)
                if value not in ("", []):
                    data[bound_field.html_name] = value
    return data


def add_inline_row(data: dict, prefix: str, **values) -> dict:
    """Append one new row to the inline formset with `prefix`."""
    total_key = f"{prefix}-TOTAL_FORMS"
    index = int(data[total_key])
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value
    data[total_key] = str(index + 1)
    return data
