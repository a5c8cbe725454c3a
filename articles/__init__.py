"""Clean and enrich scraped news articles: bytes in, contract records out.

Pure functions only (no Prefect, no OpenSearch), so flows and the CLI share one code path.
"""

from .readers import ARTICLE_MAX_BYTES, process_bytes, process_path
from .story import story_candidates_terms, with_story_ids

__all__ = ["ARTICLE_MAX_BYTES", "with_story_ids", "process_bytes", "process_path", "story_candidates_terms"]
