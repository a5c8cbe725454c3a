"""One module per CLI command; each has `register(subparsers)`. Add a command = add a module + list it here."""

from newsindex.commands import dashboards, ingest, opensearch, process, quarantine, reindex, rollback, search

ALL = [process, ingest, search, reindex, rollback, dashboards, opensearch, quarantine]
