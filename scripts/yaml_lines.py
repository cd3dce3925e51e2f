"""Read one YAML file into plain data plus the line of every key and list item.

Timestamps are not resolved by YAML (dates stay strings), so a bad date is reported
by the model with its field instead of crashing the parser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scripts.problems import Problem

FieldPath = tuple[str | int, ...]


# libyaml's parser where installed: parsing is most of the validation time at scale.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping_no_duplicates(loader: _Loader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {seen[key]})", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_no_duplicates)


def _index_lines(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (str(key_node.value),)
            lines[child] = key_node.start_mark.line + 1
            _index_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, path + (i,), lines)


class YamlFile:
    """A parsed YAML file and the line numbers of its fields."""

    def __init__(self, path: Path, data: Any, lines: dict[FieldPath, int]):
        self.path = path
        self.data = data
        self._lines = lines

    def line(self, field: FieldPath) -> int:
        """The line of `field`, or of its nearest enclosing field that exists."""
        for end in range(len(field), -1, -1):
            if field[:end] in self._lines:
                return self._lines[field[:end]]
        return 1

    def problem(self, field: FieldPath, message: str) -> Problem:
        return Problem(self.path, self.line(field), format_field(field), message)


def format_field(field: FieldPath) -> str:
    out = ""
    for part in field:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(path: Path) -> tuple[YamlFile | None, list[Problem]]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        line = path.read_bytes()[: e.start].count(b"\n") + 1
        return None, [Problem(path, line, "", f"file is not valid UTF-8 (byte {e.start})")]
    if not text.strip():
        return None, [Problem(path, 1, "", "file is empty")]
    loader = _Loader(text)
    try:  # parse once; the node tree gives the lines, the constructed data the values
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(path, line, "", f"malformed YAML: {e.problem or e.context}")]
    finally:
        loader.dispose()
    lines: dict[FieldPath, int] = {}
    if node is not None:
        _index_lines(node, (), lines)
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "", "expected a mapping of fields (key: value) at the top level")]
    return YamlFile(path, data, lines), []
