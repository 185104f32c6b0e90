"""The team's web application: server-rendered pages and a JSON API (``/api/v1``) over the same logic and
database as the command line. Start it with ``exwatch serve``; build it with :func:`exwatch.web.app.create_app`.
"""
