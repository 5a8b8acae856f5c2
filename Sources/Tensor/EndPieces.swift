/// 1-d helpers that work at an array's ends: `np.trim_zeros` (drop leading/trailing zeros) and
/// `np.ediff1d` (differences of the flattened array, with pieces added before and after).
extension NDArray {
    /// `np.trim_zeros(filt, trim='fb')` of a 1-d array: the slice (a view) without the leading
    /// ('f') and/or trailing ('b') zeros.
    public func trimZeros(_ trim: String = "fb") throws(TensorError) -> NDArray {
        let bad = trim.filter { !"fFbB".contains($0) }
        if !bad.isEmpty { throw TensorError("unexpected character(s) in `trim`: \(pythonRepr(trim))", kind: .valueError) }
        guard ndim == 1 else { throw TensorError("trim_zeros of an array of \(ndim) dimensions is not supported in rnnsh (numpy 2.2+ trims every axis)", kind: .notImplementedError) }
        let nonzero = try astype(.bool).boolValues()
        guard let first = nonzero.firstIndex(of: true), let last = nonzero.lastIndex(of: true) else {
            return try subscripted([.slice(start: 0, stop: 0, step: nil)])
        }
        let lower = trim.lowercased()
        let start = lower.contains("f") ? first : 0
        let stop = lower.contains("b") ? last + 1 : size
        return try subscripted([.slice(start: start, stop: stop, step: nil)])
    }

    /// `np.ediff1d(ary, to_end=None, to_begin=None)`: `diff` of the flattened array in its own
    /// dtype, with `to_begin` and `to_end` (flattened) around it. They must cast to that dtype
    /// under the 'same_kind' rule, as numpy requires.
    public func ediff1d(toEnd: NDArray? = nil, toBegin: NDArray? = nil) throws(TensorError) -> NDArray {
        let flat = try ravel()
        func piece(_ p: NDArray?, _ name: String) throws(TensorError) -> NDArray? {
            guard let p else { return nil }
            let downcast = (p.dtype.isFloat && !dtype.isFloat) || (p.dtype != .bool && dtype == .bool)
                || (p.dtype.isSignedInteger && dtype.isUnsignedInteger)
            if downcast { throw TensorError("dtype of `\(name)` must be compatible with input `ary` under the `same_kind` rule.", kind: .typeError) }
            return try p.ravel().astype(dtype)
        }
        var parts: [NDArray] = []
        if let b = try piece(toBegin, "to_begin") { parts.append(b) }
        let d = flat.size < 2 ? try NDArray(zeros: [0], dtype: dtype)
            : try NDArray.binary(dtype == .bool ? .notEqual : .subtract, .array(try flat.subscripted([.slice(start: 1, stop: nil, step: nil)])),
                                 .array(try flat.subscripted([.slice(start: nil, stop: -1, step: nil)]))).astype(dtype)
        parts.append(d)
        if let e = try piece(toEnd, "to_end") { parts.append(e) }
        return parts.count == 1 ? d : try NDArray.concatenate(parts, axis: 0)
    }
}

