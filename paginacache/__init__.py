"""Page cache: infrastructure that any app's pages may use, knowing no app's models.

- `stand`: the stamp of the reference data (`Gegevensstand`) that cached pages are keyed
  on. Each app says in its `ready()` which of its models change what pages show
  (`stand.volg(...)`); a save, delete or m2m change of those renews the stamp.
- `{% paginacache %}` (templatetags): cached page content, with the CSRF token filled in
  per request.
- `Pagina`: the base of the page objects that views hand to templates, whose expensive
  values are `cached_property`s, computed only when the cached content is rendered.
"""
