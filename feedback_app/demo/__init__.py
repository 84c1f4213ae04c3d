"""Demo data written by the project's own generators: a directory in England and Germany, accounts, stories.

`seed_demo` builds the small, realistic demo through the lifecycle rules; `add_bulk_stories` adds many
published stories at once for benchmarks.
"""
