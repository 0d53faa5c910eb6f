"""In front of every request: the ASGI shield, the one write gate and the drain (docs/hardening.md)."""

from service.api.defences.auth import FORM_TOKEN, write_gate
from service.api.defences.drain import drain_refused_bodies
from service.api.defences.shield import shield

__all__ = ["FORM_TOKEN", "drain_refused_bodies", "shield", "write_gate"]
