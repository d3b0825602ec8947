"""The wizard on a 1280×720 screen, and at 150% scaling (a 1280×720 screen then offers
853×480): every page is shot in a process of its own, and the wizard must fit."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from wizard_driver import REPO, database_url

from conftest import SHOTS

CHILD = Path(__file__).with_name("wizard_child.py")


@pytest.mark.parametrize(("scale", "folder"), [("1", "1280x720"), ("1.5", "1280x720-at-150")])
def test_every_page_fits_a_small_screen(demo_database, tmp_path, scale: str, folder: str) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "desk",
                        "x": 0,
                        "y": 0,
                        "width": 1280,
                        "height": 720,
                        "logicalDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(REPO / "src"),
    }
    out = SHOTS / folder
    done = subprocess.run(
        [sys.executable, str(CHILD), "screens", database_url(demo_database), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    sizes = json.loads(done.stdout.strip().splitlines()[-1])
    screen_w, screen_h = sizes["screen"]
    print(f"\n{folder}: screen {sizes['screen']}, wizard {sizes['wizard']}, min {sizes['minimum']}")
    assert sizes["wizard"][0] <= screen_w and sizes["wizard"][1] <= screen_h
    assert sizes["minimum"][0] <= screen_w and sizes["minimum"][1] <= screen_h
    assert len(list(out.glob("*.png"))) == 9
