"""`python -m data_access ...` (main.py) and its sub-commands; heavy modules are imported
inside the commands, so `--help` stays fast."""
