import Tensor

/// numpy 2.4's text for arrays under the default print options, byte for byte:
/// `str(a)` (what `print(a)` shows), `repr(a)`, and Python lists/tuples of arrays.
public enum NumpyFormat {
    static let lineWidth = 75

    /// `str(a)`: a 0-d array prints as its scalar; an empty one as `[]`.
    public static func str(_ a: NDArray) -> String {
        if a.ndim == 0 { return ScalarFormat.str(a.scalar(atStorageOffset: a.offset), dtype: a.dtype) }
        if a.size == 0 { return "[]" }
        return body(a, separator: " ", prefixWidth: 0, width: lineWidth)
    }

    /// `repr(a)`: `array(...)` with a `shape=`/`dtype=` tail when the body does not imply them.
    public static func repr(_ a: NDArray) -> String {
        let text: String
        if a.size == 0 {
            text = "[]"
        } else if a.ndim == 0 {
            let value = a.scalar(atStorageOffset: a.offset)
            text = ElementFormatter(dtype: a.dtype, displayed: [value], ndim: 0).string(value)
        } else {
            // The closing `)` is reserved on every line: numpy wraps the body at 75 - 1.
            text = body(a, separator: ", ", prefixWidth: ReprExtras.prefix.utf8.count, width: lineWidth - 1)
        }
        return ReprExtras.wrap(body: text, extras: ReprExtras.extras(shape: a.shape, size: a.size, dtype: a.dtype))
    }

    /// `print([a, b, …])`: each complete repr, unchanged (its continuation lines are not
    /// re-indented for the list's `[`).
    public static func list(_ items: [NDArray]) -> String {
        "[" + items.map(repr).joined(separator: ", ") + "]"
    }

    /// `print((a, b, …))`; a 1-tuple keeps Python's trailing comma: `(array([0]),)`.
    public static func tuple(_ items: [NDArray]) -> String {
        let inner = items.map(repr).joined(separator: ", ")
        return "(" + inner + (items.count == 1 ? ",)" : ")")
    }

    /// numpy scalar `str`: `3`, `1.5`, `1e-05`, `True`.
    public static func scalarStr(_ s: Scalar, dtype: DType) -> String {
        ScalarFormat.str(s, dtype: dtype)
    }

    /// numpy scalar `repr`: `np.int64(3)`, `np.float32(0.5)`, `np.True_`.
    public static func scalarRepr(_ s: Scalar, dtype: DType) -> String {
        ScalarFormat.repr(s, dtype: dtype)
    }

    /// The bracketed body of a non-empty array of rank ≥ 1; only displayed elements are read.
    static func body(_ a: NDArray, separator: String, prefixWidth: Int, width: Int) -> String {
        let plan = DisplayPlan(shape: a.shape)
        let formatter = ElementFormatter(dtype: a.dtype, displayed: plan.displayedElements(of: a), ndim: a.ndim)
        let layout = Layout(separator: separator, array: a, plan: plan, element: formatter.string)
        // One column for the `[`, plus the `array(` prefix in repr.
        return layout.body(indentWidth: 1 + prefixWidth, width: width)
    }
}
