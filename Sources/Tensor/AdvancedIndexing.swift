/// numpy's advanced indexing: an index tuple that holds an integer or bool array
/// (`x[[0, 2]]`, `x[mask]`, `probs[np.arange(N), y]`, `x[:, [1, 0]]`, `np.eye(10)[labels]`).
///
/// numpy's rules, which this follows step by step:
/// 1. A bool array of k dimensions stands for the k integer arrays of its `nonzero()`, after its
///    shape is checked against the k axes it covers (`boolean index did not match indexed array
///    along axis 0; size of axis is 3 but size of corresponding boolean axis is 2`). A 0-d bool
///    (`x[True]`) adds a new axis of length 1 (or 0 for False).
/// 2. Once any array is present, a plain integer is an advanced index too (a 0-d array).
/// 3. Slices, `None` and `...` apply first, as basic indexing, leaving the advanced axes whole.
/// 4. The integer arrays broadcast together to one shape B (`shape mismatch: indexing arrays could
///    not be broadcast together with shapes (2,) (3,) `); every value is bounds-checked against
///    its axis (`index 5 is out of bounds for axis 1 with size 4`) before anything is read.
/// 5. Where B goes: when all advanced indices sit next to each other in the index, B replaces
///    them in place (`x[:, [0, 1], [1, 2]]` on (2, 3, 4) gives (2, 2)); when a slice or `None`
///    separates them, B goes first (`x[[0, 1], :, [1, 2]]` gives (2, 3)).
/// The result is always a new array (a copy), never a view. The same plan serves assignment
/// (`x[mask] = 0`, `x[[0, 2]] = 5`), which writes through the computed element offsets.
struct AdvancedIndex {
    /// The array after basic indexing, with every advanced axis left whole.
    let view: NDArray
    /// For each advanced index: the view axis it indexes (its stride), and its values as int64.
    var advanced: [(viewAxis: Int, values: NDArray)] = []
    /// The broadcast shape B of the index arrays.
    let broadcastShape: [Int]
    /// The view axes that are not advanced, in order.
    let restAxes: [Int]
    /// Whether the advanced indices are adjacent (then B stays in place).
    let adjacent: Bool
    /// Number of rest axes that come before B in the result (0 when B goes first).
    let preCount: Int
    /// The result's shape: pre axes, B, post axes.
    let resultShape: [Int]
    /// True when the index is one bool array covering every axis (numpy's boolean assignment
    /// path, with its own error wording).
    let singleFullMask: Bool

