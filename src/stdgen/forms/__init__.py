"""Forms as data: definitions, validation, reading filled forms back."""
