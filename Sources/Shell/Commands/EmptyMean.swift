import Tensor

/// numpy's mean over no elements (`np.mean([])`, `np.zeros((0, 3)).mean(axis=0)`): its
/// `_mean` warns `RuntimeWarning: Mean of empty slice` through Python's warnings (not the
/// float error modes), then divides the zero sum by the zero count, which reports an invalid
/// value under the error modes as `scalar divide` for a scalar result, `divide` for an array.
/// numpy shows both warnings at lines of its own source files; rnnsh shows them at the line
/// of the call, the only source it has.
enum EmptyMean {
    /// True when the mean reduces over no element (some reduced axis has length 0); an axis
    /// that does not read as axes is left to the reduction's own error.
    static func isEmpty(_ x: NDArray, axis: Value) -> Bool {
        let axes: [Int]?
        if axis.isNone { axes = nil } else {
            guard let given = try? ArgumentBinder.integers(axis, nil) else { return false }
            axes = given
        }
        guard let n = try? x.reducedCount(axes) else { return false }
        return n == 0
    }

    static func reporting(_ call: Invocation, _ body: () throws -> Value) throws -> Value {
        let ev = call.evaluator
        ev.runtimeWarning("Mean of empty slice", span: call.span)
        let checking = ev.beginFloatCheck()
        defer { if checking { ev.floatCheckActive = false } }
        let value = try body()
        guard checking else { return value }
        FloatFlags.raise(FloatWarnings.invalidFlag)
        if case .scalar = value {
            try ev.endFloatCheck("scalar divide", span: call.span)
        } else {
            try ev.endFloatCheck("divide", span: call.span)
        }
        return value
    }
}
