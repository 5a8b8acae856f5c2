import Tensor

/// An operator between a numeric array (or numpy scalar) and a Python value that is no number:
/// numpy's answer, so that a learner's `except TypeError` catches what numpy would raise.
/// Before this, `np.array([1, 2]) + 'a'` and `x == None` failed with rnnsh's own
/// `error: expected an array, got str`, which no `except` clause but a bare one could catch.
///
/// numpy makes such an operand an array first: a str is a 0-d `<U` array (so the string-array
/// rules of `StringArrayDispatch` and their messages apply), anything else (None, a dict, a
/// function) an object array, whose loop applies Python's own operator to each element — so
/// `==` is False everywhere, `!=` True, and `+` is Python's TypeError naming the element's
/// Python type (`'int' and 'NoneType'`). rnnsh has no object dtype: the results here are the
/// ones that need none (all-False/True comparisons and the errors).
extension Evaluator {
    /// A value numpy would hold in an object array when it meets an array operand: not a
    /// number, a string, a sequence or an array. Instances of the learner's classes are left
    /// out (their dunders would run element by element), as are shell objects (TF tensors).
    static func isForeignOperand(_ v: Value) -> Bool {
        switch v {
        case .none, .dict, .set, .closure, .builtin, .type, .iterator, .exception, .slice, .ellipsis, .namespace, .function:
            return true
        default:
            return false
        }
    }

    /// The Python type of an array's elements as an object loop sees them (`int` for every
    /// integer dtype, `float` for every float, `bool`).
    static func elementTypeName(_ a: NDArray) -> String {
        a.dtype == .bool ? "bool" : (a.dtype.isInteger ? "int" : "float")
    }

    /// The mirrored comparison Python tries when the left operand declines (`None < x` asks
    /// `x > None`).
    static let reflectedComparison = ["<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="]

    /// numpy's result or error for `l op r` when one side is a numeric array or numpy scalar and
    /// the other a Python str or a foreign value; nil for any other pair.
    func numpyForeignOperand(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        guard let ufunc = Self.binaryCommands[op] else { return nil }
        let arrayOnLeft = Self.isNumericArrayValue(l)
        guard arrayOnLeft != Self.isNumericArrayValue(r) else { return nil }
        let (arrayValue, other) = arrayOnLeft ? (l, r) : (r, l)
        switch arrayValue {
        case .array(let a): return try foreign(op, ufunc, a, other, arrayOnLeft: arrayOnLeft, isScalar: false, span)
        case .scalar(let a): return try foreign(op, ufunc, a, other, arrayOnLeft: arrayOnLeft, isScalar: true, span)
        default: return nil
        }
    }

    private func foreign(_ op: String, _ ufunc: String, _ a: NDArray, _ other: Value, arrayOnLeft: Bool, isScalar: Bool,
                         _ span: Range<Int>) throws(ShellError) -> Value? {
        let isString = StringArrayDispatch.pythonString(other) != nil
        guard isString || Self.isForeignOperand(other) else { return nil }
        // `==` / `!=`: an element is never equal to a str (numpy's string comparison with a
        // number) nor to None, a dict, ... (Python's default equality, element by element).
        if op == "==" || op == "!=" {
            return MathCommands.result(try tensor { try NDArray.full(a.shape, .bool(op == "!="), dtype: .bool) })
        }
        let ordering: Set<String> = ["<", "<=", ">", ">="]
        if ordering.contains(op) {
            // The array answers: its own operator when it is on the left, the mirrored one
            // when Python reflected `str < x` / `None < x` to it.
            let asked = arrayOnLeft ? op : (Self.reflectedComparison[op] ?? op)
            if isString {
                let name = Self.binaryCommands[asked] ?? ufunc
                throw ShellError("ufunc '\(name)' did not contain a loop with signature matching types (\(StringArrayDispatch.dtypeClass(.array(a), self)), <class 'numpy.dtypes.StrDType'>) -> None",
                                 span: span, kind: .ufuncTypeError)
            }
            throw ShellError("'\(asked)' not supported between instances of '\(Self.elementTypeName(a))' and '\(other.typeName)'",
                             span: span, kind: .typeError)
        }
        if isString {
            // numpy's matmul has no loop for strings (its message, not the 'not supported' one).
            if op == "@" {
                let (lt, rt) = (StringArrayDispatch.dtypeText(.array(a), self), StringArrayDispatch.dtypeText(other, self))
                throw ShellError("ufunc 'matmul' did not contain a loop with signature matching types (\(arrayOnLeft ? lt : rt), \(arrayOnLeft ? rt : lt)) -> None",
                                 span: span, kind: .ufuncTypeError)
            }
            // A numpy scalar that is no integer lets Python's str repetition answer (numpy's
            // integers repeat the str: `repeatedByNumpyInteger`).
            if op == "*", isScalar, !a.dtype.isInteger {
                throw ShellError("can't multiply sequence by non-int of type 'numpy.\(a.dtype.name)'", span: span, kind: .typeError)
            }
            return nil   // the caller makes the str a string array (`numpyStringOperands`)
        }
        // Arithmetic on an object array: Python's operator on each element, whose TypeError
        // names the element's type. An empty array would give an empty object array, which
        // rnnsh cannot hold: that one keeps the general refusal.
        guard a.size > 0, op != "@" else { return nil }
        let (lt, rt) = arrayOnLeft ? (Self.elementTypeName(a), other.typeName) : (other.typeName, Self.elementTypeName(a))
        let shown = op == "**" ? "** or pow()" : op
        throw ShellError("unsupported operand type(s) for \(shown): '\(lt)' and '\(rt)'", span: span, kind: .typeError)
    }

    /// A Python str beside a numeric array or numpy scalar becomes the 0-d `<U` array numpy
    /// makes of it, so the string-array branch of `binary` gives numpy's message
    /// (`ufunc 'add' did not contain a loop with signature matching types (dtype('int64'),
    /// dtype('<U1')) -> None`). Other pairs come back unchanged.
    func numpyStringOperands(_ l: Value, _ r: Value, _ span: Range<Int>) throws(ShellError) -> (Value, Value) {
        if Self.isNumericArrayValue(l), let s = StringArrayDispatch.pythonString(r) {
            return (l, .object(try stringLiteral(.string(s), span: span)))
        }
        if Self.isNumericArrayValue(r), let s = StringArrayDispatch.pythonString(l) {
            return (.object(try stringLiteral(.string(s), span: span)), r)
        }
        return (l, r)
    }

    /// `np.sum(generator)`: numpy 2.4 refuses it with this TypeError (it once summed the
    /// generator with Python's sum, then deprecated that). nil when no generator is given.
    static func sumOfGeneratorError(_ command: Command, _ inputs: [ArgumentInput], span: Range<Int>) -> ShellError? {
        guard command.name == "sum", let first = inputs.first(where: { $0.label == nil || $0.label == "a" }),
              case .iterator(let it)? = first.value, it.kind == "generator" else { return nil }
        return ShellError("Calling np.sum(generator) is deprecated.Use np.sum(np.fromiter(generator)) or the python sum builtin instead.",
                          span: first.span ?? span, kind: .typeError)
    }
}
