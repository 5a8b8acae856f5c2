import Tensor

/// The part of Python's pickle format a PyTorch `state_dict` needs, and nothing more.
///
/// `torch.save(model.state_dict(), f)` writes (protocol 2) an `OrderedDict` of names to
/// tensors, each `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, …)` whose
/// storage is a persistent id `('storage', torch.FloatStorage, key, location, numel)` naming
/// a member of the zip. A general unpickler would call whatever globals the file names — any
/// function of any module — so this one is a small stack machine over the opcodes such a file
/// uses (literals, tuples, lists, dicts, memo, MARK, persistent ids) that knows exactly four
/// globals: `collections.OrderedDict`, `torch._utils._rebuild_tensor_v2`,
/// `torch._utils._rebuild_parameter` and the `torch.*Storage` types. It never calls anything:
/// "calling" one of those builds a value describing the call. Any other global or opcode
/// (NEWOBJ, INST, OBJ, EXT, …) ends reading with the name of what was refused.
///
/// Every length is checked against the bytes left, the memo and stack are bounded, and values
/// may nest at most `maxDepth` deep, so a hostile file cannot exhaust memory or the stack.
///
/// Lists and dicts are references, as in Python: the memo and the stack share one object, and
/// APPEND/SETITEMS add to it in place, so reading is linear (a copy per mutation was quadratic:
/// 40,000 SETITEM+BINPUT pairs took a minute). A list or dict cannot change once it is inside
/// another value (a state_dict never does that; a pickler fills each container before nesting
/// it), so a depth, computed when a container is nested, stays true and no cycle can form.
/// Reading stops on Ctrl-C.
struct RestrictedUnpickler {
    /// The globals a state_dict names.
    enum Global: Equatable {
        case orderedDict
        case rebuildTensor
        case rebuildParameter
        case storage(String)
    }

    indirect enum Value {
        case none
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
        /// Containers carry their nesting depth (computed once, from their items' depths: a
        /// memo can share one subtree many times, so it is never walked).
        case tuple([Value], Int)
        case list(Container<Value>)
        case dict(Container<(Value, Value)>)
        case global(Global)
        /// `('storage', type, key, location, numel)` from BINPERSID.
        case storage(type: String, key: String, numel: Int)
        /// `_rebuild_tensor_v2(storage, offset, size, stride, …)`.
        case tensor(type: String, key: String, numel: Int, offset: Int, size: [Int], stride: [Int])
        case mark

        var depth: Int {
            switch self {
            case .tuple(_, let d): return d
            case .list(let c): return c.depth
            case .dict(let c): return c.depth
            default: return 0
            }
        }

        /// Marks a list or dict as put inside another value: from now on it cannot change.
        func nest() {
            switch self {
            case .list(let c): c.isNested = true
            case .dict(let c): c.isNested = true
            default: break
            }
        }

        static func tuple(_ a: [Value]) -> Value {
            for v in a { v.nest() }
            return .tuple(a, 1 + (a.map(\.depth).max() ?? 0))
        }
        static func newList(_ a: [Value]) -> Value {
            for v in a { v.nest() }
            return .list(Container(a, depth: 1 + (a.map(\.depth).max() ?? 0)))
        }
        static func newDict(_ p: [(Value, Value)]) -> Value {
            for (k, v) in p { k.nest(); v.nest() }
            return .dict(Container(p, depth: 1 + (p.map { max($0.0.depth, $0.1.depth) }.max() ?? 0)))
        }

        var describe: String {
            switch self {
            case .none: return "None"
            case .bool: return "a bool"
            case .int: return "an int"
            case .float: return "a float"
            case .string: return "a str"
            case .tuple: return "a tuple"
            case .list: return "a list"
            case .dict: return "a dict"
            case .global: return "a class"
            case .storage: return "a storage"
            case .tensor: return "a tensor"
            case .mark: return "a mark"
            }
        }
    }

    /// A list's or dict's items, shared by every reference to it (the stack, the memo).
    final class Container<Item> {
        var items: [Item]
        var depth: Int
        /// Set once the container is inside another value.
        var isNested = false
        init(_ items: [Item], depth: Int) { self.items = items; self.depth = depth }
    }

