import Tensor

/// numpy's dtype functions: `np.dtype`, `np.promote_types`, `np.result_type`, `np.can_cast`.
/// They expose the promotion rules (NEP 50, `Promotion.swift`) that every operator already uses,
/// so a learner can ask why `uint64 + int64` is float64.
enum DTypeCommands {
    static let all: [Command] = [dtypeConstructor, promoteTypes, resultType, canCast, finfo, iinfo, issubdtype]

    static let issubdtype = Command(
        name: "issubdtype", category: "Types",
        summary: "Whether a dtype is of a kind: `np.issubdtype(x.dtype, np.floating)`.",
        parameters: [Parameter("arg1", .value, help: "a dtype, its name, int/float/bool, or an abstract class"),
                     Parameter("arg2", .value, help: "the same: np.number, np.integer, np.signedinteger, np.unsignedinteger, np.inexact, np.floating, np.generic, or a dtype")],
        help: "numpy's `np.issubdtype(arg1, arg2)`: True when arg1's scalar type is arg2's or derives from it. The abstract classes are numpy's tree: generic > number > integer (signedinteger, unsignedinteger) and inexact (floating); bool is only a generic. A concrete arg2 matches only itself (`np.issubdtype(np.float32, 'float')` is False: 'float' is float64).",
        examples: [Example("np.issubdtype(np.arange(3).dtype, np.integer)"), Example("np.issubdtype(np.float32, np.floating)"),
                   Example("np.issubdtype(bool, np.number)")],
        run: { call in
            /// A scalar class: an abstract one by name, or a concrete dtype's.
            func scalarClass(_ name: String) throws(ShellError) -> (abstract: String?, dtype: DType) {
                let v = call.arguments[name]
                if case .type(let t) = v, let abstract = NumpyAbstractTypes.abstractName(t) { return (abstract, .float64) }
                // numpy's np.dtype(None) is float64.
                return (nil, try ArgumentBinder.dtype(v, call.arguments.span(name) ?? call.span) ?? .float64)
            }
            let (a1, d1) = try scalarClass("arg1"), (a2, d2) = try scalarClass("arg2")
            switch (a1, a2) {
            case (nil, nil): return .bool(d1 == d2)
            case (nil, let b?): return .bool(NumpyAbstractTypes.dtype(d1, isSubclassOf: b))
            case (let a?, let b?): return .bool(NumpyAbstractTypes.isSubclass(a, of: b))
            case (_?, nil): return .bool(false)  // an abstract class never derives from a concrete one
            }
        })

    static let dtypeConstructor = Command(
        name: "dtype", category: "Types",
        summary: "A data type from its name: `np.dtype('int8')`, `np.dtype('<f4')`.",
        parameters: [Parameter("dtype", .dtype, help: "a dtype name, code or type (`'float16'`, `'u2'`, `np.int8`)")],
        help: "numpy's `np.dtype`: names (`int16`), codes (`i2`, `<u4`) and types (`np.float16`) give the same dtype.",
        examples: [Example("np.dtype('u2')\nnp.dtype('float16').itemsize")],
        run: { call in
            guard let d = call.arguments.dtype("dtype") else { return .none }
            return .dtype(d)
        })

    static let finfo = Command(
        name: "finfo", category: "Types",
        summary: "The limits of a float type: `np.finfo(np.float32).eps`, `.max`, `.tiny`.",
        parameters: [Parameter("dtype", .dtype, help: "a float dtype, name or type (`np.float32`, `'float16'`, `x.dtype`)")],
        help: """
            numpy's `np.finfo`: eps (the gap after 1), max/min, tiny (smallest normal), resolution, \
            precision, bits… each limit a numpy scalar of that dtype. A stable log: `np.log(p + np.finfo(p.dtype).eps)`.
            """,
        examples: [Example("np.finfo(np.float32).eps\nnp.finfo('float16').max")],
        run: { call in
            guard let d = call.arguments.dtype("dtype") else { return .none }
            guard d.isFloat else { throw FInfoObject.refusal(d) }
            return .object(FInfoObject(dtype: d))
        })

    static let iinfo = Command(
        name: "iinfo", category: "Types",
        summary: "The range of an integer type: `np.iinfo(np.int32).max`.",
        parameters: [Parameter("int_type", .dtype, help: "an integer dtype, name or type (`np.uint8`, `'int16'`, `x.dtype`)")],
        help: "numpy's `np.iinfo`: min and max (Python ints), bits, kind ('i' or 'u'), dtype.",
        examples: [Example("np.iinfo(np.int32).max\nnp.iinfo('uint8')")],
        run: { call in
            guard let d = call.arguments.dtype("int_type") else { return .none }
            guard let bounds = d.integerBounds else {
                throw ShellError("Invalid integer data type \(ValueFormatter.pythonStringRepr(String(d.kindCharacter))).", kind: .valueError)
            }
            return .object(IInfoObject(dtype: d, bounds: bounds))
        })

