"""Public data sets by name: where each comes from, where it is found here, and loaders for its records.

Every corpus and gold set the project evaluates on or studies has one entry in `REGISTRY`: its public
source pinned at a commit, the sha256 content digest of the files the loaders read, licence, citation,
size and the command that needs it. Nothing here is shipped with newsdesk; a data set is found, in order,

1. in ``$NEWSDESK_DATA``: a folder laid out like the project's shared data (``corpus/bbc/``,
   ``eval/quotes/polnear/``, ...); CI sets ``NEWSDESK_DATA=../shared``;
2. in the user cache (``$NEWSDESK_CACHE``, else the platform's cache folder for newsdesk), the same layout;
3. nowhere: `locate` raises `DatasetNotFoundError`, naming the data set and the command that fetches it.
   There is no download at run time unless asked for: ``newsdesk data fetch NAME`` (or `fetch`) downloads
   into the cache with a progress bar and verifies every byte before anything lands there.

>>> sorted(REGISTRY)
['aeb', 'bbc', 'duckling', 'fnc1', 'ggt', 'newsquant', 'polnear', 'quantulum3', 'recognizers-text', 'semeval2016']
>>> REGISTRY["bbc"]
Dataset('bbc': BBC News 2004-05, corpus/bbc, downloadable)
>>> print(DatasetNotFoundError(REGISTRY["bbc"]))
BBC News 2004-05 (bbc) not found: set NEWSDESK_DATA or run `newsdesk data fetch bbc`
"""

from newsdesk.datasets.loaders import (
    AebPage,
    BbcArticle,
    Fnc1,
    PolnearArticle,
    load_aeb,
    load_bbc,
    load_duckling,
    load_fnc1,
    load_ggt,
    load_newsquant,
    load_polnear,
    load_quantulum3,
    load_recognizers_text,
    load_semeval2016,
)
from newsdesk.datasets.registry import (
    CACHE_VARIABLE,
    DATA_VARIABLE,
    REGISTRY,
    Availability,
    Dataset,
    DatasetNotFoundError,
    Inventory,
    available,
    cache_dir,
    describe,
    fetch,
    locate,
    verify,
)

__all__ = [
    "CACHE_VARIABLE",
    "DATA_VARIABLE",
    "REGISTRY",
    "AebPage",
    "Availability",
    "BbcArticle",
    "Dataset",
    "DatasetNotFoundError",
    "Fnc1",
    "Inventory",
    "PolnearArticle",
    "available",
    "cache_dir",
    "describe",
    "fetch",
    "load_aeb",
    "load_bbc",
    "load_duckling",
    "load_fnc1",
    "load_ggt",
    "load_newsquant",
    "load_polnear",
    "load_quantulum3",
    "load_recognizers_text",
    "load_semeval2016",
    "locate",
    "verify",
]
