import Printing
import Tensor

/// numpy's `formatter=` print option: a dict from type keys to Python callables, each giving
/// an element's whole text (docs/printing.md §8). The dict is kept as given and read each time
/// an array prints, as numpy's `_get_formatdict` reads it, so a later change to the dict shows.
///
/// Printing cannot run Python and cannot throw: the callables run through the evaluator that
/// `ClassRuntime.formatting` binds for the statement, and the first error one raises is
/// recorded there and thrown once the text is done. Without such an evaluator (text made
/// outside a statement), arrays keep numpy's own formatters.
final class PythonFormatter: CustomElementFormatter {
    /// The `formatter=` value as the user gave it (a dict, or anything else: numpy fails only
    /// when it prints).
    let value: Value

    init(_ value: Value) { self.value = value }

    /// `formatter=` as a print option: nil for None.
    static func option(_ value: Value) -> CustomFormatter? {
        value.isNone ? nil : CustomFormatter(PythonFormatter(value))
    }

    func elementText(for dtype: DType) -> ((NDArray, Int) -> String)? {
        let category = dtype == .bool ? "bool" : (dtype.isFloat ? "float" : "int")
        guard let (ctx, function) = lookup(category) else { return nil }
        return { array, offset in
            if ctx.error != nil { return "" }
            // numpy passes each element as a numpy scalar (`a[index]`), a copy of its own.
            let element = NDArray(viewing: array.storage, dtype: array.dtype, shape: [], strides: [], offset: offset)
            let scalar: NDArray
            do { scalar = try element.copy() } catch {
                ctx.error = ShellError.converting(error)
                return ""
            }
            do throws(ShellError) {
                return try PythonFormatter.text(of: .scalar(scalar), function: function, zeroDimensional: array.ndim == 0, evaluator: ctx.evaluator)
            } catch {
                ctx.error = error
                return ""
            }
        }
    }

    /// The element text of unicode arrays (numpy's 'numpystr' key), given each element's string;
    /// nil when numpy's repr of the string stays.
    static func stringElementText(zeroDimensional: Bool) -> ((String) -> String)? {
        guard let formatter = PrintOptions.current.formatter?.functions as? PythonFormatter,
              let (ctx, function) = formatter.lookup("numpystr") else { return nil }
        return { string in
            if ctx.error != nil { return "" }
            do throws(ShellError) {
                return try text(of: .object(NumpyStrObject(value: string)), function: function,
                                zeroDimensional: zeroDimensional, evaluator: ctx.evaluator)
            } catch {
                ctx.error = error
                return ""
            }
        }
    }

    /// Calls the user's function and checks its result as numpy's layout meets it: a row
    /// calls `word.splitlines()` on it (so a non-string is an AttributeError, and an empty
    /// string leaves `max()` nothing), a 0-d repr concatenates it to `array(`.
    private static func text(of element: Value, function: Value, zeroDimensional: Bool, evaluator: Evaluator) throws(ShellError) -> String {
        let result = try evaluator.callPython(function, [element], [], span: 0..<0)
        let s: String
        switch result {
        case .string(let t): s = t
        case .object(let o as NumpyStrObject): s = o.value
        default:
            if zeroDimensional {
                throw ShellError("can only concatenate str (not \"\(result.typeName)\") to str", kind: .typeError)
            }
            throw ShellError("'\(result.typeName)' object has no attribute 'splitlines'", kind: .attributeError)
        }
        // `''.splitlines()` is `[]`, and numpy takes the max of its lines' lengths.
        if !zeroDimensional && s.isEmpty {
            throw ShellError("max() arg is an empty sequence", kind: .valueError)
        }
        return s
    }

    /// numpy's key resolution for one of its categories ('bool', 'int', 'float', 'numpystr'):
    /// the category's own key, else its kind key ('int_kind', 'float_kind', 'str_kind'), else
    /// 'all'; keys whose value is None count as absent. nil: numpy's own formatter (or no
    /// evaluator to call with).
    private func lookup(_ category: String) -> (ClassRuntime.Context, Value)? {
        guard let ctx = ClassRuntime.context else { return nil }
        guard case .dict(let d) = value else {
            // numpy's `formatter.keys()` on a non-dict.
            if ctx.error == nil {
                ctx.error = ShellError("'\(value.typeName)' object has no attribute 'keys'", kind: .attributeError)
            }
            return (ctx, .none)
        }
        let kindKey: String? = switch category {
        case "int": "int_kind"
        case "float": "float_kind"
        case "numpystr": "str_kind"
        default: nil
        }
        for key in [category, kindKey, "all"].compactMap({ $0 }) {
            if let f = d.get(.string(key)), !f.isNone { return (ctx, f) }
        }
        return nil
    }
}
