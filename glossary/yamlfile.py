"""YAML with lines: a dictionary file parsed so that every mapping and list keeps the line it
started on, and refused when it would cost more than a dictionary may (aliases, size).

>>> m = parse_yaml("terms:\\n  - term: 五化\\n", "t.yaml")
>>> m.key_lines["terms"], m["terms"].item_lines
(1, [2])
"""

from __future__ import annotations

from typing import Any

from .problems import DictionaryError, Problem

__all__ = ["MAX_FILE_BYTES", "MAX_NODES", "MAX_STRING", "LineList", "LineMap", "parse_yaml"]

# A node walker instead of yaml.safe_load: every mapping and list keeps the line it started on,
# so a schema error can name its line, not just its file.


class LineMap(dict[str, Any]):
    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class LineList(list[Any]):
    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


# A dictionary from a user is untrusted data: these bound what reading one may cost.
MAX_FILE_BYTES = 64 << 20
MAX_NODES = 4_000_000  # mappings, lists and scalars
MAX_STRING = 20_000  # characters in one scalar


def _construct(node: Any, loader: Any, file: str, seen: set[int] | None = None) -> Any:
    line = node.start_mark.line + 1
    if seen is None:
        seen = set()
    # an alias is the node of its anchor met again: refused, since aliases nested a few deep
    # (“billion laughs”) expand to more than any memory holds
    if id(node) in seen:
        raise DictionaryError(
            [Problem(file, line, "YAML anchors and aliases (&name, *name) are not allowed")]
        )
    seen.add(id(node))
    if len(seen) > MAX_NODES:
        raise DictionaryError([Problem(file, line, f"more than {MAX_NODES:,} YAML nodes")])
    if node.id == "mapping":  # PyYAML's node kinds, without importing it per node
        out = LineMap(line)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                raise DictionaryError(
                    [Problem(file, key_node.start_mark.line + 1, f"duplicate key {key!r}")]
                )
            out[key] = _construct(value_node, loader, file, seen)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if node.id == "sequence":
        seq = LineList(line)
        for item in node.value:
            seq.append(_construct(item, loader, file, seen))
            seq.item_lines.append(item.start_mark.line + 1)
        return seq
    if isinstance(node.value, str) and len(node.value) > MAX_STRING:
        raise DictionaryError(
            [
                Problem(
                    file,
                    line,
                    f"a string of {len(node.value):,} characters (at most {MAX_STRING:,})",
                )
            ]
        )
    return loader.construct_object(node, deep=True)


def parse_yaml(text: str, file: str) -> Any:
    # PyYAML is imported here, not at start-up: the bundled dictionary loads compiled
    import yaml

    # libyaml's parser when PyYAML was built with it: several times faster
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _construct(node, loader, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or exc.context or "invalid YAML"
        raise DictionaryError([Problem(file, line, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise DictionaryError([Problem(file, 0, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
