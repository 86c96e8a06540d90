"""Gunicorn's settings for Stagebeheer, derived from the machine (``gunicorn -c gunicorn.conf.py``).

The application is CPU-bound (templates, the ORM; PostgreSQL answers in well under a
millisecond on the same network), so it runs synchronous workers, 2 × cores + 1 of them,
gunicorn's own advice: while one worker waits for the database another computes. Threads add
nothing for CPU-bound Python under the GIL. Each worker is replaced after about a thousand
requests, so a slow leak (a large export's objects) never grows a worker for good.

Every setting can be overridden from the environment: ``GUNICORN_WORKERS``, ``GUNICORN_BIND``,
``GUNICORN_TIMEOUT``.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
max_requests = 1000
max_requests_jitter = 100
# The application is imported once and the workers fork from it: faster start, shared pages.
preload_app = True
