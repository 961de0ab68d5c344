"""文明创建展示站: load, validate and render a unit's creation-campaign content.

Nothing in this package imports MkDocs; ``hooks/showcase.py`` is the only glue.
"""

from .loader import load, url_collisions
from .problems import Problem

__all__ = ["load", "url_collisions", "Problem"]
