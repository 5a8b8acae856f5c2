/// CPython's hash values, and the key of a tuple or frozenset.
///
/// A frozenset's key was the text of its items' keys, sorted: each level of
/// `s = frozenset([s])` wrote out every level inside it, so 10^5 levels never finished and
/// memory grew (red team; CPython takes 0.03 s). A tuple's key was an array of its items' keys,
/// built and hashed by recursion, so a tuple 10^5 deep was refused as a RecursionError where
/// CPython hashes it. Now both are a `NestedKey`: built without recursion, its hash worked out
/// once from the items' hashes (a frozenset's key is kept with the frozenset), so a key that
/// holds a key costs what its own items cost, and comparing and freeing one walk its levels
/// in a loop.

extension HashKey {
    /// CPython's `hash()` of the value this key stands for: exact for ints, floats, bools and
    /// tuples and frozensets of them (CPython's own algorithms), a per-run value for strings
    /// and other objects (CPython randomises those too).
    var pythonHash: Int {
        switch self {
        case .int(let i): return PythonHash.ofInt(i)
        case .float(let bits): return PythonHash.ofDouble(Double(bitPattern: bits))
        case .tuple(let k), .frozenset(let k): return k.hash
        case .custom(let h, _): return h
        case .big(let b): return PythonHash.ofBig(b)
        default:
            let h = hashValue
            return h == -1 ? -2 : h
        }
    }

    /// The key of a tuple holding items with these keys.
    static func tuple(_ items: [HashKey]) -> HashKey { .tuple(NestedKey(items: items)) }

    /// A tuple's or frozenset's key, for walking nested keys.
    var nested: NestedKey? {
        switch self {
        case .tuple(let k), .frozenset(let k): return k
        default: return nil
        }
    }
}

/// CPython's hash algorithms (Python/pyhash.c, Objects/longobject.c, tupleobject.c and
/// setobject.c of 3.11), so that `hash()` gives what CPython gives.
enum PythonHash {
    /// 2**61 - 1: CPython reduces numbers modulo this prime (sys.hash_info.modulus).
    static let modulus: UInt64 = (1 << 61) - 1

    /// -1 is CPython's error return, so no hash is -1.
    static func avoidingMinusOne(_ h: Int) -> Int { h == -1 ? -2 : h }

    static func ofInt(_ i: Int) -> Int {
        let r = Int(i.magnitude % UInt(modulus))
        return avoidingMinusOne(i < 0 ? -r : r)
    }

    /// A big int: its magnitude modulo 2**61 - 1, a limb at a time (multiplying by 2**32 is a
    /// rotation by 32 bits within 61), then its sign.
    static func ofBig(_ b: BigInt) -> Int {
        var x: UInt64 = 0
        for limb in b.limbs.reversed() {
            x = ((x << 32) & modulus) | (x >> 29)
            x += UInt64(limb)
            if x >= modulus { x -= modulus }
        }
        let r = Int(x)
        return avoidingMinusOne(b.negative ? -r : r)
    }

    static func ofDouble(_ v: Double) -> Int {
        // CPython hashes a NaN by its identity; every NaN here is one key, so one hash.
        if v.isNaN { return 0 }
        if v.isInfinite { return v > 0 ? 314_159 : -314_159 }
        if v == 0 { return 0 }
        // frexp: v = m * 2**e with m in [0.5, 1).
        var m = Swift.abs(v).significand / 2
        var e = Int(v.exponent) + 1
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | (x >> (61 - 28))
            m *= 268_435_456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt64(e)) & modulus) | (x >> UInt64(61 - e))
        let r = Int(x)
        return avoidingMinusOne(v < 0 ? -r : r)
    }

    /// tuplehash: xxHash's rounds over the items' hashes.
    static func ofTuple(_ items: [HashKey]) -> Int {
        let p1: UInt64 = 11_400_714_785_074_694_791, p2: UInt64 = 14_029_467_366_897_019_727
        let p5: UInt64 = 2_870_177_450_012_600_261
        var acc = p5
        for item in items {
            acc &+= UInt64(bitPattern: Int64(item.pythonHash)) &* p2
            acc = (acc << 31) | (acc >> 33)
            acc &*= p1
        }
        acc &+= UInt64(items.count) ^ (p5 ^ 3_527_539)
        if acc == UInt64.max { return 1_546_275_796 }
        return Int(Int64(bitPattern: acc))
    }

    /// frozenset_hash: the items' shuffled hashes xor-ed (order-free), then the size mixed in.
    static func ofFrozenset(_ members: Set<HashKey>) -> Int {
        var h: UInt64 = 0
        for m in members {
            let x = UInt64(bitPattern: Int64(m.pythonHash))
            h ^= ((x ^ 89_869_747) ^ (x << 16)) &* 3_644_798_167
        }
        h ^= (UInt64(members.count) &+ 1) &* 1_927_868_237
        h ^= (h >> 11) ^ (h >> 25)
        h = h &* 69069 &+ 907_133_923
        if h == UInt64.max { h = 590_923_713 }
        return Int(Int64(bitPattern: h))
    }
}

