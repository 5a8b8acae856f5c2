import Printing
import Tensor

/// Commands given a unicode array (`StringArrayObject`). The structural ones (indexing,
/// reshaping, joining, sorting, `unique`, `where`) run unchanged on the arrays' codes — one
/// sorted table for every string operand, so code order is string order — and their int64
/// results are wrapped back into strings. Arithmetic and reductions fail as numpy fails, with
/// numpy's message. Anything else refuses a string array in one line (`Evaluator.toArray`).
enum StringArrayDispatch {
    /// Results made of the codes: wrapped back into a string array.
    static let structural: Set<String> = Set([
        "array", "asarray", "copy", "ndarray.copy", "reshape", "transpose", "flatten", "ravel", "squeeze", "expand_dims",
        "flip", "repeat", "tile", "take", "swapaxes", "roll", "sort", "unique", "where", "concatenate", "stack",
        "hstack", "vstack", "atleast_1d", "atleast_2d", "split", "array_split",
    ]).union(sampling)
    /// Sampling picks or reorders the elements of its one population, so a Python list of
    /// strings is taken as numpy takes it: `np.random.choice(['cat', 'dog'], 5)`.
    static let sampling: Set<String> = [
        "choice", "RandomState.choice", "Generator.choice",
        "permutation", "RandomState.permutation", "Generator.permutation",
    ]
    /// Results that are indices or bools: returned as they are.
    static let plain: Set<String> = ["argsort", "argmax", "argmin", "isin", "searchsorted", "nonzero", "ndarray.sort",
                                     // In place on the codes (a view's table is shared), returning None.
                                     "shuffle", "RandomState.shuffle", "Generator.shuffle"]
    static let comparisons: Set<String> = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]
    /// numpy's ufunc that fails with "did not contain a loop" for string operands.
    static let noLoop: Set<String> = ["add", "subtract", "multiply"]
    /// Ufuncs whose type resolution refuses strings outright (numpy's "not supported" message).
    static let unsupported: Set<String> = [
        "divide", "floor_divide", "remainder", "power", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift",
        "sqrt", "exp", "log", "sin", "cos", "tanh",
    ]
    static let unaryNoLoop: Set<String> = ["negative", "absolute", "positive"]
    static let reductions: Set<String> = ["sum", "mean", "max", "min", "amax", "amin", "prod", "cumsum", "std", "var"]
    /// Keyword arguments that are words, never data (`kind='stable'`, `side='left'`).
    static let wordParameters: Set<String> = ["order", "kind", "side", "casting", "mode", "dtype", "axis", "equal_nan"]

    static var names: Set<String> {
        structural.union(plain).union(comparisons).union(noLoop).union(unsupported).union(unaryNoLoop)
            .union(reductions).union(["ndarray.tolist", "len", "astype"])
    }

    static func isStringArray(_ v: Value) -> Bool {
        if case .object(is StringArrayObject) = v { return true }
        return false
    }

    /// True when `v` is or holds (in a list or tuple) a string array.
    static func containsStringArray(_ v: Value) -> Bool {
        if isStringArray(v) { return true }
        if let items = v.sequenceItems { return items.contains(where: containsStringArray) }
        return false
    }

    /// numpy's `str_` is a Python str except next to a string array: the operands with every
    /// `np.str_` made a `str` (unchanged when a string array is one of them).
    static func plainStrings(_ l: Value, _ r: Value) -> (Value, Value) {
        if isStringArray(l) || isStringArray(r) { return (l, r) }
        func plain(_ v: Value) -> Value {
            if case .object(let o as NumpyStrObject) = v { return .string(o.value) }
            return v
        }
        return (plain(l), plain(r))
    }

    /// A Python `str` or numpy `str_`.
    static func pythonString(_ v: Value) -> String? {
        switch v {
        case .string(let s): return s
        case .object(let o as NumpyStrObject): return o.value
        default: return nil
        }
    }

    /// True when `v` holds strings: a string array, a string, or a list/tuple with one inside.
    /// Walked with a work list, each list once: `np.array([[0] * 10**4] * 10**5)` visited its
    /// one shared row 10**5 times (10**9 items, deaf to Ctrl-C, before the memory budget could
    /// refuse the array), and a list nested 100,000 deep overflowed the stack.
    static func holdsStrings(_ v: Value) -> Bool {
        if isStringArray(v) || pythonString(v) != nil { return true }
        guard v.sequenceItems != nil else { return false }
        var seen = Set<ObjectIdentifier>()
        var pending = [v]
        while let x = pending.popLast() {
            let items: [Value]
            switch x {
            case .list(let l):
                guard seen.insert(ObjectIdentifier(l)).inserted else { continue }
                items = l.items
            case .tuple(let t): items = t.array
            default: continue
            }
            for item in items {
                switch item {
                case .int, .float, .bool, .none, .bigint: continue
                case .list, .tuple: pending.append(item)
                default: if isStringArray(item) || pythonString(item) != nil { return true }
                }
            }
        }
        return false
    }

    /// Every string `v` holds (a string array's table, list items, nested).
    static func strings(in v: Value) -> [String] {
        if case .object(let o as StringArrayObject) = v { return o.table.strings }
        if let s = pythonString(v) { return [s] }
        if let items = v.sequenceItems { return items.flatMap(strings(in:)) }
        return []
    }

    /// The widest element `v` holds, in characters (`<U` width).
    static func width(of v: Value) -> Int {
        if case .object(let o as StringArrayObject) = v { return o.width }
        if let s = pythonString(v) { return max(1, s.unicodeScalars.count) }
        if let items = v.sequenceItems { return items.map(width(of:)).max() ?? 0 }
        return 0
    }

    /// `v` with every string replaced by its code in `table` (string arrays re-coded).
    static func recode(_ v: Value, _ table: StringTable) throws(TensorError) -> Value {
        if case .object(let o as StringArrayObject) = v {
            if o.table === table { return .array(o.codes) }
            let map = o.table.strings.map { Int64(table.code(of: $0) ?? 0) }
            let old = o.codes.scalars
            let new = old.map { s -> Int64 in
                if case .int(let i) = s, i >= 0, Int(i) < map.count { return map[Int(i)] }
                return 0
            }
            return .array(try NDArray(new, shape: o.codes.shape))
        }
        if let s = pythonString(v) { return .array(NDArray(scalar: Int64(table.code(of: s) ?? 0))) }
        if case .list(let l) = v { return .list(try l.items.map { (x) throws(TensorError) -> Value in try recode(x, table) }) }
        if case .tuple(let t) = v { return .tuple(try t.map { (x) throws(TensorError) -> Value in try recode(x, table) }) }
        return v
    }

    /// numpy's name for an operand's dtype in a "did not contain a loop" message.
    static func dtypeText(_ v: Value, _ ev: Evaluator) -> String {
        if let s = pythonString(v) { return "dtype('<U\(max(1, s.unicodeScalars.count))')" }
        switch v {
        case .object(let o as StringArrayObject): return "dtype('\(o.dtypeText)')"
        case .int: return "dtype('int64')"
        case .float: return "dtype('float64')"
        case .bool: return "dtype('bool')"
        case .array(let a), .scalar(let a): return "dtype('\(a.dtype.name)')"
        default:
            if let a = try? ev.toArray(v, span: nil) { return "dtype('\(a.dtype.name)')" }
            return "dtype('O')"
        }
    }

    /// True for a Python int or an integer array (or list of ints), the operands numpy's
    /// string multiply has a loop for.
    static func isIntegerOperand(_ v: Value, _ ev: Evaluator) -> Bool {
        switch v {
        case .int, .bigint: return true
        case .array(let a), .scalar(let a): return a.dtype.isInteger
        case .list, .tuple: return (try? ev.toArray(v, span: nil))?.dtype.isInteger ?? false
        default: return false
        }
    }

    /// numpy's DType class of an operand, as the comparison ufuncs name it.
    static func dtypeClass(_ v: Value, _ ev: Evaluator) -> String {
        func named(_ d: DType) -> String {
            let base = d.name.prefix(1).uppercased() + d.name.dropFirst()
            return "<class 'numpy.dtypes.\(base.replacingOccurrences(of: "Uint", with: "UInt"))DType'>"
        }
        if pythonString(v) != nil { return "<class 'numpy.dtypes.StrDType'>" }
        switch v {
        case .object(is StringArrayObject): return "<class 'numpy.dtypes.StrDType'>"
        case .int: return "<class 'numpy.dtypes._PyLongDType'>"
        case .float: return "<class 'numpy.dtypes._PyFloatDType'>"
        case .bool: return named(.bool)
        case .array(let a), .scalar(let a): return named(a.dtype)
        default:
            if let a = try? ev.toArray(v, span: nil) { return named(a.dtype) }
            return "<class 'numpy.dtypes.ObjectDType'>"
        }
    }
}

