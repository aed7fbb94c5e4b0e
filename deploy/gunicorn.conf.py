"""gunicorn settings for the Kanboard JSON-RPC API.

Start with ``gunicorn -c deploy/gunicorn.conf.py`` from anywhere; gunicorn's
``GUNICORN_CMD_ARGS`` (for example ``--bind 127.0.0.1:9000 --workers 8``) overrides what
is set here, and command-line flags override both.

The worker class is gthread: unlike sync workers it keeps client connections alive, which
Kanboard clients that reuse a connection (httpx) benefit from; docs/benchmarks.md has the
measurements. Behind nginx, keep nginx's request buffering on (slow clients tie up nginx,
not workers).
"""

from pathlib import Path

chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "kanboard_site.wsgi:application"

bind = "127.0.0.1:8000"
workers = 4
worker_class = "gthread"
threads = 4

# A silent worker is restarted after this many seconds; a slower call is cut short.
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (memory hygiene), not all at once.
max_requests = 5000
max_requests_jitter = 500

limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# Only a proxy on this host may set X-Forwarded-* headers.
forwarded_allow_ips = "127.0.0.1,::1"
accesslog = None
errorlog = "-"
