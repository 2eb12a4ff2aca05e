"""Load and fault tests against a real server: a throwaway PostgreSQL cluster
(pgcluster.py), gunicorn started one way (server.py), locust (locustfile.py),
and the runner that reconciles every write (load_and_fault_runs.py). See docs/LOAD.md."""
