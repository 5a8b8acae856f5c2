import Foundation

/// `np.einsum(subscripts, *operands)`: Einstein summation with explicit (`'ij,jk->ik'`) and
/// implicit (`'ij,jk'`: the labels seen once, alphabetically) output, repeated labels on one
/// operand (`'ii->i'`, the diagonal), and `...` for broadcast batch axes.
///
/// Every output element is the sum, over all values of the labels not in the output, of the
/// product of the operands' elements, accumulated in the operands' result dtype in label order
/// (integers wrap as numpy's do).
extension NDArray {
    public static func einsum(_ subscripts: String, _ operands: [NDArray]) throws(TensorError) -> NDArray {
        let spec = subscripts.filter { $0 != " " }
        let parts = spec.components(separatedBy: "->")
        guard parts.count <= 2 else { throw TensorError("einstein sum subscript string does not contain proper '->' output specified", kind: .valueError) }
        let inputs = parts[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if inputs.count > operands.count {
            throw TensorError("more operands provided to einstein sum function than specified in the subscripts string", kind: .valueError)
        }
        if inputs.count < operands.count {
            throw TensorError("fewer operands provided to einstein sum function than specified in the subscripts string", kind: .valueError)
        }
        // Labels per operand; ellipsis dims become labels "0", "1", … counted from the right.
        var ellipsisRank = 0
        var labels: [[String]] = []
        for (k, term) in inputs.enumerated() {
            let hasEllipsis = term.contains("...")
            let letters = term.replacingOccurrences(of: "...", with: "")
            for ch in letters where !ch.isLetter {
                throw TensorError("invalid subscript '\(ch)' in einstein sum subscripts string, subscripts must be letters", kind: .valueError)
            }
            let nd = operands[k].ndim
            if letters.count > nd || (!hasEllipsis && letters.count != nd) {
                throw TensorError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.", kind: .valueError)
            }
            let extra = nd - letters.count
            ellipsisRank = Swift.max(ellipsisRank, extra)
            var ls: [String] = []
            if hasEllipsis, let r = term.range(of: "...") {
                let before = term[..<r.lowerBound], after = term[r.upperBound...]
                ls += before.map { String($0) }
                ls += (0..<extra).map { "#\(extra - 1 - $0)" }
                ls += after.map { String($0) }
            } else {
                ls = term.map { String($0) }
            }
            labels.append(ls)
        }
        let ellipsisLabels = (0..<ellipsisRank).reversed().map { "#\($0)" }
        var output: [String]
        if parts.count == 2 {
            let out = parts[1]
            output = []
            if let r = out.range(of: "...") {
                output += out[..<r.lowerBound].map { String($0) } + ellipsisLabels + out[r.upperBound...].map { String($0) }
            } else {
                output = out.map { String($0) }
                if ellipsisRank > 0 { output = ellipsisLabels + output }
            }
            let all = Set(labels.flatMap { $0 })
            for l in output where !all.contains(l) && !l.hasPrefix("#") {
                throw TensorError("einstein sum subscripts string included output subscript '\(l)' which never appeared in an input", kind: .valueError)
            }
        } else {
            var counts: [String: Int] = [:]
            for l in labels.flatMap({ $0 }) where !l.hasPrefix("#") { counts[l, default: 0] += 1 }
            output = ellipsisLabels + counts.filter { $0.value == 1 }.map(\.key).sorted()
        }
        // Sizes per label (length-1 broadcast for ellipsis dims).
        var size: [String: Int] = [:]
        for (k, ls) in labels.enumerated() {
            for (d, l) in ls.enumerated() {
                let n = operands[k].shape[d]
                if let s = size[l], s != n {
                    if l.hasPrefix("#") && (s == 1 || n == 1) { size[l] = Swift.max(s, n); continue }
                    throw TensorError("operands could not be broadcast together with remapped shapes [original->remapped]: " +
                                      operands.map { numpyShapeString($0.shape) + " " }.joined(), kind: .valueError)
                }
                size[l] = n
            }
        }
        for l in ellipsisLabels where size[l] == nil { size[l] = 1 }
        let summed = Array(Set(size.keys).subtracting(output)).sorted()
        let loop = output + summed
        let dims = loop.map { size[$0] ?? 1 }
        let outShape = output.map { size[$0] ?? 1 }
        let outCount = try Limits.elementCount(outShape)
        _ = try Limits.checkAllocation(outShape, .float64)
        let sumCount = summed.reduce(1) { (acc: Int, l: String) -> Int in
            let (p, o) = acc.multipliedReportingOverflow(by: size[l] ?? 1); return o ? Int.max : p
        }
        // Per operand: the stride of each loop label in its C-ordered element list.
        var opStrides: [[Int]] = []
        for (k, ls) in labels.enumerated() {
            let st = contiguousStrides(operands[k].shape)
            opStrides.append(loop.map { l in
                var s = 0
                for (d, x) in ls.enumerated() where x == l && operands[k].shape[d] != 1 { s += st[d] }
                return s
            })
        }
        let rt = DType.resultType(operands.map(\.dtype)) ?? .float64
        let (totalLoop, tooMany) = outCount.multipliedReportingOverflow(by: sumCount)
        if tooMany || totalLoop > 1 << 32 {
            throw TensorError("einsum: \(outCount) outputs × \(sumCount) terms is too much work for rnnsh's direct sum", kind: .valueError)
        }
        var index = [Int](repeating: 0, count: loop.count)
        var offsets = [Int](repeating: 0, count: operands.count)
        func forEachTerm(_ body: (Int, [Int]) -> Void) {
            if totalLoop == 0 { return }
            for t in 0..<totalLoop {
                // Ctrl-C: stop early; the callers check the flag and throw.
                if t & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return }
                body(t / Swift.max(sumCount, 1), offsets)
                var d = loop.count - 1
                while d >= 0 {
                    index[d] += 1
                    for k in 0..<offsets.count { offsets[k] += opStrides[k][d] }
                    if index[d] < dims[d] { break }
                    for k in 0..<offsets.count { offsets[k] -= opStrides[k][d] * dims[d] }
                    index[d] = 0
                    d -= 1
                }
            }
        }
        if rt.isFloat {
            let values = try operands.map { (o) throws(TensorError) -> [Double] in try o.astype(rt).doubleValues() }
            var out = [Double](repeating: 0, count: outCount)
            if rt == .float64 {
                forEachTerm { o, offs in
                    var p = 1.0
                    for k in 0..<values.count { p *= values[k][offs[k]] }
                    out[o] += p
                }
                try Cancellation.check()
                return try fromDoubles(out, shape: outShape)
            }
            var outF = [Float](repeating: 0, count: outCount)
            forEachTerm { o, offs in
                var p: Float = 1
                for k in 0..<values.count { p *= Float(values[k][offs[k]]) }
                outF[o] += p
            }
            try Cancellation.check()
            return try fromFloats(outF, shape: outShape, dtype: rt)
        }
        let values = try operands.map { (o) throws(TensorError) -> [Int64] in try o.int64Values() }
        var out = [Int64](repeating: 0, count: outCount)
        forEachTerm { o, offs in
            var p: Int64 = 1
            for k in 0..<values.count { p = p &* values[k][offs[k]] }
            out[o] = out[o] &+ p
        }
        try Cancellation.check()
        if rt == .bool { return try fromInt64s(out, shape: outShape).astype(.bool) }
        return try fromInt64s(out, shape: outShape, dtype: rt)
    }
}
