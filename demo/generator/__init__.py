"""The demo-data generator: synthetic records at realistic proportions,
deterministic for a seed (see dataset.py)."""

from demo.generator.dataset import DEMO_PREFIX, DemoGenerator

__all__ = ["DEMO_PREFIX", "DemoGenerator"]
