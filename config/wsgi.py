import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from config.opstarten import na_opstarten  # noqa: E402 - needs the app registry.

na_opstarten()
