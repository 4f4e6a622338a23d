"""Reading a view's context in tests: expensive values are passed to the templates as
zero-argument callables (casussen.stand.lui), computed only when the page is rendered."""


def uit_context(response, naam: str):
    waarde = response.context[naam]
    return waarde() if callable(waarde) else waarde
