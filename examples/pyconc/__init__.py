"""Small helpers the examples share, and that
readers may copy into their own projects.

Copy the whole `pyconc` folder next to your script (or onto `PYTHONPATH`); it
needs only the standard library. Each module has one job:

- `pyconc.timing`: time a piece of work several
  times and report it with honest precision.
- `pyconc.timeline`: record which worker ran what, and when; draw it as a plain
  SVG timeline (and benchmark speed-ups against their ideal) with the same
  numbers as a text table.
- `pyconc.workloads`: standard jobs to measure: waiting (sleep, a loopback
  socket server), computing in pure Python, computing in C that releases
  the GIL.
- `pyconc.bench`: run one workload under several models and worker counts: jobs
  sized to a target time, pools warmed, rounds interleaved; speed-ups with
  their range against the ideal, as a table and a chart; a job-size sweep that
  finds where overhead wins.
"""
