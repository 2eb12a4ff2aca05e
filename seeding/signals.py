"""Signals this layer sends, so that apps above it can take part without
this layer importing them."""

from django.dispatch import Signal

# Sent by load_seeds before it writes anything. A receiver returns a reason
# (a sentence) why the seeds must not be loaded into this database, or None.
seed_load_requested = Signal()
