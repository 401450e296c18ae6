"""The value cells of a piece of `.xlsx` sheet XML, found with array operations.

A 100,000-row sheet holds 1.8 million cells; a regular expression that matches each
one spends seconds creating match objects in Python (and one written to follow a cell
to its `>` is quadratic on a piece of cells that never close). Here each piece is
read a few times by NumPy instead: where `<c` stands, what follows it, the reference
after `<c r="`, and whether the tag closes with `/>` (a styled cell without a value,
which calamine skips too). Time and memory stay linear in the piece, whatever it holds.
"""

from __future__ import annotations

import numpy as np

PAD = bytes(16)  # room to look a few bytes past a piece's last `<c`
CELL_OPEN = ord("<") | ord("c") << 8  # b"<c" read as a little-endian 16-bit number
SPACE, QUOTE, SLASH, GT = b' "/>'
TAB, NEWLINE, RETURN = b"\t\n\r"  # `<c>`, `<c\n`...: a cell written otherwise
R, EQUALS = b"r="
WIDTH = np.arange(11)  # up to 3 letters, 7 digits and the closing quote
POWERS_10 = 10 ** np.arange(7, dtype=np.int64)[::-1]
POWERS_26 = 26 ** np.arange(3, dtype=np.int64)[::-1]


def value_cells_extent(head: bytes) -> tuple[int, int] | None:
    """(last row, last column) of the value cells in `head`, (0, 0) if it holds none.

    None when a cell is written otherwise than `<c r="B2" ...>` (without its reference,
    prefixed, with other white space): its position then depends on the cells before it,
    which only the cell-by-cell scan follows. A cell counts when its reference is 1-3
    letters and 1-7 digits and its tag closes with `>` in `head`, not with `/>`.
    """
    if b":c " in head or b":c>" in head:
        return None
    data = np.frombuffer(head + PAD, np.uint8)
    opens = _pair_positions(head, CELL_OPEN)
    after = data[opens + 2]
    if ((after == GT) | (after == TAB) | (after == NEWLINE) | (after == RETURN)).any():
        return None
    cells = opens[after == SPACE]
    if not (
        (data[cells + 3] == R) & (data[cells + 4] == EQUALS) & (data[cells + 5] == QUOTE)
    ).all():
        return None
    window = data[(cells + 6)[:, None] + WIDTH]
    letters, digits = _reference_shape(window)
    valid = (letters >= 1) & (letters <= 3) & (digits >= 1) & (digits <= 7)
    quote_at = np.minimum(letters + digits, WIDTH[-1])
    valid &= window[np.arange(len(cells)), quote_at] == QUOTE
    valid = _closes_with_a_value(head, data, cells, cells + 6 + letters + digits, valid)
    return _largest(window[valid], letters[valid], digits[valid])


def _pair_positions(head: bytes, pair: int) -> np.ndarray:
    """Where the two bytes `pair` stand in `head`, read as 16-bit numbers at both alignments."""
    if len(head) < 2:
        return np.zeros(0, dtype=np.intp)
    even = np.frombuffer(head, "<u2", count=len(head) // 2)
    odd = np.frombuffer(head, "<u2", count=(len(head) - 1) // 2, offset=1)
    return np.concatenate((np.flatnonzero(even == pair) * 2, np.flatnonzero(odd == pair) * 2 + 1))


def _reference_shape(window: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Leading letters (any case, 4 meaning too many) and the digits right after them
    (8 meaning too many), per reference."""
    upper = window[:, :4] & 0xDF
    letter = (upper >= ord("A")) & (upper <= ord("Z"))
    letters = np.zeros(len(window), dtype=np.intp)
    leading = np.ones(len(window), dtype=bool)
    for column in range(4):
        leading &= letter[:, column]
        letters += leading
    digits = np.zeros(len(window), dtype=np.intp)
    for count in (1, 2, 3):
        rows = letters == count
        if rows.any():
            after = window[rows, count : count + 8]
            digit = (after >= ord("0")) & (after <= ord("9"))
            digits[rows] = np.where(digit.all(axis=1), 8, digit.argmin(axis=1))
    return letters, digits


def _closes_with_a_value(
    head: bytes, data: np.ndarray, cells: np.ndarray, quotes: np.ndarray, valid: np.ndarray
) -> np.ndarray:
    """Which valid cells count: the first `>` after the reference's closing quote is in
    `head` and not `/>`. Where several `<c r="..."` share that `>` (a tag left open
    before the next cell: broken XML), only the first counts, as a regular expression
    matching cell tags one after another would see it."""
    closes = np.flatnonzero(data[: len(head)] == GT)
    found = np.searchsorted(closes, quotes)
    valid = valid & (found < len(closes))
    ends = closes[np.minimum(found, len(closes) - 1)] if len(closes) else found
    valid &= data[ends - 1] != SLASH
    if len(closes) and np.bincount(found[valid], minlength=1).max(initial=0) > 1:
        order = np.lexsort((cells, ~valid, found))  # by `>`, valid cells first, then position
        first = np.ones(len(order), dtype=bool)
        first[1:] = found[order][1:] != found[order][:-1]
        keep = np.zeros(len(order), dtype=bool)
        keep[order] = first
        valid &= keep
    return valid


def _largest(window: np.ndarray, letters: np.ndarray, digits: np.ndarray) -> tuple[int, int]:
    """The largest row and column among the references, one shape (letters, digits) at a time."""
    last_row = last_column = 0
    for shape in np.unique(letters * 8 + digits):
        count, length = divmod(int(shape), 8)
        same = window[letters * 8 + digits == shape]
        row_digits = same[:, count : count + length].astype(np.int64) - ord("0")
        last_row = max(last_row, int((row_digits @ POWERS_10[-length:]).max()))
        column_letters = (same[:, :count] & 0xDF).astype(np.int64) - ord("A") + 1
        last_column = max(last_column, int((column_letters @ POWERS_26[-count:]).max()))
    return last_row, last_column
