import Tensor
import Graph
import Explore

/// What the explorer remembers between statements: whether every statement is traced, and the
/// axis names a user gave a variable (`dims x image row pixel`) for `track` and `explain`.
public struct ExploreSettings: Sendable {
    /// `trace on`: every statement prints its stages.
    public var traceAll = false
    /// Axis names per variable, and which axis `track` labels elements by.
    public var axisNames: [String: [String]] = [:]
    public var labelAxis: [String: Int] = [:]

    public init() {}
}

/// The trace of the statement being evaluated: which stages printed, so a later stage can say
/// "view of #2" and the statement's own echo of the last value is not printed twice.
struct TraceLog {
    var active = false
    /// Internal conversions (`np.asarray` of a literal argument) are not stages.
    var suppressed = 0
    var stages: [Value] = []
}

extension Evaluator {
    /// Two arrays are the same value when they read the same memory the same way.
    static func identical(_ a: NDArray, _ b: NDArray) -> Bool {
        a.storage === b.storage && a.shape == b.shape && a.strides == b.strides && a.offset == b.offset && a.dtype == b.dtype
    }

    /// `#k` of the stage that produced `a`, else the workspace name holding it.
    func traceLabel(_ a: NDArray) -> String? {
        for (k, v) in trace.stages.enumerated().reversed() {
            if case .array(let b) = v, Self.identical(a, b) { return "#\(k + 1)" }
        }
        for n in workspace.userNames {
            if case .array(let b)? = workspace[n], Self.identical(a, b) { return n }
        }
        return nil
    }

    /// How a trace shows a value (nil: nothing to show, e.g. `print` returning None).
    static func tracedValue(_ v: Value) -> TracedValue? {
        switch v {
        case .none: return nil
        case .array(let a): return .array(a)
        case .scalar(let a): return .other(kind: "\(a.dtype.name) scalar", text: ValueFormatter.str(v))
        case .list, .tuple:
            let items = (v).sequenceItems ?? []
            var arrays: [NDArray] = []
            for item in items {
                guard case .array(let a) = item else {
                    return .other(kind: v.typeName, text: ValueFormatter.str(v))
                }
                arrays.append(a)
            }
            if case .tuple = v { return .arrays(arrays, isTuple: true) }
            return .arrays(arrays, isTuple: false)
        default:
            return .other(kind: v.typeName, text: ValueFormatter.str(v))
        }
    }

    /// The source text of a bound argument, without the `.name` of a method call's receiver.
    func argumentText(_ bound: BoundArguments, _ name: String, command: String) -> String? {
        guard let span = bound.span(name) else { return nil }
        var t = rawText(span)
        if t.hasSuffix("." + command) { t.removeLast(command.count + 1) }
        return t
    }