extension Evaluator {
    /// Runs `command` when a string array is among its data arguments (nil otherwise). The
    /// inputs are evaluated here (only those bound to array or value parameters), and handed
    /// back evaluated so that nothing is evaluated twice.
    func stringArrayCall(_ command: Command, _ inputs: inout [ArgumentInput], span: Range<Int>, form: CallForm) throws(ShellError) -> Value? {
        let name = command.name
        var dataIndices: [Int] = []
        for (i, input) in inputs.enumerated() {
            let parameter: Parameter?
            if let label = input.label {
                parameter = command.allParameters.first { $0.name == label }
            } else {
                let position = inputs[..<i].filter { $0.label == nil }.count
                parameter = position < command.parameters.count ? command.parameters[position] : nil
            }
            guard let p = parameter, p.kind == .array || p.kind == .value, !p.isVariadic,
                  !StringArrayDispatch.wordParameters.contains(p.name) else { continue }
            if input.value == nil, let e = input.expr {
                let v = try evaluate(e)
                var evaluated = ArgumentInput(value: v, span: input.span)
                evaluated.label = input.label
                evaluated.labelSpan = input.labelSpan
                evaluated.text = input.text
                inputs[i] = evaluated
            }
            dataIndices.append(i)
        }
        var data = dataIndices.compactMap { inputs[$0].value }
        // `a.astype(str)` of numbers: each element's text (numpy's cast to `<U`).
        if name == "astype", let first = dataIndices.first {
            switch inputs[first].value ?? .none {
            case .array(let a):
                guard let w = try stringDType(&inputs, command) else { return nil }
                return .object(try numberStrings(a, width: w))
            case .scalar(let a):
                guard let w = try stringDType(&inputs, command) else { return nil }
                let strings = try numberStrings(a, width: w)
                return .object(NumpyStrObject(value: strings.elements.first ?? ""))
            default: break
            }
        }
        // `a.astype(float)` reads the strings as numbers; `a.astype('<U2')` re-cuts them.
        if name == "astype", let first = dataIndices.first, case .object(let o as StringArrayObject) = inputs[first].value ?? .none {
            if let d = try numericDType(&inputs, command) {
                return try parsedStrings(o, as: d, span: inputs[first].span ?? span, elementsAreNumpyStrings: true)
            }
            guard let w = try stringDType(&inputs, command) else { return nil }
            if w == 0 || w == o.width { return .object(o.wrapping(try tensor { try o.codes.copy() })) }
            return .object(try stringLiteral(o.list, span: inputs[first].span ?? span, width: w))
        }
        if name == "array" || name == "asarray" {
            guard let first = dataIndices.first, let v = inputs[first].value else { return nil }
            let wanted = try stringDType(&inputs, command)
            if wanted == nil, StringArrayDispatch.holdsStrings(v), let d = try numericDType(&inputs, command) {
                let strings: StringArrayObject
                if case .object(let o as StringArrayObject) = v { strings = o } else { strings = try stringLiteral(v, span: inputs[first].span ?? span) }
                return try parsedStrings(strings, as: d, span: inputs[first].span ?? span)
            }
            guard StringArrayDispatch.holdsStrings(v) || wanted != nil else { return nil }
            if case .object(let o as StringArrayObject) = v, wanted == nil || wanted == 0 || wanted == o.width {
                return .object(name == "asarray" ? o : o.wrapping(try tensor { try o.codes.copy() }))
            }
            if case .object(let o as StringArrayObject) = v {
                return .object(try stringLiteral(o.list, span: inputs[first].span ?? span, width: wanted))
            }
            // `np.array(numbers, dtype=str)` casts the array's numbers as `astype` does.
            if case .array(let a) = v, let w = wanted { return .object(try numberStrings(a, width: w)) }
            if case .scalar(let a) = v, let w = wanted { return .object(try numberStrings(a, width: w)) }
            if case .array = v { return nil }
            return .object(try stringLiteral(v, span: inputs[first].span ?? span, width: wanted))
        }
        // A sampling command also takes a list of strings (`np.random.choice(['a', 'b'], 3)`);
        // the others see strings only inside a string array, as before.
        // `np.where(c, 'yes', 'no')` chooses between strings given as Python strs or lists too.
        let takesStrings = (StringArrayDispatch.sampling.contains(name) || name == "where") && data.contains(where: StringArrayDispatch.holdsStrings)
        if name == "where", data.count == 3 {
            let (x, y) = (data[1], data[2])
            let xs = StringArrayDispatch.holdsStrings(x), ys = StringArrayDispatch.holdsStrings(y)
            if xs != ys, dataIndices.count == 3 {
                let other = xs ? y : x
                switch other {
                case .int, .float, .bigint:
                    // A Python number is weak (NEP 50) and has no common DType with str: numpy's
                    // DTypePromotionError (a TypeError), the operands named in their order.
                    let classes = [x, y].map { StringArrayDispatch.holdsStrings($0) ? "<class 'numpy.dtypes.StrDType'>" : StringArrayDispatch.dtypeClass($0, self) }
                    throw ShellError("The DType \(classes[0]) could not be promoted by \(classes[1]). This means that no common DType exists for the given inputs. For example they cannot be stored in a single array unless the dtype is `object`. The full list of DTypes is: (\(classes[0]), \(classes[1]))",
                                     span: span, kind: .typeError)
                default:
                    // Numbers in an array promote with strings to strings: numpy casts them
                    // (`<U21` for int64) before choosing; without this a number would be read
                    // as a string's code.
                    let i = dataIndices[xs ? 2 : 1]
                    let numbers = try toArray(other, span: inputs[i].span)
                    inputs[i].value = .object(try numberStrings(numbers, width: 0))
                    data = dataIndices.compactMap { inputs[$0].value }
                }
            }
        }
        guard takesStrings || data.contains(where: StringArrayDispatch.containsStringArray) else { return nil }
        if takesStrings, let asarray = registry["asarray"] {
            // A list holding strings becomes the array numpy would make of it first, so that
            // `[1, 'a']` is `['1', 'a']` (numpy's conversion) rather than a code and a string.
            for i in dataIndices {
                guard let v = inputs[i].value, v.sequenceItems != nil, StringArrayDispatch.holdsStrings(v) else { continue }
                inputs[i].value = try call(asarray, [ArgumentInput(value: v, span: inputs[i].span)], span: inputs[i].span ?? span)
            }
            data = dataIndices.compactMap { inputs[$0].value }
            // A lone string is no population (numpy sees a 0-d array); without this its code
            // would be read as the integer n of `choice(n)`.
            // (The Generator's own object comes first among a method's inputs, so look at all.)
            if name.hasSuffix("choice"), data.contains(where: { StringArrayDispatch.pythonString($0) != nil }) {
                throw ShellError(name == "Generator.choice" ? "a must be a sequence or an integer, not <class 'str'>" : "a must be 1-dimensional or an integer",
                                 span: span, kind: .valueError)
            }
        }
        let stringOperand = data.first(where: StringArrayDispatch.isStringArray) ?? .none

        if name == "ndarray.tolist", case .object(let o as StringArrayObject) = stringOperand { return o.list }
        if StringArrayDispatch.comparisons.contains(name) || StringArrayDispatch.noLoop.contains(name) {
            guard data.count == 2 else { return nil }
            let (l, r) = (data[0], data[1])
            let bothStrings = StringArrayDispatch.holdsStrings(l) && StringArrayDispatch.holdsStrings(r)
            if StringArrayDispatch.comparisons.contains(name) {
                if !bothStrings {
                    if name == "equal" || name == "not_equal" {
                        let shape = try tensor { try NDArray.broadcastShapes([try self.shapeOf(l), try self.shapeOf(r)]) }
                        return .array(try tensor { try NDArray.full(shape, .bool(name == "not_equal"), dtype: .bool) })
                    }
                    // The array on the left answers with its own ufunc (`x < s` with x numeric is
                    // less(Int64DType, StrDType)); a Python number on the left declines, and
                    // Python asks the string array's reflected comparison (`1 < s` is greater).
                    let swapped = ["less": "greater", "greater": "less", "less_equal": "greater_equal", "greater_equal": "less_equal"]
                    let str = "<class 'numpy.dtypes.StrDType'>"
                    let (ufunc, first, second): (String, String, String)
                    if StringArrayDispatch.isStringArray(l) {
                        (ufunc, first, second) = (name, str, StringArrayDispatch.dtypeClass(r, self))
                    } else if Evaluator.isNumericArrayValue(l) {
                        (ufunc, first, second) = (name, StringArrayDispatch.dtypeClass(l, self), str)
                    } else {
                        (ufunc, first, second) = (swapped[name] ?? name, str, StringArrayDispatch.dtypeClass(l, self))
                    }
                    throw ShellError("ufunc '\(ufunc)' did not contain a loop with signature matching types (\(first), \(second)) -> None",
                                     span: span, kind: .ufuncTypeError)
                }
            } else if name == "add" && bothStrings {
                return .object(try concatenateStrings(l, r))
            } else if name == "multiply", !StringArrayDispatch.holdsStrings(l) || !StringArrayDispatch.holdsStrings(r),
                      StringArrayDispatch.isIntegerOperand(StringArrayDispatch.holdsStrings(l) ? r : l, self) {
                // numpy's string multiply has loops for (str, int) only: with an integer it asks
                // for `out`, with a float or bool operand it has no loop at all (below).
                throw ShellError("The 'out' kwarg is necessary when using the string multiply ufunc directly. Use numpy.strings.multiply to multiply strings without specifying 'out'.",
                                 span: span, kind: .typeError)
            } else {
                throw ShellError("ufunc '\(name)' did not contain a loop with signature matching types (\(StringArrayDispatch.dtypeText(l, self)), \(StringArrayDispatch.dtypeText(r, self))) -> None",
                                 span: span, kind: .ufuncTypeError)
            }
        }
        if StringArrayDispatch.unsupported.contains(name) {
            throw ShellError("ufunc '\(name)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
                             span: span, kind: .typeError)
        }
        if StringArrayDispatch.unaryNoLoop.contains(name) {
            throw ShellError("ufunc '\(name)' did not contain a loop with signature matching types <class 'numpy.dtypes.StrDType'> -> None",
                             span: span, kind: .ufuncTypeError)
        }
        if StringArrayDispatch.reductions.contains(name), case .object(let o as StringArrayObject) = stringOperand {
            let t = "dtype('\(o.dtypeText)')"
            if name == "max" || name == "amax" || name == "min" || name == "amin" {
                let ufunc = name.hasSuffix("max") ? "maximum" : "minimum"
                throw ShellError("ufunc '\(ufunc)' did not contain a loop with signature matching types (\(t), \(t)) -> None", span: span, kind: .ufuncTypeError)
            }
            if name == "sum" || name == "mean" {
                throw ShellError("the resolved dtypes are not compatible with add.reduce. Resolved (\(t), \(t), dtype('<U\(2 * o.width)'))", span: span, kind: .typeError)
            }
            throw ShellError("rnnsh's string arrays have no \(name)", span: span, kind: .typeError)
        }

        // Structural and index results: one table for every string operand, then the numeric command.
        let stringData = data.filter(StringArrayDispatch.holdsStrings)
        let width = stringData.map(StringArrayDispatch.width(of:)).max() ?? 1
        var recoded = inputs
        var source: StringArrayObject?
        if stringData.count == 1, case .object(let o as StringArrayObject) = stringData[0] {
            source = o
            for i in dataIndices { if case .object(is StringArrayObject) = inputs[i].value ?? .none { recoded[i].value = .array(o.codes) } }
        } else {
            let table = StringTable(sorted: StringTable.canonical(stringData.flatMap(StringArrayDispatch.strings(in:))))
            source = StringArrayObject(codes: NDArray([Int64]()), table: table, width: width)
            for i in dataIndices {
                guard let v = inputs[i].value, StringArrayDispatch.holdsStrings(v) else { continue }
                recoded[i].value = try tensor { try StringArrayDispatch.recode(v, table) }
            }
        }
        let result = try call(command, recoded, span: span, form: form)
        guard StringArrayDispatch.structural.contains(name), let source else { return result }
        func wrap(_ v: Value) -> Value {
            if case .array(let a) = v, a.dtype == .int64 { return .object(source.wrapping(a, width: width)) }
            return v
        }
        switch result {
        case .tuple(let items) where name == "unique":
            return .tuple(items.enumerated().map { $0.offset == 0 ? wrap($0.element) : $0.element })
        case .list(let l) where name == "split" || name == "array_split": return .list(l.items.map(wrap))
        case .scalar(let a) where a.dtype == .int64:
            if case .int(let c) = a.scalar(atStorageOffset: a.offset) { return .object(NumpyStrObject(value: source.table.string(Int(c)))) }
            return result
        default: return wrap(result)
        }
    }

