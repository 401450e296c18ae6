"""The role codes, in a module that imports nothing: the command line's parser needs
them without paying for SQLModel (data_access.core.models re-exports them)."""

ROLES = ("viewer", "officer", "lead", "admin")
