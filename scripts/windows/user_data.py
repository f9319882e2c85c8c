"""The user's data for the lane's installer check (runs on Linux, on the prefix's files).

    python user_data.py seed LOCALAPPDATA_VIDSTUDIO    # settings and one history entry
    python user_data.py manifest DIR...                # "sha256  path" for every file

``seed`` writes them with the app's own code (``save_settings``, ``JobStore``) where
the Windows app keeps them (``%LOCALAPPDATA%\\vidstudio``: platformdirs puts the
settings and the database there on Windows).  The lane takes a manifest after the
first install, and checks that an upgrade and the uninstaller leave it unchanged.
Log files are left out: the app appends to them on every start.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def seed(folder: Path) -> None:
    from vidstudio.jobs.store import Job, JobState, JobStore, new_job_id
    from vidstudio.settings import Settings, save_settings

    settings = Settings()
    settings.interface.language = "es"
    save_settings(settings, folder / "settings.json")
    now = time.time()
    with JobStore(folder / "vidstudio.db") as store:
        store.add(
            Job(
                id=new_job_id(),
                template="promo",
                aspect="16:9",
                quality="standard",
                props={"title": "Lane history entry"},
                output_dir="C:\\lane",
                state=JobState.RENDERED,
                created_at=now,
                updated_at=now,
            )
        )


def manifest(folders: list[Path]) -> str:
    lines = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if "logs" in (part.lower() for part in path.relative_to(folder).parts):
                continue
            lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path}")
    return "\n".join(lines)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "seed":
        seed(Path(args[0]))
    else:
        print(manifest([Path(a) for a in args]))
