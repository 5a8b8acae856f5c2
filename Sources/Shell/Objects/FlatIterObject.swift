import Tensor

/// numpy's `a.flat`: the array's elements in C order, whatever its layout, as one sequence.
/// Reading (`a.flat[3]`, `a.flat[1:4]`, `list(a.flat)`) gives numpy scalars or 1-d copies;
/// writing (`a.flat[3] = 7`, `a.flat[[0, 2]] = v`, `a.flat = 0`) goes into `a` itself at
/// those C-order positions with the values repeated as needed, which is `np.put` (the
/// Tensor's `put`, journaled like every array write).
struct FlatIterObject: ShellObject, ReprObject {
    let array: NDArray

    var kind: String { "numpy.flatiter" }
    var summary: String { "flat iterator over an array of \(array.size) elements" }
    var detail: String { "<numpy.flatiter object>" }
    var reprText: String { "<numpy.flatiter object>" }

    func attribute(_ name: String) -> Value? {
        name == "base" ? .array(array) : nil
    }
    var attributeNames: [String] { ["base"] }

    var iterationItems: [Value]? {
        guard let flat = try? array.flatten() else { return nil }
        var items: [Value] = []
        items.reserveCapacity(flat.size)
        for i in 0..<flat.size {
            guard let element = try? flat.subscripted([.index(i)]) else { return nil }
            items.append(.scalar(element))
        }
        return items
    }

    /// `a.flat[i]` for a lone int: numpy's own bounds message (it names no axis).
    private func position(_ index: [Value], span: Range<Int>) throws(ShellError) -> Int? {
        guard index.count == 1, let only = index.first else { return nil }
        switch only {
        case .int, .bigint: break
        case .scalar(let a) where a.dtype.isInteger: break
        default: return nil
        }
        let i = try ArgumentBinder.integer(only, span)
        guard i >= -array.size && i < array.size else {
            throw ShellError("index \(i) is out of bounds for size \(array.size)", span: span, kind: .indexError)
        }
        return i < 0 ? i + array.size : i
    }

    func get(_ index: [Value], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        let flat = try FunctionArguments.wrap { () throws(TensorError) -> NDArray in try array.flatten() }
        if let i = try position(index, span: span) {
            return .scalar(try FunctionArguments.wrap { () throws(TensorError) -> NDArray in try flat.subscripted([.index(i)]) })
        }
        return try evaluator.subscriptValue(.array(flat), index, span)
    }

    /// `a.flat[index] = value`; `index` nil: every position (`a.flat = value`).
    func set(_ index: [Value]?, _ value: Value, span: Range<Int>, evaluator: Evaluator) throws(ShellError) {
        if !array.isWriteable {
            throw ShellError(index == nil ? "array is read-only" : "underlying array is read-only", span: span, kind: .valueError)
        }
        let values = try evaluator.toArray(value, span: span)
        let positions: NDArray
        if let index {
            if let i = try position(index, span: span) {
                positions = NDArray(scalar: Int64(i))
            } else {
                let all = try FunctionArguments.wrap { () throws(TensorError) -> NDArray in try NDArray.arange(.int(Int64(array.size)), dtype: .int64) }
                switch try evaluator.subscriptValue(.array(all), index, span) {
                case .array(let p), .scalar(let p): positions = p
                default: return
                }
            }
        } else {
            positions = try FunctionArguments.wrap { () throws(TensorError) -> NDArray in try NDArray.arange(.int(Int64(array.size)), dtype: .int64) }
        }
        try FunctionArguments.wrap { () throws(TensorError) in try array.put(positions, values) }
    }
}