    /// Called after every command: prints the stage when a trace is running.
    func recordStage(_ command: Command, _ bound: BoundArguments, _ inputs: [ArgumentInput], value: Value) {
        guard trace.active, trace.suppressed == 0, let traced = Self.tracedValue(value) else { return }
        // An operator (`a * 2`, `#2 + 1`): the stage is the expression as written, with earlier
        // stages by number.
        if inputs.count == 2, inputs.allSatisfy({ $0.text != nil }),
           let symbol = Self.binaryCommands.first(where: { $0.value == command.name })?.key {
            var operands: [String] = []
            var arrays: [(label: String, array: NDArray)] = []
            for (k, p) in command.parameters.prefix(2).enumerated() {
                let written = inputs[k].text ?? "?"
                if case .array(let a) = bound[p.name] {
                    let label = traceLabel(a) ?? written
                    arrays.append((label, a))
                    operands.append(label.hasPrefix("#") ? label : written)
                } else {
                    operands.append(written)
                }
            }
            trace.stages.append(value)
            let stage = TraceStage(number: trace.stages.count, operation: operands.joined(separator: " \(symbol) "),
                                   arguments: "", inputs: arrays, value: traced)
            emit(.text(stage.text()))
            return
        }
        var args: [String] = []
        var inputs: [(label: String, array: NDArray)] = []
        for (position, p) in command.allParameters.enumerated() where bound.isGiven(p.name) && p.kind != .statement {
            let v = bound[p.name]
            let isOption = position >= command.parameters.count
            if case .array(let a) = v {
                let label = traceLabel(a) ?? argumentText(bound, p.name, command: command.name) ?? "the input"
                inputs.append((label, a))
                // The previous stage flowing into the first argument (a pipe, a method chain) is implied.
                if position == 0, label == "#\(trace.stages.count)" { continue }
                if bound.span(p.name) == nil && label.hasPrefix("#") { continue }
                args.append(label)
                continue
            }
            guard let text = argumentText(bound, p.name, command: command.name), let span = bound.span(p.name) else { continue }
            // Keep `axis=1` as written (a positional parameter may be given by keyword).
            let label = p.name + "="
            let before = rawText(max(0, span.lowerBound - label.unicodeScalars.count)..<span.lowerBound)
            args.append(isOption || before == label ? label + text : text)
        }
        trace.stages.append(value)
        let stage = TraceStage(number: trace.stages.count, operation: command.name, arguments: args.joined(separator: " "),
                               inputs: inputs, value: traced)
        emit(.text(stage.text()))
    }

    /// `.T` in a method chain is a stage too.
    func recordAttributeStage(_ name: String, base: Value, value: Value) {
        guard trace.active, trace.suppressed == 0, case .array(let b) = base, let traced = Self.tracedValue(value) else { return }
        let label = traceLabel(b) ?? "the input"
        trace.stages.append(value)
        let stage = TraceStage(number: trace.stages.count, operation: "." + name, arguments: "",
                               inputs: [(label, b)], value: traced)
        emit(.text(stage.text()))
    }

    /// `x[0]`, `xs[-1]` in a traced statement: indexing an array (a view) is a stage too.
    func recordIndexStage(base: Value, index written: String, value: Value) {
        guard trace.active, trace.suppressed == 0 else { return }
        // A graph tensor picked from a list (`outputs[-1]` of rnn.rnn): its static shape, as
        // every graph stage shows, named by what was written.
        if case .object(let t) = value, t is TFTensor {
            recordGraphStage(graphListLabel(base) + written, value)
            return
        }
        guard let traced = Self.tracedValue(value) else { return }
        // What follows the base, from its `[` (a parenthesised base leaves its `)` before it).
        let index = written.firstIndex(of: "[").map { String(written[$0...]) } ?? written
        var inputs: [(label: String, array: NDArray)] = []
        var label = "the input"
        if case .array(let b) = base {
            label = traceLabel(b) ?? label
            inputs = [(label, b)]
        } else if let items = base.sequenceItems {
            // An element of a traced list (`split … | …` then `[0]`): name the list's stage.
            for (k, v) in trace.stages.enumerated().reversed() {
                if let stageItems = v.sequenceItems, stageItems.count == items.count,
                   zip(stageItems, items).allSatisfy({ pair in
                       if case .array(let a) = pair.0, case .array(let b) = pair.1 { return Self.identical(a, b) }
                       return false
                   }) { label = "#\(k + 1)"; break }
            }
            for item in items { if case .array(let a) = item { inputs.append((label, a)) } }
        }
        trace.stages.append(value)
        let stage = TraceStage(number: trace.stages.count, operation: label + index, arguments: "",
                               inputs: inputs, value: traced)
        emit(.text(stage.text()))
    }

