"""One module per CLI command; each has `register(subparsers)`. Add a command = add a module + list it here."""

from newsindex.commands import ingest, opensearch, process, search

ALL = [process, ingest, search, opensearch]
