import Tensor
import Printing

/// The distinct strings of a unicode array, in code-point order (numpy's order for `<U`
/// strings). An array's int64 codes index this table; because the table is sorted, comparing
/// codes compares the strings, so sorting, `unique`, `argsort` and the comparisons run on the
/// codes with the numeric kernels. A table is shared only by arrays that share codes storage
/// (views), so re-coding after an assignment changes every one of them and nothing else.
final class StringTable: @unchecked Sendable {
    private(set) var strings: [String]

    init(sorted strings: [String]) { self.strings = strings }

    /// numpy compares unicode strings by code point, not by Swift's canonical equivalence.
    static func less(_ a: String, _ b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }
    static func same(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }

    /// `strings` sorted, without repeats.
    static func canonical(_ strings: [String]) -> [String] {
        var out: [String] = []
        for s in strings.sorted(by: less) where !(out.last.map { same($0, s) } ?? false) { out.append(s) }
        return out
    }

    /// The code of `s` (a binary search); nil when the table lacks it.
    func code(of s: String) -> Int? {
        var lo = 0, hi = strings.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.less(strings[mid], s) { lo = mid + 1 } else { hi = mid }
        }
        return lo < strings.count && Self.same(strings[lo], s) ? lo : nil
    }

    func string(_ code: Int) -> String { code >= 0 && code < strings.count ? strings[code] : "" }

    /// Adds `more`, returning the new code of every old one (nil when nothing was new).
    func insert(_ more: [String]) -> [Int]? {
        let missing = more.filter { code(of: $0) == nil }
        guard !missing.isEmpty else { return nil }
        let old = strings
        strings = Self.canonical(old + missing)
        return old.map { code(of: $0) ?? 0 }
    }
}

/// A numpy unicode array (`np.array(['cat', 'dog'])`, dtype `<U3`): int64 codes into a
/// `StringTable`, and the element width of its dtype. Structural operations (indexing,
/// reshaping, joining, sorting) run on the codes; the shell then wraps the codes back.
struct StringArrayObject: ShellObject, ReprObject, ThrowingAttributes {
    let codes: NDArray
    let table: StringTable
    /// Characters per element: the `3` of `<U3`.
    let width: Int

    var kind: String { "numpy.ndarray" }
    var dtypeText: String { "<U\(width)" }
    var summary: String { "\(shapeString(codes.shape)) \(dtypeText)" }
    var detail: String {
        // A `formatter=` function for strings replaces numpy's repr of each element; str of a
        // 0-d array is the plain string either way.
        if codes.ndim > 0, codes.size > 0, let custom = PythonFormatter.stringElementText(zeroDimensional: false) {
            return StringArrayFormat.str(codes: codes, userText: true, element: { [table] in custom(table.string($0)) },
                                         plain: { [table] in table.string($0) })
        }
        return StringArrayFormat.str(codes: codes, element: { [table] in ValueFormatter.pythonStringRepr(table.string($0)) },
                                     plain: { [table] in table.string($0) })
    }
    var reprText: String {
        if codes.size > 0, let custom = PythonFormatter.stringElementText(zeroDimensional: codes.ndim == 0) {
            return StringArrayFormat.repr(codes: codes, dtypeText: dtypeText, userText: true, element: { [table] in custom(table.string($0)) })
        }
        return StringArrayFormat.repr(codes: codes, dtypeText: dtypeText,
                                      element: { [table] in ValueFormatter.pythonStringRepr(table.string($0)) })
    }

    /// The strings in C order.
    var elements: [String] {
        codes.scalars.map { s in
            if case .int(let i) = s { return table.string(Int(i)) }
            return ""
        }
    }

    /// An array of `strings` (row-major) with `shape`; the width is the longest string's (at
    /// least 1, as numpy's `np.array([''])` is `<U1`) unless given.
    static func make(_ strings: [String], shape: [Int], width: Int? = nil) throws(TensorError) -> StringArrayObject {
        let table = StringTable(sorted: StringTable.canonical(strings))
        let codes = try NDArray(strings.map { Int64(table.code(of: $0) ?? 0) }, shape: shape)
        let w = width ?? max(1, strings.map(\.unicodeScalars.count).max() ?? 1)
        return StringArrayObject(codes: codes, table: table, width: w)
    }

