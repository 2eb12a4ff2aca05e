"""The editors' and viewers' groups, in one place.

`editors` add, change and delete the content (and cannot touch users or
groups: only superusers manage people); `viewers` may look at everything in
the admin and change nothing. The groups are made by a data migration and
kept in step with the models after every `migrate`, so a model added later
joins the roles without a new migration.
"""

from core.content_apps import editorial_app_labels

# The loader's own bookkeeping: visible to both, written only by load_seeds.
READ_ONLY_MODELS = ("seedrecord",)
ROLES = {
    "editors": ("add", "change", "delete", "view"),
    "viewers": ("view",),
}


def sync_roles(apps) -> None:
    """Create or update the groups. `apps` is the app registry, or a
    migration's historical one; which apps hold content is read from the
    running project's (core.content_apps.editorial_app_labels)."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    permissions = list(
        permission_model.objects.filter(
            content_type__app_label__in=editorial_app_labels()
        ).select_related("content_type")
    )
    for name, actions in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(
            [
                permission
                for permission in permissions
                if permission.codename.split("_", 1)[0] in actions
                and (
                    permission.content_type.model not in READ_ONLY_MODELS
                    or permission.codename.startswith("view_")
                )
            ]
        )
