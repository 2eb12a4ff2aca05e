"""A database made before the house move (Source and Citation in the app
"seeds", Topic, Person, Organisation and Post in "dialogue") migrates to
today's apps keeping every row, and what points at the moved records
(citations through their content type, many-to-many rows, foreign keys,
permissions) still points at them."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from agreements.models import Agreement
from evidence.models import Citation, Source
from people.models import Organisation, Person, Post
from topics.models import Topic

pytestmark = pytest.mark.django_db(transaction=True)

# The last migrations before the move, of every app that took part in it.
BEFORE_THE_MOVE = [
    ("seeds", "0004_search_indexes"),
    ("dialogue", "0004_search_indexes"),
    ("agreements", "0006_list_order_indexes"),
]
# The apps the models moved to did not exist yet.
NEW_APPS = [("evidence", None), ("people", None), ("topics", None)]
TEXT = "The two countries signed the agreement in Astana."


def _migrate(targets, *, unapplied=()):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([*targets, *unapplied])
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _old_rows(old_apps) -> dict:
    """Records made with the models as they were before the move."""
    content_types = old_apps.get_model("contenttypes", "ContentType")
    source = old_apps.get_model("seeds", "Source").objects.create(
        slug="old-source", title="Old source", text=TEXT, sha256="x" * 64, publication="published"
    )
    topic = old_apps.get_model("dialogue", "Topic").objects.create(
        slug="old-topic", name="Old topic", publication="published"
    )
    state = old_apps.get_model("dialogue", "Organisation").objects.create(
        slug="old-state", name="Old state", kind="state", publication="published"
    )
    person = old_apps.get_model("dialogue", "Person").objects.create(
        slug="old-person", name="Old person", publication="published"
    )
    old_apps.get_model("dialogue", "Post").objects.create(
        person=person, organisation=state, title="Ambassador"
    )
    agreement = old_apps.get_model("agreements", "Agreement").objects.create(
        slug="old-agreement",
        title="Old agreement",
        kind="agreement",
        signed_on=datetime.date(2024, 4, 1),
        publication="published",
    )
    agreement.topics.add(topic)
    agreement.parties.add(state)
    person_type, _ = content_types.objects.get_or_create(app_label="dialogue", model="person")
    old_apps.get_model("seeds", "Citation").objects.create(
        source=source,
        quote="signed the agreement",
        start=TEXT.index("signed"),
        end=TEXT.index("signed") + len("signed the agreement"),
        content_type=person_type,
        object_id=person.pk,
    )
    return {"person_type_id": person_type.pk}


def test_a_database_from_before_the_move_keeps_every_row_and_every_link():
    try:
        old = _old_rows(_migrate(BEFORE_THE_MOVE, unapplied=NEW_APPS))
        # A permission on the old content type, as an editor group would hold.
        editor = User.objects.create_user("editor")
        editor.user_permissions.add(
            Permission.objects.get(codename="change_person", content_type_id=old["person_type_id"])
        )
    finally:
        _migrate(_latest())

    person = Person.objects.get(slug="old-person")
    # The content type was relabelled in place, so the citation still finds its record.
    moved_type = ContentType.objects.get_for_model(Person)
    assert (moved_type.pk, moved_type.app_label) == (old["person_type_id"], "people")
    assert not ContentType.objects.filter(app_label="dialogue", model="person").exists()
    citation = Citation.objects.get(source__slug="old-source")
    assert citation.cited_object == person
    assert citation.source == Source.objects.get(slug="old-source")
    assert citation.is_verified()
    agreement = Agreement.objects.get(slug="old-agreement")
    assert list(agreement.topics.all()) == [Topic.objects.get(slug="old-topic")]
    assert list(agreement.parties.all()) == [Organisation.objects.get(slug="old-state")]
    assert Post.objects.get(person=person).organisation.slug == "old-state"
    assert User.objects.get(username="editor").has_perm("people.change_person")
