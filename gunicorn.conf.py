"""gunicorn settings, read automatically when gunicorn starts in this folder.

Threads overlap the waits on PostgreSQL; one process more than there are cores keeps
both cores busy. `make bench` (scripts/belasting.py) serves with exactly this file. On
2 cores, 3 processes of 4 threads, 2 of 4, 3 of 2 and 4 of 2 all gave 218-250 requests
per second on the page mix, within the noise of one another; this is the usual rule.
GUNICORN_WORKERS and GUNICORN_THREADS override.
"""

import multiprocessing
import os

worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A PDF of a large afweging takes seconds; nothing takes half a minute.
timeout = 30
