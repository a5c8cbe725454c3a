"""Clean and enrich scraped news articles: bytes in, contract records out.

Pure functions only (no Prefect, no OpenSearch), so flows and the CLI share one code path.
"""

from .readers import ARTICLE_MAX_BYTES, finish, load_path, process_bytes, process_path, process_paths
from .story import story_candidates_terms, with_story_ids

__all__ = [
    "ARTICLE_MAX_BYTES",
    "finish",
    "load_path",
    "process_bytes",
    "process_path",
    "process_paths",
    "story_candidates_terms",
    "with_story_ids",
]
