/// The one loop every elementwise kernel runs on: walk a shape in C order over several operands
/// that each have their own strides (broadcast operands have stride 0), handing the kernel runs
/// along the last axis so its inner loop is a tight strided loop.
///
/// Axes are merged first wherever every operand is contiguous across them, so C-contiguous
/// operands become a single run.
struct StridedLoop {
    let shape: [Int]
    let strides: [[Int]]   // per operand, per (merged) axis
    let offsets: [Int]     // per operand

    init(shape: [Int], operands: [(strides: [Int], offset: Int)]) {
        var sh: [Int] = []
        var st: [[Int]] = operands.map { _ in [] }
        for (i, d) in shape.enumerated() {
            if d == 1 { continue }   // a length-1 axis never moves
            if let last = sh.last,
               operands.indices.allSatisfy({ st[$0][st[$0].count - 1] == d &* operands[$0].strides[i] }) {
                sh[sh.count - 1] = last * d
                for k in operands.indices { st[k][st[k].count - 1] = operands[k].strides[i] }
                continue
            }
            sh.append(d)
            for k in operands.indices { st[k].append(operands[k].strides[i]) }
        }
        if shape.contains(0) { sh = [0]; st = operands.map { _ in [0] } }
        self.shape = sh
        self.strides = st
        self.offsets = operands.map(\.offset)
    }

    /// Calls `body(starts, count, innerStrides)` once per run along the last merged axis.
    /// Always inlined, so that the kernel's closure (`{ $0 + $1 }`) is inlined into its inner
    /// loop and vectorises instead of being called once per element.
    /// Inside `Cancellation.deferring` (writes into an array that already existed) the loop
    /// does not stop early.
    @inline(__always)
    func run(_ body: (_ starts: [Int], _ count: Int, _ innerStrides: [Int]) -> Void) {
        let nd = shape.count
        if nd == 0 { body(offsets, 1, offsets.map { _ in 0 }); return }
        if shape[nd - 1] == 0 { return }
        let inner = strides.map { $0[nd - 1] }
        let count = shape[nd - 1]
        var idx = [Int](repeating: 0, count: nd - 1)
        var cur = offsets
        // Ctrl-C: every ~1M elements the cancellation flag is read; once set, the loop stops
        // and leaves its output unfinished. The shell never keeps a result computed while a
        // cancellation was pending (see `Cancellation`).
        // A long run (a contiguous array is one run) is handed over in pieces of ~1M elements
        // so the flag is read within milliseconds there too.
        let piece = 1 << 20
        var sinceCheck = 0
        while true {
            if count <= piece {
                body(cur, count, inner)
            } else {
                var done = 0
                var at = cur
                while done < count {
                    let n = Swift.min(piece, count - done)
                    body(at, n, inner)
                    done += n
                    for k in at.indices { at[k] += inner[k] * n }
                    if done < count && Cancellation.isRequested && !Cancellation.isDeferred { return }
                }
            }
            sinceCheck += count
            if sinceCheck >= piece {
                sinceCheck = 0
                if Cancellation.isRequested && !Cancellation.isDeferred { return }
            }
            var axis = nd - 2
            while axis >= 0 {
                idx[axis] += 1
                for k in cur.indices { cur[k] += strides[k][axis] }
                if idx[axis] < shape[axis] { break }
                for k in cur.indices { cur[k] -= strides[k][axis] * shape[axis] }
                idx[axis] = 0
                axis -= 1
            }
            if axis < 0 { return }
        }
    }
}

extension NDArray {
    /// Copies `src` (same dtype and shape) into the elements `dst` views. A raw copy: callers
    /// writing into an array that already existed go through `assign`, which passes `willWrite`
    /// (the undo journal) first.
    /// Flat (dense) loops run in blocks of this many elements and read the Ctrl-C flag
    /// between blocks, as `StridedLoop.run` does between its pieces: `x = x + x` on 2·10^8
    /// elements, a flat loop, ran 24 s after Ctrl-C on a loaded machine (red team). Inside
    /// `Cancellation.deferring` (an in-place write) the blocks run to the end.
    static let flatBlock = 1 << 20

    /// `body(range)` for consecutive ranges covering `0..<n`; stops early on Ctrl-C.
    @inline(__always)
    static func inFlatBlocks(_ n: Int, _ body: (Range<Int>) -> Void) {
        var start = 0
        while start < n {
            let end = n - start > flatBlock ? start + flatBlock : n
            body(start..<end)
            start = end
            if start < n && Cancellation.isRequested && !Cancellation.isDeferred { return }
        }
    }

    /// Throws `.interrupted` when Ctrl-C stopped a loop that fills a new array (outside
    /// `Cancellation.deferring`), so its unfinished result is never used, not even later in
    /// the same statement (`np.save('f.npy', x + x)`).
    @inline(__always)
    static func checkStoppedFill() throws(TensorError) {
        if Cancellation.isRequested && !Cancellation.isDeferred { throw TensorError.interrupted }
    }

    static func copyElements(from src: NDArray, into dst: NDArray) {
        switch src.dtype.itemSize {
        case 1: copyTyped(from: src, into: dst, UInt8.self)
        case 2: copyTyped(from: src, into: dst, UInt16.self)
        case 4: copyTyped(from: src, into: dst, UInt32.self)
        default: copyTyped(from: src, into: dst, UInt64.self)
        }
    }

    /// The copy loop on raw bit patterns of the element width (no float conversion).
    private static func copyTyped<W>(from src: NDArray, into dst: NDArray, _: W.Type) {
        let d = dst.storage.pointer.assumingMemoryBound(to: W.self)
        let s = src.storage.pointer.assumingMemoryBound(to: W.self)
        switch NDArray.denseStep(src, like: dst) {
        case 1:
            let to = d + dst.offset, from = s + src.offset
            inFlatBlocks(dst.size) { r in (to + r.lowerBound).update(from: from + r.lowerBound, count: r.count) }
            return
        case 0:
            let to = d + dst.offset, v = s[src.offset]
            inFlatBlocks(dst.size) { r in (to + r.lowerBound).update(repeating: v, count: r.count) }
            return
        default: break
        }
        let loop = StridedLoop(shape: dst.shape, operands: [(dst.strides, dst.offset), (src.strides, src.offset)])
        loop.run { starts, count, inner in
            if inner[0] == 1 && inner[1] == 1 {
                (d + starts[0]).update(from: s + starts[1], count: count)
                return
            }
            var od = starts[0], os = starts[1]
            let sd = inner[0], ss = inner[1]
            for _ in 0..<count {
                d[od] = s[os]
                od += sd; os += ss
            }
        }
    }
}

extension NDArray {
    /// How an operand of an elementwise loop walks along with a C-contiguous `out` of the same
    /// shape, when the whole loop can be one flat pass: 1 when the operand is laid out exactly
    /// like `out` (element k of both is at offset + k), 0 when it is one value repeated (every
    /// stride 0: a broadcast scalar), nil when it needs the general strided loop.
    @inline(__always)
    static func denseStep(_ a: NDArray, like out: NDArray) -> Int? {
        guard out.isCContiguous else { return nil }
        if a.shape == out.shape && a.isCContiguous { return 1 }
        if a.strides.allSatisfy({ $0 == 0 }) { return 0 }
        return nil
    }
}
