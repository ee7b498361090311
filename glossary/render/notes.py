"""placeholder"""

from typing import Any


def render(annotation: Any, **options: Any) -> str:
    raise NotImplementedError
