"""Load the package's researcher-editable data files, keeping line numbers.

Lexicons (gazetteer, voice cues, frame codebook, trade cues, stop words) are
data, not code: YAML or plain-text files shipped in ``kuril_research/data``
and readable with any editor. They are parsed with PyYAML's *safe* loader, and
every mapping and list remembers the line each key or item came from, so that
validation errors can say "gazetteer.yaml, line 41: ...".
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kuril_research.errors import LexiconError

__all__ = ["LineDict", "LineList", "data_path", "load_yaml", "load_word_list", "file_sha256"]


class LineDict(dict):
    """A ``dict`` that knows the 1-based line of itself (``.line``) and of each key (``.lines``)."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}


class LineList(list):
    """A ``list`` that knows the 1-based line of itself (``.line``) and of each item (``.lines``)."""

    line: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.lines: list[int] = []


class _LineLoader(yaml.SafeLoader):
    """Safe loader whose mappings and sequences carry line numbers and refuse duplicate keys."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode):
    result = LineDict()
    result.line = node.start_mark.line + 1
    yield result
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {result.lines[key]})", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode):
    result = LineList()
    result.line = node.start_mark.line + 1
    yield result
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def data_path(name: str) -> Path:
    """Return the path of a data file shipped in ``kuril_research/data``.

    Parameters
    ----------
    name : str
        File name, e.g. ``"gazetteer.yaml"``.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> data_path("gazetteer.yaml").name
    'gazetteer.yaml'
    """
    return Path(str(resources.files("kuril_research").joinpath("data", name)))


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file safely, with line numbers on every mapping and list.

    Parameters
    ----------
    path : str or Path
        The YAML file.

    Returns
    -------
    LineDict, LineList or scalar
        Mappings become :class:`LineDict`, lists :class:`LineList`.

    Raises
    ------
    LexiconError
        If the file is missing, not UTF-8, not valid YAML, or repeats a key;
        the message names the file and line.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "x.yaml")
    >>> _ = open(p, "w").write("a: 1\\nb:\\n  - x\\n  - y\\n")
    >>> doc = load_yaml(p)
    >>> doc["b"], doc.lines["b"], doc["b"].lines
    (['x', 'y'], 2, [3, 4])
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError("file not found", path=path, hint="check the path, or omit it to use the shipped file") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"not UTF-8 text ({exc.reason})", path=path, hint="save the file as UTF-8") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise LexiconError(f"YAML syntax error: {problem}", path=path, line=line,
                           hint="fix the line (check indentation, colons and quotes)") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"YAML error: {exc}", path=path, hint="fix the file's YAML syntax") from None


def load_word_list(path: str | Path) -> list[str]:
    """Read a plain-text word list: one entry per line, ``#`` starts a comment.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    list of str
        Entries in file order, stripped and lower-cased, without blanks or comments.

    Raises
    ------
    LexiconError
        If the file is missing, not UTF-8, or an entry contains white space.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "stop.txt")
    >>> _ = open(p, "w").write("# stop words\\nThe\\n\\nof  # common\\n")
    >>> load_word_list(p)
    ['the', 'of']
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise LexiconError("file not found", path=path, hint="check the path, or omit it to use the shipped file") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"not UTF-8 text ({exc.reason})", path=path, hint="save the file as UTF-8") from None
    words = []
    for number, raw in enumerate(lines, start=1):
        entry = raw.split("#", 1)[0].strip()
        if not entry:
            continue
        if any(ch.isspace() for ch in entry):
            raise LexiconError(f"entry {entry!r} contains white space", path=path, line=number,
                               hint="put one word per line")
        words.append(entry.lower())
    return words


def file_sha256(path: str | Path) -> str:
    """Return the SHA-256 hex digest of a file's bytes.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "e")
    >>> _ = open(p, "wb").write(b"")
    >>> file_sha256(p)[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
