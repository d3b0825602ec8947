"""Sets of services as Python integers: bit i is the i-th service of the index.

Matching a national directory (100,000 services) in a few milliseconds rules out a
Python loop over every service per plan. With sets as big integers, "eligible and in
this pathway and free" is a handful of C-speed AND/OR operations whatever the size, and
Python code runs only for the few services a plan lists.
"""

from collections.abc import Iterable, Iterator


def from_indices(indices: Iterable[int], size: int) -> int:
    buffer = bytearray((size + 7) // 8)
    for i in indices:
        buffer[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buffer, "little")


def count(bits: int) -> int:
    return bits.bit_count()


def lowest(bits: int, k: int) -> list[int]:
    """The k lowest set bits, ascending (cheap for small k, whatever the size)."""
    found: list[int] = []
    while bits and len(found) < k:
        low = bits & -bits
        found.append(low.bit_length() - 1)
        bits ^= low
    return found


def indices(bits: int) -> Iterator[int]:
    """Every set bit, ascending: one pass over the binary text, then a C-speed find per bit."""
    if not bits:
        return
    text = format(bits, "b")[::-1]
    position = text.find("1")
    while position >= 0:
        yield position
        position = text.find("1", position + 1)


class Membership:
    """Fast `i in bits` for many tests against one big set (a shift per test would copy it)."""

    __slots__ = ("_bytes",)

    def __init__(self, bits: int) -> None:
        self._bytes = bits.to_bytes((bits.bit_length() + 7) // 8 or 1, "little")

    def __contains__(self, i: int) -> bool:
        byte = i >> 3
        return byte < len(self._bytes) and bool(self._bytes[byte] >> (i & 7) & 1)
