"""How a batch's items run: in this process, or on Ray; both yield finished Items."""

from service.batch.runners.local import RunStats, run_items
from service.batch.runners.ray_data import ray_engine, start_ray

__all__ = ["RunStats", "ray_engine", "run_items", "start_ray"]