/// The key of a tuple (`items`, in order) or a frozenset (`members`). Equal keys hold equal
/// items; `hash` is CPython's hash of the tuple or frozenset, computed once.
public final class NestedKey: Hashable, @unchecked Sendable {
    let isSet: Bool
    private(set) var items: [HashKey]
    private(set) var members: Set<HashKey>
    let hash: Int
    /// Whether an item is itself a tuple's or frozenset's key (only such keys can chain).
    private let nests: Bool

    init(items: [HashKey]) {
        isSet = false
        self.items = items
        members = []
        hash = PythonHash.ofTuple(items)
        nests = items.contains { $0.nested != nil }
    }

    init(members: Set<HashKey>) {
        isSet = true
        items = []
        self.members = members
        hash = PythonHash.ofFrozenset(members)
        nests = members.contains { $0.nested != nil }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// Level by level with a work list: two equal tuples nested 10^5 deep (distinct objects)
    /// compared by recursion would run out of stack.
    public static func == (a: NestedKey, b: NestedKey) -> Bool {
        if a === b { return true }
        guard a.hash == b.hash else { return false }
        // Flat tuples (nearly every key): their items compare without recursion.
        if !a.isSet && !b.isSet && !a.nests && !b.nests { return a.items == b.items }
        var pending = [(a, b)]
        while let pair = pending.popLast() {
            let (x, y) = pair
            if x === y { continue }
            guard x.hash == y.hash, x.isSet == y.isSet, x.items.count == y.items.count,
                  x.members.count == y.members.count else { return false }
            if !x.isSet {
                for (p, q) in zip(x.items, y.items) {
                    if let m = p.nested, let n = q.nested, p.isTupleKey == q.isTupleKey {
                        pending.append((m, n))
                    } else if p != q {
                        // Not both nested: comparing them does not recurse.
                        return false
                    }
                }
            } else if !x.nests && !y.nests {
                if x.members != y.members { return false }
            } else {
                // A frozenset's nested items are matched by hash: with one candidate of the same
                // hash the pair goes on the work list; several (a hash collision) fall back to
                // the set's own lookup.
                var byHash: [Int: [HashKey]] = [:]
                for q in y.members where q.nested != nil { byHash[q.pythonHash, default: []].append(q) }
                for p in x.members {
                    guard let m = p.nested else {
                        if !y.members.contains(p) { return false }
                        continue
                    }
                    let candidates = (byHash[m.hash] ?? []).filter { $0.isTupleKey == p.isTupleKey }
                    if candidates.count == 1, let n = candidates[0].nested {
                        pending.append((m, n))
                    } else if !y.members.contains(p) {
                        return false
                    }
                }
            }
        }
        return true
    }

    /// Moves the nested keys out of this one into `work` and empties it.
    private func takeNested(into work: inout [NestedKey]) {
        guard nests else { return }
        for k in items { if let n = k.nested { work.append(n) } }
        for k in members { if let n = k.nested { work.append(n) } }
        items = []
        members = []
    }

    /// Frees a chain of keys one level at a time (a tuple key 10^5 deep released by
    /// recursion would overflow a thread's stack). A key someone else still holds (its
    /// frozenset, another key) is only released.
    deinit {
        var work: [NestedKey] = []
        takeNested(into: &work)
        while !work.isEmpty {
            if isKnownUniquelyReferenced(&work[work.count - 1]) {
                let k = work.removeLast()
                k.takeNested(into: &work)
            } else {
                work.removeLast()
            }
        }
    }
}

extension HashKey {
    var isTupleKey: Bool {
        if case .tuple = self { return true }
        return false
    }
}
