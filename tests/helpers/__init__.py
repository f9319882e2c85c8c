"""Shared test helpers, importable as ``helpers.*`` (pytest's ``pythonpath = ["tests"]``).

- :mod:`helpers.ui`: short templates, drag and drop, pixel comparison, the modal-dialog guard.
- :mod:`helpers.publish`: cloud clients for the local services, a small MP4, secret checks.
- :mod:`helpers.services`: the real local services (SeaweedFS, PostgreSQL + PostgREST, Storage, nginx).
- :mod:`helpers.fake_lambda`: the local Remotion Lambda function.
- :mod:`helpers.ssim`: SSIM for the Remotion parity tests.
- :mod:`helpers.golden`: the golden stills (shared with scripts/make_goldens.py).
- :mod:`helpers.scripts`: load a repository script (scripts/, freeze/) as a module.
"""
