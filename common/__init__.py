"""The bottom layer: what every other layer (articles, indexing, flows, the CLI) may import.

Settings from the environment, where the config lives, and the ledger's accounting rule. It imports
nothing of ours, so no arrow can run back up from here.
"""
