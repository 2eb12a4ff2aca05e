# Fixtures shared by every test module (pytest loads plugins only from here).
pytest_plugins = ["tests.support.api_fixtures"]
