from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = "Agreements, commitments and figures"
    holds_content = True

    def ready(self):
        from agreements.models import (
            Agreement,
            AgreementRelation,
            Commitment,
            CommitmentStatusEvent,
            Figure,
            StatusEvent,
        )
        from evidence.citable import register_citable

        register_citable(Agreement)
        register_citable(StatusEvent, StatusEvent.objects.select_related("agreement"))
        register_citable(
            AgreementRelation, AgreementRelation.objects.select_related("agreement", "target")
        )
        register_citable(Commitment)
        register_citable(
            CommitmentStatusEvent, CommitmentStatusEvent.objects.select_related("commitment")
        )
        register_citable(Figure)
