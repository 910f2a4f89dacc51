"""The knowledge graph across all articles."""
