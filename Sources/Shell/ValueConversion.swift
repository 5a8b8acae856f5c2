import Tensor

/// Turning shell values into what module Tensor takes: operands (Python scalars stay "weak",
/// as numpy 2 treats them), nested literals for `np.array`, and index items.
enum ValueConversion {
    /// A numpy operand: arrays and numpy scalars are strong, Python scalars weak.
    static func operand(_ v: Value, span: Range<Int>?, shell: Evaluator) throws(ShellError) -> Operand {
        switch v {
        case .int(let i): return .int(Int64(i))
        case .bigint: throw bigIntError(span)
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        case .array(let a), .scalar(let a): return .array(a)
        default: return .array(try shell.toArray(v, span: span))
        }
    }

    /// A Python int past 64 bits meeting numpy: numpy's OverflowError (numpy would make an
    /// object array from a literal; rnnsh has no object dtype, so it refuses that too).
    static func bigIntError(_ span: Range<Int>?) -> ShellError {
        ShellError("Python int too large to convert to C long",
                   explanation: "numpy arrays hold 64-bit integers; use float(n) for an approximate value",
                   span: span, kind: .overflowError)
    }

    /// `np.array(value)`'s input: numbers and (nested) lists/tuples; arrays inside lists are
    /// read element by element so `np.array([a, b])` stacks them as numpy does.
    static func literal(_ v: Value, span: Range<Int>?, depth: Int = 0) throws(ShellError) -> NestedLiteral {
        if depth > 64 {
            throw ShellError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 64.", span: span, kind: .valueError)
        }
        switch v {
        case .int(let i): return .int(Int64(i))
        case .bigint: throw bigIntError(span)
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        case .list, .tuple:
            let items = (v).sequenceItems ?? []
            var out: [NestedLiteral] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if i & 4095 == 4095 { try Interrupt.check() }
                out.append(try literal(item, span: span, depth: depth + 1))
            }
            return .list(out)
        case .array(let a), .scalar(let a):
            return arrayLiteral(a)
        case .range(let start, _, let step):
            // numpy reads a range as the sequence of its ints (`np.array(range(3))`).
            let count = try rangeCount(v, span: span)
            var out: [NestedLiteral] = []
            out.reserveCapacity(count)
            var x = start
            for i in 0..<count {
                if i & 4095 == 4095 { try Interrupt.check() }
                out.append(.int(Int64(x)))
                x &+= step
            }
            return .list(out)
        default:
            // numpy would hold it in an object array, which rnnsh does not have: a TypeError,
            // so that `except TypeError` catches it as it catches numpy's refusals of such values.
            throw ShellError("expected a number or a list of numbers, got \(v.typeName)", span: span, kind: .typeError)
        }
    }

    /// The length of a range read as numbers, refused (numpy's MemoryError words, from
    /// `Limits`) before its elements are made when the int64 array could not be held.
    private static func rangeCount(_ v: Value, span: Range<Int>?) throws(ShellError) -> Int {
        guard case .range(let a, let b, let c) = v else { return 0 }
        let count = PythonRange.count(a, b, c)
        do { _ = try Limits.checkAllocation([count], .int64) } catch { throw ShellError.converting(error) }
        return count
    }

    /// Refuses a literal whose array would not fit in the memory budget, from the shape its
    /// first elements give (numpy discovers the shape the same way; a ragged literal is
    /// refused later anyway): the array itself, and the converted literal — one node per
    /// element — as the statement's temporary.
    static func checkLiteralSize(_ v: Value, dtype: DType?) throws(TensorError) {
        var shape: [Int] = []
        var leaf = v
        while let items = leaf.sequenceItems, shape.count <= Limits.maxDimensions {
            shape.append(items.count)
            guard let first = items.first else { break }
            leaf = first
        }
        // Lists nested past 64 levels: numpy's words for a literal (not ndarray's 'found 65').
        if shape.count > Limits.maxDimensions {
            throw TensorError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of \(Limits.maxDimensions).", kind: .valueError)
        }
        if case .array(let a) = leaf { shape += a.shape }
        if case .range(let a, let b, let c) = leaf { shape.append(PythonRange.count(a, b, c)) }
        let inferred: DType
        switch leaf {
        case .bool: inferred = .bool
        case .int, .range: inferred = .int64
        case .array(let a), .scalar(let a): inferred = a.dtype
        default: inferred = .float64
        }
        let dt = dtype ?? inferred
        let count = try Limits.checkAllocation(shape, dt)
        let (temp, o) = count.multipliedReportingOverflow(by: MemoryLayout<NestedLiteral>.stride + dt.itemSize)
        try Limits.reserve(o ? Int.max : temp, for: "converting a list of \(count) numbers")
    }

    /// An array's elements as nested lists (its dtype is lost: only used inside literals).
    static func arrayLiteral(_ a: NDArray) -> NestedLiteral {
        let flat: [NestedLiteral] = a.scalars.map { s in
            switch s {
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .uint(let u): return .float(Double(u))   // beyond int64: nested literals hold no uint64
            case .float32(let f): return .float(Double(f))
            case .float64(let d): return .float(d)
            }
        }
        if a.ndim == 0, let only = flat.first { return only }
        func build(_ dim: Int, _ start: Int) -> (NestedLiteral, Int) {
            if dim == a.ndim { return (flat[start], start + 1) }
            var items: [NestedLiteral] = []
            var i = start
            for _ in 0..<a.shape[dim] {
                let (node, next) = build(dim + 1, i)
                items.append(node)
                i = next
            }
            return (.list(items), i)
        }
        return build(0, 0).0
    }

    /// One entry of `x[...]`.
    static func indexItem(_ v: Value, span: Range<Int>?) throws(ShellError) -> IndexItem {
        switch v {
        case .int(let i): return .index(i)
        case .bool:
            break
        case .slice(let a, let b, let c): return .slice(start: a, stop: b, step: c)
        case .ellipsis: return .ellipsis
        case .none: return .newAxis
        case .scalar(let a) where a.dtype.isInteger:
            if case .int(let i)? = a.scalar(at: []) { return .index(Int(i)) }
        default:
            break
        }
        throw ShellError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
                         span: span, kind: .indexError)
    }

    /// An array result, shown as a numpy scalar when numpy would return one.
    static func arrayOrScalar(_ a: NDArray, scalar: Bool) -> Value {
        scalar && a.ndim == 0 ? .scalar(a) : .array(a)
    }
}