    /// `x[i] = 'zebra'` on a unicode array: the new strings, cut to the array's width as numpy
    /// cuts them, join the table (every code of the shared storage re-coded so views agree),
    /// then their codes are stored through the numeric assignment.
    func setStrings(_ o: StringArrayObject, _ index: [Value], _ value: Value, _ span: Range<Int>, base baseExpr: Expr) throws(ShellError) {
        let incoming = try operandStrings(value)
        func cut(_ s: String) -> String { String(String.UnicodeScalarView(s.unicodeScalars.prefix(o.width))) }
        if let map = o.table.insert(incoming.table.strings.map(cut)) {
            let storage = o.codes.storage
            let n = storage.byteCount / MemoryLayout<Int64>.stride
            let p = storage.pointer.bindMemory(to: Int64.self, capacity: max(n, 1))
            for i in 0..<n where p[i] >= 0 && Int(p[i]) < map.count { p[i] = Int64(map[Int(p[i])]) }
        }
        let codes = incoming.elements.map { Int64(o.table.code(of: cut($0)) ?? 0) }
        let array = try tensor { try NDArray(codes, shape: incoming.codes.shape) }
        try setItem(.array(o.codes), index, .array(array), span, base: baseExpr)
    }

    /// The shape `np.asarray(v)` would have (a string or list of strings counts as strings).
    func shapeOf(_ v: Value) throws(ShellError) -> [Int] {
        if case .object(let o as StringArrayObject) = v { return o.codes.shape }
        if StringArrayDispatch.pythonString(v) != nil { return [] }
        if StringArrayDispatch.holdsStrings(v) { return try stringLiteral(v, span: nil).codes.shape }
        if v.isNone { return [] }
        return try toArray(v, span: nil).shape
    }

