"""Clean and enrich scraped news articles: bytes in, contract records out.

Pure functions only (no Prefect, no OpenSearch), so flows and the CLI share one code path.
"""

from .readers import ARTICLE_MAX_BYTES, process_bytes, process_path
from .story import assign_story_ids, story_candidates_terms

__all__ = ["ARTICLE_MAX_BYTES", "assign_story_ids", "process_bytes", "process_path", "story_candidates_terms"]