    static let maxDepth = 32
    static let maxStack = 1 << 20
    static let maxMemo = 1 << 20

    let bytes: [UInt8]
    let name: String
    var pos = 0
    var stack: [Value] = []
    var marks: [Int] = []
    var memo: [Int: Value] = [:]

    init(bytes: [UInt8], name: String) { self.bytes = bytes; self.name = name }

    func fail(_ why: String) -> TensorError { TensorError("\(name): \(why)") }

    static func refusal(_ what: String) -> String {
        "the pickle needs \(what), which rnnsh does not run: it reads only state_dicts (an OrderedDict of tensors, saved with torch.save(model.state_dict(), f)) and never executes a pickle's code"
    }

    mutating func byte() throws(TensorError) -> UInt8 {
        guard pos < bytes.count else { throw fail("the pickle ends early") }
        defer { pos += 1 }
        return bytes[pos]
    }

    mutating func take(_ n: Int) throws(TensorError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= bytes.count - pos else { throw fail("the pickle ends early (a length of \(n) runs past its end)") }
        defer { pos += n }
        return bytes[pos..<(pos + n)]
    }

    mutating func uint(_ n: Int) throws(TensorError) -> Int {
        var v: UInt64 = 0
        for (i, b) in try take(n).enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        guard v <= UInt64(Int.max) else { throw fail("a length in the pickle is too large") }
        return Int(v)
    }

    mutating func line() throws(TensorError) -> String {
        guard let end = bytes[pos...].prefix(256).firstIndex(of: 0x0a) else { throw fail("a GLOBAL name without its end") }
        let s = String(decoding: bytes[pos..<end], as: UTF8.self)
        pos = end + 1
        return s
    }

    mutating func push(_ v: Value) throws(TensorError) {
        guard stack.count < RestrictedUnpickler.maxStack else { throw fail("the pickle's stack grows too large") }
        guard v.depth <= RestrictedUnpickler.maxDepth else { throw fail("the pickle nests values more than \(RestrictedUnpickler.maxDepth) deep") }
        stack.append(v)
    }

    mutating func pop() throws(TensorError) -> Value {
        guard let v = stack.popLast() else { throw fail("the pickle pops an empty stack") }
        if case .mark = v { throw fail("the pickle uses a MARK as a value") }
        return v
    }

    /// The values pushed since the last MARK (which is removed).
    mutating func popMark() throws(TensorError) -> [Value] {
        guard let m = marks.popLast(), m < stack.count, case .mark = stack[m] else { throw fail("the pickle has no MARK to pop to") }
        let items = Array(stack[(m + 1)...])
        stack.removeSubrange(m...)
        guard items.allSatisfy({ if case .mark = $0 { return false } else { return true } }) else { throw fail("the pickle's MARKs are damaged") }
        return items
    }

    mutating func put(_ index: Int) throws(TensorError) {
        guard let top = stack.last else { throw fail("the pickle memoizes an empty stack") }
        guard memo.count < RestrictedUnpickler.maxMemo else { throw fail("the pickle's memo grows too large") }
        memo[index] = top
    }

    mutating func get(_ index: Int) throws(TensorError) {
        guard let v = memo[index] else { throw fail("the pickle reads memo entry \(index), which it never stored") }
        try push(v)
    }

    static func global(_ module: String, _ name: String) -> Global? {
        switch (module, name) {
        case ("collections", "OrderedDict"): return .orderedDict
        case ("torch._utils", "_rebuild_tensor_v2"): return .rebuildTensor
        case ("torch._utils", "_rebuild_parameter"): return .rebuildParameter
        case ("torch", let s) where s.hasSuffix("Storage") && s.count <= 32 && s.allSatisfy({ $0.isLetter || $0.isNumber }): return .storage(s)
        default: return nil
        }
    }