    init(_ array: NDArray, _ items: [IndexItem]) throws(TensorError) {
        // Count the axes the items consume (numpy checks ellipsis and count first).
        var consumed = 0
        var sawEllipsis = false
        for item in items {
            switch item {
            case .ellipsis:
                if sawEllipsis { throw TensorError("an index can only have a single ellipsis ('...')", kind: .indexError) }
                sawEllipsis = true
            case .index, .slice: consumed += 1
            case .newAxis: break
            case .array(let a):
                if a.dtype == .bool { consumed += a.ndim }
                else if a.dtype.isInteger { consumed += 1 }
                else { throw TensorError("arrays used as indices must be of integer (or boolean) type", kind: .indexError) }
            }
        }
        if consumed > array.ndim {
            throw TensorError("too many indices for array: array is \(array.ndim)-dimensional, but \(consumed) were indexed",
                              kind: .indexError)
        }
        singleFullMask = items.count == 1 && { if case .array(let m) = items[0], m.dtype == .bool, m.ndim == array.ndim { return true } else { return false } }()

        var shape: [Int] = [], strides: [Int] = []
        var offset = array.offset
        var axis = 0
        var advanced: [(viewAxis: Int, arrayAxis: Int?, values: NDArray)] = []
        var scalarIndices = Set<Int>()   // entries that were plain integers (numpy leaves them out of its message)
        var advancedPositions: [Int] = []   // position in the expanded index list
        var position = 0
        var empty = false
        for item in items {
            switch item {
            case .slice(let start, let stop, let step):
                let (s, len, st) = try NDArray.sliceIndices(start: start, stop: stop, step: step, length: array.shape[axis])
                if len == 0 { empty = true } else { offset += s * array.strides[axis] }
                shape.append(len); strides.append(st &* array.strides[axis])
                axis += 1; position += 1
            case .newAxis:
                shape.append(1); strides.append(0)
                position += 1
            case .ellipsis:
                for _ in 0..<(array.ndim - consumed) {
                    shape.append(array.shape[axis]); strides.append(array.strides[axis])
                    axis += 1; position += 1
                }
            case .index(let i):
                scalarIndices.insert(advanced.count)
                advanced.append((shape.count, axis, NDArray(scalar: Int64(i))))
                advancedPositions.append(position)
                shape.append(array.shape[axis]); strides.append(array.strides[axis])
                axis += 1; position += 1
            case .array(let a) where a.dtype == .bool:
                if a.ndim == 0 {
                    // x[True]: a new axis of length 1 selected once (or not at all).
                    let isTrue = a.scalars.first.map { $0.doubleValue != 0 } ?? false
                    advanced.append((shape.count, nil, isTrue ? NDArray([Int64(0)]) : NDArray([Int64]())))
                    advancedPositions.append(position)
                    shape.append(1); strides.append(0)
                    position += 1
                    continue
                }
                for j in 0..<a.ndim where a.shape[j] != array.shape[axis + j] {
                    throw TensorError("boolean index did not match indexed array along axis \(axis + j); size of axis is \(array.shape[axis + j]) but size of corresponding boolean axis is \(a.shape[j])",
                                      kind: .indexError)
                }
                for coordinates in try a.nonzero() {
                    advanced.append((shape.count, axis, coordinates))
                    advancedPositions.append(position)
                    shape.append(array.shape[axis]); strides.append(array.strides[axis])
                    axis += 1; position += 1
                }
            case .array(let a):
                advanced.append((shape.count, axis, a.dtype == .int64 ? a : try a.astype(.int64)))
                advancedPositions.append(position)
                shape.append(array.shape[axis]); strides.append(array.strides[axis])
                axis += 1; position += 1
            }
        }
        while axis < array.ndim {
            shape.append(array.shape[axis]); strides.append(array.strides[axis]); axis += 1
        }
        if empty { offset = array.offset }
        view = NDArray(viewing: array.storage, dtype: array.dtype, shape: shape, strides: strides, offset: offset, isView: true,
                       writeable: array.isWriteable)

        do {
            broadcastShape = try NDArray.broadcastShapes(advanced.map(\.values.shape))
        } catch {
            let listed = advanced.enumerated().filter { !scalarIndices.contains($0.offset) }
                .map { numpyShapeString($0.element.values.shape) + " " }.joined()
            throw TensorError("shape mismatch: indexing arrays could not be broadcast together with shapes \(listed)", kind: .indexError)
        }
        // Bounds, in index order, before anything is read or written.
        for entry in advanced {
            let n = Int64(shape[entry.viewAxis])
            let values = entry.values
            let p = values.storage.pointer.assumingMemoryBound(to: Int64.self)
            var bad: Int64? = nil
            if values.isCContiguous {
                let start = values.offset
                for k in 0..<values.size {
                    let i = p[start + k]
                    if i < -n || i >= n { bad = i; break }
                }
            } else {
                values.forEachOffset { off in
                    let i = p[off]
                    if bad == nil && (i < -n || i >= n) { bad = i }
                }
            }
            if let bad {
                throw TensorError("index \(bad) is out of bounds for axis \(entry.arrayAxis ?? 0) with size \(n)", kind: .indexError)
            }
        }
        self.advanced = advanced.map { ($0.viewAxis, $0.values) }
        let advancedAxes = Set(advanced.map(\.viewAxis))
        restAxes = (0..<shape.count).filter { !advancedAxes.contains($0) }
        if let first = advancedPositions.first, let last = advancedPositions.last {
            adjacent = last - first == advancedPositions.count - 1
        } else {
            adjacent = true
        }
        let firstAdvancedAxis = advanced.map(\.viewAxis).min() ?? 0
        preCount = adjacent ? restAxes.filter { $0 < firstAdvancedAxis }.count : 0
        let restShape = restAxes.map { shape[$0] }
        resultShape = Array(restShape[..<preCount]) + broadcastShape + Array(restShape[preCount...])
        try Limits.checkAllocation(resultShape, array.dtype)
    }

