"""Read one YAML file into plain data plus the line of every key and list item.

Timestamps are not resolved by YAML (dates stay strings), so a bad date is reported
by the model with its field instead of crashing the parser.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from scripts.data.problems import Problem

FieldPath = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000  # the largest record is about 25 kB
MAX_DEPTH = 20  # levels of nested values below the top level; records need 5
SAFE_DEPTH = 2_000  # far below the depth at which libyaml's tree builder overflows the C stack
_BLOCK_PREFIX = re.compile(r"^[ \t?-]*", re.MULTILINE)


# libyaml's parser where installed: parsing is most of the validation time at scale.
_LIBYAML = hasattr(yaml, "CSafeLoader")


class _Loader(yaml.CSafeLoader if _LIBYAML else yaml.SafeLoader):  # type: ignore[misc]  # chosen at import
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


def _index_lines(root: yaml.Node) -> tuple[dict[FieldPath, int], tuple[int, str] | None]:
    """The line of every field; or the first (line, reason) the file is refused for: a value
    nested deeper than MAX_DEPTH, or an alias (*name), which can make a few lines expand to
    gigabytes and is never needed in a record. Walked without recursion, however deep."""
    lines: dict[FieldPath, int] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, FieldPath, int]] = [(root, (), 0)]
    while stack:
        node, path, line = stack.pop()
        lines.setdefault(path, line or node.start_mark.line + 1)
        if id(node) in seen:  # reported on the line that uses the alias
            return lines, (lines[path[:-1]], "YAML aliases (*name) are not allowed in data files: write the value out")
        seen.add(id(node))
        if len(path) > MAX_DEPTH:
            return lines, (lines[path], f"values are nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.MappingNode):
            stack += [(value, path + (str(key.value),), key.start_mark.line + 1) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, path + (i,), 0) for i, item in enumerate(node.value)]
    return lines, None


def _deep_nesting(text: str) -> tuple[int, str] | None:
    """libyaml builds its node tree recursively in C and crashes the interpreter on nesting some
    thousands of levels deep, so such a file is refused before that tree is built. A collection
    opens with a bracket or, in block style, at a column reached by indentation and "- " or "? "
    indicators, so this bound on the depth is cheap to take; only a file that could be deeper
    than SAFE_DEPTH is read event by event to find its real depth."""
    prefix = max(map(len, _BLOCK_PREFIX.findall(text)), default=0)
    if text.count("[") + text.count("{") + 2 * prefix + 4 <= SAFE_DEPTH:
        return None
    loader = _Loader(text)
    depth = 0
    try:
        while not isinstance(event := loader.get_event(), yaml.StreamEndEvent):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the top-level mapping is not a nested value
                    line = event.start_mark.line + 1 if event.start_mark else 1
                    return line, f"values are nested more than {MAX_DEPTH} levels deep"
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()
    return None


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


def read_yaml(path: Path, raw: bytes | None = None) -> tuple[YamlFile | None, list[Problem]]:
    """The file's data and lines, or the problems that keep it from being read (never raises).
    `raw`: the file's bytes, where the caller has read them already (at most MAX_FILE_BYTES)."""

    def refused(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(path, line, "", message)]

    if raw is None:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                return refused(1, f"file is {size:,} bytes; a data file may be at most {MAX_FILE_BYTES:,} bytes")
            raw = path.read_bytes()
        except OSError as e:
            return refused(1, f"file cannot be read: {e.strerror}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return refused(raw[: e.start].count(b"\n") + 1, f"file is not valid UTF-8 (byte {e.start})")
    if not text.strip():
        return refused(1, "file is empty")
    try:
        if too_deep := _deep_nesting(text):
            return refused(*too_deep)
        loader = _Loader(text)
        try:  # parse once; the node tree gives the lines, the constructed data the values
            node = loader.get_single_node()
            lines, refusal = _index_lines(node) if node is not None else ({}, None)
            if refusal:
                return refused(*refusal)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        return refused(mark.line + 1 if mark else 1, f"malformed YAML: {e.problem or e.context}")
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, such as NUL
        # libyaml counts the position in bytes, PyYAML's own reader in characters
        before = raw[: e.position] if _LIBYAML else text[: e.position].encode("utf-8")
        return refused(
            before.count(b"\n") + 1,
            f"malformed YAML: contains the character U+{e.character:04X}, which YAML does not allow"
            if isinstance(e.character, int)
            else f"malformed YAML: {e.reason}",
        )
    except yaml.YAMLError as e:
        return refused(1, f"malformed YAML: {e}")
    if not isinstance(data, dict):
        return refused(1, "expected a mapping of fields (key: value) at the top level")
    return YamlFile(path, data, lines), []
