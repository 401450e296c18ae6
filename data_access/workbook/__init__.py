"""The quarterly workbook: its layout (schema), reading, validation and the template."""
