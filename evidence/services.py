"""Writing a citation: the quote rule applied through the model's own validation."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from core.services import save_validated
from evidence.models import Citation, Source


@transaction.atomic
def save_citation(
    *,
    citation: Citation | None = None,
    source: Source,
    quote: str,
    cited: models.Model,
    field_name: str = "",
    position: int = 0,
) -> Citation:
    """Create (or change) a citation of `source` supporting `cited`. The quote
    is checked against the source's text by Citation.clean(), which also stores
    its offsets and the source's own wording."""
    return save_validated(
        instance=citation if citation is not None else Citation(),
        fields={
            "source": source,
            "quote": quote,
            "content_type": ContentType.objects.get_for_model(cited),
            "object_id": cited.pk,
            "field_name": field_name,
            "position": position,
        },
    )