    /// The same strings over other codes of this table: a view keeps the table (it shares the
    /// codes' storage), a copy gets its own so that re-coding one never changes the other.
    func wrapping(_ result: NDArray, width: Int? = nil) -> StringArrayObject {
        let t = result.storage === codes.storage ? table : StringTable(sorted: table.strings)
        return StringArrayObject(codes: result, table: t, width: width ?? self.width)
    }

    /// What `x[i]` of a 1-d array gives: `np.str_('cat')`; of a wider one, the sub-array.
    var iterationItems: [Value]? {
        guard let n = codes.shape.first else { return nil }
        var items: [Value] = []
        for i in 0..<n {
            guard let row = try? codes.subscripted([.index(i)]) else { continue }
            items.append(item(of: row))
        }
        return items
    }

    /// A 0-d result is numpy's `np.str_` scalar; anything else stays an array.
    func item(of result: NDArray) -> Value {
        if result.ndim == 0, case .int(let c) = result.scalar(atStorageOffset: result.offset) {
            return .object(NumpyStrObject(value: table.string(Int(c))))
        }
        return .object(wrapping(result))
    }

    /// `x.tolist()`: nested Python lists of `str`.
    var list: Value {
        let flat = elements
        func build(_ axis: Int, _ start: Int) -> (Value, Int) {
            if axis == codes.ndim { return (.string(start < flat.count ? flat[start] : ""), 1) }
            var items: [Value] = []
            var at = start
            var used = 0
            for _ in 0..<codes.shape[axis] {
                let (v, n) = build(axis + 1, at)
                items.append(v)
                at += n
                used += n
            }
            return (.list(items), used)
        }
        return build(0, 0).0
    }

    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "shape": return .tuple(codes.shape.map { .int($0) })
        case "ndim": return .int(codes.ndim)
        case "size": return .int(codes.size)
        case "dtype": return .object(StrDTypeObject(width: width))
        case "itemsize": return .int(4 * width)
        case "nbytes": return .int(4 * width * codes.size)
        case "strides": return .tuple(codes.strides.map { .int($0 &* 4 &* width) })
        case "T": return .object(wrapping(codes.T))
        default: break
        }
        for qualified in ["ndarray." + name, name] {
            if let c = evaluator.registry[qualified], qualified.hasPrefix("ndarray.") || c.isMethod {
                return .function(Callable(name: qualified, receiver: .object(self)))
            }
        }
        throw ShellError("'numpy.ndarray' object has no attribute '\(name)'", span: span, kind: .attributeError)
    }
}

/// numpy's `np.str_` scalar (`x[0]` of a unicode array): a Python `str` everywhere except in
/// `repr`, which says `np.str_('cat')`.
struct NumpyStrObject: ShellObject, ReprObject, HashableObject {
    let value: String
    var kind: String { "numpy.str_" }
    var summary: String { ValueFormatter.pythonStringRepr(value) }
    var detail: String { value }
    var reprText: String { "np.str_(\(ValueFormatter.pythonStringRepr(value)))" }
    var hashIdentity: String { value }
    var iterationItems: [Value]? { value.unicodeScalars.map { .string(String($0)) } }
}

/// The dtype of a unicode array: `dtype('<U3')`, printed `<U3`.
struct StrDTypeObject: ShellObject, ReprObject {
    let width: Int
    var kind: String { "numpy.dtypes.StrDType" }
    var summary: String { "<U\(width)" }
    var detail: String { "<U\(width)" }
    var reprText: String { "dtype('<U\(width)')" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "name": return .string("str\(32 * width)")
        case "itemsize": return .int(4 * width)
        case "kind", "char": return .string("U")
        case "str": return .string("<U\(width)")
        case "byteorder": return .string("=")
        default: return nil
        }
    }
    var attributeNames: [String] { ["name", "itemsize", "kind", "char", "str", "byteorder"] }
}
