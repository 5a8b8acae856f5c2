import Tensor
import Graph

/// Python's operators on graph tensors, as TF1's `Tensor` overloads them: `+ - * / **` build
/// `add`/`sub`/`mul`/`truediv`/`pow` ops, `@` a `MatMul`; a number or array on the other side becomes
/// a constant of the tensor's dtype.
enum TFOperators {
    static func binary(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value? {
        guard isTensor(l) || isTensor(r) else { return nil }
        let g = ev.interpreter.tensorflow.graph
        let kind: BinaryKind
        switch op {
        case "+": kind = .add
        case "-": kind = .sub
        case "*": kind = .mul
        case "/": kind = .div
        case "**": kind = .pow
        case "//": kind = .floorDiv
        case "%": kind = .floorMod
        case "<", "<=", ">", ">=":
            // Python reflects `2 < t` to `t > 2`: the tensor is TF's x.
            var compare: CompareKind = op == "<" ? .less : op == "<=" ? .lessEqual : op == ">" ? .greater : .greaterEqual
            var (x, y) = (l, r)
            if !isTensor(l) { compare = compare.mirrored; (x, y) = (r, l) }
            do {
                let v = TFFunctions.tensorValue(try g.compare(compare, try TFArguments.operand(x, graph: g, span: span),
                                                              try TFArguments.operand(y, graph: g, span: span)))
                ev.recordGraphStage(op, v)
                return v
            } catch let e as TensorError { throw ShellError(e.message, span: span, kind: e.kind) } catch let e as ShellError { throw e } catch { throw ShellError("\(error)", span: span) }
        case "@":
            do {
                return TFFunctions.tensorValue(try g.matmul(try TFArguments.tensor(l, graph: g, span: span), try TFArguments.tensor(r, graph: g, span: span)))
            } catch let e as TensorError { throw ShellError(e.message, span: span, kind: e.kind) } catch let e as ShellError { throw e } catch { throw ShellError("\(error)", span: span) }
        default:
            throw ShellError("rnnsh's tensorflow has no Tensor operator \(op) (yet)", span: span, kind: .typeError)
        }
        do {
            let v = TFFunctions.tensorValue(try g.binary(kind, try TFArguments.operand(l, graph: g, span: span),
                                                         try TFArguments.operand(r, graph: g, span: span)))
            ev.recordGraphStage(op, v)
            return v
        } catch let e as TensorError {
            throw ShellError(e.message, span: span, kind: e.kind)
        } catch let e as ShellError {
            throw e
        } catch {
            throw ShellError("\(error)", span: span)
        }
    }

    /// `-t` builds TF's `Neg` op; `+t` is `t`.
    static func unary(_ op: String, _ v: Value, _ span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value? {
        guard case .object(let t as TFTensor) = v else { return nil }
        switch op {
        case "+": return v
        case "-":
            do {
                let r = TFFunctions.tensorValue(try ev.interpreter.tensorflow.graph.unary(.neg, t.tensor))
                ev.recordGraphStage("-", r)
                return r
            } catch let e as TensorError { throw ShellError(e.message, span: span, kind: e.kind) } catch let e as ShellError { throw e } catch { throw ShellError("\(error)", span: span) }
        default:
            throw ShellError("rnnsh's tensorflow has no Tensor operator \(op) (yet)", span: span, kind: .typeError)
        }
    }

    /// Python's `abs(t)` is TF's `Tensor.__abs__`, an `Abs` op.
    static func abs(_ v: Value, _ span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value? {
        guard case .object(let t as TFTensor) = v else { return nil }
        do {
            return TFFunctions.tensorValue(try ev.interpreter.tensorflow.graph.unary(.abs, t.tensor))
        } catch let e as TensorError { throw ShellError(e.message, span: span, kind: e.kind) } catch let e as ShellError { throw e } catch { throw ShellError("\(error)", span: span) }
    }

    /// Arithmetic between a numpy scalar and a Python number as numpy 1.x (the numpy TF1 ran
    /// on) did it: the Python number counts as a numpy scalar of its default type (int → int64,
    /// float → float64), and the two types promote as usual, so `0 + np.float32(c)` is a
    /// float64. numpy 2 (NEP 50) keeps the scalar's float32 instead. Nil when the rule does not
    /// apply (arrays, two Python numbers, two numpy scalars, comparisons).
    static func numpy1Operands(_ op: String, _ l: Value, _ r: Value) -> (Value, Value)? {
        guard ["+", "-", "*", "/", "//", "%", "**"].contains(op) else { return nil }
        func strong(_ v: Value) -> Value? {
            switch v {
            case .int(let i): return .scalar(NDArray(scalar: Int64(i)))
            case .float(let d): return .scalar(NDArray(scalar: d))
            default: return nil
            }
        }
        switch (l, r) {
        case (.scalar, _): if let s = strong(r) { return (l, s) }
        case (_, .scalar): if let s = strong(l) { return (s, r) }
        default: break
        }
        return nil
    }

    /// The orderings TF's Tensor overloads (its `==` is Python's identity in TF1's graphs).
    static let comparisons: Set<String> = ["<", "<=", ">", ">="]

    static func isTensor(_ v: Value) -> Bool {
        if case .object(is TFTensor) = v { return true }
        return false
    }
}
