"""PyInstaller runtime hook: the bundle leaves Pillow out (19 MB with its libraries).

ReportLab imports ``PIL.Image`` when it starts but needs it only to draw raster images, which
Blauwe Map's PDFs (PID, PIP, klantprofiel) never contain. This stands in for it: nothing is a PIL
image, and opening one says that the bundle cannot draw raster images.
"""

import sys
import types

try:
    import PIL  # noqa: F401  (a bundle built with Pillow after all keeps it)
except ImportError:
    _pil = types.ModuleType("PIL")
    _image = types.ModuleType("PIL.Image")

    class _NoPillowImage:
        """Nothing is an instance of this: ReportLab's isinstance checks answer False."""

    def _open(*_args: object, **_kwargs: object) -> None:
        raise OSError("This Blauwe Map bundle has no Pillow: it cannot draw raster images.")

    _image.Image = _NoPillowImage
    _image.open = _open
    _pil.Image = _image
    sys.modules["PIL"] = _pil
    sys.modules["PIL.Image"] = _image
