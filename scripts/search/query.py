"""What the search page needs to read a query as the index reads the pages.

People type questions ("hvem står bag vindmølleprogrammet"), and Pagefind requires every word
of a query. The search page (docs/assets/search.js) leaves out the words of a question that
name no subject, and splits a compound the site does not have into words it has
("vindmølleprogrammet" → "vindmølle", "programmet"), as scripts.search.terms splits the
compounds of the pages. It reads what it needs from a file written beside the index: the
site's vocabulary, the inflectional endings and joining letters of scripts.search.terms, and
the words to leave out.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.search.terms import ENDINGS, LINKS, MIN_COMPOUND, MIN_PART, STOP, Vocabulary

FILE = "ordforraad.json"  # in the search bundle (site/pagefind/)

# Words of a question or request that name no subject, beyond the stop words: question words,
# and the verbs and particles people ask with ("hvem står bag", "hvornår skal ... komme med",
# "i gang med").
QUESTION_WORDS = frozenset(
    """
    hvem hvornår hvordan hvorfor hvorledes hvilke hvilken hvilket hvorhen hvortil hvorvidt
    står stå stod bag findes fandtes gør gøre gjorde får få fik giver give gav sker ske skete
    kommer komme kom går gå gik handler handlede betyder kan må bør mon egentlig så vores nogen
    givet fået gjort sket kommet blevet gang
    """.split()
)


def lexicon(vocabulary: Vocabulary) -> dict:
    """The contents of the file: words of at least MIN_PART letters (shorter ones are never a
    compound's part), sorted."""
    return {
        "words": sorted(w for w in vocabulary.words if len(w) >= MIN_PART and w.isalpha()),
        "endings": list(ENDINGS),
        "links": list(LINKS),
        "minPart": MIN_PART,
        "minCompound": MIN_COMPOUND,
        "leaveOut": sorted(STOP | QUESTION_WORDS),
    }


def write(bundle: Path, vocabulary: Vocabulary) -> None:
    """Write the file into the search bundle's folder."""
    text = json.dumps(lexicon(vocabulary), ensure_ascii=False, separators=(",", ":"))
    (bundle / FILE).write_text(text, encoding="utf-8")
