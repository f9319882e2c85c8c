"""Shared test helpers, importable as ``helpers.*`` (pytest's ``pythonpath = ["tests"]``).

Plugins (registered in tests/conftest.py, so every folder has their fixtures):

- :mod:`helpers.windows`: ``make_window`` (the one main-window fixture), ``window_env``,
  ``short_templates``, ``long_templates``.
- :mod:`helpers.stack`: the session's local services (``s3_server``, ``supabase_stack``) and
  ``fake_lambda``.

Modules:

- :mod:`helpers.ui`: short templates, drag and drop, pixel comparison, the modal-dialog guard,
  ``hold_render`` (act mid-render without depending on speed or progress reports).
- :mod:`helpers.publish`: cloud clients for the local services, a small MP4, secret checks,
  ``publish_request``, ``publish_env``.
- :mod:`helpers.services`: the real local services (SeaweedFS, PostgreSQL + PostgREST, the
  Storage stand-in, nginx) and the one free-port helper.
- :mod:`helpers.fake_lambda`: the local Remotion Lambda function, ``auto_backend``.
- :mod:`helpers.props`: the villa's Props.
- :mod:`helpers.ssim`: SSIM for the Remotion parity tests.
- :mod:`helpers.golden`: the golden stills (shared with scripts/make_goldens.py).
- :mod:`helpers.scripts`: load a repository script (scripts/, freeze/, bench/) as a module.
"""
