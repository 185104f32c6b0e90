"""The logic layer: one function per thing a user does. The CLI and the web routes call these."""
