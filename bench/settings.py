"""Settings for the benchmark only (bench/benchmark.py): production settings, plus
the bare "floor" endpoints and a count of the queries each request made.
Never used by the site itself: the floor URLs exist only here."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-any-real-site")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
# The benchmark is one client hammering; the throttle would answer 429.
os.environ.setdefault("API_ANON_RATE", "100000000/minute")

from kzuk_site.settings import *  # noqa: F403
from kzuk_site.settings import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
# Outermost, so it counts every query of the request, the cache's included.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
# Plain HTTP on loopback: no redirect to https in the benchmark.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