    /// Applies a known global to its arguments (never running code: it describes the result).
    func call(_ g: Global, _ args: [Value]) throws(TensorError) -> Value {
        switch g {
        case .orderedDict:
            guard args.isEmpty else { throw fail("OrderedDict called with arguments") }
            return .newDict([])
        case .rebuildTensor:
            guard args.count >= 4, case .storage(let type, let key, let numel) = args[0], case .int(let offset) = args[1],
                  case .tuple(let size, _) = args[2], case .tuple(let stride, _) = args[3] else {
                throw fail("_rebuild_tensor_v2 with arguments other than (storage, offset, size, stride, …)")
            }
            func ints(_ a: [Value]) throws(TensorError) -> [Int] {
                try a.map { (v: Value) throws(TensorError) -> Int in
                    guard case .int(let i) = v, i >= 0 else { throw fail("a tensor's size or stride is not a non-negative int") }
                    return i
                }
            }
            return .tensor(type: type, key: key, numel: numel, offset: offset, size: try ints(size), stride: try ints(stride))
        case .rebuildParameter:
            guard let t = args.first, case .tensor = t else { throw fail("_rebuild_parameter without a tensor") }
            return t
        case .storage(let s):
            throw fail(RestrictedUnpickler.refusal("torch.\(s)(…) called"))
        }
    }

    /// Runs the pickle to its STOP and returns the value it built.
    mutating func load() throws(TensorError) -> Value {
        var steps = 0
        while true {
            steps += 1
            if steps & 0xFFFF == 0 { try Cancellation.check() }
            let op = try byte()
            switch op {
            case 0x80: // PROTO
                let v = try byte()
                guard v <= 5 else { throw fail("pickle protocol \(v) is unknown") }
            case 0x95: _ = try take(8) // FRAME: the length only; frames are read in line
            case 0x2e: // STOP
                let v = try pop()
                return v
            case 0x28: marks.append(stack.count); try push(.mark) // MARK
            case 0x29: try push(.tuple([])) // EMPTY_TUPLE
            case 0x5d: try push(.newList([])) // EMPTY_LIST
            case 0x7d: try push(.newDict([])) // EMPTY_DICT
            case 0x4e: try push(.none)
            case 0x88: try push(.bool(true))
            case 0x89: try push(.bool(false))
            case 0x4b: try push(.int(Int(try byte()))) // BININT1
            case 0x4d: try push(.int(try uint(2))) // BININT2
            case 0x4a: // BININT (signed 4 bytes)
                let u = try uint(4)
                try push(.int(Int(Int32(truncatingIfNeeded: UInt32(u)))))
            case 0x8a: // LONG1
                let n = Int(try byte())
                guard n <= 8 else { throw fail("an integer of \(n) bytes is too large for a state_dict") }
                let raw = try take(n)
                var v: UInt64 = 0
                for (i, b) in raw.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
                if n > 0, n < 8, raw.last! & 0x80 != 0 { v |= ~UInt64(0) << (8 * UInt64(n)) }
                try push(.int(Int(Int64(bitPattern: v))))
            case 0x47: // BINFLOAT (big-endian double)
                var v: UInt64 = 0
                for b in try take(8) { v = v << 8 | UInt64(b) }
                try push(.float(Double(bitPattern: v)))
            case 0x58: try push(.string(String(decoding: try take(try uint(4)), as: UTF8.self))) // BINUNICODE
            case 0x8c: try push(.string(String(decoding: try take(Int(try byte())), as: UTF8.self))) // SHORT_BINUNICODE
            case 0x8d: try push(.string(String(decoding: try take(try uint(8)), as: UTF8.self))) // BINUNICODE8
            case 0x55: try push(.string(String(decoding: try take(Int(try byte())), as: UTF8.self))) // SHORT_BINSTRING
            case 0x54: try push(.string(String(decoding: try take(try uint(4)), as: UTF8.self))) // BINSTRING
            case 0x71: try put(Int(try byte())) // BINPUT
            case 0x72: try put(try uint(4)) // LONG_BINPUT
            case 0x94: try put(memo.count) // MEMOIZE
            case 0x68: try get(Int(try byte())) // BINGET
            case 0x6a: try get(try uint(4)) // LONG_BINGET
            case 0x74: try push(.tuple(try popMark())) // TUPLE
            case 0x85: try push(.tuple([try pop()])) // TUPLE1
            case 0x86: let b = try pop(), a = try pop(); try push(.tuple([a, b])) // TUPLE2
            case 0x87: let c = try pop(), b = try pop(), a = try pop(); try push(.tuple([a, b, c])) // TUPLE3
            case 0x6c: try push(.newList(try popMark())) // LIST
            case 0x64: // DICT
                let items = try popMark()
                guard items.count % 2 == 0 else { throw fail("DICT with an odd number of items") }
                try push(.newDict(stride(from: 0, to: items.count, by: 2).map { (items[$0], items[$0 + 1]) }))
            case 0x63: // GLOBAL
                let module = try line(), name = try line()
                guard let g = RestrictedUnpickler.global(module, name) else {
                    throw fail(RestrictedUnpickler.refusal("'\(UntrustedText.escaped(module)).\(UntrustedText.escaped(name))'"))
                }
                try push(.global(g))
            case 0x93: // STACK_GLOBAL
                let n = try pop(), m = try pop()
                guard case .string(let module) = m, case .string(let name) = n else { throw fail("STACK_GLOBAL without two names") }
                guard let g = RestrictedUnpickler.global(module, name) else {
                    throw fail(RestrictedUnpickler.refusal("'\(UntrustedText.escaped(module)).\(UntrustedText.escaped(name))'"))
                }
                try push(.global(g))
            case 0x51: // BINPERSID
                let pid = try pop()
                guard case .tuple(let t, _) = pid, t.count == 5, case .string("storage") = t[0], case .global(.storage(let type)) = t[1],
                      case .string(let key) = t[2], case .int(let numel) = t[4], numel >= 0 else {
                    throw fail("a persistent id other than ('storage', torch.…Storage, key, location, numel)")
                }
                try push(.storage(type: type, key: key, numel: numel))
            case 0x52: // REDUCE
                let args = try pop(), f = try pop()
                guard case .global(let g) = f, case .tuple(let a, _) = args else { throw fail(RestrictedUnpickler.refusal("a call of \(f.describe)")) }
                try push(try call(g, a))
            case 0x73: // SETITEM
                let v = try pop(), k = try pop()
                try setItems([(k, v)])
            case 0x75: // SETITEMS
                let items = try popMark()
                guard items.count % 2 == 0 else { throw fail("SETITEMS with an odd number of items") }
                try setItems(stride(from: 0, to: items.count, by: 2).map { (items[$0], items[$0 + 1]) })
            case 0x61: // APPEND
                let v = try pop()
                try append([v])
            case 0x65: try append(try popMark()) // APPENDS
            case 0x62: // BUILD: the state of an OrderedDict (its `_metadata`): kept out
                let state = try pop()
                guard case .dict = state, let target = stack.last, case .dict = target else {
                    throw fail(RestrictedUnpickler.refusal("BUILD on \(stack.last?.describe ?? "nothing")"))
                }
            default:
                throw fail(RestrictedUnpickler.refusal(String(format: "the opcode 0x%02x", Int(op))))
            }
        }
    }

