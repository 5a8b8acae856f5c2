/// `transpose`: always a view — the same storage read with permuted shape and strides.
extension NDArray {
    /// `a.transpose(axes)`; with no axes the order is reversed (`a.T`). Errors, in numpy's order:
    /// `axes don't match array` (wrong count), `axis 3 is out of bounds for array of dimension 2`,
    /// `repeated axis in transpose`.
    public func transpose(_ axes: [Int]? = nil) throws(TensorError) -> NDArray {
        let perm: [Int]
        if let axes {
            guard axes.count == ndim else { throw TensorError("axes don't match array", kind: .valueError) }
            var seen = [Bool](repeating: false, count: ndim)
            var p: [Int] = []
            for a in axes {
                let n = try NDArray.normalizeAxis(a, ndim: ndim)
                if seen[n] { throw TensorError("repeated axis in transpose", kind: .valueError) }
                seen[n] = true
                p.append(n)
            }
            perm = p
        } else {
            perm = Array((0..<ndim).reversed())
        }
        return NDArray(viewing: storage, dtype: dtype, shape: perm.map { shape[$0] },
                       strides: perm.map { strides[$0] }, offset: offset, isView: true, writeable: isWriteable)
    }

    /// `a.T`.
    public var T: NDArray {
        NDArray(viewing: storage, dtype: dtype, shape: shape.reversed(), strides: strides.reversed(),
                offset: offset, isView: true, writeable: isWriteable)
    }

    /// `np.swapaxes(a, axis1, axis2)`: a view.
    public func swapaxes(_ axis1: Int, _ axis2: Int) throws(TensorError) -> NDArray {
        // numpy names the offending argument: `axis2: axis 2 is out of bounds ...`.
        func normalized(_ axis: Int, _ label: String) throws(TensorError) -> Int {
            do { return try NDArray.normalizeAxis(axis, ndim: ndim) } catch {
                throw TensorError("\(label): " + error.message, explanation: error.explanation, kind: .axisError)
            }
        }
        let a = try normalized(axis1, "axis1")
        let b = try normalized(axis2, "axis2")
        var sh = shape, st = strides
        sh.swapAt(a, b); st.swapAt(a, b)
        return NDArray(viewing: storage, dtype: dtype, shape: sh, strides: st, offset: offset, isView: true, writeable: isWriteable)
    }
}
