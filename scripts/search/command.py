"""Search the agreements from the command line.

    python -m scripts search "fødevarer SMV" [--ministry ID] [--theme ID] [--year N] [--limit N]

The whoosh index is built in memory from data/ each time (it takes well under a second at
today's size) and uses the same Danish analysis as the site's search: Danish stemming and
stop words, plus the compound parts, base forms and æ/ø/å-free spellings of scripts.search.terms.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from whoosh import fields, qparser, query
from whoosh.analysis import LanguageAnalyzer
from whoosh.filedb.filestore import RamStorage

from scripts.data.catalogue import Catalogue
from scripts.data.model import Initiative
from scripts.data.problems import DataError
from scripts.data.validate import DATA_DIR, load_catalogue
from scripts.render.site import names, page_path
from scripts.search.terms import Vocabulary, extra_terms

SCHEMA = fields.Schema(
    id=fields.ID(stored=True, unique=True),
    title=fields.TEXT(analyzer=LanguageAnalyzer("da"), stored=True, field_boost=3.0),
    body=fields.TEXT(analyzer=LanguageAnalyzer("da"), vector=True),
    terms=fields.KEYWORD(lowercase=True, scorable=True, field_boost=0.5),
    document=fields.ID(stored=True),
    year=fields.NUMERIC(stored=True),
    ministries=fields.KEYWORD(commas=True, stored=True),
    themes=fields.KEYWORD(commas=True, stored=True),
)


def _body(i: Initiative) -> str:
    return "\n".join(
        [i.title, i.summary, *i.quotes, *(c.what for c in i.commitments), *(c.quote for c in i.commitments)]
    )


def _ministries(cat: Catalogue, i: Initiative) -> set[str]:
    return set(i.ministries) | {a for c in i.commitments for a in c.by if a in cat.ministries}


class Index:
    """A whoosh index of every initiative."""

    def __init__(self, cat: Catalogue):
        self.cat = cat
        self.index = RamStorage().create_index(SCHEMA)
        vocabulary = Vocabulary(_body(i) for i in cat.initiatives.values())
        writer = self.index.writer()
        for i in cat.initiatives.values():
            linked = [
                cat.records[k][r]
                for k in ("themes", "target_groups", "organisations", "ministries")
                for r in getattr(i, k)
            ]
            writer.add_document(
                id=i.id,
                title=i.title,
                body=_body(i),
                terms=" ".join(extra_terms(_body(i), vocabulary, [n for r in linked for n in names(r)])),
                document=i.document,
                year=cat.year_of(i.document) or 0,
                ministries=",".join(sorted(_ministries(cat, i))),
                themes=",".join(i.themes),
            )
        writer.commit()

    def search(
        self, text: str, ministry: str | None = None, theme: str | None = None, year: int | None = None, limit: int = 10
    ) -> list[str]:
        """Initiative ids, best match first."""
        parser = qparser.MultifieldParser(["title", "body", "terms"], SCHEMA, group=qparser.OrGroup.factory(0.9))
        q = parser.parse(" ".join(text.lower().split()))
        filters = [query.Term(f, v) for f, v in (("ministries", ministry), ("themes", theme)) if v]
        if year:
            filters.append(query.Term("year", year))
        with self.index.searcher() as searcher:
            hits = searcher.search(q, limit=limit, filter=query.And(filters) if filters else None)
            return [hit["id"] for hit in hits]


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    document: str
    year: int
    ministries: str


def rows(cat: Catalogue, ids: list[str]) -> list[Row]:
    out = []
    for rid in ids:
        i = cat.initiatives[rid]
        out.append(
            Row(
                rid,
                i.title,
                cat.documents[i.document].short_title,
                cat.year_of(i.document) or 0,
                ", ".join(cat.ministries[m].name for m in sorted(_ministries(cat, i))),
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts search", description=__doc__.splitlines()[0])
    parser.add_argument("query", help="Danish words, e.g. 'fødevarer SMV'")
    parser.add_argument(
        "--ministry", help="only initiatives naming this ministry id, e.g. erhvervs-og-vaekstministeriet"
    )
    parser.add_argument("--theme", help="only initiatives on this theme id, e.g. foedevarer")
    parser.add_argument("--year", type=int, help="only initiatives from documents of this year")
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--data", type=__import__("pathlib").Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    try:
        cat = load_catalogue(args.data)
    except DataError as e:
        print(e, file=sys.stderr)
        return 1
    for name, kind in (("ministry", "ministries"), ("theme", "themes")):
        value = getattr(args, name)
        if value and value not in cat.records[kind]:
            print(f"unknown {name} {value!r}; known: {', '.join(sorted(cat.records[kind]))}", file=sys.stderr)
            return 2
    found = rows(cat, Index(cat).search(args.query, args.ministry, args.theme, args.year, args.limit))
    if not found:
        print("Ingen resultater.")
        return 0
    for n, r in enumerate(found, start=1):
        print(
            f"{n:2}. {r.title}\n    {r.document} ({r.year}){' – ' + r.ministries if r.ministries else ''}\n"
            f"    {page_path('initiatives', r.id).removesuffix('.md')}/"
        )
    return 0
