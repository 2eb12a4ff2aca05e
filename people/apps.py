from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and organisations"
    holds_content = True

    def ready(self):
        from evidence.citable import register_citable
        from people.models import Organisation, Person, Post

        register_citable(Organisation)
        register_citable(Person)
        register_citable(Post, Post.objects.select_related("person"))
