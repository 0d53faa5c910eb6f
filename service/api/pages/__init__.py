"""The HTML pages: home with its form and list, the report, the guide, and errors as pages."""

from service.api.pages.controller import PageController
from service.api.pages.errors import PAGE_ERRORS, unknown_url
from service.api.pages.static import static_file, template_config

__all__ = ["PAGE_ERRORS", "PageController", "static_file", "template_config", "unknown_url"]
