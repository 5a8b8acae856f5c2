import Tensor

/// numpy 2.4's text for arrays, byte for byte, under the print options in force
/// (`PrintOptions.current`): `str(a)` (what `print(a)` shows), `repr(a)`,
/// `np.array2string`, and Python lists/tuples of arrays.
public enum NumpyFormat {
    /// `str(a)`: a 0-d array prints as its scalar; an empty one as `[]`.
    public static func str(_ a: NDArray) -> String {
        if a.ndim == 0 { return ScalarFormat.str(a.scalar(atStorageOffset: a.offset), dtype: a.dtype) }
        return array2string(a, options: .current)
    }

    /// `repr(a)`: `array(...)` with a `shape=`/`dtype=` tail when the body does not imply them.
    public static func repr(_ a: NDArray) -> String {
        let options = PrintOptions.current
        // The closing `)` is reserved on every line: numpy wraps the body at linewidth - 1.
        let text = array2string(a, options: options, separator: ", ", prefix: ReprExtras.prefix, suffix: ")")
        return ReprExtras.wrap(body: text, extras: ReprExtras.extras(shape: a.shape, size: a.size, dtype: a.dtype, bigEndian: a.isBigEndian, options: options),
                               lineWidth: options.lineWidth)
    }

    /// `np.array2string(a, …)` with the options already merged: `[]` for an empty array, the
    /// element text for a 0-d one, else the bracketed body whose continuation lines are
    /// indented by one space plus the width of `prefix`, wrapped at the line width less the
    /// width of `suffix` (docs/printing.md §1).
    public static func array2string(_ a: NDArray, options: PrintOptions, separator: String = " ", prefix: String = "", suffix: String = "") -> String {
        if a.size == 0 { return "[]" }
        let width = PrintOptions.clampedWidth(options.lineWidth) - suffix.count
        // A user's `formatter=` function for this dtype gives each element's whole text;
        // numpy then builds none of its own formatters (precision, sign, … do not apply).
        let custom = options.formatter?.functions.elementText(for: a.dtype)
        if a.ndim == 0 {
            if let custom { return custom(a, a.offset) }
            let value = a.scalar(atStorageOffset: a.offset)
            return ElementFormatter(dtype: a.dtype, displayed: [value], ndim: 0, options: options).string(value)
        }
        let plan = DisplayPlan(shape: a.shape, options: options)
        var layout: Layout
        if let custom {
            layout = Layout(separator: separator, array: a, plan: plan, element: { custom(a, $0) })
            layout.userText = true
        } else {
            let formatter = ElementFormatter(dtype: a.dtype, displayed: plan.displayedElements(of: a), ndim: a.ndim, options: options)
            layout = Layout(separator: separator, array: a, plan: plan, element: { formatter.string(a.scalar(atStorageOffset: $0)) })
        }
        // One column for the `[`, plus the prefix (`array(` in repr).
        return layout.body(indentWidth: 1 + prefix.count, width: width)
    }

    /// `np.array_repr(a, max_line_width, precision, suppress_small)`: repr under those overrides.
    public static func arrayRepr(_ a: NDArray, options: PrintOptions) -> String {
        PrintOptions.$current.withValue(options) { repr(a) }
    }

    /// `np.array_str(a, …)`: str under those overrides.
    public static func arrayStr(_ a: NDArray, options: PrintOptions) -> String {
        PrintOptions.$current.withValue(options) { str(a) }
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

    /// numpy scalar `str`: `3`, `1.5`, `1e-05`, `True` (print options do not apply).
    public static func scalarStr(_ s: Scalar, dtype: DType) -> String {
        ScalarFormat.str(s, dtype: dtype)
    }

    /// numpy scalar `repr`: `np.int64(3)`, `np.float32(0.5)`, `np.True_`.
    public static func scalarRepr(_ s: Scalar, dtype: DType) -> String {
        ScalarFormat.repr(s, dtype: dtype)
    }
}
