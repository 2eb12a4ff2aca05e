from django.apps import AppConfig


def _refuse_seeds_in_demo_database(sender, **kwargs):
    from demo.models import DemoDataset

    dataset = DemoDataset.objects.first()
    if dataset is None:
        return None
    return (
        f"this database holds demo data ({dataset}, generated {dataset.generated_at:%Y-%m-%d}); "
        "real records never go beside it. Point DATABASE_URL at another database, or run "
        "`manage.py generate_demo_data --clear` first to remove the demo data."
    )


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demo data"

    def ready(self):
        from seeding.signals import seed_load_requested

        seed_load_requested.connect(_refuse_seeds_in_demo_database, dispatch_uid="demo.refuse")
