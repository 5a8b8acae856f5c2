import Printing
import Tensor

/// The one place the shell asks for array text; module Printing owns the formats.
enum ArrayText {
    static func str(_ a: NDArray) -> String { NumpyFormat.str(a) }
    static func repr(_ a: NDArray) -> String { NumpyFormat.repr(a) }
    static func scalarStr(_ a: NDArray) -> String { NumpyFormat.scalarStr(a.scalar(atStorageOffset: a.offset), dtype: a.dtype) }
    static func scalarRepr(_ a: NDArray) -> String { NumpyFormat.scalarRepr(a.scalar(atStorageOffset: a.offset), dtype: a.dtype) }
    /// Python's `repr(float)`, which is numpy's float64 scalar text.
    static func pythonFloat(_ d: Double) -> String { NumpyFormat.scalarStr(.float64(d), dtype: .float64) }
}
