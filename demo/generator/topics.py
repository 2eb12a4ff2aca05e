"""Topic records, and which topics each field of cooperation belongs to."""

import datetime

from demo import words
from demo.generator.context import DEMO_PREFIX, PUBLISHED, DemoContext
from demo.generator.registry import FieldTopics
from topics.models import Topic


def make_topics(ctx: DemoContext) -> FieldTopics:
    """Every topic of the word list; returns the topics of each field."""
    topic_ids: dict[str, int] = {}
    created, updated = ctx.stamps(datetime.date(2024, 1, 1))
    for name, slug, description in words.TOPICS:
        pk = ctx.new_id(Topic)
        topic_ids[slug] = pk
        ctx.add(
            Topic,
            {
                "id": pk,
                "created_at": created,
                "updated_at": updated,
                "publication": PUBLISHED,
                "slug": f"{DEMO_PREFIX}{slug}",
                "name": name,
                "description": description,
            },
        )
    return [_topics_of(field.slug, topic_ids) for field in words.FIELDS]


def _topics_of(field_slug: str, topic_ids: dict[str, int]) -> list[int]:
    """The topics whose keywords the field's slug has; governance if none."""
    ids = [
        topic_ids[topic]
        for topic, keys in words.FIELD_TOPICS.items()
        if any(key in field_slug for key in keys)
    ]
    return ids or [topic_ids["governance"]]
