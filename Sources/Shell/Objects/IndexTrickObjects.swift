import Tensor

/// `np.r_`, `np.c_` (numpy's `AxisConcatenator`) and `np.mgrid`, `np.ogrid` (`nd_grid`):
/// objects whose subscript builds an array. This file reads the subscript (slices, scalars,
/// arrays and the leading string directive such as `'0,2'`); module Tensor builds the array
/// (`IndexTricks.swift`). Slices take integer bounds (rnnsh's slices hold integers), so the
/// complex-step form `np.r_[-1:1:5j]` is not available.
struct IndexTrickObject: ShellObject {
    enum Trick { case r, c, mgrid, ogrid }
    let trick: Trick

    var kind: String {
        switch trick {
        case .r: return "RClass"
        case .c: return "CClass"
        case .mgrid: return "MGridClass"
        case .ogrid: return "OGridClass"
        }
    }
    var summary: String {
        switch trick {
        case .r: return "np.r_"
        case .c: return "np.c_"
        case .mgrid: return "np.mgrid"
        case .ogrid: return "np.ogrid"
        }
    }
    var detail: String {
        switch trick {
        case .r: return "<numpy.lib._index_tricks_impl.RClass object>"
        case .c: return "<numpy.lib._index_tricks_impl.CClass object>"
        case .mgrid: return "<numpy.lib._index_tricks_impl.MGridClass object>"
        case .ogrid: return "<numpy.lib._index_tricks_impl.OGridClass object>"
        }
    }

    /// The subscript, evaluated with the evaluator (lists become arrays as `np.array` makes them).
    func item(_ key: Value, _ evaluator: Evaluator, _ span: Range<Int>?) throws(ShellError) -> Value {
        let items: [Value]
        if case .tuple(let t) = key { items = t.array } else { items = [key] }
        func wrap<T>(_ body: () throws(TensorError) -> T) throws(ShellError) -> T {
            do { return try body() } catch { throw ShellError(error.message, span: span, kind: error.kind) }
        }
        switch trick {
        case .mgrid, .ogrid:
            var ranges: [(start: Int, stop: Int, step: Int)] = []
            for it in items {
                guard case .slice(let start, let stop, let step) = it else {
                    throw ShellError("'\(it.typeName)' object is not subscriptable", span: span, kind: .typeError)
                }
                guard let stop else {
                    throw ShellError("unsupported operand type(s) for -: 'NoneType' and 'int'", span: span, kind: .typeError)
                }
                ranges.append((start ?? 0, stop, step ?? 1))
            }
            if case .slice(let start, let stop, let step) = key {
                // A single slice: numpy's fallback is plain arange.
                return .array(try wrap { () throws(TensorError) -> NDArray in
                    try NDArray.arange(start: .int(Int64(start ?? 0)), stop: .int(Int64(stop ?? 0)), step: .int(Int64(step ?? 1)))
                })
            }
            let arrays = try wrap { () throws(TensorError) -> [NDArray] in try NDArray.grid(ranges, sparse: trick == .ogrid) }
            if trick == .ogrid { return .tuple(arrays.map { .array($0) }) }
            guard let first = arrays.first else { throw ShellError("mgrid needs at least one slice", span: span, kind: .valueError) }
            return .array(first)
        case .r, .c:
            var axis = trick == .c ? -1 : 0, ndmin = trick == .c ? 2 : 1, trans1d = trick == .c ? 0 : -1
            var pieces: [ConcatPiece] = []
            for (k, it) in items.enumerated() {
                switch it {
                case .string(let s):
                    if k != 0 { throw ShellError("special directives must be the first entry.", span: span, kind: .valueError) }
                    if s == "r" || s == "c" {
                        throw ShellError("rnnsh has no np.matrix: the 'r' and 'c' directives are not available", span: span, kind: .valueError)
                    }
                    if s.contains(",") {
                        let parts = s.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
                        guard parts.count >= 2, parts.count <= 3, let a = parts[0], let n = parts[1], parts.count == 2 || parts[2] != nil else {
                            throw ShellError("unknown special directive \(ValueFormatter.pythonStringRepr(s))", span: span, kind: .valueError)
                        }
                        axis = a; ndmin = n
                        if parts.count == 3, let t = parts[2] { trans1d = t }
                        continue
                    }
                    guard let a = Int(s.trimmingCharacters(in: .whitespaces)) else {
                        throw ShellError("unknown special directive", span: span, kind: .valueError)
                    }
                    axis = a
                case .slice(let start, let stop, let step):
                    guard let stop else {
                        throw ShellError("unsupported operand type(s) for -: 'NoneType' and 'int'", span: span, kind: .typeError)
                    }
                    pieces.append(.range(start: start ?? 0, stop: stop, step: step ?? 1))
                case .int, .float, .bool:
                    pieces.append(.scalar(try ValueConversion.operand(it, span: span, shell: evaluator)))
                case .scalar(let a):
                    pieces.append(.array(a))
                default:
                    pieces.append(.array(try evaluator.toArray(it, span: span)))
                }
            }
            guard ndmin <= 64 else { throw ShellError("ndmin bigger than allowable number of dimensions NPY_MAXDIMS (64)", span: span, kind: .valueError) }
            let (a, n, t) = (axis, ndmin, trans1d)
            return .array(try wrap { () throws(TensorError) -> NDArray in try NDArray.axisConcatenate(pieces, axis: a, ndmin: n, trans1d: t) })
        }
    }
}
