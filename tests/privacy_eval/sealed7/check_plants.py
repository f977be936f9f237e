"""Check that every planted text of sealed7 stands on its line (and that image files exist)."""
import sys
from pathlib import Path
import yaml
HALF = Path(__file__).resolve().parent
a = yaml.safe_load((HALF / "answers.yaml").read_text(encoding="utf-8"))
bad = 0
for p in a["planted"]:
    f = HALF / "content" / p["file"]
    if not f.exists():
        print("missing file", p); bad += 1; continue
    if "line" in p:
        lines = f.read_text(encoding="utf-8").split("\n")
        if p["text"] not in lines[p["line"] - 1]:
            print("not on its line:", p); bad += 1
for c in a["clean"]:
    if not (HALF / "content" / c).exists():
        print("missing clean file", c); bad += 1
print(len(a["planted"]), "plants,", len(a["clean"]), "clean,", bad, "problems")
sys.exit(1 if bad else 0)
