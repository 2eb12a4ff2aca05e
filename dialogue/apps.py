from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = "Dialogue: meetings, people and organisations"

    def ready(self):
        from dialogue.models import (
            Meeting,
            MeetingSeries,
            Organisation,
            Participation,
            Person,
            Post,
        )
        from seeds.citable import register_citable

        register_citable(Organisation)
        register_citable(Person)
        register_citable(Post, Post.objects.select_related("person"))
        register_citable(MeetingSeries)
        register_citable(Meeting)
        register_citable(
            Participation,
            Participation.objects.select_related("meeting", "person", "organisation"),
        )
