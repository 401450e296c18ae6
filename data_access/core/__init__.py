"""The core every other part stands on: configuration, the database (engine, models,
migrations, data version), the as-of state, periods, translations and reference data.

Imports only `data_access.vocabulary` (see the README's "Architecture")."""
