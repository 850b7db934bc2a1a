"""Small helpers the examples share, and that readers may copy into their own projects.

Copy the whole `pyconc` folder next to your script (or onto `PYTHONPATH`); it needs only the
standard library. Each module has one job:

- `pyconc.timing`: time a piece of work several times and report it with honest precision.
- `pyconc.rwlock`: a read-write lock for threads (many readers or one writer; writers are
  not starved by readers), with timeouts on every acquire.
"""
