"""stdgen: local service standards kept as clause YAML, built into GB/T 1.1 documents."""

__version__ = "0.1.0"
