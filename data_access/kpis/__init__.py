"""The figures: read-only computations over the as-of state (docs/figures.md), their
filters, the symposium deck's slides, the portfolio and reporting completeness.

Never imports the importer or the workbook reader; knows the domain through
`data_access.vocabulary`."""
