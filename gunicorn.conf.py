"""gunicorn settings, every one from the environment (see docs/DEPLOY.md).

gunicorn kzuk_site.wsgi        # reads this file from the working directory
"""

import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name}={value!r} is not a whole number.") from None


def _cpus() -> int:
    # The CPUs this process may run on, which in a container can be fewer
    # than the machine has.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


wsgi_app = "kzuk_site.wsgi:application"

bind = os.environ.get("BIND") or f"0.0.0.0:{_int('PORT', 8000)}"

# Processes give parallelism (one Python thread runs at a time per process);
# threads let a process serve other requests while one waits on the database.
# gunicorn's rule of thumb, 2 × CPUs + 1, counts processes for sync workers;
# with threads, two per CPU keep the CPUs busy for a database-bound site.
workers = _int("WEB_CONCURRENCY", 2 * _cpus())
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = _int("GUNICORN_THREADS", 4)
# Each thread holds its own database connection while CONN_MAX_AGE keeps it
# open: workers × threads connections per host (see docs/DEPLOY.md).

# A worker silent for this long is killed and replaced. A gthread worker's
# main loop reports every second, so this catches a hung process, not a slow
# request (a long CSV export runs on in its thread); with sync workers it
# bounds every request.
timeout = _int("GUNICORN_TIMEOUT", 30)
# On a restart or deploy, requests in flight get this long to finish.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Longer than gunicorn's default 2 s, and shorter than the load balancer's
# idle timeout (60 s for most), so that the balancer never reuses a
# connection gunicorn has just closed (which shows as a sporadic 502).
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Restart each worker after this many requests, so that memory a worker
# accumulates (fragmentation, caches that grow) is given back. The jitter
# spreads the restarts, so that the workers do not all restart at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Logs to stdout and stderr: the process manager or container runtime
# collects them.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Off by default: preloading the application in the master saves memory and
# fails fast on a broken setting, but then a HUP no longer loads new code,
# so a deploy must restart gunicorn rather than reload it.
preload_app = os.environ.get("GUNICORN_PRELOAD", "false").lower() in {"1", "true", "yes", "on"}

# Which proxies may tell gunicorn, with X-Forwarded-Proto, that the request
# came over HTTPS (TLS ends at the load balancer). gunicorn reads
# FORWARDED_ALLOW_IPS itself; it is set here only to be seen in one place.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
