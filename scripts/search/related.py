"""'Relaterede initiativer': the initiatives most alike in content, for every initiative page.

Content similarity is TF-IDF cosine over Danish word stems (whoosh's Snowball stemmer and
Danish stop words), computed for all initiatives at once through an inverted index of each
initiative's most distinctive stems. Each stem keeps only the initiatives it weighs most in
(its "champions") as candidates, so the cost grows with the data rather than its square.
Shared themes and target groups add to the score: they say what an initiative is about more
reliably than single words.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict

from scripts.data.catalogue import Catalogue
from scripts.data.model import Initiative
from scripts.search.terms import STOP, stem, words

TERMS_PER_INITIATIVE = 15
CHAMPIONS_PER_STEM = 40


def _text(i: Initiative) -> str:
    return "\n".join([i.title, i.title, i.summary, *i.quotes, *(c.what for c in i.commitments)])


def _stems(text: str) -> Counter:
    return Counter(stem(w) for w in words(text) if len(w) > 2 and w not in STOP and not w.isdigit())


def related(cat: Catalogue, of: list[str] | None = None, top: int = 5) -> dict[str, list[str]]:
    """Initiative id → ids of the `top` most related initiatives, best first, for the
    initiatives `of` (default: all)."""
    ids = sorted(cat.initiatives)
    counts = {rid: _stems(_text(cat.initiatives[rid])) for rid in ids}
    df = Counter(stem for c in counts.values() for stem in c)
    n = len(ids)
    # Stems in most initiatives say nothing about any one of them.
    max_df = max(10, n // 20)
    vectors: dict[str, dict[str, float]] = {}
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for rid in ids:
        weights = {s: (1 + math.log(tf)) * math.log(n / df[s]) for s, tf in counts[rid].items() if 1 < df[s] <= max_df}
        best = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS_PER_INITIATIVE]
        norm = math.sqrt(sum(w * w for _, w in best)) or 1.0
        vectors[rid] = {s: w / norm for s, w in best}
        for s, w in vectors[rid].items():
            postings[s].append((rid, w))
    for posting in postings.values():
        posting.sort(key=lambda p: (-p[1], p[0]))
        del posting[CHAMPIONS_PER_STEM:]
    themes = {rid: frozenset(cat.initiatives[rid].themes) for rid in ids}
    groups = {rid: frozenset(cat.initiatives[rid].target_groups) for rid in ids}
    out = {}
    for rid in ids if of is None else of:
        scores: dict[str, float] = defaultdict(float)
        for s, w in vectors[rid].items():
            for other, w2 in postings[s]:
                if other != rid:
                    scores[other] += w * w2
        ranked = (
            (-(similarity + 0.1 * (len(themes[rid] & themes[other]) + 0.5 * len(groups[rid] & groups[other]))), other)
            for other, similarity in scores.items()
        )
        out[rid] = [other for _, other in heapq.nsmallest(top, ranked)]
    return out
