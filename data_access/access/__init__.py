"""Who may do what, and the writes that need it: roles and permissions, users,
approval, period locks, audit, import history, programmes, targets, backups."""