    /// The error for changing a list or dict already inside another value (or itself).
    func nestedChange(_ what: String) -> TensorError {
        fail("the pickle changes a \(what) after putting it inside another value, which a state_dict never does")
    }

    mutating func setItems(_ items: [(Value, Value)]) throws(TensorError) {
        // Duplicate keys are kept in order here; the last one wins when the dict is read.
        guard case .dict(let c) = stack.last else { throw fail("SETITEM on something that is not a dict") }
        for (k, v) in items { k.nest(); v.nest() }
        guard !c.isNested else { throw nestedChange("dict") }
        let d = max(c.depth, 1 + (items.map { max($0.0.depth, $0.1.depth) }.max() ?? 0))
        guard d <= RestrictedUnpickler.maxDepth else { throw fail("the pickle nests values more than \(RestrictedUnpickler.maxDepth) deep") }
        c.items.append(contentsOf: items)
        c.depth = d
    }

    mutating func append(_ items: [Value]) throws(TensorError) {
        guard case .list(let c) = stack.last else { throw fail("APPEND on something that is not a list") }
        for v in items { v.nest() }
        guard !c.isNested else { throw nestedChange("list") }
        let d = max(c.depth, 1 + (items.map(\.depth).max() ?? 0))
        guard d <= RestrictedUnpickler.maxDepth else { throw fail("the pickle nests values more than \(RestrictedUnpickler.maxDepth) deep") }
        c.items.append(contentsOf: items)
        c.depth = d
    }
}
