"""Load and fault tests against a real server: a throwaway PostgreSQL cluster
(pgcluster.py), gunicorn started one way (server.py), locust (locustfile.py),
and the runner that reconciles every write (run.py). See docs/LOAD.md."""
