"""The demo-data generator: synthetic records at realistic proportions,
deterministic for a seed. `DemoGenerator` (dataset.py) runs the parts, one
module per kind of record; context.py holds what they share."""

from demo.generator.context import DEMO_PREFIX
from demo.generator.dataset import DemoGenerator

__all__ = ["DEMO_PREFIX", "DemoGenerator"]
