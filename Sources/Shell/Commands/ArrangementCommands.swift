import Tensor

/// More of numpy's array-manipulation and product routines: `hsplit`/`vsplit`/`dsplit`,
/// `rot90`, `rollaxis`, `broadcast_shapes`, `broadcast_arrays`, `append`, `cross`, `kron`,
/// `trace`, `linalg.matrix_power` (module Tensor's `Arrangements`, `Split`, `Join`).
enum ArrangementCommands {
    static let all: [Command] = [splitter("hsplit", axis: 1), splitter("vsplit", axis: 0), splitter("dsplit", axis: 2),
                                 rot90, rollaxis, broadcastShapes, broadcastArrays, append, cross, kron, trace, matrixPower]

    typealias A = FunctionArguments

    static func splitter(_ name: String, axis: Int) -> Command {
        let what = ["hsplit": "horizontally (along axis 1; axis 0 for 1-d arrays)", "vsplit": "vertically (along axis 0)", "dsplit": "along the depth (axis 2)"][name] ?? ""
        return Command(
            name: name, category: "Shape",
            summary: "Split an array \(what).",
            parameters: [Parameter("ary", .array, help: "the array"),
                         Parameter("indices_or_sections", .intOrInts, help: "how many equal parts, or a list of cut indices")],
            help: "numpy's `np.\(name)`: `np.split` \(what); a list of views.",
            examples: [Example("np.\(name)(np.arange(16.0).reshape(2, 2, 4), 2)")],
            run: { call in
                let x = try A.array(call, "ary")
                let needed = axis == 1 ? 1 : axis + 1
                if x.ndim < needed || (axis == 1 && x.ndim == 0) {
                    let message = name == "hsplit" ? "hsplit only works on arrays of 1 or more dimensions"
                        : "\(name) only works on arrays of \(needed) or more dimensions"
                    throw ShellError(message, span: call.span, kind: .valueError)
                }
                let along = (name == "hsplit" && x.ndim == 1) ? 0 : axis
                let parts: [NDArray]
                switch call.arguments["indices_or_sections"] {
                case .int(let n): parts = try x.split(sections: n, axis: along)
                default: parts = try x.split(indices: call.arguments.ints("indices_or_sections") ?? [], axis: along)
                }
                return .list(parts.map { .array($0) })
            })
    }

    static let rot90 = Command(
        name: "rot90", category: "Shape",
        summary: "Rotate an array by 90 degrees in a plane (a view).",
        parameters: [Parameter("m", .array, help: "an array of at least 2 dimensions"),
                     Parameter("k", .int, default: .int(1), help: "how many quarter turns (negative: clockwise)"),
                     Parameter("axes", .ints, default: .tuple([.int(0), .int(1)]), help: "the plane of rotation")],
        help: "numpy's `np.rot90`: counter-clockwise from the first axis towards the second.",
        examples: [Example("np.rot90(np.arange(4).reshape(2, 2))"), Example("np.rot90(np.arange(6).reshape(2, 3), k=-1)")],
        run: { call in
            let axes = call.arguments.ints("axes") ?? [0, 1]
            guard axes.count == 2 else { throw ShellError("len(axes) must be 2.", span: call.span, kind: .valueError) }
            return .array(try A.array(call, "m").rotated90(k: call.arguments.int("k") ?? 1, axes: (axes[0], axes[1])))
        })

    static let rollaxis = Command(
        name: "rollaxis", category: "Shape",
        summary: "Move one axis to a position (older form of moveaxis).",
        parameters: [Parameter("a", .array, help: "the array"), Parameter("axis", .int, help: "the axis to move"),
                     Parameter("start", .int, default: .int(0), help: "it ends up before the axis now at start")],
        help: "numpy's `np.rollaxis`: `np.moveaxis` is the clearer spelling.",
        examples: [Example("np.rollaxis(np.zeros((3, 4, 5)), 2).shape")],
        run: { call in
            .array(try A.array(call, "a").rolledAxis(call.arguments.int("axis") ?? 0, start: call.arguments.int("start") ?? 0))
        })

    static let broadcastShapes = Command(
        name: "broadcast_shapes", category: "Shape",
        summary: "The shape that shapes broadcast to.",
        parameters: [Parameter("shapes", .value, default: .tuple([]), variadic: true, help: "shapes (tuples or ints)")],
        help: "numpy's `np.broadcast_shapes`: numpy's broadcasting rule without any arrays.",
        examples: [Example("np.broadcast_shapes((3, 1), (1, 4))")],
        run: { call in
            var shapes: [[Int]] = []
            for v in call.arguments["shapes"].sequenceItems ?? [] {
                if case .int(let n) = v { shapes.append([n]) } else { shapes.append(try ArgumentBinder.integers(v, call.arguments.span("shapes"))) }
            }
            let out = try NDArray.broadcastShapes(shapes)
            return .tuple(out.map { .int($0) })
        })

