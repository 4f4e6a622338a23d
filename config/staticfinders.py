"""Serve plotly.js from the installed plotly package, so the browser runs exactly the
plotly.js that the pinned Python package was built for, without a CDN or a copy."""

from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PLOTLY_DIR = Path(plotly.__file__).parent / "package_data"
PAD = "vendor/plotly.min.js"


class PlotlyFinder(BaseFinder):
    storage = FileSystemStorage(location=PLOTLY_DIR)

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path != PAD:
            return [] if find_all else None
        gevonden = str(PLOTLY_DIR / "plotly.min.js")
        return [gevonden] if find_all else gevonden

    def list(self, ignore_patterns):
        yield "plotly.min.js", _PrefixStorage()


class _PrefixStorage(FileSystemStorage):
    """Storage that collectstatic copies from, placing the file under vendor/."""

    prefix = "vendor"

    def __init__(self):
        super().__init__(location=PLOTLY_DIR)