    /// The `dtype=` of `np.array`/`np.asarray` when it asks for strings: `str` or `'U'` (0: as
    /// wide as the longest), `'<U5'` (5). Object dtypes are refused here, numeric ones left to
    /// the command (nil). The input is handed back evaluated.
    func stringDType(_ inputs: inout [ArgumentInput], _ command: Command) throws(ShellError) -> Int? {
        guard let argument = try dtypeArgument(&inputs) else { return nil }
        let (v, input) = argument
        var text: String?
        switch v {
        case .type(let t): text = t
        case .string(let s): text = s
        case .object(let o as StrDTypeObject): return o.width
        default: break
        }
        guard let t = text else { return nil }
        if t == "object" || t == "O" || t == "|O" {
            throw ShellError("rnnsh has no object arrays (dtype=object): its arrays hold numbers, bools or strings",
                             span: input.span, kind: .typeError)
        }
        if t == "str" || t == "U" || t == "<U" || t == "str_" { return 0 }
        var rest = Substring(t)
        if rest.hasPrefix("<") || rest.hasPrefix("=") { rest = rest.dropFirst() }
        if rest.hasPrefix("U"), let n = Int(rest.dropFirst()), n >= 0 { return n }
        return nil
    }

    /// `np.array([...])` of strings: rectangular nesting, every leaf a string (numbers become
    /// their `str`, widening the dtype as numpy does, or as wide as `width` when given; 0: the
    /// longest). Other leaves would make numpy's object array, which rnnsh does not have.
    func stringLiteral(_ v: Value, span: Range<Int>?, width fixed: Int? = nil) throws(ShellError) -> StringArrayObject {
        var leaves: [String] = []
        var width = 1
        func walk(_ v: Value, _ depth: Int, _ shape: inout [Int]?) throws(ShellError) {
            if let items = v.sequenceItems {
                var child: [Int]? = nil
                for item in items {
                    var s: [Int]? = nil
                    try walk(item, depth + 1, &s)
                    if let c = child, c != (s ?? []) {
                        throw ShellError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth + 1) dimensions. The detected shape was (\(items.count),) + inhomogeneous part.",
                                         span: span, kind: .valueError)
                    }
                    child = s ?? []
                }
                shape = [items.count] + (child ?? [])
                return
            }
            shape = []
            if let s = StringArrayDispatch.pythonString(v) {
                leaves.append(s)
                width = max(width, s.unicodeScalars.count)
                return
            }
            switch v {
            case .int(let i): leaves.append(String(i)); width = max(width, 21)
            case .float(let d): leaves.append(ValueFormatter.repr(.float(d))); width = max(width, 32)
            case .bool(let b): leaves.append(b ? "True" : "False"); width = max(width, 5)
            default:
                throw ShellError("rnnsh has no object arrays (dtype=object): this list mixes str with \(v.typeName)",
                                 explanation: "numpy would make an array of Python objects; rnnsh's arrays hold numbers, bools or strings",
                                 span: span, kind: .typeError)
            }
        }
        var shape: [Int]? = nil
        try walk(v, 0, &shape)
        if let fixed {
            // An explicit width cuts longer strings, as numpy's cast does; `str` fits the longest.
            width = fixed > 0 ? fixed : max(1, leaves.map(\.unicodeScalars.count).max() ?? 1)
            leaves = leaves.map { String(String.UnicodeScalarView($0.unicodeScalars.prefix(width))) }
        }
        let w = width
        return try tensor { try StringArrayObject.make(leaves, shape: shape ?? [], width: w) }
    }

    /// numpy's cast of numbers to unicode (`astype(str)`, `np.array(a, dtype=str)`): each
    /// element becomes its numpy scalar `str` (`'1.5'`, `'1e+20'`, `'True'`). Width 0 (`str`,
    /// `'U'`) is numpy's fixed width for the source dtype, wide enough for any value of it
    /// (`<U21` for int64, `<U32` for floats); a given width cuts longer texts, as numpy's does.
    func numberStrings(_ a: NDArray, width asked: Int) throws(ShellError) -> StringArrayObject {
        let width = asked > 0 ? asked : Self.castWidth(a.dtype)
        let contiguous = try tensor { try a.copy() }
        var texts: [String] = []
        texts.reserveCapacity(contiguous.size)
        for (i, element) in contiguous.scalars.enumerated() {
            if i % 4096 == 0, interpreter.options.isInterrupted() { throw Interrupt.error }
            let text = NumpyFormat.scalarStr(element, dtype: a.dtype)
            texts.append(String(String.UnicodeScalarView(text.unicodeScalars.prefix(width))))
        }
        return try tensor { try StringArrayObject.make(texts, shape: a.shape, width: width) }
    }

    /// numpy's `<U` width for casting each numeric dtype to str: the longest text any value
    /// can have (int64's `-9223372036854775808` is 20 characters, numpy allows 21; every float
    /// gets 32).
    static func castWidth(_ d: DType) -> Int {
        switch d {
        case .bool: return 5
        case .int8: return 4
        case .uint8: return 3
        case .int16: return 6
        case .uint16: return 5
        case .int32: return 11
        case .uint32: return 10
        case .int64: return 21
        case .uint64: return 20
        case .float16, .float32, .float64: return 32
        }
    }

    /// `a + b` of strings: each pair joined, broadcast as numpy broadcasts.
    func concatenateStrings(_ l: Value, _ r: Value) throws(ShellError) -> StringArrayObject {
        let left = try operandStrings(l), right = try operandStrings(r)
        return try tensor {
            let shape = try NDArray.broadcastShapes([left.codes.shape, right.codes.shape])
            let a = try left.codes.broadcast(to: shape).copy(), b = try right.codes.broadcast(to: shape).copy()
            let joined = zip(a.scalars, b.scalars).map { pair -> String in
                guard case .int(let i) = pair.0, case .int(let j) = pair.1 else { return "" }
                return left.table.string(Int(i)) + right.table.string(Int(j))
            }
            return try StringArrayObject.make(joined, shape: shape, width: left.width + right.width)
        }
    }

    /// The numeric dtype a call asks for (`dtype=float`, `np.int32`, `'f4'`, as the second
    /// positional argument too); nil when none or a string dtype.
    func numericDType(_ inputs: inout [ArgumentInput], _ command: Command) throws(ShellError) -> DType? {
        switch try dtypeArgument(&inputs)?.value {
        case .dtype(let d): return d
        case .type(let t), .string(let t): return DType(numpyName: t)
        default: return nil
        }
    }

    /// The `dtype` argument of a call (by name, or the second positional one) and its input,
    /// evaluated once: the value is kept in `inputs` for the command.
    func dtypeArgument(_ inputs: inout [ArgumentInput]) throws(ShellError) -> (value: Value, input: ArgumentInput)? {
        var position = 0
        for i in inputs.indices {
            let input = inputs[i]
            let isDType = input.label == "dtype" || (input.label == nil && position == 1)
            if input.label == nil { position += 1 }
            guard isDType else { continue }
            let v: Value
            if let value = input.value { v = value } else if let e = input.expr { v = try evaluate(e) } else { continue }
            var evaluated = ArgumentInput(value: v, span: input.span)
            evaluated.label = input.label
            evaluated.labelSpan = input.labelSpan
            inputs[i] = evaluated
            return (v, evaluated)
        }
        return nil
    }

    /// numpy's cast of strings to numbers (`np.array(['1.5'], dtype=float)`, `a.astype(int)`,
    /// `np.float64('3.5')`): each string read as Python's `float()` or `int()` reads it
    /// (surrounding spaces, underscores, 'inf' and 'nan'; their ValueErrors), a non-empty
    /// string true for bool; the numbers then make an array of that dtype as a list of them
    /// would (numpy's range errors: `Python integer 300 out of bounds for int8`).
    /// `elementsAreNumpyStrings`: the strings come out of an array (`astype`), so a bad one is
    /// named as numpy names it there, `np.str_('1.5')`.
    func parsedStrings(_ o: StringArrayObject, as dtype: DType, span: Range<Int>, elementsAreNumpyStrings: Bool = false) throws(ShellError) -> Value {
        var values: [Value] = []
        let strings = o.elements
        values.reserveCapacity(strings.count)
        for text in strings {
            if interpreter.options.isInterrupted() { throw Interrupt.error }
            do throws(ShellError) {
                if dtype == .bool {
                    values.append(.bool(!text.isEmpty))
                } else if dtype.isFloat {
                    values.append(try PyNumbers.float([.string(text)], span: span, evaluator: self))
                } else {
                    values.append(try PyNumbers.int([.string(text)], [], span: span, evaluator: self))
                }
            } catch {
                let quoted = ValueFormatter.repr(.string(text))
                guard elementsAreNumpyStrings, error.kind == .valueError, error.message.hasSuffix(": " + quoted) else { throw error }
                throw ShellError(String(error.message.dropLast(quoted.count)) + "np.str_(\(quoted))", span: span, kind: .valueError)
            }
        }
        guard let asarray = registry["asarray"] else { throw ShellError("expected an array, got str", span: span) }
        var dtypeInput = ArgumentInput(value: .dtype(dtype), span: span)
        dtypeInput.label = "dtype"
        let made = try call(asarray, [ArgumentInput(value: .list(PyList(values)), span: span), dtypeInput], span: span)
        guard case .array(let flat) = made else { return made }
        return .array(try tensor { try flat.reshape(o.codes.shape) })
    }

    func operandStrings(_ v: Value) throws(ShellError) -> StringArrayObject {
        if case .object(let o as StringArrayObject) = v { return o }
        return try stringLiteral(v, span: nil)
    }

    /// Runs a Tensor call, turning its error into the shell's.
    func tensor<T>(_ body: () throws -> T) throws(ShellError) -> T {
        do { return try body() } catch let e as TensorError { throw ShellError(e.message, kind: e.kind) } catch let e as ShellError { throw e } catch {
            throw ShellError("\(error)")
        }
    }
}
