"""Windows Job Objects: a child process and all its descendants die together.

On Windows, killing a process kills that process only: the Chromium that a
Remotion render's ``node.exe`` starts outlives it, and ``CTRL_BREAK_EVENT`` has
no console to reach from the windowed app.  A Job Object with
``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`` makes the kernel end every process in the
job when the job's last handle closes: when :func:`kill` closes it, and when
this process ends in any way (a crash, "End task"), since its handles close then.
Processes started by a process in the job are in the job too.

    proc = subprocess.Popen(...)
    winjob.contain(proc)      # right after starting it
    ...
    winjob.kill(proc)         # the child and every descendant, at once

Both are no-ops on other systems (there, process groups and sessions do this
job).  A process the child starts before :func:`contain` runs is not in the job;
node starts Chromium only after bundling, seconds later.  Plain ctypes: no
pywin32, no Qt.
"""

from __future__ import annotations

import subprocess
import sys
import threading

_jobs: dict[int, JobObject] = {}
_lock = threading.Lock()

if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    _kernel32.CreateJobObjectW.argtypes = (wintypes.LPVOID, wintypes.LPCWSTR)
    _kernel32.SetInformationJobObject.restype = wintypes.BOOL
    _kernel32.SetInformationJobObject.argtypes = (
        wintypes.HANDLE,
        ctypes.c_int,
        wintypes.LPVOID,
        wintypes.DWORD,
    )
    _kernel32.OpenProcess.restype = wintypes.HANDLE
    _kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    _kernel32.AssignProcessToJobObject.restype = wintypes.BOOL
    _kernel32.AssignProcessToJobObject.argtypes = (wintypes.HANDLE, wintypes.HANDLE)
    _kernel32.TerminateJobObject.restype = wintypes.BOOL
    _kernel32.TerminateJobObject.argtypes = (wintypes.HANDLE, wintypes.UINT)
    _kernel32.CloseHandle.restype = wintypes.BOOL
    _kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    _kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    _kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    _PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
    _STILL_ACTIVE = 259

    _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
    _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
    _PROCESS_SET_QUOTA = 0x0100
    _PROCESS_TERMINATE = 0x0001

    class _BasicLimits(ctypes.Structure):
        _fields_ = (
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        )

    class _IoCounters(ctypes.Structure):
        _fields_ = tuple(
            (f"{kind}{what}", ctypes.c_uint64)
            for what in ("OperationCount", "TransferCount")
            for kind in ("Read", "Write", "Other")
        )

    class _ExtendedLimits(ctypes.Structure):
        _fields_ = (
            ("BasicLimitInformation", _BasicLimits),
            ("IoInfo", _IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        )

    def _check(ok: object) -> None:
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())


class JobObject:
    """One Job Object whose processes are all killed when it is closed (Windows only)."""

    def __init__(self) -> None:
        self._handle: int | None = None
        if sys.platform == "win32":
            handle = _kernel32.CreateJobObjectW(None, None)
            _check(handle)
            limits = _ExtendedLimits()
            limits.BasicLimitInformation.LimitFlags = _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
            try:
                _check(
                    _kernel32.SetInformationJobObject(
                        handle,
                        _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
                        ctypes.byref(limits),
                        ctypes.sizeof(limits),
                    )
                )
            except OSError:
                _kernel32.CloseHandle(handle)
                raise
            self._handle = handle

    def add(self, pid: int) -> None:
        """Put process ``pid`` (and whatever it starts from now on) into the job."""
        if sys.platform == "win32" and self._handle is not None:
            process = _kernel32.OpenProcess(_PROCESS_SET_QUOTA | _PROCESS_TERMINATE, False, pid)
            _check(process)
            try:
                _check(_kernel32.AssignProcessToJobObject(self._handle, process))
            finally:
                _kernel32.CloseHandle(process)

    def close(self, terminate: bool = True) -> None:
        """End every process in the job (kill-on-close does it too) and release it."""
        handle, self._handle = self._handle, None
        if sys.platform == "win32" and handle is not None:
            if terminate:
                _kernel32.TerminateJobObject(handle, 1)
            _kernel32.CloseHandle(handle)


def contain(proc: subprocess.Popen[bytes]) -> None:
    """Windows: put ``proc`` into a job of its own, ended by :func:`kill` or our exit."""
    if sys.platform != "win32":
        return
    try:
        job = JobObject()
        job.add(proc.pid)
    except OSError:
        return  # the child has exited already; the old kill path still runs
    with _lock:
        _jobs[proc.pid] = job


def kill(proc: subprocess.Popen[bytes]) -> None:
    """Windows: end ``proc`` and all its descendants now (if :func:`contain` took it)."""
    with _lock:
        job = _jobs.pop(proc.pid, None)
    if job is not None:
        job.close()


def process_alive(pid: int) -> bool:
    """Windows: whether process ``pid`` is still running (OpenProcess + GetExitCodeProcess)."""
    if sys.platform == "win32":
        handle = _kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            # Gone, or not ours to look at (access denied means it exists).
            return bool(ctypes.get_last_error() == 5)
        try:
            code = wintypes.DWORD()
            if not _kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == _STILL_ACTIVE)
        finally:
            _kernel32.CloseHandle(handle)
    raise RuntimeError("process_alive is for Windows")
