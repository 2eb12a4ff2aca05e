from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = "Dialogue: meetings and their series"
    holds_content = True

    def ready(self):
        from dialogue.models import Meeting, MeetingSeries, Participation
        from evidence.citable import register_citable

        register_citable(MeetingSeries)
        register_citable(Meeting)
        register_citable(
            Participation,
            Participation.objects.select_related("meeting", "person", "organisation"),
        )
