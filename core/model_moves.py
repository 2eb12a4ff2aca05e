"""Moving models from one app to another without touching their tables.

A move is state-only (`SeparateDatabaseAndState`): the new app declares the
models with the old table names, the old app forgets them. What the state
does not cover is the content types: citations (a generic relation),
permissions and the admin's log point at a content type by id, so the
content type itself is relabelled, keeping its id, rather than a new one
being made beside it."""

from django.db import migrations


def relabel_content_types(old_label: str, new_label: str, model_names: tuple[str, ...]):
    """A migration operation that moves the models' content types from
    `old_label` to `new_label` (and back when unapplied)."""

    def move(apps, from_label, to_label):
        content_type_model = apps.get_model("contenttypes", "ContentType")
        for name in model_names:
            # A fresh database has neither yet: post_migrate makes the new one.
            if content_type_model.objects.filter(app_label=to_label, model=name).exists():
                continue
            content_type_model.objects.filter(app_label=from_label, model=name).update(
                app_label=to_label
            )
        content_type_model.objects.clear_cache()

    def forwards(apps, schema_editor):
        move(apps, old_label, new_label)

    def backwards(apps, schema_editor):
        move(apps, new_label, old_label)

    return migrations.RunPython(forwards, backwards, elidable=False)