    /// What a trace calls a list of graph tensors being indexed: the stage that made it, else
    /// the variable holding it (`outputs` of `outputs, states = rnn.rnn(…)`).
    func graphListLabel(_ base: Value) -> String {
        func tensors(_ v: Value) -> [GraphTensor]? {
            guard let items = v.sequenceItems else { return nil }
            var out: [GraphTensor] = []
            for item in items {
                guard case .object(let t as TFTensor) = item else { return nil }
                out.append(t.tensor)
            }
            return out
        }
        guard let wanted = tensors(base) else { return "the list" }
        for (k, v) in trace.stages.enumerated().reversed() where tensors(v) == wanted { return "#\(k + 1)" }
        for n in workspace.userNames {
            if let v = workspace[n], tensors(v) == wanted { return n }
        }
        return "the list"
    }

    /// True when a trace already printed `value` as its last stage (the echo would repeat it).
    func traceShowedLast(_ value: Value) -> Bool {
        guard trace.active, let last = trace.stages.last else { return false }
        switch (last, value) {
        case (.array(let a), .array(let b)): return Self.identical(a, b)
        case (.list, .list), (.tuple, .tuple):
            let x = last.sequenceItems ?? [], y = value.sequenceItems ?? []
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) {
                guard case .array(let a) = p, case .array(let b) = q, Self.identical(a, b) else { return false }
            }
            return true
        case (.array, _), (_, .array), (.list, _), (.tuple, _):
            return false
        default:
            // Scalars and other values: the same text was just printed by the stage.
            return ValueFormatter.repr(last) == ValueFormatter.repr(value)
        }
    }

    // MARK: - Errors that teach

    /// The operand texts of positional inputs, in order (a binary operator's sides included).
    func positionalTexts(_ inputs: [ArgumentInput], command: String) -> [String?] {
        inputs.filter { $0.label == nil }.map { input in
            if let t = input.text { return t }
            guard let span = input.span else { return nil }
            var t = rawText(span)
            if t.hasSuffix("." + command) {
                t.removeLast(command.count + 1)   // a method's receiver: `a.dot` → `a`
            } else if input.expr == nil {
                return nil
            }
            return t
        }
    }

    /// The second line of a failed command, naming what the user wrote; nil when no explainer
    /// fits (the core's own explanation, if any, is kept then).
    func teachingExplanation(_ command: Command, _ bound: BoundArguments, _ inputs: [ArgumentInput], _ error: TensorError) -> String? {
        let name = command.name
        func named(_ param: String) -> NamedShape? {
            guard let a = bound.array(param) else { return nil }
            return NamedShape(argumentText(bound, param, command: name) ?? (trace.active ? traceLabel(a) : nil), a.shape)
        }
        switch name {
        case "reshape":
            guard let x = named("a"), let shape = bound.ints("shape") else { return nil }
            return ErrorExplanation.reshape(x, requested: shape)
        case "transpose":
            guard let x = named("a"), let axes = bound.ints("axes") else { return nil }
            return ErrorExplanation.transpose(x, axes: axes)
        case "split":
            // `split 4 x`: the arguments the wrong way round.
            if let ary = bound.array("ary"), ary.ndim == 0, let cuts = bound["indices_or_sections"].sequenceItems, !cuts.isEmpty {
                let texts = positionalTexts(inputs, command: name)
                let number = texts.first.flatMap { $0 } ?? ValueFormatter.str(.scalar(ary))
                let array = NamedShape(texts.count > 1 ? texts[1] : nil, [cuts.count])
                return ErrorExplanation.splitSwapped(number: number, array: array)
            }
            guard let x = named("ary"), case .int(let n) = bound["indices_or_sections"] else { return nil }
            return ErrorExplanation.split(x, sections: n, axis: bound.int("axis") ?? 0)
        default:
            break
        }
        // Two-operand commands (matmul, the arithmetic ufuncs): their first two array parameters.
        let arrayParams = command.parameters.filter { bound.array($0.name) != nil }.prefix(2)
        if arrayParams.count == 2, let p = arrayParams.first, let q = arrayParams.last,
           let a = bound.array(p.name), let b = bound.array(q.name) {
            let texts = positionalTexts(inputs, command: name)
            let an = texts.count > 0 ? texts[0] : nil, bn = texts.count > 1 ? texts[1] : nil
            if name == "matmul" || name == "dot" {
                return ErrorExplanation.matmul(NamedShape(an, a.shape), NamedShape(bn, b.shape))
            }
            if error.message.contains("could not be broadcast") {
                return ErrorExplanation.broadcast(name, NamedShape(an, a.shape), NamedShape(bn, b.shape))
            }
        }
        if name == "concatenate", error.message.contains("dimensions") || error.message.contains("dimension"),
           let items = bound["arrays"].sequenceItems {
            var shapes: [NamedShape] = []
            var texts: [String?] = Array(repeating: nil, count: items.count)
            if case .list(let exprs, _)? = inputs.first?.expr, exprs.count == items.count { texts = exprs.map { rawText($0.span) } }
            if case .tuple(let exprs, _)? = inputs.first?.expr, exprs.count == items.count { texts = exprs.map { rawText($0.span) } }
            for (item, t) in zip(items, texts) {
                guard case .array(let a) = item else { return nil }
                shapes.append(NamedShape(t, a.shape))
            }
            return ErrorExplanation.concatenate(shapes, axis: bound.int("axis") ?? 0)
        }
        return nil
    }

    /// `split 4 x`, `np.split(4, x)`: numpy takes the length of its first argument, so a Python
    /// number there fails in numpy's words before anything is converted, and the second line
    /// says which way round the arguments go. Checked on the arguments as written (literals and
    /// variables holding numbers), so nothing is evaluated twice; nil when the first argument
    /// is not a Python number.
    func swappedSplitError(_ command: Command, _ inputs: [ArgumentInput]) -> ShellError? {
        guard command.name == "split" || command.name == "array_split" else { return nil }
        let positional = inputs.filter { $0.label == nil }
        guard positional.count >= 2, let first = pythonNumberType(positional[0]) else { return nil }
        // np.split tries len(indices_or_sections) first: a number there takes the sections
        // path, which asks for the array's shape (`'int' object has no attribute 'shape'`).
        if command.name == "split", let second = pythonNumberType(positional[1]) {
            return ShellError("'\(first)' object has no attribute 'shape'", kind: .attributeError)
        }
        // As written: a literal may reach here already evaluated (its value and span, no expr).
        func written(_ input: ArgumentInput) -> String? {
            input.text ?? input.span.map(rawText) ?? input.value.map(ValueFormatter.repr)
        }
        let number = written(positional[0]) ?? first
        let explanation = ErrorExplanation.splitSwapped(number: number, array: NamedShape(written(positional[1]), []))
        return ShellError("object of type '\(first)' has no len()", explanation: explanation, kind: .typeError)
    }

    /// `int`, `float` or `bool` when the argument is a Python number: a literal (`4`, `-4`), a
    /// variable holding one, or a piped value.
    func pythonNumberType(_ input: ArgumentInput) -> String? {
        func type(_ v: Value) -> String? {
            switch v {
            case .int, .bigint, .float, .bool: return v.typeName
            default: return nil
            }
        }
        if let v = input.value { return type(v) }
        var expr = input.expr
        if case .unary(let op, let inner, _)? = expr, op == "-" || op == "+" { expr = inner }
        switch expr {
        case .int?, .bigInt?: return "int"
        case .float?: return "float"
        case .bool?: return "bool"
        case .name(let n, _)?: return boundValue(n).flatMap(type)
        default: return nil
        }
    }

    /// `x[5]` out of range: the explanation names the array as written.
    func teachingIndexExplanation(_ base: Value, _ baseText: String?, _ error: TensorError) -> String? {
        guard case .array(let a) = base else { return nil }
        // numpy: "index 5 is out of bounds for axis 0 with size 4"
        let words = error.message.split(separator: " ")
        guard words.count >= 12, words[0] == "index", let i = Int(words[1]), let axis = Int(words[8]) else { return nil }
        return ErrorExplanation.index(NamedShape(baseText, a.shape), index: i, axis: axis)
    }
}
