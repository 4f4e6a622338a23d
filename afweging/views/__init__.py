"""The pages of an afweging, one module per page; each builds a page object (`pagina.py`)."""
