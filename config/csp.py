"""Content Security Policy on every response.

Scripts only from this server (plotly.js, Bootstrap and our own files are served locally,
chart data travels as JSON data blocks, and no template has an inline script or event
handler). Styles allow 'unsafe-inline' because plotly.js writes style elements and style
attributes while drawing; inline styles cannot run code. Images allow data: and blob:
for plotly's "download as PNG".
"""

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response
