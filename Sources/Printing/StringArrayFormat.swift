import Tensor

/// numpy's text for unicode (`<U…`) arrays. The shell keeps such an array as an int64 array of
/// codes into a table of strings; the layout (wrapping, summarising, nesting) is the numeric
/// arrays' own, only each element is the Python repr of its string (`'cat'`), unpadded, as
/// numpy's string formatter leaves it.
public enum StringArrayFormat {
    /// `str(a)`: a 0-d array is its string itself; otherwise the bracketed body with `' '`.
    /// `userText`: the element texts come from a `formatter=` function (docs/printing.md §8).
    public static func str(codes: NDArray, userText: Bool = false, element: @escaping (Int) -> String, plain: (Int) -> String) -> String {
        if codes.ndim == 0 { return plain(code(codes.scalar(atStorageOffset: codes.offset))) }
        return body(codes, separator: " ", prefix: "", suffix: "", userText: userText, element: element)
    }

    /// `repr(a)`: `array([...], dtype='<U3')`, the tail wrapped as numpy wraps `dtype=`.
    public static func repr(codes: NDArray, dtypeText: String, userText: Bool = false, element: @escaping (Int) -> String) -> String {
        let options = PrintOptions.current
        let text = codes.ndim == 0
            ? element(code(codes.scalar(atStorageOffset: codes.offset)))
            : body(codes, separator: ", ", prefix: ReprExtras.prefix, suffix: ")", userText: userText, element: element)
        var extras: [String] = []
        if (codes.size == 0 && codes.shape != [0]) || codes.size > options.threshold {
            extras.append("shape=" + shapeString(codes.shape))
        }
        extras.append("dtype='" + dtypeText + "'")
        return ReprExtras.wrap(body: text, extras: extras, lineWidth: options.lineWidth)
    }

    static func body(_ codes: NDArray, separator: String, prefix: String, suffix: String, userText: Bool = false, element: @escaping (Int) -> String) -> String {
        if codes.size == 0 { return "[]" }
        let options = PrintOptions.current
        let width = PrintOptions.clampedWidth(options.lineWidth) - suffix.count
        let plan = DisplayPlan(shape: codes.shape, options: options)
        var layout = Layout(separator: separator, array: codes, plan: plan, element: { element(code(codes.scalar(atStorageOffset: $0))) })
        layout.userText = userText
        return layout.body(indentWidth: 1 + prefix.count, width: width)
    }

    static func code(_ s: Scalar) -> Int {
        if case .int(let i) = s { return Int(i) }
        return 0
    }
}
