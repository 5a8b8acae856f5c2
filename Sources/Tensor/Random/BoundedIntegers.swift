/// numpy's bounded integers: values in the closed range `[off, off + rng]`, for every integer
/// width numpy has (`random_bounded_uint64_fill` and the 32/16/8-bit and bool fills).
///
/// Two ways to reject the bias of `draw mod range`:
/// - masked (legacy `RandomState.randint`): draw, keep the bits under the smallest all-ones
///   mask ≥ rng, retry while the value exceeds rng;
/// - Lemire's (Generator.integers): multiply a w-bit draw by `rng + 1` in 2w bits, take the
///   high half; retry only when the low half falls under `(2^w - rng - 1) mod (rng + 1)`.
/// A 64-bit request whose range fits 32 bits uses 32-bit draws. 16- and 8-bit requests (and
/// bools) cut each 32-bit draw into 2, 4 (or 32) pieces, low bits first; that buffer lives for
/// one call only. (PCG64's own 32-bit buffer, see PCG64.swift, lives on across calls.)
public enum IntegerWidth: Sendable, Equatable {
    case bits64, bits32, bits16, bits8, bool

    /// All ones in this width.
    public var mask: UInt64 {
        switch self {
        case .bits64: return .max
        case .bits32: return 0xFFFF_FFFF
        case .bits16: return 0xFFFF
        case .bits8: return 0xFF
        case .bool: return 1
        }
    }
}

/// The smallest all-ones mask covering `max` (numpy's `gen_mask`).
@inline(__always)
func smallestMask(_ max: UInt64) -> UInt64 {
    var m = max
    m |= m >> 1; m |= m >> 2; m |= m >> 4; m |= m >> 8; m |= m >> 16; m |= m >> 32
    return m
}

/// The per-call buffer that cuts 32-bit draws into 16-bit, 8-bit and 1-bit pieces.
struct SmallDrawBuffer {
    var buf: UInt32 = 0
    var count = 0

    @inline(__always)
    mutating func next16<G: BitGenerator>(_ g: inout G) -> UInt16 {
        if count == 0 { buf = g.nextUInt32(); count = 1 } else { buf >>= 16; count -= 1 }
        return UInt16(truncatingIfNeeded: buf)
    }

    @inline(__always)
    mutating func next8<G: BitGenerator>(_ g: inout G) -> UInt8 {
        if count == 0 { buf = g.nextUInt32(); count = 3 } else { buf >>= 8; count -= 1 }
        return UInt8(truncatingIfNeeded: buf)
    }

    @inline(__always)
    mutating func nextBit<G: BitGenerator>(_ g: inout G) -> Bool {
        if count == 0 { buf = g.nextUInt32(); count = 31 } else { buf >>= 1; count -= 1 }
        return buf & 1 != 0
    }
}

