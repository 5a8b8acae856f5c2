/// Float sums with numpy's `where=` mask, added in numpy's order.
///
/// numpy's masked reduction walks the input, the output and the mask together (the same walk
/// as an unmasked reduction, `ReductionPlan`) and hands each run of consecutive True mask
/// elements to the unmasked inner loop: a run along a reduced axis is added pairwise and the
/// run's total added to the output (`out += pairwise(run)`), so the grouping of the additions
/// depends on where the mask is False. Putting 0 in place of a skipped element would group
/// differently and round differently; this file reproduces the runs instead.
extension ReductionPlan {
    func maskedSum<T: BinaryFloatingPoint>(_ a: NDArray, _ mask: NDArray?, _ out: NDArray, _: T.Type) {
        guard let mask, a.size > 0 else { return }
        let src = a.storage.pointer.assumingMemoryBound(to: T.self)
        let dst = out.storage.pointer.assumingMemoryBound(to: T.self)
        let msk = mask.storage.pointer.assumingMemoryBound(to: UInt8.self)
        // The walk of `walk(_:)` with the mask as a third operand: axes in memory order of the
        // input, length-1 axes dropped, neighbours merged when all three strides allow it.
        var d: [(n: Int, si: Int, so: Int, sm: Int)] = []
        for ax in order where shape[ax] != 1 {
            let n = shape[ax], si = inStrides[ax], so = reduced[ax] ? 0 : out.strides[ax], sm = mask.strides[ax]
            if let last = d.last, last.si == n &* si, last.so == n &* so, last.sm == n &* sm {
                d[d.count - 1] = (last.n * n, si, so, sm)
            } else {
                d.append((n, si, so, sm))
            }
        }
        var split = d.count
        while split > 0 && d[split - 1].so == 0 { split -= 1 }
        let block = Array(d[split...]), outer = Array(d[..<split])
        let blockSize = block.reduce(1) { $0 * $1.n }
        let values = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(blockSize, 1))
        let flags = UnsafeMutablePointer<Bool>.allocate(capacity: Swift.max(blockSize, 1))
        defer { values.deallocate(); flags.deallocate() }
        var idx = [Int](repeating: 0, count: outer.count)
        var io = a.offset, oo = 0, mo = mask.offset
        while true {
            if block.isEmpty {
                // The innermost walked axis is kept: one element per output, added in place.
                if msk[mo] != 0 { dst[oo] = dst[oo] + src[io] }
            } else {
                // Gather the block in walk order with its mask, then add each True run pairwise.
                var bidx = [Int](repeating: 0, count: block.count)
                var p = io, q = mo
                for k in 0..<blockSize {
                    values[k] = src[p]; flags[k] = msk[q] != 0
                    var j = block.count - 1
                    while j >= 0 {
                        bidx[j] += 1; p += block[j].si; q += block[j].sm
                        if bidx[j] < block[j].n { break }
                        p -= block[j].si * block[j].n; q -= block[j].sm * block[j].n; bidx[j] = 0; j -= 1
                    }
                }
                var acc = dst[oo], k = 0
                while k < blockSize {
                    if !flags[k] { k += 1; continue }
                    var e = k
                    while e < blockSize && flags[e] { e += 1 }
                    acc = acc + pairwiseSum(values + k, e - k, 1)
                    k = e
                }
                dst[oo] = acc
            }
            var k = outer.count - 1
            while k >= 0 {
                idx[k] += 1; io += outer[k].si; oo += outer[k].so; mo += outer[k].sm
                if idx[k] < outer[k].n { break }
                io -= outer[k].si * outer[k].n; oo -= outer[k].so * outer[k].n; mo -= outer[k].sm * outer[k].n
                idx[k] = 0; k -= 1
            }
            if k < 0 { return }
        }
    }
}
