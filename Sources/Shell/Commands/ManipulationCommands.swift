import Tensor

/// numpy's array-manipulation routines: stacking helpers, tiling and repeating, padding,
/// flipping and rolling, moving axes, `atleast_*d`, `broadcast_to`, `diff` (module Tensor's
/// `Rearranging`, `SumsProducts`).
enum ManipulationCommands {
    static let all: [Command] = [vstack, hstack, dstack, columnStack, tile, repeatCommand, pad, flip, fliplr, flipud, roll, moveaxis,
                                 atleast1d, atleast2d, atleast3d, broadcastTo, diff]

    typealias A = FunctionArguments

    static func stacker(_ name: String, _ summary: String, _ help: String, _ f: @escaping @Sendable ([NDArray]) throws(TensorError) -> NDArray) -> Command {
        Command(
            name: name, category: "Shape", summary: summary,
            parameters: [Parameter("tup", .value, help: "a list or tuple of arrays")],
            help: help,
            examples: [Example("np.\(name)([np.arange(3), np.arange(3, 6)])")],
            run: { call in .array(try f(try A.arrays(call, "tup"))) })
    }

    static let vstack = stacker("vstack", "Stack arrays as rows (along axis 0).",
                                "numpy's `np.vstack`: 1-d arrays become rows of a 2-d array, then everything is joined along axis 0.") { (x) throws(TensorError) in try NDArray.vstack(x) }
    static let hstack = stacker("hstack", "Stack arrays side by side (along axis 1; axis 0 for 1-d).",
                                "numpy's `np.hstack`: joins 1-d arrays end to end, others along their second axis.") { (x) throws(TensorError) in try NDArray.hstack(x) }
    static let dstack = stacker("dstack", "Stack arrays along a third axis.",
                                "numpy's `np.dstack`: arrays made at least 3-d ((N,) → (1, N, 1), (M, N) → (M, N, 1)), joined along axis 2.") { (x) throws(TensorError) in try NDArray.dstack(x) }
    static let columnStack = stacker("column_stack", "Stack 1-d arrays as columns of a 2-d array.",
                                     "numpy's `np.column_stack`: 1-d arrays become columns; 2-d arrays are joined along axis 1.") { (x) throws(TensorError) in try NDArray.columnStack(x) }

    static let tile = Command(
        name: "tile", category: "Shape",
        summary: "Repeat a whole array along each axis.",
        parameters: [Parameter("A", .array, help: "the array"), Parameter("reps", .ints, help: "repetitions per axis (an int or a tuple)")],
        help: "numpy's `np.tile(A, reps)`: the array repeated as a block; `reps` longer than A.ndim adds leading axes.",
        examples: [Example("np.tile(np.array([1, 2]), 3)"), Example("np.tile(np.array([[1, 2]]), (2, 2))")],
        run: { call in .array(try A.array(call, "A").tiled(call.arguments.ints("reps") ?? [])) })

