"""Turn an extracted source text into readable paragraphs, keeping marks at given offsets.

PDF extraction wraps lines anywhere, hyphenates words across line breaks and replaces
bullets with private-use glyphs. For display we rejoin lines into paragraphs, repair the
hyphenation and show bullets as "•". The source file itself is never changed.
"""

from __future__ import annotations

import re

from scripts.data.quotes import SUSPENDED

BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\u2022\u25aa\u25cf"
_MARK = re.compile("\ue000(\\d+)\ue001")
_BULLET_LINE = re.compile(rf"^\s*[{BULLETS}]\s*")
_ENDS_SENTENCE = re.compile(r"[.:!?;”\"]\s*$")


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        hyphenated = re.search(r"\S-$", out) and not re.match(rf"(\ue000\d+\ue001)*{SUSPENDED}", line)
        if hyphenated and re.search(r"[a-zæøå]-$", out) and re.match(r"(\ue000\d+\ue001)*[a-zæøå]", line):
            out = out[:-1] + line  # ka- / pitalselskab → kapitalselskab
        elif hyphenated:
            out += line  # 2010- / 2020 → 2010-2020; GTS- / Institutter → GTS-Institutter
        else:
            out = f"{out} {line}" if out else line
    return out


def paragraphs(text: str, marks: dict[int, list[int]]) -> list[str]:
    """Paragraphs of `text`, with "\\ue000N\\ue001" placed where mark N was in the original."""
    pieces = []
    last = 0
    for offset in sorted(marks):
        pieces.append(text[last:offset])
        pieces.extend(f"\ue000{n}\ue001" for n in marks[offset])
        last = offset
    pieces.append(text[last:])
    marked = "".join(pieces)

    blocks: list[list[str]] = [[]]
    for line in marked.splitlines():
        plain = _MARK.sub("", line)
        if not plain.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        if _BULLET_LINE.match(plain) and blocks[-1]:
            blocks.append([])
        if not blocks[-1] and len(blocks) > 1:
            previous = _MARK.sub("", _join(blocks[-2]))
            # A line break inside a sentence, with a blank line in between: same paragraph.
            if previous and not _ENDS_SENTENCE.search(previous) and re.match(r"\s*[a-zæøå]", plain):
                blocks.pop()
        blocks[-1].append(line)
    result = []
    for block in blocks:
        joined = _join(block)
        if _MARK.sub("", joined).strip():
            result.append(re.sub(rf"^((?:\ue000\d+\ue001)*)\s*[{BULLETS}]\s*", r"\1• ", joined))
        elif joined:
            result.append(joined)  # only marks: keep them so no anchor is lost
    return result
