"""Reading and writing the seed format (docs/SEEDS.md).

Each app describes its records in `<app>/seed.py` with a SeedHandler; the
loader finds those modules through the app registry, so this package never
imports the apps above it.
"""