    static let broadcastArrays = Command(
        name: "broadcast_arrays", category: "Shape",
        summary: "Views of arrays broadcast to one shape.",
        parameters: [Parameter("args", .value, default: .tuple([]), variadic: true, help: "the arrays")],
        help: "numpy's `np.broadcast_arrays`: a tuple of views sharing the inputs' data (the inputs themselves when no shape changes).",
        examples: [Example("np.broadcast_arrays(np.array([[1], [2]]), np.array([10, 20, 30]))")],
        run: { call in
            var xs: [NDArray] = []
            for v in call.arguments["args"].sequenceItems ?? [] { xs.append(try call.evaluator.toArray(v, span: call.arguments.span("args"))) }
            let shape = try NDArray.broadcastShapes(xs.map(\.shape))
            // numpy hands back the arrays themselves when no shape changes; otherwise views that
            // keep each input's WRITEABLE flag (numpy only warns when one is written).
            if xs.allSatisfy({ $0.shape == shape }) { return .tuple(xs.map { .array($0) }) }
            return .tuple(try xs.map { (x) throws(TensorError) -> Value in .array(try x.broadcast(to: shape, readOnly: false)) })
        })

    static let append = Command(
        name: "append", category: "Shape",
        summary: "A copy of an array with values appended.",
        parameters: [Parameter("arr", .array, help: "the array"), Parameter("values", .array, help: "what to append"),
                     Parameter("axis", .optionalInt, default: .none, help: "the axis (None: both are flattened)")],
        help: "numpy's `np.append`: always a new array (growing in a loop is slow: collect in a list, then `np.array`).",
        examples: [Example("np.append(np.array([1, 2]), [3, 4])"), Example("np.append(np.zeros((1, 2)), np.ones((1, 2)), axis=0)")],
        run: { call in
            let arr = try A.array(call, "arr"), values = try A.array(call, "values")
            if let axis = call.arguments.int("axis") { return .array(try NDArray.concatenate([arr, values], axis: axis)) }
            return .array(try NDArray.concatenate([try arr.ravel(), try values.ravel()], axis: 0))
        })

    static let cross = Command(
        name: "cross", category: "Linear algebra",
        summary: "Cross product of 3-vectors (or 2-vectors) along the last axis.",
        parameters: [Parameter("a", .array, help: "the first vector(s)"), Parameter("b", .array, help: "the second vector(s)")],
        help: "numpy's `np.cross`: perpendicular to both; for 2-vectors the z component (a scalar).",
        examples: [Example("np.cross(np.array([1, 2, 3]), np.array([4, 5, 6]))")],
        run: { call in A.result(try NDArray.cross(try A.array(call, "a"), try A.array(call, "b"))) })

    static let kron = Command(
        name: "kron", category: "Linear algebra",
        summary: "Kronecker product: a block for each element of a.",
        parameters: [Parameter("a", .array, help: "the first array"), Parameter("b", .array, help: "the second array")],
        help: "numpy's `np.kron`: block (i, j) is a[i, j] * b.",
        examples: [Example("np.kron(np.eye(2), np.ones((2, 2)))")],
        run: { call in .array(try NDArray.kron(try A.array(call, "a"), try A.array(call, "b"))) })

    /// Named `numpy.trace` because the shell's own `trace` command has the plain name; the
    /// evaluator finds it as `np.trace` and as `x.trace()`.
    static let trace = Command(
        name: "numpy.trace", category: "Linear algebra",
        summary: "Sum along a diagonal (np.trace).",
        parameters: [Parameter("a", .array, help: "an array of at least 2 dimensions"),
                     Parameter("offset", .int, default: .int(0), help: "which diagonal (above the main one when positive)")],
        help: "numpy's `np.trace` (also `x.trace()`): `np.diagonal(a, offset).sum()`.",
        examples: [Example("np.trace(np.arange(9).reshape(3, 3))"), Example("np.arange(9).reshape(3, 3).trace()")],
        run: { call in A.result(try A.array(call, "a").trace(offset: call.arguments.int("offset") ?? 0)) })

    static let matrixPower = Command(
        name: "matrix_power", category: "Linear algebra",
        summary: "A square matrix raised to an integer power (np.linalg.matrix_power).",
        parameters: [Parameter("a", .array, help: "a square matrix (or a stack of them)"), Parameter("n", .int, help: "the power (negative: of the inverse)")],
        help: "numpy's `np.linalg.matrix_power`: repeated squaring; integer matrices stay integer.",
        examples: [Example("np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 10)")],
        run: { call in .array(try A.array(call, "a").matrixPower(call.arguments.int("n") ?? 1)) })
}
