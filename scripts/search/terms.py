"""Build-time Danish analysis that adds search terms to every generated page.

The browser's search engine stems Danish, but no stock stemmer splits compounds
("kystturisme" → "turisme"), folds æ/ø/å typed on a foreign keyboard ("foedevarer"),
or maps every inflection to one stem ("datacentre" / "datacenter"). Those forms are
computed here, once, against the vocabulary of our own corpus, and indexed with the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from whoosh.lang import stopwords_for_language
from whoosh.lang.snowball.danish import DanishStemmer

_WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+(?:[-'][0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+)*")

# Inflectional endings, longest first; stripped to guess a word's base form.
ENDINGS = ("ernes", "erne", "enes", "ene", "ers", "ens", "ets", "er", "en", "et", "es", "e", "s", "r", "i")
# Joining letters between the parts of a compound: sundhed-s-innovation, klynge-organisation.
LINKS = ("s", "e")
# Spellings without æ, ø and å that users type; the site search, the finder and the tracker fold alike.
FOLDS = (
    {"æ": "ae", "ø": "oe", "å": "aa", "é": "e"},
    {"æ": "a", "ø": "o", "å": "a", "é": "e"},
)

# The Snowball stemmer for Danish, the algorithm Pagefind also stems pages and queries with.
stem = lru_cache(maxsize=None)(DanishStemmer().stem)

# Danish stop words (Snowball's list): words that say nothing about what a text is about.
STOP = frozenset(stopwords_for_language("da"))

MIN_PART = 4  # shortest compound part worth indexing on its own
MIN_COMPOUND = 8


def words(text: str) -> list[str]:
    """Lower-cased words of a text; hyphenated words also give their parts."""
    out = []
    for w in _WORD.findall(text):
        w = w.lower()
        out.append(w)
        if "-" in w:
            out += [p for p in w.split("-") if p]
    return out


def word_set(text: str) -> set[str]:
    """The distinct words of a text, as `words` finds them; quicker for long texts."""
    found = set(_WORD.findall(text.lower()))
    found.update(part for w in [w for w in found if "-" in w] for part in w.split("-") if part)
    return found


@cache
def base_forms(word: str) -> frozenset[str]:
    """Guesses at the uninflected form: 'virksomheder' → 'virksomhed', 'datacentre' → 'datacenter'."""
    forms = set()
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_PART:
            forms.add(word[: -len(ending)])
    # Latin -re / Danish -er: datacentre ↔ datacenter
    if word.endswith("ntre"):
        forms.add(word[:-2] + "er")
    elif word.endswith("nter"):
        forms.add(word[:-2] + "re")
    return forms


@cache
def folded(word: str) -> frozenset[str]:
    """How the word is typed without æ, ø, å: 'fødevarer' → 'foedevarer', 'fodevarer'."""
    if not re.search("[æøåé]", word):
        return frozenset()
    return frozenset("".join(fold.get(c, c) for c in word) for fold in FOLDS)


class Vocabulary:
    """The words of the whole corpus, used to recognise the parts of compounds."""

    def __init__(self, texts: Iterable[str] = (), word_sets: Iterable[Iterable[str]] = ()):
        """From texts, or from the words already taken out of them (see `word_set`)."""
        self._parts: dict[str, frozenset[str]] = {}
        self._expansions: dict[str, frozenset[str]] = {}
        seen: set[str] = set()
        for text in texts:
            seen |= word_set(text)
        for ws in word_sets:
            seen.update(ws)
        self.words: set[str] = set(seen)
        for w in seen:
            self.words |= base_forms(w)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def parts(self, word: str) -> frozenset[str]:
        """Known words a compound is made of: 'vindmølleindustrien' → {'vindmølle', 'industrien'}."""
        if word not in self._parts:  # the same words recur on many pages
            self._parts[word] = frozenset(self._split(word))
        return self._parts[word]

    def _split(self, word: str) -> set[str]:
        found: set[str] = set()
        if len(word) < MIN_COMPOUND or "-" in word:
            return found
        for i in range(MIN_PART - 1, len(word) - MIN_PART + 1):
            head, tail = word[:i], word[i:]
            if tail not in self or len(tail) < MIN_PART + 1:
                continue
            heads = {head} | {head[:-1] for link in LINKS if head.endswith(link) and len(head) > MIN_PART}
            known_heads = {h for h in heads if h in self and len(h) >= MIN_PART}
            if known_heads or len(head) >= MIN_PART:
                found.add(tail)
                found |= known_heads or {head}
                found |= self.parts(tail)
        return found

    def expand(self, word: str) -> frozenset[str]:
        """The word, its base forms, its compound parts and theirs, each also without æ/ø/å."""
        if word not in self._expansions:
            terms = {word} | base_forms(word)
            for part in self.parts(word):
                terms |= {part} | base_forms(part)
            self._expansions[word] = frozenset(terms.union(*(folded(t) for t in terms)))
        return self._expansions[word]


@cache
def _name_terms(name: str) -> frozenset[str]:
    """The words of a synonym or name, also without æ/ø/å (names recur on many pages)."""
    return frozenset(t for w in words(name) for t in {w} | folded(w))


def extra_terms(
    text: str | set[str], vocabulary: Vocabulary, synonyms: Iterable[str] = (), parts: bool = True
) -> list[str]:
    """Terms to index with a page beyond its visible text (or the set of its words), sorted,
    without the words already there.

    parts=False leaves out the parts of compounds (only other spellings and forms of the words)."""
    present = text if isinstance(text, set) else word_set(text)
    terms: set[str] = set()
    for w in present:
        if parts:
            terms |= vocabulary.expand(w)
        else:
            forms = {w} | base_forms(w)
            terms |= forms.union(*(folded(f) for f in forms))
    for s in synonyms:
        terms |= _name_terms(s)
    return sorted(t for t in terms - present if len(t) >= 2)
