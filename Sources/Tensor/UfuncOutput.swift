/// numpy's `out=` of a ufunc, after the result exists: the checks numpy makes of an output
/// operand and the write into it. Computing first and writing after gives numpy's answer even
/// when `out` overlaps an input (`np.add(a, a[::-1], out=a)` reads the old values).
extension NDArray {
    /// Writes `result` (computed in the loop numpy picks from the inputs) into this array, as
    /// numpy's ufunc `ufunc` does with `out=self`: refused when read-only, when the output cast
    /// breaks numpy's `same_kind` rule (`Cannot cast ufunc 'sqrt' output from dtype('float64')
    /// to dtype('int64') with casting rule 'same_kind'`), or when the result's shape does not
    /// broadcast to this one; the result is broadcast into a larger output.
    public func storeUfuncResult(_ result: NDArray, ufunc: String) throws(TensorError) {
        try requireWriteable(NDArray.readOnlyOutput)
        if result.dtype.castKind > dtype.castKind {
            throw TensorError("Cannot cast ufunc '\(ufunc)' output from dtype('\(result.dtype.name)') to dtype('\(dtype.name)') with casting rule 'same_kind'",
                              kind: .ufuncTypeError)
        }
        let joint = try? NDArray.broadcastShapes([result.shape, shape])
        guard joint == shape else {
            throw TensorError("non-broadcastable output operand with shape \(numpyShapeString(shape)) doesn't match the broadcast shape \(numpyShapeString(joint ?? result.shape))",
                              kind: .valueError)
        }
        try assign(result)
    }
}
