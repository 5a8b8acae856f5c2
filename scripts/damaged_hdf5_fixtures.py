#!/usr/bin/env python3
"""Damaged legacy Keras .h5 files that break libhdf5 itself (issue 12), for the tests that
`load` refuses them in bounded time with one line.

Each is the committed tf-keras fixture with one byte overwritten. The offsets were found by
mutating that file one to four random bytes at a time and reading each variant as `load` does
(found: a hang and a segfault inside libhdf5 1.10.8; the hang never returns).

    python3 scripts/damaged_hdf5_fixtures.py   # rewrites the two files below
"""
import pathlib

fixtures = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "InteropTests" / "Fixtures"
good = (fixtures / "tfkeras_lstm_bidirectional.h5").read_bytes()

# offset: new byte. With byte 4392 changed libhdf5 never returns from reading the file; with
# byte 4523 changed it segfaults.
for name, offset, byte in [("damaged_hdf5_hangs.h5", 4392, 0xFF), ("damaged_hdf5_crashes.h5", 4523, 0xFC)]:
    b = bytearray(good)
    b[offset] = byte
    (fixtures / name).write_bytes(bytes(b))
    print(f"{name}: byte {offset} {good[offset]:#04x} -> {byte:#04x}")
