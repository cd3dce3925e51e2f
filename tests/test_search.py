"""Danish search analysis, the command-line search, and related initiatives."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scripts.render.generate import generate
from scripts.render.site import page_path, source_page_path
from scripts.search import query
from scripts.search.block import VERBATIM, article_text, block
from scripts.search.command import Index
from scripts.search.related import related as find_related
from scripts.search.terms import (
    ENDINGS,
    LINKS,
    MIN_COMPOUND,
    MIN_PART,
    Vocabulary,
    base_forms,
    extra_terms,
    folded,
    stem,
)


@pytest.fixture(scope="module")
def index(catalogue):
    return Index(catalogue)


VOCAB = Vocabulary(
    ["vindmølle industrien klynge organisation kyst turisme sundhed innovation velfærd teknologi erhverv ministeriet"]
)


@pytest.mark.parametrize(
    "compound, part",
    [
        ("vindmølleindustrien", "vindmølle"),
        ("klyngeorganisation", "klynge"),
        ("kystturisme", "turisme"),
        ("sundhedsinnovation", "sundhed"),
        ("sundhedsinnovation", "innovation"),
        ("velfærdsteknologi", "teknologi"),
        ("erhvervsministeriet", "ministeriet"),
    ],
)
def test_compounds_split_into_known_words(compound, part):
    assert part in VOCAB.parts(compound)


def test_words_that_are_not_compounds_stay_whole():
    assert not VOCAB.parts("organisation")


@pytest.mark.parametrize(
    "word, base",
    [
        ("fødevarevirksomheder", "fødevarevirksomhed"),
        ("datacentre", "datacenter"),
        ("datacenter", "datacentre"),
        ("iværksætteri", "iværksætter"),
    ],
)
def test_base_forms(word, base):
    assert base in base_forms(word)


def test_folding_for_keyboards_without_æøå():
    assert {"foedevarer", "fodevarer"} <= folded("fødevarer")
    assert {"vaekstplan", "velfaerdsteknologi"} <= folded("vækstplan") | folded("velfærdsteknologi")
    assert not folded("plan")


def test_extra_terms_add_only_what_the_page_lacks():
    terms = extra_terms("Kystturisme i Sønderborg", VOCAB, ["SMV"])
    assert {"turisme", "sonderborg", "soenderborg", "smv"} <= set(terms)
    assert "kystturisme" not in terms


def test_search_block_leaves_out_terms_pagefind_would_stem_to_what_the_page_has():
    article = "<h1>Kystturisme</h1><p>Nye løsninger for fødevarevirksomheder og datacentre.</p>"
    stems = {stem(t) for t in article_text(block(article, VOCAB, ["SMV"], {"type": "Initiativ"})).split()}
    # "løsning" is among the page's terms, but stems like "løsninger", which the page shows
    assert stem("løsning") == stem("løsninger") not in stems
    # other spellings, base forms the stemmer does not reach, compound parts and synonyms stay
    assert {stem(t) for t in ("loesninger", "datacenter", "turisme", "smv")} <= stems


def test_source_texts_are_marked_for_the_search_page_to_list_after_records():
    article = "<h1>Kildetekst</h1><p>Femern Bælt</p>"
    assert f'data-pagefind-filter="{VERBATIM}"' in block(article, VOCAB, [], {"type": "Kildetekst"}, add_terms=False)
    assert "data-pagefind-filter" not in block(article, VOCAB, [], {"type": "Initiativ"})


def test_the_search_page_gets_the_vocabulary_and_the_words_a_question_is_made_of(tmp_path):
    vocabulary = Vocabulary(["Vindmøller og vindmølleindustrien står bag programmet, i 2016"])
    query.write(tmp_path, vocabulary)
    lexicon = json.loads((tmp_path / query.FILE).read_text(encoding="utf-8"))
    # whole words and base forms, at least MIN_PART letters long (shorter ones are never a part)
    assert {"vindmølle", "vindmøller", "programmet"} <= set(lexicon["words"])
    assert not {"og", "2016", "bag"} & set(lexicon["words"])
    assert lexicon["words"] == sorted(lexicon["words"])
    # the page splits compounds as the indexer does
    assert (lexicon["endings"], lexicon["links"]) == (list(ENDINGS), list(LINKS))
    assert (lexicon["minPart"], lexicon["minCompound"]) == (MIN_PART, MIN_COMPOUND)
    # question words and stop words are left out of a query, words that name a subject are not
    assert {"hvem", "står", "bag", "hvornår", "skal", "komme", "med", "til", "er", "der"} <= set(lexicon["leaveOut"])
    assert not {"vindmølle", "forslag", "kapital", "iværksættere", "støtte"} & set(lexicon["leaveOut"])


def test_source_texts_are_found_by_their_own_words_only(catalogue, tmp_path):
    search = generate(catalogue, tmp_path, workers=1).search
    document = next(iter(catalogue.documents))
    article = "<h1>Kildetekst</h1><p>Vækstplan for fødevarer og kystturisme</p>"
    source_block = search.block(source_page_path(document), article)
    assert "Kildetekst" in source_block and "Søgeord" not in source_block  # metadata, no extra terms
    assert "vaekstplan" in search.block(page_path("documents", document), article)  # other spellings


def test_search_ranks_the_initiative_first(index):
    assert index.search("Food KIC")[0] == "dansk-deltagelse-i-food-kic-2013"


def test_search_handles_folding_and_compounds(index):
    assert "dansk-deltagelse-i-food-kic-2013" in index.search("foedevarer", year=2013)
    assert "vindprogram-2016" in index.search("vindmølle")[:5]


def test_search_filters(index, catalogue):
    by_ministry = index.search("analyse", ministry="regeringen")
    assert by_ministry and len(by_ministry) < len(index.search("analyse"))
    for rid in by_ministry:
        i = catalogue.initiatives[rid]
        assert "regeringen" in set(i.ministries) | {a for c in i.commitments for a in c.by}
    in_2013 = index.search("fødevarer", year=2013)
    assert in_2013 and all(catalogue.initiatives[r].document == "vaekstpartnerskab-midtjylland-2013" for r in in_2013)
    on_tourism = index.search("udvikling", theme="turisme")
    assert on_tourism and all("turisme" in catalogue.initiatives[r].themes for r in on_tourism)


def test_related_initiatives_share_subject(catalogue):
    related = find_related(catalogue)["innovativ-brug-af-big-data-2016"]
    assert {"samfundspartnerskab-om-big-data-2016", "big-data-om-materialestroemme-2016"} <= set(related)
    assert "innovativ-brug-af-big-data-2016" not in related
    for rid in related:
        assert set(catalogue.initiatives[rid].themes) & set(
            catalogue.initiatives["innovativ-brug-af-big-data-2016"].themes
        )


def test_command_line_prints_document_year_and_ministry():
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "search", "Food KIC", "--limit", "3"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[:3]
    assert first[0] == " 1. Dansk deltagelse i et Food KIC"
    assert "Vækstpartnerskab 2013 – Midtjylland (2013)" in first[1]
    assert "Erhvervs- og Vækstministeriet" in first[1]


def test_command_line_rejects_unknown_filter():
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "search", "x", "--ministry", "findes-ikke"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "unknown ministry 'findes-ikke'" in result.stderr
