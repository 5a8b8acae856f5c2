/// Numerical calculus on samples: `np.gradient` and `np.trapezoid`.
///
/// `np.gradient(f, *varargs, axis=None, edge_order=1)` as numpy's Python code computes it, with
/// the same array operations in the same order, so dtypes and roundings are numpy's: central
/// differences `(f[2:] - f[:-2]) / (2. * dx)` inside, one-sided differences at the edges (first
/// order, or numpy's second-order formulas for edge_order=2), numpy's three-point weights for
/// coordinate arrays. Integer input is differentiated in float64; float32 stays float32 unless a
/// spacing is a float64 array or numpy scalar.
extension NDArray {
    /// One axis's spacing, as numpy's varargs give it.
    public enum GradientSpacing: Sendable {
        /// A Python int or float (weak: it does not widen float32).
        case number(Double)
        /// A numpy scalar or 0-d array (strong).
        case scalar(NDArray)
        /// The coordinates along the axis (1-d, as long as the axis).
        case coordinates(NDArray)
    }

    /// The derivatives along `axes` (all axes when nil), one array per axis. `spacings` holds
    /// none (unit spacing), one scalar for every axis, or one entry per axis.
    public func gradient(spacings: [GradientSpacing], axes requested: [Int]?, edgeOrder: Int) throws(TensorError) -> [NDArray] {
        let axes = try requested.map { (a) throws(TensorError) -> [Int] in try NDArray.normalizeAxes(a, ndim: ndim) } ?? Array(0..<ndim)
        var dx: [GradientSpacing]
        switch spacings.count {
        case 0: dx = Array(repeating: .number(1.0), count: axes.count)
        case 1 where !spacings[0].isCoordinates: dx = Array(repeating: spacings[0], count: axes.count)
        case axes.count:
            dx = []
            for (i, s) in spacings.enumerated() {
                guard case .coordinates(var d) = s else { dx.append(s); continue }
                guard d.ndim == 1 else { throw TensorError("distances must be either scalars or 1d", kind: .valueError) }
                guard d.shape[0] == shape[axes[i]] else {
                    throw TensorError("when 1d, distances must match the length of the corresponding dimension", kind: .valueError)
                }
                if d.dtype.isInteger { d = try d.astype(.float64) }
                let diffx = try d.difference()
                let first = try diffx.subscripted([.index(0)])
                let uniform = try NDArray.binary(.equal, .array(diffx), .array(first)).doubleValues().allSatisfy { $0 != 0 }
                dx.append(uniform ? .scalar(first) : .coordinates(diffx))
            }
        default: throw TensorError("invalid number of arguments", kind: .typeError)
        }
        if edgeOrder > 2 { throw TensorError("'edge_order' greater than 2 not supported", kind: .valueError) }
        var f = self
        let outType: DType = dtype.isFloat ? dtype : .float64
        if dtype.isInteger { f = try f.astype(.float64) }

        var results: [NDArray] = []
        for (axis, step) in zip(axes, dx) {
            try Cancellation.check()
            guard f.shape[axis] >= edgeOrder + 1 else {
                throw TensorError("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.", kind: .valueError)
            }
            func part(_ start: Int?, _ stop: Int?) throws(TensorError) -> NDArray {
                var items = [IndexItem](repeating: .all, count: f.ndim)
                items[axis] = .slice(start: start, stop: stop, step: nil)
                return try f.subscripted(items)
            }
            func op(_ o: BinaryOp, _ a: Operand, _ b: Operand) throws(TensorError) -> NDArray { try NDArray.binary(o, a, b) }
            let inner: NDArray, first: NDArray, last: NDArray
            switch step {
            case .number, .scalar:
                // The spacing as numpy holds it: a Python number stays weak.
                func scaled(_ k: Double) throws(TensorError) -> Operand {
                    if case .number(let d) = step { return .float(k * d) }
                    if case .scalar(let s) = step { return .array(try op(.multiply, .float(k), .array(s))) }
                    return .float(k)
                }
                func over(_ k: Double) throws(TensorError) -> Operand {
                    if case .number(let d) = step { return .float(k / d) }
                    if case .scalar(let s) = step { return .array(try op(.divide, .float(k), .array(s))) }
                    return .float(k)
                }
                let h: Operand
                if case .scalar(let s) = step { h = .array(s) } else if case .number(let d) = step { h = .float(d) } else { h = .float(1) }
                inner = try op(.divide, .array(try op(.subtract, .array(try part(2, nil)), .array(try part(nil, -2)))), try scaled(2.0))
                if edgeOrder == 1 {
                    first = try op(.divide, .array(try op(.subtract, .array(try part(1, 2)), .array(try part(0, 1)))), h)
                    last = try op(.divide, .array(try op(.subtract, .array(try part(-1, nil)), .array(try part(-2, -1)))), h)
                } else {
                    first = try NDArray.threePoint(try over(-1.5), try part(0, 1), try over(2.0), try part(1, 2), try over(-0.5), try part(2, 3))
                    last = try NDArray.threePoint(try over(0.5), try part(-3, -2), try over(-2.0), try part(-2, -1), try over(1.5), try part(-1, nil))
                }
            case .coordinates(let h):
                let n = h.shape[0]
                let dx1 = try h.subscripted([.slice(start: 0, stop: -1, step: nil)]), dx2 = try h.subscripted([.slice(start: 1, stop: nil, step: nil)])
                let sum = try op(.add, .array(dx1), .array(dx2))
                var weightShape = [Int](repeating: 1, count: f.ndim)
                weightShape[axis] = -1
                let a = try op(.divide, .array(try NDArray.negate(dx2)), .array(try op(.multiply, .array(dx1), .array(sum)))).reshape(weightShape)
                let b = try op(.divide, .array(try op(.subtract, .array(dx2), .array(dx1))), .array(try op(.multiply, .array(dx1), .array(dx2)))).reshape(weightShape)
                let c = try op(.divide, .array(dx1), .array(try op(.multiply, .array(dx2), .array(sum)))).reshape(weightShape)
                inner = try NDArray.threePoint(.array(a), try part(nil, -2), .array(b), try part(1, -1), .array(c), try part(2, nil))
                let h0 = try h.subscripted([.index(0)]), hn = try h.subscripted([.index(n - 1)])
                if edgeOrder == 1 {
                    first = try op(.divide, .array(try op(.subtract, .array(try part(1, 2)), .array(try part(0, 1)))), .array(h0))
                    last = try op(.divide, .array(try op(.subtract, .array(try part(-1, nil)), .array(try part(-2, -1)))), .array(hn))
                } else {
                    // numpy's second-order edge weights from the first and last two spacings.
                    let (d1, d2) = (h0, try h.subscripted([.index(1)]))
                    let s12 = try op(.add, .array(d1), .array(d2))
                    let fa = try op(.divide, .array(try NDArray.negate(try op(.add, .array(try op(.multiply, .float(2), .array(d1))), .array(d2)))), .array(try op(.multiply, .array(d1), .array(s12))))
                    let fb = try op(.divide, .array(s12), .array(try op(.multiply, .array(d1), .array(d2))))
                    let fc = try op(.divide, .array(try NDArray.negate(d1)), .array(try op(.multiply, .array(d2), .array(s12))))
                    first = try NDArray.threePoint(.array(fa), try part(0, 1), .array(fb), try part(1, 2), .array(fc), try part(2, 3))
                    let (e1, e2) = (try h.subscripted([.index(n - 2)]), hn)
                    let s21 = try op(.add, .array(e1), .array(e2))
                    let la = try op(.divide, .array(e2), .array(try op(.multiply, .array(e1), .array(s21))))
                    let lb = try op(.divide, .array(try NDArray.negate(try op(.add, .array(e2), .array(e1)))), .array(try op(.multiply, .array(e1), .array(e2))))
                    let lc = try op(.divide, .array(try op(.add, .array(try op(.multiply, .float(2), .array(e2))), .array(e1))), .array(try op(.multiply, .array(e2), .array(s21))))
                    last = try NDArray.threePoint(.array(la), try part(-3, -2), .array(lb), try part(-2, -1), .array(lc), try part(-1, nil))
                }
            }
            results.append(try NDArray.concatenate([first, inner, last], axis: axis).astype(outType))
        }
        return results
    }

