import Tensor

/// Changing how an array's data is seen: reshape, transpose, split, join. These are the
/// operations the tutorial's `transpose → reshape → split` pipeline is made of.
enum ShapeCommands {
    static let all: [Command] = [reshape, transpose, swapaxes, matrixTranspose, ravel, flatten, squeeze, expandDims,
                                 split, arraySplit, concatenate, stack, unstack]

    static let orderHelp = "element order: 'C' (last index fastest), 'F' (first index fastest) or 'A' (F for a Fortran-ordered array)"

    static let reshape = Command(
        name: "reshape", category: "Shape",
        summary: "The same data seen with another shape: np.reshape.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("shape", .ints, variadic: true, help: "the new shape; one dimension may be -1 (inferred)")
                        .variadic(in: [.command, .method]),
                     FunctionArguments.orderParameter(default: "C", help: orderHelp)],
        help: """
            Gives the array a new shape with the same number of elements, read in row-major \
            order: `reshape x 2 4 3` is `x.reshape(2, 4, 3)` and `np.reshape(x, (2, 4, 3))`. \
            One dimension may be -1 and is inferred. The result is a view when the data \
            allows it (always for a contiguous array), otherwise a copy. `order='F'` reads and \
            fills with the first index fastest (MATLAB's and Fortran's order).
            """,
        examples: [Example("arange 6 | reshape 2 3"), Example("np.arange(24).reshape(-1, 3).shape"),
                   .numpy("np.arange(6).reshape(2, 3, order='F')")],
        isMethod: true,
        run: { call in
            let a = call.arguments
            guard let x = a.array("a") else { return .none }
            return .array(try x.reshape(a.ints("shape") ?? [], order: try FunctionArguments.order(call)))
        })

    static let transpose = Command(
        name: "transpose", category: "Shape",
        summary: "Permute the axes (reverse them by default): np.transpose.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("axes", .ints, default: .none, variadic: true, help: "the new order of the axes")
                        .variadic(in: [.command, .method])],
        help: """
            `transpose x 1 0 2` (`x.transpose(1, 0, 2)`, `np.transpose(x, (1, 0, 2))`) makes \
            axis 1 the first: for a batch of images (batch, rows, cols) that gives \
            (rows, batch, cols). Without axes the order is reversed, like `x.T`. Always a view.
            """,
        examples: [Example("x = arange 24 | reshape 2 4 3\n(transpose x 1 0 2).shape"), Example("np.arange(6).reshape(2, 3).T")],
        isMethod: true,
        run: { call in
            guard let x = call.arguments.array("a") else { return .none }
            return .array(try x.transpose(call.arguments.ints("axes")))
        })

    static let swapaxes = Command(
        name: "swapaxes", category: "Shape",
        summary: "Exchange two axes: np.swapaxes.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("axis1", .int, help: "first axis"),
                     Parameter("axis2", .int, help: "second axis")],
        help: "A view with `axis1` and `axis2` exchanged.",
        examples: [Example("(np.zeros((2, 3, 4)).swapaxes(0, 2)).shape")],
        isMethod: true,
        run: { call in
            let a = call.arguments
            guard let x = a.array("a"), let i = a.int("axis1"), let j = a.int("axis2") else { return .none }
            return .array(try x.swapaxes(i, j))
        })

    static let matrixTranspose = Command(
        name: "matrix_transpose", category: "Shape",
        summary: "Swap the last two axes (a stack of matrices transposed): np.matrix_transpose, x.mT.",
        parameters: [Parameter("x", .array, help: "an array of at least 2 dimensions")],
        help: "numpy 2's array-API name: `np.matrix_transpose(x)` is `x.mT`, `np.swapaxes(x, -1, -2)`. A view.",
        examples: [.numpy("np.matrix_transpose(np.ones((4, 2, 3))).shape"), .numpy("np.arange(6).reshape(2, 3).mT")],
        run: { call in
            let x = try FunctionArguments.array(call, "x")
            guard x.ndim >= 2 else {
                throw ShellError("Input array must be at least 2-dimensional, but it is \(x.ndim)", span: call.arguments.span("x"), kind: .valueError)
            }
            return .array(try x.matrixTranspose())
        })

    static let ravel = Command(
        name: "ravel", category: "Shape",
        summary: "The elements as a 1-d array (a view when possible): np.ravel.",
        parameters: [Parameter("a", .array, help: "the array"),
                     FunctionArguments.orderParameter(default: "C", help: orderHelp + ", or 'K' (memory order)")],
        help: "Flattens in row-major order (or `order`); returns a view when the elements already lie in that order in memory, a copy otherwise.",
        examples: [Example("np.arange(6).reshape(2, 3).ravel()"), .numpy("np.arange(6).reshape(2, 3).ravel('F')")],
        isMethod: true,
        run: { call in
            guard let x = call.arguments.array("a") else { return .none }
            return .array(try x.ravel(order: try FunctionArguments.order(call)))
        })

    static let flatten = Command(
        name: "flatten", category: "Shape",
        summary: "The elements as a new 1-d array (always a copy): x.flatten().",
        parameters: [Parameter("a", .array, help: "the array"),
                     FunctionArguments.orderParameter(default: "C", help: orderHelp + ", or 'K' (memory order)")],
        help: "Like ravel, but always copies.",
        examples: [Example("(arange 6 | reshape 2 3).T.flatten()"), .numpy("np.arange(6).reshape(2, 3).flatten('F')")],
        isMethod: true,
        run: { call in
            guard let x = call.arguments.array("a") else { return .none }
            return .array(try x.flatten(order: try FunctionArguments.order(call)))
        })

    static let squeeze = Command(
        name: "squeeze", category: "Shape",
        summary: "Remove axes of length one: np.squeeze.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("axis", .ints, default: .none, help: "only these axes (each must have length 1)")],
        help: "Drops every axis of length 1, or only the given ones. A view.",
        examples: [Example("np.zeros((1, 3, 1)).squeeze().shape")],
        isMethod: true,
        run: { call in
            guard let x = call.arguments.array("a") else { return .none }
            return .array(try x.squeeze(axis: call.arguments.ints("axis")))
        })

    static let expandDims = Command(
        name: "expand_dims", category: "Shape",
        summary: "Insert an axis of length one: np.expand_dims.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("axis", .ints, help: "where the new axis (or axes) go")],
        help: "A view with a new axis of length 1 at `axis` (like `x[None]` for axis 0).",
        examples: [Example("np.expand_dims(np.arange(3), 0).shape")],
        run: { call in
            guard let x = call.arguments.array("a") else { return .none }
            return .array(try x.expandDims(axis: call.arguments.ints("axis") ?? []))
        })

    static func splitRun(_ call: Invocation, exact: Bool) throws -> Value {
        let a = call.arguments
        guard let x = a.array("ary") else { return .none }
        let axis = a.int("axis") ?? 0
        let parts: [NDArray]
        switch a["indices_or_sections"] {
        case .int(let n):
            parts = exact ? try x.split(sections: n, axis: axis) : try x.arraySplit(sections: n, axis: axis)
        default:
            let indices = a.ints("indices_or_sections") ?? []
            parts = exact ? try x.split(indices: indices, axis: axis) : try x.arraySplit(indices: indices, axis: axis)
        }
        return .list(parts.map { .array($0) })
    }

    static let split = Command(
        name: "split", category: "Shape",
        summary: "Cut an array into equal parts (or at indices) along an axis: np.split.",
        parameters: [Parameter("ary", .array, help: "the array"),
                     Parameter("indices_or_sections", .intOrInts, help: "how many equal parts, or a list of cut indices"),
                     Parameter("axis", .int, default: .int(0), help: "the axis to cut along")],
        help: """
            `split x 4` returns a list of 4 views along axis 0; the length of the axis must \
            divide evenly (else numpy's `array split does not result in an equal division`). \
            With a list, cuts before each index: `split x [2, 5]`. This is how the tutorial \
            turns a (28·128, 28) array into 28 per-time-step inputs.
            """,
        examples: [Example("split (arange 6) 3"), Example("np.split(np.arange(6).reshape(3, 2), [1], axis=0)")],
        run: { call in try splitRun(call, exact: true) })

    static let arraySplit = Command(
        name: "array_split", category: "Shape",
        summary: "Like split, but unequal parts are allowed: np.array_split.",
        parameters: [Parameter("ary", .array, help: "the array"),
                     Parameter("indices_or_sections", .intOrInts, help: "how many parts, or a list of cut indices"),
                     Parameter("axis", .int, default: .int(0), help: "the axis to cut along")],
        help: "Splits into N parts whose lengths differ by at most one (the first ones are longer).",
        examples: [Example("array_split (arange 5) 2")],
        run: { call in try splitRun(call, exact: false) })

    static func arrays(_ call: Invocation, _ name: String) throws(ShellError) -> [NDArray] {
        guard let items = call.arguments[name].sequenceItems else {
            throw call.error("\(call.command.name)() argument '\(name)' must be a list or tuple of arrays", argument: name)
        }
        var out: [NDArray] = []
        for item in items { out.append(try call.evaluator.toArray(item, span: call.arguments.span(name))) }
        return out
    }

    static let concatenate = Command(
        name: "concatenate", category: "Shape",
        summary: "Join arrays along an existing axis: np.concatenate.",
        parameters: [Parameter("arrays", .value, help: "a list or tuple of arrays"),
                     Parameter("axis", .optionalInt, default: .int(0), help: "the axis to join along (None: flatten first)")],
        help: "The inverse of split: `concatenate (split x 4)` gives x back.",
        examples: [Example("np.concatenate([np.arange(2), np.arange(3)])")],
        run: { call in
            .array(try NDArray.concatenate(try arrays(call, "arrays"), axis: call.arguments.int("axis")))
        })

    static let stack = Command(
        name: "stack", category: "Shape",
        summary: "Join arrays along a new axis: np.stack.",
        parameters: [Parameter("arrays", .value, help: "a list or tuple of arrays of one shape"),
                     Parameter("axis", .int, default: .int(0), help: "where the new axis goes")],
        help: "Stacks equally shaped arrays into one with an extra axis (e.g. a list of per-step outputs into one array).",
        examples: [Example("np.stack([np.arange(3), np.arange(3)], axis=1)")],
        run: { call in
            .array(try NDArray.stack(try arrays(call, "arrays"), axis: call.arguments.int("axis") ?? 0))
        })

    static let unstack = Command(
        name: "unstack", category: "Shape",
        summary: "Split an array into the views along an axis: np.unstack (numpy 2.1).",
        parameters: [Parameter("x", .array, help: "the array (at least 1-d)")],
        options: [Parameter("axis", .int, default: .int(0), help: "the axis to take apart")],
        help: "The inverse of stack: a tuple of views, `x[0], x[1], ...` along `axis` (one axis fewer each).",
        examples: [.numpy("np.unstack(np.arange(6).reshape(2, 3))"), .numpy("np.unstack(np.arange(6).reshape(2, 3), axis=1)")],
        run: { call in
            .tuple(try FunctionArguments.array(call, "x").unstack(axis: call.arguments.int("axis") ?? 0).map { .array($0) })
        })
}
