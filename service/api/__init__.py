"""The web service: Litestar app, JSON API, pages."""
