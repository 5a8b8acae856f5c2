import Tensor

/// numpy's `np.insert` and `np.delete` (module Tensor's `InsertDelete`): a new array with
/// positions along an axis added or removed; the original is unchanged.
enum InsertDeleteCommands {
    static let all: [Command] = [insert, delete]

    typealias A = FunctionArguments

    /// numpy's `obj`: an int, a slice object (`slice(1, 3)`, `np.s_[::2]`), or positions / a bool mask.
    static func position(_ call: Invocation, _ name: String) throws(ShellError) -> IndexItem {
        let v = call.arguments[name]
        switch v {
        case .int(let i): return .index(i)
        case .slice(let a, let b, let c): return .slice(start: a, stop: b, step: c)
        case .scalar(let s) where s.dtype.isInteger:
            if case .int(let i)? = s.scalar(at: []) { return .index(Int(i)) }
        default: break
        }
        var a = try call.evaluator.toArray(v, span: call.arguments.span(name))
        // An empty list is float64 to asarray; numpy reads it as no positions (an empty float
        // *array* stays float and is refused as an index).
        if a.size == 0, a.dtype.isFloat, !isArray(v) { a = try A.wrap { () throws(TensorError) -> NDArray in try a.astype(.int64) } }
        return .array(a)
    }

    private static func isArray(_ v: Value) -> Bool {
        if case .array = v { return true }
        return false
    }

    static let delete = Command(
        name: "delete", category: "Shape",
        summary: "A copy without the given positions along an axis (flattened when axis is None).",
        parameters: [Parameter("arr", .array, help: "the array"),
                     Parameter("obj", .value, help: "an index, a slice object, a list of indices, or a bool mask"),
                     Parameter("axis", .optionalInt, default: .none, help: "the axis (None: the flattened array)")],
        help: """
            numpy's `np.delete`: rows, columns or elements removed, as a new array. `obj` may be \
            an int (negative counts from the end), `slice(start, stop, step)` or `np.s_[...]`, \
            a list of indices, or a bool mask as long as the axis.
            """,
        examples: [Example("x = np.arange(12).reshape(3, 4)\nnp.delete(x, 1, axis=0)"),
                   Example("np.delete(np.arange(12).reshape(3, 4), [0, 2], axis=1)"),
                   .numpy("np.delete(np.array([5, 6, 7, 8]), np.s_[::2])")],
        run: { call in
            let arr = try A.array(call, "arr")
            let obj = try position(call, "obj")
            return .array(try arr.deleting(obj, axis: call.arguments.int("axis")))
        })

    static let insert = Command(
        name: "insert", category: "Shape",
        summary: "A copy with values inserted before the given positions along an axis.",
        parameters: [Parameter("arr", .array, help: "the array"),
                     Parameter("obj", .value, help: "an index, a slice object, or a list of indices to insert before"),
                     Parameter("values", .value, help: "what to insert (cast to arr's dtype, broadcast)"),
                     Parameter("axis", .optionalInt, default: .none, help: "the axis (None: the flattened array)")],
        help: """
            numpy's `np.insert`: values go in before `obj` along `axis` (position `len` appends), \
            cast to `arr`'s dtype, so inserting 2.5 into an int array inserts 2. With several \
            positions each refers to the original array.
            """,
        examples: [Example("np.insert(np.array([1, 2, 3]), 1, 9)"),
                   Example("x = np.arange(6).reshape(2, 3)\nnp.insert(x, 1, [7, 8, 9], axis=0)"),
                   .numpy("np.insert(np.array([1, 2, 3]), [0, 3], 2.5)")],
        run: { call in
            let arr = try A.array(call, "arr")
            let obj = try position(call, "obj")
            // numpy 2.4 reads `obj.ndim` of a bool mask, so a bool *list* fails there.
            if case .array(let m) = obj, m.dtype == .bool {
                switch call.arguments["obj"] {
                case .list, .tuple:
                    throw ShellError("'\(call.arguments["obj"].typeName)' object has no attribute 'ndim'", span: call.arguments.span("obj"), kind: .attributeError)
                default: break
                }
            }
            let values = try A.operand(call, "values")
            return .array(try arr.inserting(obj, values, axis: call.arguments.int("axis"),
                                            objText: ValueFormatter.str(call.arguments["obj"])))
        })
}