    /// C-order offsets of every element of `shape` for the given strides.
    static func relativeOffsets(_ shape: [Int], _ strides: [Int]) -> [Int] {
        let n = shape.contains(0) ? 0 : shape.reduce(1, *)
        var out = [Int](repeating: 0, count: n)
        if n == 0 { return out }
        var index = [Int](repeating: 0, count: shape.count)
        var off = 0
        for k in 0..<n {
            out[k] = off
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                off += strides[axis]
                if index[axis] < shape[axis] { break }
                off -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return out
    }

    /// The storage offset (in `view`'s storage) of the first rest-element for every point of B.
    func sourceBases() -> [Int] {
        let nB = broadcastShape.contains(0) ? 0 : broadcastShape.reduce(1, *)
        var bases = [Int](repeating: view.offset, count: nB)
        for entry in advanced {
            let n = Int64(view.shape[entry.viewAxis])
            let stride = view.strides[entry.viewAxis]
            let values = entry.values.broadcastView(to: broadcastShape)
            let p = values.storage.pointer.assumingMemoryBound(to: Int64.self)
            if values.isCContiguous && values.ndim > 0 && values.strides.last == 1 {
                let start = values.offset
                bases.withUnsafeMutableBufferPointer { b in
                    for k in 0..<nB {
                        let i = p[start + k]
                        b[k] += Int(i < 0 ? i + n : i) * stride
                    }
                }
            } else {
                var k = 0
                values.forEachOffset { off in
                    let i = p[off]
                    bases[k] += Int(i < 0 ? i + n : i) * stride
                    k += 1
                }
            }
        }
        return bases
    }

    /// Strides of the rest axes and of B in an array laid out like the result (pre, B, post).
    func resultStrides(_ strides: [Int]) -> (b: [Int], rest: [Int]) {
        let bCount = broadcastShape.count
        let b = Array(strides[preCount..<(preCount + bCount)])
        let rest = Array(strides[..<preCount]) + Array(strides[(preCount + bCount)...])
        return (b, rest)
    }

    /// The one index array of `x[idx]` when it indexes every remaining axis by itself (a 1-d
    /// `x[idx]`, `np.eye(10)[labels]` is not: it keeps a rest axis) and is C-contiguous: then
    /// gather and scatter walk it directly instead of building the offsets of every point first.
    private var soleIndex: (values: UnsafePointer<Int64>, count: Int, length: Int64, stride: Int)? {
        guard restAxes.isEmpty, advanced.count == 1, let e = advanced.first, e.values.isCContiguous,
              e.values.shape == broadcastShape else { return nil }
        let p = e.values.storage.pointer.assumingMemoryBound(to: Int64.self) + e.values.offset
        return (UnsafePointer(p), e.values.size, Int64(view.shape[e.viewAxis]), view.strides[e.viewAxis])
    }

    /// `x[index]`: a new C-ordered array of `resultShape`.
    func gather() throws(TensorError) -> NDArray {
        // Every element is written below.
        let out = try NDArray(uninitialized: resultShape, dtype: view.dtype)
        if out.size == 0 { return out }
        if let sole = soleIndex {
            func typed<W>(_: W.Type) {
                let sp = view.storage.pointer.assumingMemoryBound(to: W.self) + view.offset
                let dp = out.storage.pointer.assumingMemoryBound(to: W.self)
                let ip = sole.values, n = sole.length, st = sole.stride
                for b in 0..<sole.count {
                    let i = ip[b]
                    dp[b] = sp[Int(i < 0 ? i + n : i) &* st]
                }
            }
            switch view.itemSize {
            case 1: typed(UInt8.self)
            case 2: typed(UInt16.self)
            case 4: typed(UInt32.self)
            default: typed(UInt64.self)
            }
            return out
        }
        let src = sourceBases()
        if restAxes.isEmpty {
            // Every axis indexed by an array (`x[idx]` on 1-d, `probs[rows, cols]`): one element each.
            AdvancedIndex.gatherElements(view.itemSize, from: view.storage, src, to: out)
            return out
        }
        let restShape = restAxes.map { view.shape[$0] }
        let srcRel = AdvancedIndex.relativeOffsets(restShape, restAxes.map { view.strides[$0] })
        let (bStrides, restStrides) = resultStrides(out.strides)
        let dstBase = AdvancedIndex.relativeOffsets(broadcastShape, bStrides)
        let dstRel = AdvancedIndex.relativeOffsets(restShape, restStrides)
        AdvancedIndex.move(view.itemSize, from: view.storage, src, srcRel, to: out.storage, dstBase, dstRel)
        return out
    }

    /// `x[idx] = values` through `soleIndex`, when `values` (already of x's dtype) is one value or
    /// one per index: records the written range in the active journal and writes; false when
    /// the general path (`sourceBases` + `scatter`) is needed.
    func scatterSole(_ values: NDArray) -> Bool {
        guard let sole = soleIndex else { return false }
        let v = values.broadcastView(to: resultShape)
        guard let step = NDArray.denseStep(v, like: advanced[0].values) else { return false }
        if sole.count == 0 { return true }
        let ip = sole.values, n = sole.length, st = sole.stride
        if WriteJournal.current != nil {
            var lo = Int64.max, hi = Int64.min
            for b in 0..<sole.count {
                let i = ip[b] < 0 ? ip[b] + n : ip[b]
                lo = Swift.min(lo, i); hi = Swift.max(hi, i)
            }
            var first = view.offset + Int(lo) * st, last = view.offset + Int(hi) * st
            if first > last { swap(&first, &last) }
            NDArray(viewing: view.storage, dtype: view.dtype, shape: [last - first + 1], strides: [1], offset: first).recordForUndo()
        }
        func typed<W>(_: W.Type) {
            let dp = view.storage.pointer.assumingMemoryBound(to: W.self) + view.offset
            let vp = v.storage.pointer.assumingMemoryBound(to: W.self) + v.offset
            if step == 0 {
                let x = vp[0]
                for b in 0..<sole.count { let i = ip[b]; dp[Int(i < 0 ? i + n : i) &* st] = x }
            } else {
                for b in 0..<sole.count { let i = ip[b]; dp[Int(i < 0 ? i + n : i) &* st] = vp[b] }
            }
        }
        switch view.itemSize {
        case 1: typed(UInt8.self)
        case 2: typed(UInt16.self)
        case 4: typed(UInt32.self)
        case 8: typed(UInt64.self)
        default: return false
        }
        return true
    }

    /// `x[index] = values`: `values` (already of x's dtype) broadcast to `resultShape`.
    func scatter(_ values: NDArray, bases src: [Int]) {
        if src.isEmpty { return }
        let restShape = restAxes.map { view.shape[$0] }
        let dstRel = AdvancedIndex.relativeOffsets(restShape, restAxes.map { view.strides[$0] })
        let v = values.broadcastView(to: resultShape)
        let (bStrides, restStrides) = resultStrides(v.strides)
        let valBase = AdvancedIndex.relativeOffsets(broadcastShape, bStrides).map { $0 + v.offset }
        let valRel = AdvancedIndex.relativeOffsets(restShape, restStrides)
        AdvancedIndex.move(view.itemSize, from: v.storage, valBase, valRel, to: view.storage, src, dstRel)
    }

    /// Every storage offset this index writes (for the undo journal), as a one-dimensional
    /// description: the lowest and highest element reached.
    func writtenRange(bases src: [Int]) -> (lo: Int, hi: Int)? {
        guard let lo0 = src.min(), let hi0 = src.max() else { return nil }
        let restShape = restAxes.map { view.shape[$0] }
        if restShape.contains(0) { return nil }
        let rel = AdvancedIndex.relativeOffsets(restShape, restAxes.map { view.strides[$0] })
        guard let rlo = rel.min(), let rhi = rel.max() else { return nil }
        return (lo0 + rlo, hi0 + rhi)
    }

    /// `out[b] = src[sBase[b]]` into a fresh C-contiguous `out`.
    static func gatherElements(_ itemSize: Int, from s: Storage, _ sBase: [Int], to out: NDArray) {
        func typed<W>(_: W.Type) {
            let sp = s.pointer.assumingMemoryBound(to: W.self)
            let dp = out.storage.pointer.assumingMemoryBound(to: W.self) + out.offset
            sBase.withUnsafeBufferPointer { sb in
                for b in 0..<sb.count { dp[b] = sp[sb[b]] }
            }
        }
        switch itemSize {
        case 1: typed(UInt8.self)
        case 2: typed(UInt16.self)
        case 4: typed(UInt32.self)
        case 8: typed(UInt64.self)
        default: move(itemSize, from: s, sBase, [0], to: out.storage, Array(0..<sBase.count).map { $0 + out.offset }, [0])
        }
    }

    /// `dst[dBase[b] + dRel[j]] = src[sBase[b] + sRel[j]]` for every b and j, on raw elements.
    static func move(_ itemSize: Int, from s: Storage, _ sBase: [Int], _ sRel: [Int],
                     to d: Storage, _ dBase: [Int], _ dRel: [Int]) {
        switch itemSize {
        case 1: moveTyped(UInt8.self, s, sBase, sRel, d, dBase, dRel)
        case 2: moveTyped(UInt16.self, s, sBase, sRel, d, dBase, dRel)
        case 4: moveTyped(UInt32.self, s, sBase, sRel, d, dBase, dRel)
        case 8: moveTyped(UInt64.self, s, sBase, sRel, d, dBase, dRel)
        default:
            for (b, sb) in sBase.enumerated() {
                for (j, sr) in sRel.enumerated() {
                    (d.pointer + (dBase[b] + dRel[j]) * itemSize).copyMemory(from: s.pointer + (sb + sr) * itemSize, byteCount: itemSize)
                }
            }
        }
    }

    private static func moveTyped<W>(_: W.Type, _ s: Storage, _ sBase: [Int], _ sRel: [Int],
                                     _ d: Storage, _ dBase: [Int], _ dRel: [Int]) {
        let sp = s.pointer.assumingMemoryBound(to: W.self)
        let dp = d.pointer.assumingMemoryBound(to: W.self)
        sBase.withUnsafeBufferPointer { sb in
            dBase.withUnsafeBufferPointer { db in
                if sRel.count == 1 && sRel[0] == 0 && dRel.count == 1 && dRel[0] == 0 {
                    for b in 0..<sb.count { dp[db[b]] = sp[sb[b]] }
                    return
                }
                sRel.withUnsafeBufferPointer { sr in
                    dRel.withUnsafeBufferPointer { dr in
                        for b in 0..<sb.count {
                            let s0 = sb[b], d0 = db[b]
                            for j in 0..<sr.count { dp[d0 + dr[j]] = sp[s0 + sr[j]] }
                        }
                    }
                }
            }
        }
    }
}

extension NDArray {
    /// `np.nonzero(a)`: one int64 array per axis with the coordinates of the nonzero elements,
    /// in C order (a 0-d array is treated as 1-d, as numpy 2 does after its deprecation).
    public func nonzero() throws(TensorError) -> [NDArray] {
        let a = ndim == 0 ? try reshape([1]) : self
        var coordinates: [[Int64]] = Array(repeating: [], count: a.ndim)
        var index = [Int](repeating: 0, count: a.ndim)
        var first = true
        a.forEachOffset { off in
            if !first {
                var axis = a.ndim - 1
                while axis >= 0 {
                    index[axis] += 1
                    if index[axis] < a.shape[axis] { break }
                    index[axis] = 0
                    axis -= 1
                }
            }
            first = false
            if a.scalar(atStorageOffset: off).isNonzero {
                for k in 0..<a.ndim { coordinates[k].append(Int64(index[k])) }
            }
        }
        return coordinates.map { NDArray($0) }
    }