    static let repeatCommand = Command(
        name: "repeat", category: "Shape",
        summary: "Repeat each element (or slice along an axis).",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("repeats", .intOrInts, help: "times for every element, or one count per element"),
                     Parameter("axis", .optionalInt, default: .none, help: "the axis (None: the flattened array)")],
        help: "numpy's `np.repeat` (also `x.repeat(...)`): `np.repeat([1, 2], 2)` is `[1 1 2 2]`; compare `tile`.",
        examples: [Example("np.repeat(np.array([1, 2, 3]), 2)"), Example("np.arange(4).reshape(2, 2).repeat([1, 2], axis=0)")],
        isMethod: true,
        run: { call in
            let r: [Int]
            switch call.arguments["repeats"] {
            case .int(let n): r = [n]
            case let v: r = try ArgumentBinder.integers(v, call.arguments.span("repeats"))
            }
            return .array(try A.array(call, "a").repeated(r, axis: call.arguments.int("axis")))
        })

    /// numpy's `pad_width` forms: n, (n,), (before, after), or one pair per axis.
    static func padWidths(_ v: Value, ndim: Int, span: Range<Int>?) throws(ShellError) -> [(Int, Int)] {
        if let items = v.sequenceItems, items.contains(where: { $0.sequenceItems != nil }) {
            let pairs = try items.map { (item) throws(ShellError) -> [Int] in try ArgumentBinder.integers(item, span) }
            if pairs.count == 1, let p = pairs.first {
                let pair = p.count == 1 ? (p[0], p[0]) : (p[0], p.count > 1 ? p[1] : p[0])
                return [(Int, Int)](repeating: pair, count: ndim)
            }
            guard pairs.count == ndim else {
                throw ShellError("operands could not be broadcast together with remapped shapes [original->remapped]: (\(pairs.count),2)  and requested shape (\(ndim),2)", span: span, kind: .valueError)
            }
            return pairs.map { $0.count == 1 ? ($0[0], $0[0]) : ($0[0], $0[1]) }
        }
        let flat = try ArgumentBinder.integers(v, span)
        switch flat.count {
        case 1: return [(Int, Int)](repeating: (flat[0], flat[0]), count: ndim)
        case 2: return [(Int, Int)](repeating: (flat[0], flat[1]), count: ndim)
        default:
            throw ShellError("operands could not be broadcast together with remapped shapes [original->remapped]: (\(flat.count),)  and requested shape (\(ndim),2)", span: span, kind: .valueError)
        }
    }

    static let pad = Command(
        name: "pad", category: "Shape",
        summary: "Pad an array: a constant border, or copies of its edge, mirror images or wrap-around.",
        parameters: [Parameter("array", .array, help: "the array"),
                     Parameter("pad_width", .value, help: "n, (before, after), or ((before, after), …) per axis"),
                     Parameter("mode", .string, default: .string("constant"), help: "'constant', 'edge', 'reflect', 'symmetric' or 'wrap'")],
        options: [Parameter("constant_values", .value, default: .int(0), help: "the border value (mode 'constant' only)")],
        help: """
            numpy's `np.pad(array, pad_width, mode='constant', constant_values=0)`. Zero-padding \
            sequences to one length: `np.pad(x, (0, 3))`; an image border for convolution: \
            `np.pad(img, 1, mode='edge')` (or 'reflect': mirrored without the edge, 'symmetric': \
            with it, 'wrap': periodic). Axes are padded one after the other, as numpy does.
            """,
        examples: [Example("np.pad(np.array([1, 2, 3]), (1, 2))"), Example("np.pad(np.ones((2, 2)), 1, constant_values=9)"),
                   Example("np.pad(np.array([1, 2, 3]), 2, mode='reflect')"), Example("np.pad(np.arange(4).reshape(2, 2), ((1, 0), (0, 1)), mode='edge')")],
        run: { call in
            let a = call.arguments
            let x = try A.array(call, "array")
            let modeName = a.string("mode") ?? "constant"
            if modeName == "constant" {
                let widths = try padWidths(a["pad_width"], ndim: x.ndim, span: a.span("pad_width"))
                return .array(try x.padded(widths, value: try A.operand(call, "constant_values")))
            }
            guard let mode = PadMode(rawValue: modeName) else {
                let known = ["empty", "linear_ramp", "maximum", "mean", "median", "minimum"]
                if known.contains(modeName) {
                    throw call.error("mode \(ValueFormatter.pythonStringRepr(modeName)) is not supported by rnnsh yet; it pads with 'constant', 'edge', 'reflect', 'symmetric' or 'wrap'", argument: "mode")
                }
                throw call.error("mode \(ValueFormatter.pythonStringRepr(modeName)) is not supported", argument: "mode", kind: .valueError)
            }
            if a.isGiven("constant_values") {
                throw call.error("unsupported keyword arguments for mode \(ValueFormatter.pythonStringRepr(modeName)): {'constant_values'}", argument: "constant_values", kind: .valueError)
            }
            let widths = try padWidths(a["pad_width"], ndim: x.ndim, span: a.span("pad_width"))
            return .array(try x.padded(widths, mode: mode))
        })

    static let flip = Command(
        name: "flip", category: "Shape",
        summary: "Reverse the order of elements along axes (a view).",
        parameters: [Parameter("m", .array, help: "the array"),
                     Parameter("axis", .value, default: .none, help: "an axis, a tuple of axes, or None for all")],
        help: "numpy's `np.flip`: `m[::-1]` along the given axes, as a view.",
        examples: [Example("np.flip(np.arange(6).reshape(2, 3))"), Example("np.flip(np.arange(6).reshape(2, 3), axis=1)")],
        run: { call in .array(try A.array(call, "m").flipped(axis: try A.axes(call))) })

    static func flipAxis(_ name: String, axis: Int) -> Command {
        Command(
            name: name, category: "Shape",
            summary: axis == 0 ? "Reverse the rows (axis 0)." : "Reverse the columns (axis 1).",
            parameters: [Parameter("m", .array, help: axis == 0 ? "an array of at least 1 dimension" : "an array of at least 2 dimensions")],
            help: "numpy's `np.\(name)`: `np.flip(m, axis=\(axis))`.",
            examples: [Example("np.\(name)(np.arange(6).reshape(2, 3))")],
            run: { call in
                let m = try A.array(call, "m")
                if m.ndim < axis + 1 { throw ShellError("Input must be >= \(axis + 1)-d.", span: call.arguments.span("m"), kind: .valueError) }
                return .array(try m.flipped(axis: [axis]))
            })
    }

    static let fliplr = flipAxis("fliplr", axis: 1)
    static let flipud = flipAxis("flipud", axis: 0)

    static let roll = Command(
        name: "roll", category: "Shape",
        summary: "Shift elements cyclically along an axis.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("shift", .intOrInts, help: "places to shift (one per axis, or one for all)"),
                     Parameter("axis", .value, default: .none, help: "an axis, a tuple of axes, or None (flattened)")],
        help: "numpy's `np.roll`: elements pushed past the end come back at the start.",
        examples: [Example("np.roll(np.arange(5), 2)"), Example("np.roll(np.arange(6).reshape(2, 3), -1, axis=1)")],
        run: { call in
            let shifts: [Int]
            switch call.arguments["shift"] {
            case .int(let n): shifts = [n]
            case let v: shifts = try ArgumentBinder.integers(v, call.arguments.span("shift"))
            }
            return .array(try A.array(call, "a").rolled(shifts, axis: try A.axes(call)))
        })

    static let moveaxis = Command(
        name: "moveaxis", category: "Shape",
        summary: "Move axes to new positions (a view).",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("source", .ints, help: "the axes to move"),
                     Parameter("destination", .ints, help: "where they go")],
        help: "numpy's `np.moveaxis`: the other axes keep their order. Channels last to first: `np.moveaxis(x, -1, 0)`.",
        examples: [Example("np.moveaxis(np.zeros((3, 4, 5)), 0, -1).shape")],
        run: { call in
            let a = call.arguments
            return .array(try A.array(call, "a").movedAxes(a.ints("source") ?? [], a.ints("destination") ?? []))
        })

    static func atleast(_ n: Int) -> Command {
        Command(
            name: "atleast_\(n)d", category: "Shape",
            summary: "View inputs with at least \(n) dimension\(n == 1 ? "" : "s").",
            parameters: [Parameter("arys", .array, default: .tuple([]), variadic: true, help: "one or more arrays")],
            help: "numpy's `np.atleast_\(n)d`: arrays with fewer dimensions get length-1 axes (numpy's placement); several arrays give a tuple.",
            examples: [Example("np.atleast_\(n)d(5)"), Example("np.atleast_\(n)d(np.arange(3)).shape")],
            run: { call in
                let xs = (call.arguments["arys"].sequenceItems ?? []).compactMap { v -> NDArray? in if case .array(let x) = v { return x }; return nil }
                let out = try xs.map { (x) throws(TensorError) -> NDArray in try x.atLeast(n) }
                if out.count == 1, let only = out.first { return .array(only) }
                return .tuple(out.map { .array($0) })
            })
    }

    static let atleast1d = atleast(1)
    static let atleast2d = atleast(2)
    static let atleast3d = atleast(3)

    static let broadcastTo = Command(
        name: "broadcast_to", category: "Shape",
        summary: "A read-only view of an array broadcast to a shape.",
        parameters: [Parameter("array", .array, help: "the array"), Parameter("shape", .ints, help: "the target shape")],
        help: "numpy's `np.broadcast_to`: stretches length-1 (and missing leading) axes without copying. The view is read-only (`b[0] = 1` is numpy's `ValueError: assignment destination is read-only`), since its stretched elements share memory; `.copy()` it to write.",
        examples: [Example("np.broadcast_to(np.arange(3), (2, 3))")],
        run: { call in .array(try A.array(call, "array").broadcast(to: call.arguments.ints("shape") ?? [])) })

    static let diff = Command(
        name: "diff", category: "Shape",
        summary: "Differences of neighbours along an axis: a[1:] - a[:-1].",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("n", .int, default: .int(1), help: "how many times to difference"),
                     Parameter("axis", .int, default: .int(-1), help: "the axis")],
        help: "numpy's `np.diff`: the result is n shorter along the axis.",
        examples: [Example("np.diff(np.array([1, 4, 9, 16]))"), Example("np.diff(np.array([1, 4, 9, 16]), n=2)")],
        run: { call in
            let a = call.arguments
            return .array(try A.array(call, "a").difference(n: a.int("n") ?? 1, axis: a.int("axis") ?? -1))
        })
}
