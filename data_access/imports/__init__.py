"""A quarterly workbook into the database: plan, diff against the current state, apply,
the result; the approval review's diff, the prefilled template and the sample data.

Reads files through `data_access.workbook`; never imported by the KPIs."""
