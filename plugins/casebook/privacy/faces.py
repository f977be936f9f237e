"""Full-face photographs, found offline with the Haar cascades OpenCV ships in its wheel.

A frontal face is looked for with `haarcascade_frontalface_default`, then, if none is
found, `haarcascade_frontalface_alt2`, in the image's first frames (a GIF may hold
more), scaled to at most MAX_SIDE pixels and its contrast evened out. Only a face at
least FACE_SHARE of the picture's shorter side counts: a full face, not a speck in a
crowd or a pattern in a diagram. Measured on the privacy corpus's tuning half (see the
plugin README): every face photograph found, no diagram, chart or icon taken for one.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from PIL import Image, ImageSequence, UnidentifiedImageError

CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_frontalface_alt2.xml")
MAX_SIDE = 640  # larger images are scaled down: faces stay large, detection stays fast
MIN_SIDE = 200  # smaller ones (an avatar) are scaled up, so the cascade's window fits
FACE_SHARE = 0.12
NEIGHBOURS = 5
FRAMES = 4


@cache
def _classifiers() -> tuple[Any, ...]:
    import cv2  # noqa: PLC0415 - a fifth of a second to load, only when an image is checked

    folder = cv2.data.haarcascades  # type: ignore[attr-defined]
    return tuple(cv2.CascadeClassifier(os.path.join(folder, name)) for name in CASCADES)


def _grey(frame: Image.Image) -> Any:
    """A frame as the cascade reads it: grey, on white where it was transparent, evened out."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    if frame.mode in ("RGBA", "LA", "P", "PA"):
        rgba = frame.convert("RGBA")
        background = Image.new("RGBA", rgba.size, "white")
        background.alpha_composite(rgba)
        frame = background
    grey = np.asarray(frame.convert("L"))
    height, width = grey.shape
    scale = MAX_SIDE / max(height, width)
    if scale < 1:
        size = (max(1, int(width * scale)), max(1, int(height * scale)))
        grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
    elif max(height, width) < MIN_SIDE:
        factor = MIN_SIDE / max(height, width)
        size = (int(width * factor), int(height * factor))
        grey = cv2.resize(grey, size, interpolation=cv2.INTER_CUBIC)
    return cv2.equalizeHist(grey)


def count_faces(path: str | os.PathLike[str]) -> int:
    """How many full faces the image at `path` shows (0 for a file that is no raster image)."""
    try:
        with Image.open(path) as image:
            sequence = ImageSequence.Iterator(image)
            frames = [f.copy() for _, f in zip(range(FRAMES), sequence, strict=False)]
    except UnidentifiedImageError:
        return 0
    except Image.DecompressionBombError as err:
        raise OSError(f"it is too large to open safely: {err}") from err
    best = 0
    for frame in frames:
        grey = _grey(frame)
        side = max(24, int(min(grey.shape) * FACE_SHARE))
        for classifier in _classifiers():
            found = classifier.detectMultiScale(
                grey, scaleFactor=1.1, minNeighbors=NEIGHBOURS, minSize=(side, side)
            )
            if len(found):
                best = max(best, len(found))
                break
    return best
