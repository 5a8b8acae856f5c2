/// Reductions: `sum`, `mean`, `max`, `min` (over any set of axes) and `argmax`, `argmin`.
///
/// Float sums are bit-identical to numpy's because they add in numpy's order, which depends on
/// memory layout: numpy's iterator walks the input in memory order (axes sorted by stride,
/// adjacent axes merged), and when the innermost walked axis is a reduced one it adds that run
/// with *pairwise summation* (blocks of 128 with 8 accumulators, halves above that), otherwise
/// it adds whole rows into the output one after another. `ReductionPlan` reproduces that walk.
public enum ReduceOp: String, CaseIterable, Sendable {
    case sum, mean, max, min
}

extension NDArray {
    /// `np.sum/mean/max/min(a, axis=, keepdims=)`; `axis: nil` reduces everything.
    /// dtypes as numpy: sum of bool/int32/int64 → int64, float → same; mean of bool/ints →
    /// float64; max/min keep the dtype. One documented difference: numpy sums uint8 into
    /// uint64, which rnnsh does not have; we return int64 (same values: no sum under the memory
    /// limit can exceed int64). Errors: numpy's AxisError text, `duplicate value in 'axis'`,
    /// `zero-size array to reduction operation maximum which has no identity`.
    public func reduce(_ op: ReduceOp, axis: [Int]? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray {
        try reduce(op, axes: axis, singleAxis: false, keepdims: keepdims)
    }

    /// The same with a single integer `axis=` (numpy treats `axis=0` and `axis=(0,)` differently
    /// only for 0-d arrays: an integer 0 or -1 is accepted there by sum/max/min, not by mean).
    public func reduce(_ op: ReduceOp, axis: Int, keepdims: Bool = false) throws(TensorError) -> NDArray {
        try reduce(op, axes: [axis], singleAxis: op != .mean, keepdims: keepdims)
    }

    /// The reduction itself. `initial` (a 0-d array of the result's dtype) replaces the
    /// identity as every output's starting value (numpy's `initial=`); `mask` (bool, already
    /// broadcast to this shape) skips elements where it is False (`where=`): float sums then
    /// add each run of True elements pairwise, as numpy's masked loop does; the other
    /// reductions substitute an element that cannot change the result (0 for integer sums,
    /// `initial` for max/min).
    func reduce(_ op: ReduceOp, axes axis: [Int]?, singleAxis: Bool, keepdims: Bool,
                initial: NDArray? = nil, mask: NDArray? = nil) throws(TensorError) -> NDArray {
        if let mask, !(op == .sum && dtype.isFloat) {
            let filler: Operand
            switch op {
            case .max, .min:
                guard let initial else {
                    throw TensorError("reduction operation '\(op == .max ? "maximum" : "minimum")' does not have an identity, so to use a where mask one has to specify 'initial'",
                                      kind: .valueError)
                }
                filler = .array(initial)
            default: filler = .int(0)
            }
            let replaced = try NDArray.choose(mask, .array(self), filler)
            let same = replaced.dtype == dtype ? replaced : try replaced.astype(dtype)
            return try same.reduce(op, axes: axis, singleAxis: singleAxis, keepdims: keepdims, initial: initial)
        }
        let reduced = try reducedAxes(axis, singleAxis: singleAxis)
        var keptShape = shape
        for a in 0..<ndim where reduced[a] { keptShape[a] = 1 }
        let outShape = keepdims ? keptShape : (0..<ndim).filter { !reduced[$0] }.map { shape[$0] }
        // Reduced elements per output (saturating: a zero-size array may have huge other axes).
        let count = (0..<ndim).filter { reduced[$0] }.reduce(1) { (acc: Int, ax: Int) -> Int in
            let (p, o) = acc.multipliedReportingOverflow(by: shape[ax]); return o ? Int.max : p
        }
        if (op == .max || op == .min) && count == 0 && size == 0 && initial == nil {
            throw TensorError("zero-size array to reduction operation \(op == .max ? "maximum" : "minimum") which has no identity", kind: .valueError)
        }
        let plan = ReductionPlan(self, reduced: reduced)
        let outDType: DType
        switch op {
        case .sum: outDType = dtype.isFloat ? dtype : (dtype.isUnsignedInteger ? .uint64 : .int64)
        case .mean: outDType = dtype.isFloat ? dtype : .float64
        case .max, .min: outDType = dtype
        }
        if dtype == .float16 && op != .max && op != .min {
            // numpy adds float16 in float32 (its half loops and `mean`'s float32
            // intermediate) and rounds once at the end.
            return try astype(.float32).reduce(op, axes: axis, singleAxis: singleAxis, keepdims: keepdims,
                                               initial: try initial?.astype(.float32), mask: mask).astype(.float16)
        }
        let out = try NDArray(zeros: keptShape, dtype: outDType, order: plan.order)
        if let initial { NDArray.copyElements(from: (initial.dtype == outDType ? initial : try initial.astype(outDType)).broadcastView(to: keptShape), into: out) }
        let seeded = initial != nil
        switch (op, dtype) {
        case (.sum, .float32) where mask != nil: plan.maskedSum(self, mask, out, Float.self)
        case (.sum, .float64) where mask != nil: plan.maskedSum(self, mask, out, Double.self)
        case (.sum, .float32), (.mean, .float32): try plan.sum(self, out, Float.self)
        case (.sum, .float64), (.mean, .float64): try plan.sum(self, out, Double.self)
        case (.mean, _): try plan.sum(try astype(.float64), out, Double.self)
        case (.sum, .bool): plan.integerSum(self, out, UInt8.self)
        case (.sum, .int8): plan.integerSum(self, out, Int8.self)
        case (.sum, .int16): plan.integerSum(self, out, Int16.self)
        case (.sum, .int32): plan.integerSum(self, out, Int32.self)
        case (.sum, .int64): plan.integerSum(self, out, Int64.self)
        // Unsigned sums go to uint64: the wrapping int64 sum has the same bits.
        case (.sum, .uint8): plan.integerSum(self, out, UInt8.self)
        case (.sum, .uint16): plan.integerSum(self, out, UInt16.self)
        case (.sum, .uint32): plan.integerSum(self, out, UInt32.self)
        case (.sum, .uint64): plan.integerSum(self, out, UInt64.self)
        case (.sum, .float16): break   // handled above
        case (.max, .bool), (.min, .bool): plan.extreme(self, out, UInt8.self, max: op == .max, seeded: seeded)
        case (.max, .int8), (.min, .int8): plan.extreme(self, out, Int8.self, max: op == .max, seeded: seeded)
        case (.max, .int16), (.min, .int16): plan.extreme(self, out, Int16.self, max: op == .max, seeded: seeded)
        case (.max, .int32), (.min, .int32): plan.extreme(self, out, Int32.self, max: op == .max, seeded: seeded)
        case (.max, .int64), (.min, .int64): plan.extreme(self, out, Int64.self, max: op == .max, seeded: seeded)
        case (.max, .uint8), (.min, .uint8): plan.extreme(self, out, UInt8.self, max: op == .max, seeded: seeded)
        case (.max, .uint16), (.min, .uint16): plan.extreme(self, out, UInt16.self, max: op == .max, seeded: seeded)
        case (.max, .uint32), (.min, .uint32): plan.extreme(self, out, UInt32.self, max: op == .max, seeded: seeded)
        case (.max, .uint64), (.min, .uint64): plan.extreme(self, out, UInt64.self, max: op == .max, seeded: seeded)
        case (.max, .float16), (.min, .float16): plan.extremeFloat(self, out, Float16.self, max: op == .max, seeded: seeded)
        case (.max, .float32), (.min, .float32): plan.extremeFloat(self, out, Float.self, max: op == .max, seeded: seeded)
        case (.max, .float64), (.min, .float64): plan.extremeFloat(self, out, Double.self, max: op == .max, seeded: seeded)
        }
        if op == .mean {
            // numpy divides by the count as an intp, i.e. in float64, then casts back (float32).
            let n = Double(count)
            if outDType == .float32 {
                let p = out.storage.pointer.assumingMemoryBound(to: Float.self)
                for i in 0..<out.size { p[i] = Float(Double(p[i]) / n) }
            } else {
                let p = out.storage.pointer.assumingMemoryBound(to: Double.self)
                for i in 0..<out.size { p[i] = p[i] / n }
            }
        }
        if keepdims { return out }
        let kept = (0..<ndim).filter { !reduced[$0] }
        return NDArray(viewing: out.storage, dtype: outDType, shape: outShape,
                       strides: kept.map { out.strides[$0] }, offset: 0, isView: false)
    }

    public func sum(axis: [Int]? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray { try reduce(.sum, axis: axis, keepdims: keepdims) }
    public func sum(axis: Int, keepdims: Bool = false) throws(TensorError) -> NDArray { try reduce(.sum, axis: axis, keepdims: keepdims) }
    public func mean(axis: Int, keepdims: Bool = false) throws(TensorError) -> NDArray { try reduce(.mean, axis: axis, keepdims: keepdims) }
    public func amax(axis: Int, keepdims: Bool = false) throws(TensorError) -> NDArray { try reduce(.max, axis: axis, keepdims: keepdims) }
    public func amin(axis: Int, keepdims: Bool = false) throws(TensorError) -> NDArray { try reduce(.min, axis: axis, keepdims: keepdims) }
    public func mean(axis: [Int]? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray { try reduce(.mean, axis: axis, keepdims: keepdims) }
    /// `np.amax` (named so, not `max`, so it never shadows `Swift.max` inside NDArray extensions).
    public func amax(axis: [Int]? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray { try reduce(.max, axis: axis, keepdims: keepdims) }
    /// `np.amin`.
    public func amin(axis: [Int]? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray { try reduce(.min, axis: axis, keepdims: keepdims) }

    /// Which axes `axis` reduces. numpy lets a 0-d array take an integer axis 0 or -1
    /// (reducing nothing) in sum/max/min; tuples are checked against dimension 0.
    private func reducedAxes(_ axis: [Int]?, singleAxis: Bool) throws(TensorError) -> [Bool] {
        var reduced = [Bool](repeating: axis == nil, count: ndim)
        guard let axis else { return reduced }
        if ndim == 0, singleAxis, let a = axis.first, a == 0 || a == -1 { return reduced }
        for a in try NDArray.normalizeAxes(axis, ndim: ndim, duplicateMessage: "duplicate value in 'axis'") { reduced[a] = true }
        return reduced
    }

    /// `np.argmax(a, axis=, keepdims=)`: int64 indices of the first maximum (the first NaN, if
    /// any, as numpy). `axis: nil` indexes the flattened array. Empty: numpy's
    /// `attempt to get argmax of an empty sequence`.
    public func argmax(axis: Int? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray {
        try argExtreme(axis: axis, keepdims: keepdims, max: true)
    }

    /// `np.argmin(a, axis=, keepdims=)`.
    public func argmin(axis: Int? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray {
        try argExtreme(axis: axis, keepdims: keepdims, max: false)
    }

    private func argExtreme(axis: Int?, keepdims: Bool, max: Bool) throws(TensorError) -> NDArray {
        let name = max ? "argmax" : "argmin"
        // numpy moves the axis last and works on a C-ordered copy: the result is C-ordered.
        let rows: NDArray, outShape: [Int], n: Int
        if let axis {
            let ax = try NDArray.normalizeAxis(axis, ndim: Swift.max(ndim, 1))
            if ndim == 0 {
                rows = try reshape([1, 1]); n = 1
                outShape = []
            } else {
                var perm = Array(0..<ndim); perm.remove(at: ax); perm.append(ax)
                rows = try transpose(perm).copy()
                n = shape[ax]
                var s = shape
                if keepdims { s[ax] = 1 } else { s.remove(at: ax) }
                outShape = s
            }
        } else {
            rows = try copy(); n = size
            outShape = keepdims ? [Int](repeating: 1, count: ndim) : []
        }
        if n == 0 { throw TensorError("attempt to get \(name) of an empty sequence", kind: .valueError) }
        let out = try NDArray(zeros: outShape, dtype: .int64)
        let count = out.size
        let dst = out.storage.pointer.assumingMemoryBound(to: Int64.self)
        func scan<T>(_: T.Type, _ better: (T, T) -> Bool, _ isNaN: (T) -> Bool) {
            let src = rows.storage.pointer.assumingMemoryBound(to: T.self)
            for r in 0..<count {
                let base = r * n
                var best = src[base], bi = 0
                if !isNaN(best) {
                    for i in 1..<n {
                        let v = src[base + i]
                        if isNaN(v) { bi = i; break }
                        if better(v, best) { best = v; bi = i }
                    }
                }
                dst[r] = Int64(bi)
            }
        }
        switch dtype {
        case .bool, .uint8: scan(UInt8.self, max ? { $0 > $1 } : { $0 < $1 }, { _ in false })
        case .int8: scan(Int8.self, max ? { $0 > $1 } : { $0 < $1 }, { _ in false })
        case .int16: scan(Int16.self, max ? { $0 > $1 } : { $0 < $1 }, { _ in false })
        case .int32: scan(Int32.self, max ? { $0 > $1 } : { $0 < $1 }, { _ in false })
        case .int64: scan(Int64.self, max ? { $0 > $1 } : { $0 < $1 }, { _ in false })
        case .uint16: scan(UInt16.self, max ? { $0 > $1 } : { $0 < $1 }, { _ in false })
        case .uint32: scan(UInt32.self, max ? { $0 > $1 } : { $0 < $1 }, { _ in false })
        case .uint64: scan(UInt64.self, max ? { $0 > $1 } : { $0 < $1 }, { _ in false })
        case .float16: scan(Float16.self, max ? { $0 > $1 } : { $0 < $1 }, { $0.isNaN })
        case .float32: scan(Float.self, max ? { $0 > $1 } : { $0 < $1 }, { $0.isNaN })
        case .float64: scan(Double.self, max ? { $0 > $1 } : { $0 < $1 }, { $0.isNaN })
        }
        return out
    }
}

/// How numpy's reduction iterator walks an input: axes ordered by memory (slowest first),
/// length-1 axes dropped, neighbours merged when both input and output strides allow it.
struct ReductionPlan {
    /// Axis order of the *output* allocation (K order of the input), slowest first.
    let order: [Int]
    let reduced: [Bool]
    let shape: [Int]
    let inStrides: [Int]
    let inOffset: Int

    init(_ a: NDArray, reduced: [Bool]) {
        shape = a.shape
        inStrides = a.strides
        inOffset = a.offset
        self.reduced = reduced
        order = Layout.iteratorOrder(shape: a.shape, operands: [a.strides])
    }

    /// Element strides of the (keepdims-shaped) output for each input axis.
    private func outStrides(_ out: NDArray) -> [Int] {
        (0..<shape.count).map { reduced[$0] ? 0 : out.strides[$0] }
    }

    func walk(_ out: NDArray) -> [(n: Int, si: Int, so: Int)] {
        let os = outStrides(out)
        var d: [(n: Int, si: Int, so: Int)] = []
        for ax in order where shape[ax] != 1 {
            let n = shape[ax], si = inStrides[ax], so = os[ax]
            if let last = d.last, last.si == n &* si, last.so == n &* so {
                d[d.count - 1] = (last.n * n, si, so)
            } else {
                d.append((n, si, so))
            }
        }
        return d
    }

    /// Calls `inner(inputStart, outputStart, count, inputStride, outputStride)` for every run
    /// along the fastest walked axis, in numpy's order. Nothing happens for empty inputs.
    /// Inlined so the kernels' inner loops are inlined and vectorise.
    @inline(__always)
    func forEachRun(_ out: NDArray, _ inner: (Int, Int, Int, Int, Int) -> Void) {
        let d = walk(out)
        if shape.contains(0) { return }
        guard let last = d.last else { inner(inOffset, 0, 1, 0, 0); return }
        let outer = Array(d.dropLast())
        var idx = [Int](repeating: 0, count: outer.count)
        var io = inOffset, oo = 0
        // Elements since the last look at Ctrl-C: a reduction over a broadcast view
        // (`np.broadcast_to(x, (2**40, 3)).max()`, 3·10^12 elements) ran on after Ctrl-C. An
        // early return leaves the output unfinished; the shell drops a result made while a stop
        // is pending (Cancellation's contract).
        var sinceCheck = 0
        while true {
            inner(io, oo, last.n, last.si, last.so)
            sinceCheck &+= last.n
            if sinceCheck >= 1 << 22 {
                sinceCheck = 0
                if Cancellation.isRequested && !Cancellation.isDeferred { return }
            }
            var k = outer.count - 1
            while k >= 0 {
                idx[k] += 1; io += outer[k].si; oo += outer[k].so
                if idx[k] < outer[k].n { break }
                io -= outer[k].si * outer[k].n; oo -= outer[k].so * outer[k].n
                idx[k] = 0; k -= 1
            }
            if k < 0 { return }
        }
    }

    /// Float sum in numpy's order (output starts at +0.0, numpy's identity). When the innermost
    /// walked axes are all reduced, numpy (buffering if the memory is not contiguous) hands the
    /// whole block they span to one pairwise sum; e.g. a full reduction is one pairwise sum over
    /// every element in walk order. Otherwise rows are added into the output one by one.
    func sum<T: BinaryFloatingPoint>(_ a: NDArray, _ out: NDArray, _: T.Type) throws(TensorError) {
        let src = a.storage.pointer.assumingMemoryBound(to: T.self)
        let dst = out.storage.pointer.assumingMemoryBound(to: T.self)
        let plan = ReductionPlan(a, reduced: reduced)
        if a.size == 0 { return }
        let d = plan.walk(out)
        var split = d.count
        while split > 0 && d[split - 1].so == 0 { split -= 1 }
        let block = Array(d[split...])
        if block.count < 2 {
            plan.forEachRun(out) { i, o, n, si, so in
                if so == 0 {
                    dst[o] = dst[o] + pairwiseSum(src + i, n, si)
                } else if si == 1 && so == 1 {
                    // Rows added into the output row (a sum over a slower axis): element by
                    // element, the same additions in the same order, vectorised.
                    let d = dst + o, s = src + i
                    for k in 0..<n { d[k] = d[k] + s[k] }
                } else {
                    var i = i, o = o
                    for _ in 0..<n { dst[o] = dst[o] + src[i]; i += si; o += so }
                }
            }
            return
        }
        // Several reduced axes that cannot merge: gather each block in walk order, then sum.
        // The block is gathered into a buffer of its size, checked against the memory budget
        // first: for a broadcast view (`np.broadcast_to(x, (2**40, 3)).sum()`) it is far more
        // than the array stores, and the allocation aborted the process (26 TB).
        var blockSize = 1, tooBig = false
        for b in block {
            let (p, o) = blockSize.multipliedReportingOverflow(by: b.n)
            blockSize = p
            tooBig = tooBig || o
        }
        let (blockBytes, o) = blockSize.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        if tooBig || o || blockBytes > a.storage.byteCount {
            try Limits.checkAllocation(a.shape, a.dtype)
            try Limits.reserve(tooBig || o ? Int.max : blockBytes, for: "the elements of the reduction")
        }
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: blockSize)
        defer { buffer.deallocate() }
        let outer = Array(d[..<split])
        var idx = [Int](repeating: 0, count: outer.count)
        var io = a.offset, oo = 0
        var bidx = [Int](repeating: 0, count: block.count)
        while true {
            // Gather.
            var p = io
            for k in 0..<blockSize {
                buffer[k] = src[p]
                var j = block.count - 1
                while j >= 0 {
                    bidx[j] += 1; p += block[j].si
                    if bidx[j] < block[j].n { break }
                    p -= block[j].si * block[j].n; bidx[j] = 0; j -= 1
                }
            }
            dst[oo] = dst[oo] + pairwiseSum(buffer, blockSize, 1)
            var k = outer.count - 1
            while k >= 0 {
                idx[k] += 1; io += outer[k].si; oo += outer[k].so
                if idx[k] < outer[k].n { break }
                io -= outer[k].si * outer[k].n; oo -= outer[k].so * outer[k].n
                idx[k] = 0; k -= 1
            }
            if k < 0 { return }
        }
    }

    /// Integer (and bool) sums into int64, wrapping like numpy's.
    func integerSum<T: FixedWidthInteger>(_ a: NDArray, _ out: NDArray, _: T.Type) {
        let src = a.storage.pointer.assumingMemoryBound(to: T.self)
        let dst = out.storage.pointer.assumingMemoryBound(to: Int64.self)
        let isBool = a.dtype == .bool
        forEachRun(out) { i, o, n, si, so in
            var i = i, o = o
            for _ in 0..<n {
                let v = isBool ? (src[i] != 0 ? 1 : 0) : Int64(truncatingIfNeeded: src[i])
                dst[o] = dst[o] &+ v
                i += si; o += so
            }
        }
    }

    /// Integer/bool max or min: the output starts at the first element along the reduced axes.
    func extreme<T: FixedWidthInteger>(_ a: NDArray, _ out: NDArray, _: T.Type, max: Bool, seeded: Bool = false) {
        let src = a.storage.pointer.assumingMemoryBound(to: T.self)
        let dst = out.storage.pointer.assumingMemoryBound(to: T.self)
        let isBool = a.dtype == .bool
        if !seeded { seedWithFirst(a, out, T.self) }
        forEachRun(out) { i, o, n, si, so in
            var i = i, o = o
            for _ in 0..<n {
                let v = isBool ? (src[i] != 0 ? 1 : 0) : src[i]
                if max ? v > dst[o] : v < dst[o] { dst[o] = v }
                i += si; o += so
            }
        }
    }

    /// Float max/min with numpy's `maximum` semantics: NaN propagates, and on a tie (±0) the
    /// later element wins, as numpy's reduction returns.
    func extremeFloat<T: BinaryFloatingPoint>(_ a: NDArray, _ out: NDArray, _: T.Type, max: Bool, seeded: Bool = false) {
        let src = a.storage.pointer.assumingMemoryBound(to: T.self)
        let dst = out.storage.pointer.assumingMemoryBound(to: T.self)
        if !seeded { seedWithFirst(a, out, T.self) }
        forEachRun(out) { i, o, n, si, so in
            if si == 1 && so == 1 {
                // A row compared into the output row: independent lanes, vectorised.
                let d = dst + o, s = src + i
                if max {
                    for k in 0..<n { let acc = d[k], v = s[k]; d[k] = (acc.isNaN || acc > v) ? acc : v }
                } else {
                    for k in 0..<n { let acc = d[k], v = s[k]; d[k] = (acc.isNaN || acc < v) ? acc : v }
                }
                return
            }
            var i = i, o = o
            for _ in 0..<n {
                let acc = dst[o], v = src[i]
                if !acc.isNaN && !(max ? acc > v : acc < v) { dst[o] = v }
                i += si; o += so
            }
        }
    }

    /// Copies, for every output element, the first input element along the reduced axes.
    private func seedWithFirst<T>(_ a: NDArray, _ out: NDArray, _: T.Type) {
        var items: [IndexItem] = []
        for ax in 0..<shape.count { items.append(reduced[ax] ? .slice(start: 0, stop: 1, step: nil) : .all) }
        guard let first = try? a.subscripted(items) else { return }
        NDArray.copyElements(from: first, into: out)
    }
}

/// numpy's `pairwise_sum` (loops_utils.h): below 8 elements a plain loop from 0; up to 128,
/// eight interleaved accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the
/// tail; above, split at half rounded down to a multiple of 8 and recurse.
func pairwiseSum<T: BinaryFloatingPoint>(_ a: UnsafeMutablePointer<T>, _ n: Int, _ stride: Int) -> T {
    if stride == 1 { return pairwiseSumContiguous(a, n) }
    if n < 8 {
        var res: T = 0
        for i in 0..<n { res += a[i * stride] }
        return res
    } else if n <= 128 {
        var r0 = a[0], r1 = a[stride], r2 = a[2 * stride], r3 = a[3 * stride]
        var r4 = a[4 * stride], r5 = a[5 * stride], r6 = a[6 * stride], r7 = a[7 * stride]
        var i = 8
        let end = n - n % 8
        while i < end {
            r0 += a[i * stride]; r1 += a[(i + 1) * stride]; r2 += a[(i + 2) * stride]; r3 += a[(i + 3) * stride]
            r4 += a[(i + 4) * stride]; r5 += a[(i + 5) * stride]; r6 += a[(i + 6) * stride]; r7 += a[(i + 7) * stride]
            i += 8
        }
        var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n { res += a[i * stride]; i += 1 }
        return res
    } else {
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwiseSum(a, n2, stride) + pairwiseSum(a + n2 * stride, n - n2, stride)
    }
}

/// `pairwiseSum` for stride 1, the common case: the same additions in the same order, written
/// with unit stride so the eight accumulators become vector registers.
func pairwiseSumContiguous<T: BinaryFloatingPoint>(_ a: UnsafeMutablePointer<T>, _ n: Int) -> T {
    if n < 8 {
        var res: T = 0
        for i in 0..<n { res += a[i] }
        return res
    } else if n <= 128 {
        var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3]
        var r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
        var i = 8
        let end = n - n % 8
        while i < end {
            r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
            r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
            i += 8
        }
        var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n { res += a[i]; i += 1 }
        return res
    } else {
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwiseSumContiguous(a, n2) + pairwiseSumContiguous(a + n2, n - n2)
    }
}
