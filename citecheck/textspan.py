"""Line and column of character offsets, computed only when reporting."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Maps a character offset to a 1-based (line, column); columns count code points."""

    __slots__ = ("_bom", "_starts")

    def __init__(self, text: str) -> None:
        # editors do not count a byte-order mark as a column of the first line
        self._bom = text.startswith("\ufeff")
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        column = offset - self._starts[line] + 1
        if line == 0 and self._bom and offset > 0:
            column -= 1
        return line + 1, column

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
