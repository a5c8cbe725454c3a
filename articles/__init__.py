"""Clean and enrich scraped news articles: bytes in, contract records out.

Pure functions only (no Prefect, no OpenSearch), so flows and the CLI share one code path.
"""

from .readers import ARTICLE_MAX_BYTES, finish, load_path, process_bytes, process_path, process_paths
from .story import assign_story_ids, story_candidates_terms

__all__ = [
    "ARTICLE_MAX_BYTES",
    "assign_story_ids",
    "finish",
    "load_path",
    "process_bytes",
    "process_path",
    "process_paths",
    "story_candidates_terms",
]