    /// `np.argwhere(a)`: the coordinates of the nonzero elements as rows, shape (N, ndim).
    public func argwhere() throws(TensorError) -> NDArray {
        let coords = ndim == 0 ? [] : try nonzero()
        let n = coords.first?.size ?? (ndim == 0 ? (scalars.first?.isNonzero == true ? 1 : 0) : 0)
        var flat = [Int64](repeating: 0, count: n * ndim)
        for (k, c) in coords.enumerated() {
            guard let values = c.elements(as: Int64.self) else { continue }
            for (i, v) in values.enumerated() { flat[i * ndim + k] = v }
        }
        return try NDArray(flat, shape: [n, ndim])
    }

    /// `np.take(a, indices, axis)`: `a[..., indices, ...]` along `axis` (the flattened array when
    /// axis is nil), with numpy's bounds errors.
    public func take(_ indices: NDArray, axis: Int?) throws(TensorError) -> NDArray {
        guard let axis else { return try ravel().take(indices, axis: 0) }
        let ax = try NDArray.normalizeAxis(axis, ndim: ndim)
        if !indices.dtype.isInteger {
            throw TensorError("Cannot cast array data from dtype('\(indices.dtype.name)') to dtype('int64') according to the rule 'safe'",
                              kind: .typeError)
        }
        let items: [IndexItem] = Array(repeating: .all, count: ax) + [.array(indices)]
        return try subscripted(items)
    }

    /// `np.ix_(*seqs)`: open-mesh index arrays, each 1-d input reshaped to lie along its own axis.
    public static func ix(_ sequences: [NDArray]) throws(TensorError) -> [NDArray] {
        var out: [NDArray] = []
        for (k, s) in sequences.enumerated() {
            guard s.ndim == 1 else { throw TensorError("Cross index must be 1 dimensional", kind: .valueError) }
            var v = s
            if s.dtype == .bool { v = try s.nonzero()[0] }
            var shape = [Int](repeating: 1, count: sequences.count)
            shape[k] = v.size
            out.append(try v.copy().reshape(shape))
        }
        return out
    }
}

extension Scalar {
    /// numpy's truth of one element (`!= 0`; NaN is true).
    var isNonzero: Bool {
        switch self {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .uint: return true
        case .float32(let f): return f != 0
        case .float64(let d): return d != 0
        }
    }
}