extension BitGenerator {
    /// numpy's `random_interval`: uniform in [0, max] by masked rejection, with 32-bit draws
    /// when max fits 32 bits. (What both `shuffle`s and legacy `permutation` use.)
    public mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let mask = smallestMask(max)
        if max <= 0xFFFF_FFFF {
            while true {
                let v = UInt64(nextUInt32()) & mask
                if v <= max { return v }
            }
        }
        while true {
            let v = nextUInt64() & mask
            if v <= max { return v }
        }
    }

    @inline(__always)
    mutating func lemire32(_ rng: UInt32) -> UInt32 {
        let excl = rng &+ 1
        var m = UInt64(nextUInt32()) * UInt64(excl)
        var leftover = UInt32(truncatingIfNeeded: m)
        if leftover < excl {
            let threshold = (UInt32.max &- rng) % excl
            while leftover < threshold {
                m = UInt64(nextUInt32()) * UInt64(excl)
                leftover = UInt32(truncatingIfNeeded: m)
            }
        }
        return UInt32(truncatingIfNeeded: m >> 32)
    }

    @inline(__always)
    mutating func lemire64(_ rng: UInt64) -> UInt64 {
        let excl = rng &+ 1
        var m = nextUInt64().multipliedFullWidth(by: excl)
        if m.low < excl {
            let threshold = (UInt64.max &- rng) % excl
            while m.low < threshold {
                m = nextUInt64().multipliedFullWidth(by: excl)
            }
        }
        return m.high
    }

    @inline(__always)
    mutating func masked32(_ rng: UInt32, _ mask: UInt32) -> UInt32 {
        while true {
            let v = nextUInt32() & mask
            if v <= rng { return v }
        }
    }

    /// numpy's `random_bounded_uint64(off, rng, mask, use_masked)`: one value, no small-draw buffer
    /// (what Generator.choice's sampling without replacement uses).
    public mutating func bounded64(off: UInt64, rng: UInt64, masked: Bool) -> UInt64 {
        if rng == 0 { return off }
        if rng <= 0xFFFF_FFFF {
            if rng == 0xFFFF_FFFF { return off &+ UInt64(nextUInt32()) }
            let r = UInt32(rng)
            return off &+ UInt64(masked ? masked32(r, UInt32(smallestMask(rng))) : lemire32(r))
        }
        if rng == .max { return off &+ nextUInt64() }
        if masked {
            let mask = smallestMask(rng)
            while true {
                let v = nextUInt64() & mask
                if v <= rng { return off &+ v }
            }
        }
        return off &+ lemire64(rng)
    }

    /// `count` values in [off, off + rng] of `width` (the sum wraps within the width), as
    /// numpy's `random_bounded_*_fill` makes them. On Ctrl-C it returns early with the rest
    /// unfilled; the caller checks `Cancellation` and throws.
    public mutating func boundedFill(_ width: IntegerWidth, off: UInt64, rng: UInt64, count: Int, masked: Bool) -> [UInt64] {
        var out = filledInPieces(off & width.mask, count: count)
        if count == 0 || out.count < count { return out }
        switch width {
        case .bits64:
            if rng == 0 { return out }
            if rng <= 0xFFFF_FFFF {
                let r = UInt32(rng)
                if r == .max {
                    for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = off &+ UInt64(nextUInt32()) }
                } else if masked {
                    let mask = UInt32(smallestMask(rng))
                    for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = off &+ UInt64(masked32(r, mask)) }
                } else {
                    for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = off &+ UInt64(lemire32(r)) }
                }
            } else if rng == .max {
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = off &+ nextUInt64() }
            } else if masked {
                let mask = smallestMask(rng)
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }
                    var v: UInt64
                    repeat { v = nextUInt64() & mask } while v > rng
                    out[i] = off &+ v
                }
            } else {
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = off &+ lemire64(rng) }
            }
        case .bits32:
            let r = UInt32(truncatingIfNeeded: rng), o = UInt32(truncatingIfNeeded: off)
            if r == 0 { return out }
            if r == .max {
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = UInt64(o &+ nextUInt32()) }
            } else if masked {
                let mask = UInt32(truncatingIfNeeded: smallestMask(rng))
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = UInt64(o &+ masked32(r, mask)) }
            } else {
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = UInt64(o &+ lemire32(r)) }
            }
        case .bits16:
            let r = UInt16(truncatingIfNeeded: rng), o = UInt16(truncatingIfNeeded: off)
            if r == 0 { return out }
            var b = SmallDrawBuffer()
            if r == .max {
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = UInt64(o &+ b.next16(&self)) }
            } else if masked {
                let mask = UInt16(truncatingIfNeeded: smallestMask(rng))
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }
                    var v: UInt16
                    repeat { v = b.next16(&self) & mask } while v > r
                    out[i] = UInt64(o &+ v)
                }
            } else {
                let excl = UInt32(r) + 1
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }
                    var m = UInt32(b.next16(&self)) * excl
                    var leftover = m & 0xFFFF
                    if leftover < excl {
                        let threshold = (0xFFFF - UInt32(r)) % excl
                        while leftover < threshold {
                            m = UInt32(b.next16(&self)) * excl
                            leftover = m & 0xFFFF
                        }
                    }
                    out[i] = UInt64(o &+ UInt16(truncatingIfNeeded: m >> 16))
                }
            }
        case .bits8:
            let r = UInt8(truncatingIfNeeded: rng), o = UInt8(truncatingIfNeeded: off)
            if r == 0 { return out }
            var b = SmallDrawBuffer()
            if r == .max {
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = UInt64(o &+ b.next8(&self)) }
            } else if masked {
                let mask = UInt8(truncatingIfNeeded: smallestMask(rng))
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }
                    var v: UInt8
                    repeat { v = b.next8(&self) & mask } while v > r
                    out[i] = UInt64(o &+ v)
                }
            } else {
                let excl = UInt32(r) + 1
                for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }
                    var m = UInt32(b.next8(&self)) * excl
                    var leftover = m & 0xFF
                    if leftover < excl {
                        let threshold = (0xFF - UInt32(r)) % excl
                        while leftover < threshold {
                            m = UInt32(b.next8(&self)) * excl
                            leftover = m & 0xFF
                        }
                    }
                    out[i] = UInt64(o &+ UInt8(truncatingIfNeeded: m >> 8))
                }
            }
        case .bool:
            if rng & 1 == 0 { return out }
            var b = SmallDrawBuffer()
            for i in 0..<count { if i & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { return out }; out[i] = b.nextBit(&self) ? 1 : 0 }
        }
        return out
    }
}

/// `[UInt64](repeating: value, count: count)` written a million elements at a time with a
/// Ctrl-C check between pieces: the first pass over a multi-GB array is seconds of page
/// faults, which a single fill could not stop. Shorter than `count` when stopped.
func filledInPieces(_ value: UInt64, count: Int) -> [UInt64] {
    [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
        initialized = 0
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < count {
            if done > 0 && Cancellation.isRequested { break }
            let n = Swift.min(1 << 20, count - done)
            (base + done).initialize(repeating: value, count: n)
            done += n
        }
        initialized = done
    }
}
