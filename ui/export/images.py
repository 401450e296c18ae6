"""Plotly figures to PNG/SVG bytes with kaleido and the system Chromium.

One browser start per call of `render_images`, reused for every figure of an export
(~1 s to start, ~0.1–0.2 s per image). Kaleido finds `/usr/bin/chromium` itself, or
the browser named by the `BROWSER_PATH` environment variable; we never download one.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
from collections.abc import Callable, Sequence

import kaleido
import plotly.graph_objects as go
from choreographer.browsers.chromium import Chromium
from choreographer.errors import ChromeNotFoundError

IMAGE_WIDTH, IMAGE_HEIGHT, IMAGE_SCALE = 1200, 600, 2
FORMATS = ("png", "svg")


class ChromiumMissing(RuntimeError):
    """No Chromium to render charts with (install it: `apt-get install chromium`)."""


def chromium_available() -> bool:
    """Whether kaleido would find a browser (BROWSER_PATH, else the PATH), never a download."""
    path = Chromium.find_browser(skip_local=True)
    return path is not None and os.access(path, os.X_OK)


def render_images(
    figures: Sequence[go.Figure],
    *,
    fmt: str = "png",
    width: int = IMAGE_WIDTH,
    height: int = IMAGE_HEIGHT,
    on_image: Callable[[int], None] | None = None,
) -> list[bytes]:
    """Every figure as `fmt` bytes, with one browser; `on_image(i)` after each one."""
    rendered = render_formats(
        figures, formats=(fmt,), width=width, height=height, on_image=on_image
    )
    return [images[fmt] for images in rendered]


def render_formats(
    figures: Sequence[go.Figure],
    *,
    formats: Sequence[str],
    width: int = IMAGE_WIDTH,
    height: int = IMAGE_HEIGHT,
    on_image: Callable[[int], None] | None = None,
) -> list[dict[str, bytes]]:
    """Every figure in each of `formats` (PNG for pictures, SVG for vector), one browser."""
    if unknown := set(formats) - set(FORMATS):
        raise ValueError(f"unsupported image format: {sorted(unknown)}")
    if not figures:
        return []
    opts = [{"format": f, "width": width, "height": height, "scale": IMAGE_SCALE} for f in formats]
    work = _render(list(figures), opts, on_image)
    try:
        return _run(work)
    except ChromeNotFoundError as error:
        raise ChromiumMissing(str(error)) from error


def figure_image(figure: go.Figure, *, fmt: str = "png") -> bytes:
    """One figure as PNG or SVG bytes: the charts' download buttons."""
    return render_images([figure], fmt=fmt)[0]


async def _render(
    figures: list[go.Figure], opts: list[dict], on_image: Callable[[int], None] | None
) -> list[dict[str, bytes]]:
    images = []
    # mathjax=False: no formulas in our charts, and no network fetch for them.
    async with kaleido.Kaleido(mathjax=False) as browser:
        for index, figure in enumerate(figures):
            images.append({o["format"]: await browser.calc_fig(figure, opts=o) for o in opts})
            if on_image is not None:
                on_image(index)
    return images


def _run(work) -> list:
    """Run the coroutine here, or in a worker thread if this thread has a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, work).result()
