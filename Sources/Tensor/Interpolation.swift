import Foundation

/// `np.interp(x, xp, fp, left=None, right=None, period=None)`: piecewise-linear interpolation
/// as numpy's C `arr_interp` computes it, so every value is numpy's to the bit: the segment
/// `xp[j] <= x < xp[j+1]` is found by bisection; a point equal to a sample point takes that
/// sample's value; otherwise `slope * (x - xp[j]) + fp[j]`, and where that is NaN (an infinite
/// fp), the same from the right end, then `fp[j]` when both ends are equal. NaN x gives NaN;
/// below `xp[0]` it is `left` (default `fp[0]`), above `xp[-1]` `right` (default `fp[-1]`).
/// With `period`, x and xp are reduced modulo the period and xp is sorted and extended by one
/// point on each side (numpy's Python wrapper), and left/right are ignored.
extension NDArray {
    public static func interp(_ x: NDArray, _ xp: NDArray, _ fp: NDArray, left: Double?, right: Double?, period: Double?) throws(TensorError) -> NDArray {
        for a in [fp, xp] {
            if a.ndim > 1 { throw TensorError("object too deep for desired array", kind: .valueError) }
            if a.ndim < 1 { throw TensorError("object of too small depth for desired array", kind: .valueError) }
        }
        var dx = try xp.astype(.float64).scalars.map(\.doubleValue)
        var dy = try fp.astype(.float64).scalars.map(\.doubleValue)
        let xs = try x.astype(.float64)
        var values = xs.scalars.map(\.doubleValue)
        var lval = left, rval = right
        if let period {
            if period == 0 { throw TensorError("period must be a non-zero value", kind: .valueError) }
            guard dx.count == dy.count else { throw TensorError("fp and xp are not of the same length", kind: .valueError) }
            let p = Swift.abs(period)
            func remainder(_ a: Double) -> Double {
                var m = fmod(a, p)
                if m != 0 { if m < 0 { m += p } } else { m = 0 }
                return m
            }
            values = values.map(remainder)
            let reduced = dx.map(remainder)
            let order = reduced.indices.sorted { reduced[$0] < reduced[$1] || (reduced[$0] == reduced[$1] && $0 < $1) }
            let sx = order.map { reduced[$0] }, sy = order.map { dy[$0] }
            if let first = sx.first, let last = sx.last, let fy = sy.first, let ly = sy.last {
                dx = [last - p] + sx + [first + p]
                dy = [ly] + sy + [fy]
            }
            lval = nil; rval = nil
        }
        if dx.isEmpty { throw TensorError("array of sample points is empty", kind: .valueError) }
        guard dx.count == dy.count else { throw TensorError("fp and xp are not of the same length.", kind: .valueError) }
        let n = dx.count
        let lo = lval ?? dy[0], hi = rval ?? dy[n - 1]
        let out = values.map { (v: Double) -> Double in
            if v.isNaN { return v }
            if v < dx[0] { return lo }
            if v > dx[n - 1] { return hi }
            // The last j with dx[j] <= v.
            var a = 0, b = n
            while b - a > 1 {
                let m = (a + b) / 2
                if dx[m] <= v { a = m } else { b = m }
            }
            let j = a
            if j == n - 1 || dx[j] == v { return dy[j] }
            let slope = (dy[j + 1] - dy[j]) / (dx[j + 1] - dx[j])
            var r = slope * (v - dx[j]) + dy[j]
            if r.isNaN {
                r = slope * (v - dx[j + 1]) + dy[j + 1]
                if r.isNaN && dy[j] == dy[j + 1] { r = dy[j] }
            }
            return r
        }
        return try NDArray(out, shape: x.shape)
    }
}
