import Tensor

/// `np.copyto(dst, src, casting='same_kind', where=True)`: numpy's way to write one array into
/// another that already exists (every view of `dst` sees it), with numpy's casting rule checked
/// first — unlike `dst[...] = src`, which casts unsafely.
///
/// numpy's order of checks, which decides the error a learner sees: `dst` must be an ndarray,
/// `casting` one of numpy's five rules, then a read-only `dst` is refused, then the cast, then
/// the shapes (`src`, then the `where` mask). Python numbers are NEP 50's weak scalars: an int
/// goes into any integer or float array (range checked: `Python integer 300 out of bounds for
/// uint8`), a float into any float array, a bool anywhere; numpy scalars and 0-d arrays are
/// "scalar" and other sources "array data" in the cast error.
enum CopyToCommand {
    static let all: [Command] = [copyto]

    static let rules = ["no", "equiv", "safe", "same_kind", "unsafe"]

    static let copyto = Command(
        name: "copyto", category: "Arrays",
        summary: "Copy values into an existing array, with numpy's casting rule (in place).",
        parameters: [Parameter("dst", .value, help: "the array written into"),
                     Parameter("src", .value, help: "the values, broadcast to dst's shape"),
                     Parameter("casting", .value, default: .string("same_kind"), help: "'no', 'equiv', 'safe', 'same_kind' (default) or 'unsafe'"),
                     Parameter("where", .value, default: .bool(true), help: "a mask broadcast to dst's shape: only where it holds is written")],
        help: """
            numpy's `np.copyto(dst, src)`: like `dst[...] = src`, but a cast the rule does not allow \
            is numpy's TypeError (`np.copyto(int_array, 1.5)` is `Cannot cast scalar from \
            dtype('float64') to dtype('int64') according to the rule 'same_kind'`); `where=` writes \
            only where a mask holds. Returns None.
            """,
        examples: [Example("x = np.zeros(4)\nnp.copyto(x, [1, 2, 3, 4], where=[True, False, True, False])\nx"),
                   Example("w = np.ones(3, dtype=np.float32)\nnp.copyto(w, np.arange(3.0))\nw")],
        run: { call in
            let args = call.arguments
            guard case .array(let dst) = args["dst"] else {
                throw ShellError("copyto() argument 1 must be a numpy.ndarray, not \(args["dst"].typeName)",
                                 span: args.span("dst") ?? call.span, kind: .typeError)
            }
            guard case .string(let rule) = args["casting"], rules.contains(rule) else {
                let shown: String
                if case .string(let s) = args["casting"] { shown = "'\(s)'" } else { shown = ValueFormatter.repr(args["casting"]) }
                throw ShellError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got \(shown))",
                                 span: args.span("casting") ?? call.span, kind: .valueError)
            }
            let srcSpan = args.span("src") ?? call.span
            try dst.requireWriteable()
            let given = try source(args["src"], into: dst.dtype, rule: rule, span: srcSpan, call: call)
            // numpy drops a source's extra leading length-1 axes ((1, 1, 3) into (3,)).
            var trimmed = given.shape
            while trimmed.count > dst.ndim, trimmed.first == 1 { trimmed.removeFirst() }
            guard let shape = try? NDArray.broadcastShapes([trimmed, dst.shape]), shape == dst.shape else {
                throw ShellError("could not broadcast input array from shape \(numpyShapeString(given.shape)) into shape \(numpyShapeString(dst.shape))",
                                 span: srcSpan, kind: .valueError)
            }
            let src = trimmed == given.shape ? given : try given.reshape(trimmed)
            if case .bool(true) = args["where"] {
                try dst.assign(src)
                return .none
            }
            let maskSpan = args.span("where") ?? call.span
            // numpy reads `where=` as a bool array (its truth, element by element).
            let mask = try call.evaluator.toArray(args["where"], span: maskSpan).astype(.bool)
            guard let m = try? NDArray.broadcastShapes([mask.shape, dst.shape]), m == dst.shape else {
                throw ShellError("could not broadcast where mask from shape \(numpyShapeString(mask.shape)) into shape \(numpyShapeString(dst.shape))",
                                 span: maskSpan, kind: .valueError)
            }
            let fullMask = try mask.broadcast(to: dst.shape)
            let picked = try src.broadcast(to: dst.shape).subscripted([.array(fullMask)])
            try dst.setItem([.array(fullMask)], .array(picked))
            return .none
        })

    /// `src` as an array of `dtype`, after numpy's casting check under `rule`.
    static func source(_ value: Value, into dtype: DType, rule: String, span: Range<Int>, call: Invocation) throws -> NDArray {
        func refuse(_ what: String, _ from: String) -> ShellError {
            ShellError("Cannot cast \(what) from dtype('\(from)') to dtype('\(dtype.name)') according to the rule '\(rule)'",
                       span: span, kind: .typeError)
        }
        /// A Python number stored as `x[()] = v` stores it: numpy's range check for ints.
        func stored(_ v: Value) throws -> NDArray {
            let one = try NDArray(zeros: [], dtype: dtype)
            try one.setItem([], try ValueConversion.operand(v, span: span, shell: call.evaluator))
            return one
        }
        switch value {
        case .bool:
            return try stored(value)
        case .int(let i):
            if dtype == .bool {
                if rule != "unsafe" { throw refuse("scalar", "int64") }
                return try NDArray(scalar: Int64(i)).astype(.bool)
            }
            return try stored(value)
        case .float(let d):
            if !dtype.isFloat {
                if rule != "unsafe" { throw refuse("scalar", "float64") }
                return try NDArray(scalar: d).astype(dtype)
            }
            return try stored(value)
        case .string(let s):
            if rule != "unsafe" { throw refuse("scalar", "<U\(s.unicodeScalars.count)") }
        default:
            break
        }
        let src = try call.evaluator.toArray(value, span: span)
        let allowed: Bool
        switch rule {
        case "no", "equiv": allowed = src.dtype == dtype
        case "safe": allowed = DType.promote(src.dtype, dtype) == dtype
        case "same_kind": allowed = DType.promote(src.dtype, dtype) == dtype || src.dtype.castKind <= dtype.castKind
        default: allowed = true
        }
        if !allowed { throw refuse(src.ndim == 0 ? "scalar" : "array data", src.dtype.name) }
        return src.dtype == dtype ? src : try src.astype(dtype)
    }
}
