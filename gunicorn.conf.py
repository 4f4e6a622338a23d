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
# gthread's timeout only notices a worker process that stops answering its heartbeat: a
# request thread busy on one core for minutes does not trip it (issue 12: one PDF of an
# absurd afweging took six minutes). What bounds the work is in the app: every free text
# has a limit (afweging/lengtes.py), so the longest PDF takes seconds (`make bench`,
# pdf_grootste_s), and WeasyPrint runs in a child process that is killed after
# PDF_MAX_SECONDEN (config/pdf.py, default 20), with a Dutch message; vaststellen makes
# the PDF before it locks the afweging's row. This stays as the net for a hung process.
timeout = 30
