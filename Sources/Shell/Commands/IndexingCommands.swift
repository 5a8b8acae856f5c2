import Tensor

/// Index arrays and memory: `take`, `nonzero`, `argwhere`, `ix_` (numpy's index helpers) and
/// `shares_memory` / `may_share_memory` (which arrays alias, now that arrays can change). The
/// semantics are module Tensor's (AdvancedIndexing.swift, Aliasing.swift).
enum IndexingCommands {
    typealias A = FunctionArguments
    static let all: [Command] = [take, takeAlongAxis, putAlongAxis, select, nonzero, argwhere, ix, sharesMemory, mayShareMemory]

    static let take = Command(
        name: "take", category: "Indexing",
        summary: "Elements at integer indices along an axis: `np.take(a, idx, axis)`.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("indices", .array, help: "integer indices (negative count from the end)"),
                     Parameter("axis", .optionalInt, default: .none, help: "the axis (None: the flattened array)")],
        help: """
            numpy's `np.take` and `a.take(...)`: the same as `a[..., indices, ...]` with the index \
            array at `axis`; the result has the index's shape in place of that axis. Out-of-range \
            indices are numpy's IndexError.
            """,
        examples: [Example("np.take(np.arange(10, 16), [0, 5, -1])"), Example("np.arange(6).reshape(2, 3).take([2, 0], axis=1)")],
        isMethod: true,
        run: { call in
            let a = call.arguments
            guard let x = a.array("a"), let idx = a.array("indices") else { return .none }
            // An empty list arrives as float64 from asarray; numpy reads it as an empty index.
            let indices = idx.size == 0 && idx.dtype.isFloat ? try idx.astype(.int64) : idx
            return MathCommands.result(try x.take(indices, axis: a.int("axis")))
        })

    static let takeAlongAxis = Command(
        name: "take_along_axis", category: "Indexing",
        summary: "Pick along an axis with an index array of the same ndim: `np.take_along_axis(a, idx, axis)`.",
        parameters: [Parameter("arr", .array, help: "the array"),
                     Parameter("indices", .array, help: "integer indices, as many dimensions as arr (what argsort/argmax with keepdims give)"),
                     Parameter("axis", .optionalInt, default: .int(-1), help: "the axis (None: the flattened array, with 1-d indices)")],
        help: """
            numpy's `np.take_along_axis`: `out[i, j] = arr[i, indices[i, j]]` for axis 1; the other \
            axes broadcast. Sorting rows by a key: `np.take_along_axis(x, np.argsort(x, axis=1), axis=1)`; \
            the top-scoring entry per row: `np.take_along_axis(p, p.argmax(1)[:, None], 1)`.
            """,
        examples: [Example("np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([[1], [0]]), axis=1)")],
        run: { call in
            let a = call.arguments
            let x = try A.array(call, "arr"), idx = try A.array(call, "indices")
            return .array(try x.takeAlongAxis(idx, axis: a["axis"].isNone ? nil : a.int("axis")))
        })

    static let putAlongAxis = Command(
        name: "put_along_axis", category: "Indexing",
        summary: "Write values along an axis at an index array of the same ndim (in place).",
        parameters: [Parameter("arr", .array, help: "the array to change"),
                     Parameter("indices", .array, help: "integer indices, as many dimensions as arr"),
                     Parameter("values", .value, help: "the values (broadcast to the indices)"),
                     Parameter("axis", .optionalInt, help: "the axis (None: the flattened array, with 1-d indices)")],
        help: """
            numpy's `np.put_along_axis`: `arr[i, indices[i, j]] = values[i, j]` for axis 1; returns None. \
            One-hot rows: `np.put_along_axis(z, labels[:, None], 1, axis=1)`.
            """,
        examples: [Example("z = np.zeros((2, 3))\nnp.put_along_axis(z, np.array([[2], [0]]), 1, axis=1)\nz")],
        run: { call in
            let a = call.arguments
            let x = try A.array(call, "arr"), idx = try A.array(call, "indices")
            try x.putAlongAxis(idx, try A.operand(call, "values"), axis: a["axis"].isNone ? nil : a.int("axis"))
            return .none
        })

    static let select = Command(
        name: "select", category: "Indexing",
        summary: "Choose from several arrays by several conditions: the first condition that holds wins.",
        parameters: [Parameter("condlist", .value, help: "a list of bool arrays"),
                     Parameter("choicelist", .value, help: "a list of arrays or numbers, one per condition"),
                     Parameter("default", .value, default: .int(0), help: "where no condition holds")],
        help: """
            numpy's `np.select`: a chain of `np.where`s, e.g. a piecewise function \
            `np.select([x < 0, x > 1], [0, 1], x)`. The dtype is the result type of the choices \
            and the default (Python numbers weak).
            """,
        examples: [Example("x = np.arange(6)\nnp.select([x < 2, x > 3], [x, x ** 2], -1)")],
        run: { call in
            let a = call.arguments
            guard let conds = a["condlist"].sequenceItems, let choices = a["choicelist"].sequenceItems else {
                throw call.error("condlist and choicelist must be lists", argument: "condlist", kind: .typeError)
            }
            var c: [NDArray] = []
            for v in conds { c.append(try call.evaluator.toArray(v, span: a.span("condlist"))) }
            var ch: [Operand] = []
            for v in choices { ch.append(try ValueConversion.operand(v, span: a.span("choicelist"), shell: call.evaluator)) }
            return MathCommands.result(try NDArray.select(c, ch, default: try A.operand(call, "default")))
        })

    static let nonzero = Command(
        name: "nonzero", category: "Indexing",
        summary: "Coordinates of the nonzero elements: a tuple with one int64 array per axis.",
        parameters: [Parameter("a", .array, help: "the array (bool masks are the usual input)")],
        help: "numpy's `np.nonzero` and `a.nonzero()`; `x[np.nonzero(m)]` is `x[m]`. One-argument `np.where(cond)` is the same.",
        examples: [Example("np.nonzero(np.array([[0, 3], [4, 0]]))"), .numpy("np.nonzero(np.array([0, 5], dtype=np.int32))[0].dtype")],
        isMethod: true,
        run: { call in
            guard let x = call.arguments.array("a") else { return .none }
            if x.ndim == 0 {
                throw TensorError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.",
                                  kind: .valueError)
            }
            return .tuple(try x.nonzero().map { .array($0) })
        })

    static let argwhere = Command(
        name: "argwhere", category: "Indexing",
        summary: "Coordinates of the nonzero elements as rows: shape (N, ndim).",
        parameters: [Parameter("a", .array, help: "the array")],
        help: "numpy's `np.argwhere`: the transpose of `np.nonzero`, one row per nonzero element.",
        examples: [Example("np.argwhere(np.arange(6).reshape(2, 3) > 2)")],
        run: { call in
            guard let x = call.arguments.array("a") else { return .none }
            return .array(try x.argwhere())
        })

    static let ix = Command(
        name: "ix_", category: "Indexing",
        summary: "Open-mesh index arrays from 1-d sequences: `x[np.ix_(rows, cols)]` picks a sub-grid.",
        parameters: [Parameter("args", .value, variadic: true, help: "1-d integer or bool sequences")],
        help: "numpy's `np.ix_`: sequence k becomes an array that lies along axis k (shape 1 elsewhere), so together they broadcast to every combination.",
        examples: [Example("x = np.arange(12).reshape(3, 4)\nx[np.ix_([0, 2], [1, 3])]")],
        run: { call in
            guard let items = call.arguments["args"].sequenceItems else { return .tuple([]) }
            var arrays: [NDArray] = []
            for item in items {
                var a = try call.evaluator.toArray(item, span: call.arguments.span("args"))
                if a.size == 0 && a.dtype.isFloat { a = try a.astype(.int64) }
                if !(a.dtype.isInteger || a.dtype == .bool) {
                    throw TensorError("arrays used as indices must be of integer (or boolean) type", kind: .indexError)
                }
                arrays.append(a)
            }
            return .tuple(try NDArray.ix(arrays).map { .array($0) })
        })

    static func memoryCommand(_ name: String, exact: Bool) -> Command {
        Command(
            name: name, category: "Indexing",
            summary: exact ? "True when two arrays have an element in common (views alias)."
                : "True when two arrays' memory ranges overlap (a quick, inexact test).",
            parameters: [Parameter("a", .array, help: "an array"), Parameter("b", .array, help: "another array")],
            help: exact
                ? "numpy's `np.shares_memory`: a view (`x[0]`, `x.T`, `x.reshape(...)`, `split` pieces) shares memory with its array, so writing through one changes the other; `.copy()` and fancy indexing make arrays that share nothing."
                : "numpy's `np.may_share_memory`: compares only the first and last byte each array reaches, so it can say True for interleaved views that share no element.",
            examples: [Example("x = np.arange(6)\n\(name)(x, x[::2])\n\(name)(x, x.copy())")],
            run: { call in
                guard let a = call.arguments.array("a"), let b = call.arguments.array("b") else { return .none }
                return .bool(exact ? NDArray.sharesMemory(a, b) : NDArray.mayShareMemory(a, b))
            })
    }

    static let sharesMemory = memoryCommand("shares_memory", exact: true)
    static let mayShareMemory = memoryCommand("may_share_memory", exact: false)
}