    /// `a * x + b * y + c * z`, left to right as numpy evaluates it.
    private static func threePoint(_ a: Operand, _ x: NDArray, _ b: Operand, _ y: NDArray, _ c: Operand, _ z: NDArray) throws(TensorError) -> NDArray {
        let ax = try binary(.multiply, a, .array(x)), by = try binary(.multiply, b, .array(y)), cz = try binary(.multiply, c, .array(z))
        return try binary(.add, .array(try binary(.add, .array(ax), .array(by))), .array(cz))
    }

    /// `np.trapezoid(y, x=None, dx=1.0, axis=-1)`: `(d * (y[1:] + y[:-1]) / 2.0).sum(axis)` as
    /// numpy writes it, d being dx (a Python number stays weak) or `np.diff(x)` (a 1-d x
    /// reshaped along the axis).
    public func trapezoid(x: NDArray?, dx: Operand, axis: Int) throws(TensorError) -> NDArray {
        guard axis >= -ndim && axis < ndim else { throw TensorError("list assignment index out of range", kind: .indexError) }
        let ax = axis < 0 ? axis + ndim : axis
        var d = dx
        if let x {
            if x.ndim == 1 {
                let diffx = try x.difference()
                var s = [Int](repeating: 1, count: ndim)
                s[ax] = diffx.shape[0]
                d = .array(try diffx.reshape(s))
            } else {
                d = .array(try x.difference(axis: axis))
            }
        }
        var hi = [IndexItem](repeating: .all, count: ndim), lo = hi
        hi[ax] = .slice(start: 1, stop: nil, step: nil)
        lo[ax] = .slice(start: nil, stop: -1, step: nil)
        let pairs = try NDArray.binary(.add, .array(try subscripted(hi)), .array(try subscripted(lo)))
        let areas = try NDArray.binary(.divide, .array(try NDArray.binary(.multiply, d, .array(pairs))), .float(2.0))
        return try areas.reduce(.sum, axis: [ax])
    }

    private static func negate(_ a: NDArray) throws(TensorError) -> NDArray { try a.apply(.negative) }
}

extension NDArray.GradientSpacing {
    var isCoordinates: Bool { if case .coordinates = self { return true } else { return false } }
}