    static let promoteTypes = Command(
        name: "promote_types", category: "Types",
        summary: "The smallest dtype both types cast to safely: `np.promote_types('uint64', 'int64')`.",
        parameters: [Parameter("type1", .dtype, help: "a dtype"), Parameter("type2", .dtype, help: "another dtype")],
        help: "numpy's `np.promote_types`: the dtype arrays of both types combine to (`int8` and `uint8` give `int16`; `uint64` and `int64` give `float64`, since no integer holds both).",
        examples: [Example("np.promote_types('int8', 'uint8')\nnp.promote_types(np.uint64, np.int64)")],
        run: { call in
            guard let a = call.arguments.dtype("type1"), let b = call.arguments.dtype("type2") else { return .none }
            return .dtype(DType.promote(a, b))
        })

    static let resultType = Command(
        name: "result_type", category: "Types",
        summary: "The dtype numpy's operators give for these arrays, dtypes and Python scalars (NEP 50).",
        parameters: [Parameter("arrays_and_dtypes", .value, variadic: true, help: "arrays, dtypes or Python scalars")],
        help: "numpy 2's `np.result_type`: arrays and dtypes promote by `promote_types`; Python scalars are weak and only lift the kind (`np.result_type(np.int8, 1)` is int8, `np.result_type(np.int8, 1.0)` float64).",
        examples: [Example("np.result_type(np.int8, 1)\nnp.result_type(np.arange(3, dtype=np.uint8), np.int8)")],
        run: { call in
            guard let items = call.arguments["arrays_and_dtypes"].sequenceItems, !items.isEmpty else {
                throw ShellError("at least one array or dtype is required", kind: .valueError)
            }
            var strong: DType?
            var weakKind = -1
            for item in items {
                switch item {
                case .dtype(let d): strong = strong.map { DType.promote($0, d) } ?? d
                case .array(let a), .scalar(let a): strong = strong.map { DType.promote($0, a.dtype) } ?? a.dtype
                case .bool: weakKind = max(weakKind, 0)
                case .int: weakKind = max(weakKind, 1)
                case .float: weakKind = max(weakKind, 2)
                case .string(let s):
                    guard let d = DType(numpyName: s) else { throw ShellError("data type \(ValueFormatter.pythonStringRepr(s)) not understood", kind: .typeError) }
                    strong = strong.map { DType.promote($0, d) } ?? d
                default:
                    throw ShellError("Cannot interpret '\(ValueFormatter.repr(item))' as a data type", kind: .typeError)
                }
            }
            let weak: Operand? = weakKind == 0 ? .bool(false) : weakKind == 1 ? .int(0) : weakKind == 2 ? .float(0) : nil
            switch (strong, weak) {
            case (let s?, let w?): return .dtype(Operand.resultType(.array(try NDArray(zeros: [], dtype: s)), w))
            case (let s?, nil): return .dtype(s)
            case (nil, let w?): return .dtype(w.defaultDType)
            case (nil, nil): return .none
            }
        })

    static let canCast = Command(
        name: "can_cast", category: "Types",
        summary: "Whether a dtype casts to another under a casting rule (`'safe'` by default).",
        parameters: [Parameter("from_", .dtype, help: "the source dtype"), Parameter("to", .dtype, help: "the target dtype")],
        options: [Parameter("casting", .string, default: .string("safe"), help: "'no', 'equiv', 'safe', 'same_kind' or 'unsafe'")],
        help: "numpy's `np.can_cast` for dtypes: `safe` when `promote_types(from_, to)` is `to`; `same_kind` also allows going down within a kind (float64 → float16) or up the kinds bool < unsigned < signed < float.",
        examples: [Example("np.can_cast(np.int8, np.int16)\nnp.can_cast('float64', 'float16', casting='same_kind')")],
        run: { call in
            guard let a = call.arguments.dtype("from_"), let b = call.arguments.dtype("to") else { return .none }
            let rule = call.arguments.string("casting") ?? "safe"
            switch rule {
            case "no", "equiv": return .bool(a == b)
            case "safe": return .bool(DType.promote(a, b) == b)
            case "same_kind": return .bool(DType.promote(a, b) == b || a.castKind <= b.castKind)
            case "unsafe": return .bool(true)
            default:
                throw ShellError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'", kind: .valueError)
            }
        })
}
