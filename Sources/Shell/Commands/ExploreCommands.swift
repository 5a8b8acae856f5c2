import Tensor
import Printing
import Explore
import RNN

/// The explorer: seeing what shape ops do to data. `trace` prints every stage of a pipeline or
/// method chain, `explain` says in words and as an index formula what one op does, `track`
/// labels every element of a result by where it came from, `info` shows an array's memory
/// facts, `dims` names a variable's axes for those sentences, `heatmap` draws a 2-d array and
/// `gates` opens up one LSTM step.
/// The texts come from module Explore (pure functions); these commands only find the names.
enum ExploreCommands {
    static let all: [Command] = [trace, explain, track, info, dims, heatmap, gates]

    // MARK: trace

    static let trace = Command(
        name: "trace", category: "Explore",
        summary: "Print every stage of a statement: op, shape, dtype, strides, view or copy, value.",
        parameters: [Parameter("statement", .statement, default: .none,
                               help: "a statement to trace once, or `on` / `off` to trace every statement")],
        help: """
            `trace arange 24 | reshape 2 4 3 | transpose 1 0 2 | reshape -1 3 | split 4` runs the \
            pipeline and, as each stage happens, prints `#k OPERATION ARGS → SHAPE DTYPE, strides \
            (bytes), view of #j | copy of #j | new array` and then the value exactly as numpy \
            prints it. Method chains (`x.reshape(2, 4, 3).T`) and nested calls are traced the \
            same way. `trace on` traces every statement until `trace off`; `trace` alone says \
            which is in effect. A stage that is a view only changed shape and strides; a copy \
            moved the data (e.g. reshaping a transposed array).
            """,
        examples: [Example("trace arange 6 | reshape 2 3 | transpose"),
                   Example("x = np.arange(6)\ntrace x.reshape(3, 2).T")],
        run: { call in
            let ev = call.evaluator
            guard let (statement, text) = call.arguments.statement("statement") else {
                call.print("trace is \(call.interpreter.explore.traceAll ? "on" : "off")")
                return .none
            }
            if case .expression(.name(let word, _)) = statement, word == "on" || word == "off", call.workspace[word] == nil {
                call.interpreter.explore.traceAll = word == "on"
                call.print(word == "on" ? "trace is on: every statement prints its stages" : "trace is off")
                return .none
            }
            let was = ev.trace.active
            ev.trace.active = true
            defer { ev.trace.active = was }
            _ = try call.execute(statement, text: text)
            return .none
        })

    // MARK: explain

    static let explain = Command(
        name: "explain", category: "Explore",
        summary: "Say what reshape, transpose or split does to an array: words, index formula, view or copy.",
        parameters: [Parameter("op", .word, help: "reshape, transpose or split (or VAR.T)"),
                     Parameter("a", .array, default: .none, help: "the array, as you would pass it to the op"),
                     Parameter("args", .value, default: .tuple([]), variadic: true,
                               help: "the op's own arguments: a shape, axes, or sections/indices")],
        options: [Parameter("axis", .int, default: .int(0), help: "split: the axis to cut along"),
                  Parameter("names", .value, default: .none, help: "names for the array's axes, e.g. 'image row pixel' (default: those set with `dims`)")],
        help: """
            Takes the same arguments as the op (`explain transpose x 1 0 2`, `explain reshape x \
            -1 3`, `explain split x 4 axis=0`, or a whole pipeline `explain transpose x 1 0 2 | \
            reshape -1 3 | split 4`, stage by stage) and prints what it does: an index formula \
            (`y[i, j, k] = x[j, i, k]`), which axes merge or split, and whether data moves. \
            A reshape is a view when the merged axes are evenly spaced in memory; otherwise \
            numpy must copy, and explain says which axes could not be merged and why. With \
            axis names (`dims x image row pixel` or `names=`), a transpose reads \
            `y[0] holds row 0 of every image`.
            """,
        examples: [Example("x = arange 24 | reshape 2 4 3\nexplain transpose x 1 0 2 names='image row pixel'"),
                   Example("t = (arange 24 | reshape 2 4 3).transpose(1, 0, 2)\nexplain reshape t -1 3"),
                   Example("x = arange 24 | reshape 2 4 3\nexplain transpose x 1 0 2 | reshape -1 3 | split 4")],
        run: { call in
            let a = call.arguments
            guard let op = a.string("op") else { return .none }
            // `explain x.T`: the transpose of a variable, written as numpy writes it.
            if !a.isGiven("a") {
                // `explain t` for a graph tensor: its op on a sample value (GraphExplore).
                if let v = call.workspace[op], GraphExplore.tensors(v) != nil {
                    try GraphExplore.explain(call, v, name: op)
                    return .none
                }
                guard op.hasSuffix(".T"), case .array(let x)? = call.workspace[String(op.dropLast(2))] else {
                    throw call.error("explain needs an op and its array: explain transpose x 1 0 2, explain reshape x -1 3, explain split x 4, or explain x.T",
                                     argument: "op")
                }
                let name = String(op.dropLast(2))
                let names = try axisNames(call, given: a["names"], for: name, ndim: x.ndim)
                call.print(try Explain.transpose(x, nil, name: name, result: call.evaluator.explainNames?.result ?? resultName(avoiding: name, "y"), axisNames: names))
                return .none
            }
            guard let x = a.array("a") else { return .none }
            // In a pipeline (`explain transpose x 1 0 2 | reshape -1 3`) the evaluator names each
            // stage's input and result (ExplainPipeline.swift).
            let stage = call.evaluator.explainNames
            let (name, defined) = stage?.source.map { ($0, nil) }
                ?? displayName(call.evaluator.argumentText(a, "a", command: "explain"), taken: Set(call.workspace.userNames))
            if let defined { call.print(defined) }
            func stageResult(avoiding source: String, _ preferred: String) -> String {
                guard let result = stage?.result else { return resultName(avoiding: source, preferred) }
                return preferred == "ys" ? (source == "xs" ? result + "s" : "xs") : result
            }
            let names = try axisNames(call, given: a["names"], for: name, ndim: x.ndim)
            let rest = a["args"].sequenceItems ?? []
            switch op {
            case "reshape":
                let shape = try ArgumentBinder.integers(rest.count == 1 ? rest[0] : .tuple(rest), a.span("args"))
                call.print(try Explain.reshape(x, shape, name: name, result: stageResult(avoiding: name, "y")))
            case "transpose":
                let axes = rest.isEmpty ? nil : try ArgumentBinder.integers(rest.count == 1 ? rest[0] : .tuple(rest), a.span("args"))
                call.print(try Explain.transpose(x, axes, name: name, result: stageResult(avoiding: name, "y"), axisNames: names))
            case "split", "array_split":
                guard rest.count == 1, let only = rest.first else {
                    throw call.error("explain split needs one argument: a number of sections or a list of indices", argument: "args")
                }
                let axis = a.int("axis") ?? 0
                if only.sequenceItems != nil {
                    let indices = try ArgumentBinder.integers(only, a.span("args"))
                    call.print(try Explain.split(x, indices: indices, axis: axis, equal: op == "split", name: name, result: stageResult(avoiding: name, "ys")))
                } else {
                    let n = try ArgumentBinder.integer(only, a.span("args"))
                    call.print(try Explain.split(x, sections: n, axis: axis, equal: op == "split", name: name, result: stageResult(avoiding: name, "ys")))
                }
            default:
                throw call.error(Suggest.message("explain knows reshape, transpose and split, not '\(op)'", name: op,
                                                 candidates: ["reshape", "transpose", "split", "array_split"]), argument: "op")
            }
            return .none
        })

    /// A source as formulas can name it: what the user typed when it reads as one Python
    /// operand (`x`, `outs[-1]`, `x.T`), else `x`, with a line saying what `x` stands for.
    /// A temporary gets a name that is neither a workspace variable nor a name inside the
    /// expression (`(x.transpose(1, 0, 2))` must not be called `x`), and loses its outer brackets.
    static func displayName(_ text: String?, taken: Set<String> = []) -> (name: String, definition: String?) {
        guard var text, !text.isEmpty else { return ("x", nil) }
        if text.contains(" ") || text.contains("|") {
            while text.hasPrefix("("), text.hasSuffix(")"), balanced(text.dropFirst().dropLast()) {
                text = String(text.dropFirst().dropLast())
            }
            let used = Set(text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)).union(taken)
            let name = ["x", "t", "a", "v", "src", "tmp"].first { !used.contains($0) } ?? "tmp_\(used.count)"
            return (name, "\(name) = \(text)")
        }
        return (text, nil)
    }

    /// True when the brackets of `s` never close more than they opened.
    static func balanced(_ s: Substring) -> Bool {
        var depth = 0
        for c in s {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }

    /// `y` unless the source is called that.
    static func resultName(avoiding source: String, _ preferred: String) -> String {
        source == preferred ? preferred + "2" : preferred
    }

    // MARK: track

    static let track = Command(
        name: "track", category: "Explore",
        summary: "Run a statement and label every element of its result by where it came from.",
        parameters: [Parameter("statement", .statement,
                               help: "a statement of shape ops on an array variable, e.g. `xs = x | transpose 1 0 2 | split 4`")],
        help: """
            Runs the statement (its assignment happens as usual) and a second time with the \
            first array variable it uses replaced by the positions of its elements, so every \
            element of the result is known to come from one place. Prints the index formula \
            recovered from that (`xs[p][i, j] = x[i, p, j]`), one sentence per piece (`xs[0] \
            holds row 0 of every image`, with axis names from `dims`), and the result's \
            elements labelled by their index along the source's first axis (or the axis set \
            with `dims NAME ... label=AXIS`) — coloured values on a terminal, label numbers \
            otherwise. Large results are summarised the way numpy summarises. Only statements \
            that move elements can be tracked; arithmetic is refused.
            """,
        examples: [Example("x = arange 24 | reshape 2 4 3\ndims x image row pixel\ntrack xs = x | transpose 1 0 2 | reshape -1 3 | split 4")],
        run: { call in
            guard let (statement, _) = call.arguments.statement("statement") else { return .none }
            return try runTrack(call, statement)
        })

    static func runTrack(_ call: Invocation, _ statement: Statement) throws -> Value {
        let ev = call.evaluator
        let expr: Expr
        var targets: [Target] = []
        switch statement {
        case .assign(let t, let e): targets = t; expr = e
        case .expression(let e): expr = e
        default: throw call.error("track needs an expression or an assignment, e.g. `track xs = x | split 4`")
        }
        guard let sourceName = firstArrayName(expr, ev.workspace), case .array(let source)? = ev.workspace[sourceName] else {
            // A TF1 graph tensor (`track t`, `track xs = pieces`) is followed on a sample.
            if let v = try? ev.evaluate(expr), GraphExplore.tensors(v) != nil {
                for t in targets { try ev.assign(v, to: t) }
                var resultName = "y"
                if targets.count == 1, case .name(let n, _)? = targets.first { resultName = n }
                else if case .name(let n, _) = expr { resultName = n }
                else if GraphExplore.tensors(v)?.isList == true { resultName = "ys" }
                try GraphExplore.track(call, v, resultName: resultName)
                return .none
            }
            throw call.error("track needs a statement that uses an array variable",
                             explanation: "e.g. `x = arange 24 | reshape 2 4 3` then `track x | transpose 1 0 2`")
        }
        let before = ev.workspace
        let real = try ev.evaluate(expr)
        for t in targets { try ev.assign(real, to: t) }
        var scratchSpace = before
        scratchSpace[sourceName] = .array(try Track.indexArray(shape: source.shape))
        let scratch = Evaluator(workspace: scratchSpace, interpreter: ev.interpreter,
                                source: String(String.UnicodeScalarView(ev.source)), emit: { _ in })
        scratch.trace.active = false
        let origins = try scratch.evaluate(expr)
        guard let (o, isList) = arrays(origins), let (v, _) = arrays(real) else {
            throw call.error("track follows arrays and lists of arrays; this statement gives \(real.typeName)")
        }
        var resultName = isList ? "ys" : "y"
        if targets.count == 1, case .name(let n, _)? = targets.first { resultName = n }
        let settings = call.interpreter.explore
        let names = settings.axisNames[sourceName].flatMap { $0.count == source.ndim ? $0 : nil }
        let t = try Track(source: .init(name: sourceName, shape: source.shape, axis: settings.labelAxis[sourceName] ?? 0, axisNames: names),
                          sourceValues: source, resultName: resultName, origins: o, values: v, isList: isList)
        call.print(t.text(color: call.interpreter.options.color))
        return .none
    }

    /// One array, or the arrays of a list/tuple (true), or nil.
    static func arrays(_ v: Value) -> ([NDArray], Bool)? {
        switch v {
        case .array(let a): return ([a], false)
        case .list, .tuple:
            let items = (v).sequenceItems ?? []
            var out: [NDArray] = []
            for item in items {
                guard case .array(let a) = item else { return nil }
                out.append(a)
            }
            return (out, true)
        default: return nil
        }
    }

    /// The first workspace array an expression reads, in evaluation order (a pipeline's head,
    /// a method chain's receiver, a call's first argument).
    static func firstArrayName(_ e: Expr, _ ws: Workspace) -> String? {
        switch e {
        case .name(let n, _):
            if case .array? = ws[n] { return n }
            return nil
        case .pipeline(let stages, _):
            for s in stages { if let n = firstArrayName(s, ws) { return n } }
        case .call(let callee, let args, _):
            if let n = firstArrayName(callee, ws) { return n }
            for a in args { if let n = firstArrayName(a.value, ws) { return n } }
        case .command(_, let args, _, _):
            for a in args { if let n = firstArrayName(a.value, ws) { return n } }
        case .attribute(let base, _, _), .indexing(let base, _, _), .unary(_, let base, _):
            return firstArrayName(base, ws)
        case .binary(_, let l, let r, _):
            return firstArrayName(l, ws) ?? firstArrayName(r, ws)
        case .list(let items, _), .tuple(let items, _):
            for i in items { if let n = firstArrayName(i, ws) { return n } }
        default:
            return nil
        }
        return nil
    }

    // MARK: info

    static let info = Command(
        name: "info", category: "Explore",
        summary: "Shape, dtype, byte strides, contiguity, view of what, size and nbytes of an array.",
        parameters: [Parameter("value", .value, help: "an array (or a list of arrays)")],
        help: """
            Shows what numpy knows about an array's memory: `x.strides` in bytes (and in \
            elements), whether it is C-contiguous (and what its strides would be if it were), \
            whether it is a view and of which variable (arrays share memory when one was made \
            from the other by reshape, transpose, slicing or split), size and nbytes. For a \
            list of arrays (what `split` returns), each element.
            """,
        examples: [Example("x = arange 24 | reshape 2 4 3\nt = x.transpose(1, 0, 2)\ninfo t")],
        run: { call in
            let typed = call.evaluator.argumentText(call.arguments, "value", command: "info")
            let name = typed.flatMap { $0.contains(" ") || $0.contains("|") ? nil : $0 }
            var related: [(name: String, array: NDArray)] = []
            for n in call.workspace.userNames {
                if case .array(let a)? = call.workspace[n] { related.append((n, a)) }
            }
            switch call.arguments["value"] {
            case .array(let a), .scalar(let a):
                call.print(ArrayInfo(a, name: name, related: related).text)
            case .list, .tuple:
                let items = (call.arguments["value"]).sequenceItems ?? []
                let kind = call.arguments["value"].typeName
                var parts = ["\(name ?? "value"): \(kind) of \(items.count) item\(items.count == 1 ? "" : "s")"]
                for (k, item) in items.enumerated().prefix(4) {
                    guard case .array(let a) = item else { parts.append("[\(k)] \(item.typeName)"); continue }
                    parts.append(ArrayInfo(a, name: "\(name ?? "value")[\(k)]", related: related).text)
                }
                if items.count > 4 { parts.append("… \(items.count - 4) more") }
                call.print(parts.joined(separator: "\n"))
            default:
                throw call.error("info shows arrays; this is \(call.arguments["value"].typeName)", argument: "value")
            }
            return .none
        })

    // MARK: axes

    static let dims = Command(
        name: "dims", category: "Explore",
        summary: "Name the axes of an array variable (for track and explain sentences).",
        parameters: [Parameter("name", .word, help: "the variable"),
                     Parameter("names", .word, default: .tuple([]), variadic: true, help: "one name per axis, e.g. image row pixel")],
        options: [Parameter("label", .word, default: .none, help: "the axis `track` labels elements by: a number or one of the names (default 0)")],
        help: """
            `dims x image row pixel` tells the explorer what x's axes mean, so `track` and \
            `explain` can say `xs[0] holds row 0 of every image` instead of index formulas \
            alone. `label=row` makes `track` label elements by row instead of by image. \
            `dims x` alone shows the names set.
            """,
        examples: [Example("x = zeros((2, 4, 3))\ndims x image row pixel label=row")],
        run: { call in
            let a = call.arguments
            guard let name = a.string("name") else { return .none }
            guard case .array(let x)? = call.workspace[name] else {
                throw call.error("name '\(name)' is not an array variable", argument: "name")
            }
            let given = (a["names"].sequenceItems ?? []).compactMap { v -> String? in if case .string(let s) = v { return s } else { return nil } }
            var settings = call.interpreter.explore
            if !given.isEmpty {
                guard given.count == x.ndim else {
                    throw call.error("\(name) has \(x.ndim) axes \(shapeString(x.shape)); \(given.count) names were given", argument: "names")
                }
                settings.axisNames[name] = given
            }
            switch a["label"] {
            case .none: break
            case .string(let s):
                if let k = Int(s) {
                    settings.labelAxis[name] = try NDArray.normalizeAxis(k, ndim: x.ndim)
                } else if let k = settings.axisNames[name]?.firstIndex(of: s) {
                    settings.labelAxis[name] = k
                } else {
                    throw call.error("'\(s)' is neither an axis number nor one of the axis names of \(name)", argument: "label")
                }
            default:
                break
            }
            call.interpreter.explore = settings
            let names = settings.axisNames[name].map { "(" + $0.joined(separator: ", ") + ")" } ?? "not named"
            let label = settings.labelAxis[name] ?? 0
            let labelName = settings.axisNames[name].map { $0[label] } ?? "axis \(label)"
            call.print("\(name) \(shapeString(x.shape)): axes \(names); track labels by \(labelName)")
            return .none
        })

    /// Axis names from `names=` (a string of words or a list of strings), else those set with `dims`.
    static func axisNames(_ call: Invocation, given: Value, for name: String, ndim: Int) throws(ShellError) -> [String]? {
        var names: [String]
        switch given {
        case .none:
            return call.interpreter.explore.axisNames[name].flatMap { $0.count == ndim ? $0 : nil }
        case .string(let s):
            names = s.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        default:
            names = (given.sequenceItems ?? []).compactMap { v in if case .string(let s) = v { return s } else { return nil } }
        }
        guard names.count == ndim else {
            throw call.error("names= needs \(ndim) names, one per axis; got \(names.count)", argument: "names")
        }
        return names
    }

    // MARK: heatmap

    /// The heatmap text of a 1-d or 2-d array in this session's style (colour on a terminal,
    /// plain characters otherwise). Other commands that show arrays (e.g. an image viewer's
    /// fallback for non-image 2-d arrays) can use it.
    /// It fits the terminal's width now (80 columns in pipes and transcripts).
    static func heatmapText(_ x: NDArray, in interpreter: Interpreter, rows: Int = 32, aggregation: BlockAggregation? = nil) throws(TensorError) -> String {
        var style = interpreter.display.style
        if interpreter.options.color {
            style.colour = true
            if !interpreter.display.isTerminal { style.unicode = true }
        } else {
            style.colour = false
        }
        return try Heatmap.render(x, style: style, maxRows: max(rows, 1), aggregation: aggregation)
    }

    static let heatmap = Command(
        name: "heatmap", category: "Explore",
        summary: "Draw a 1-d or 2-d array as a heatmap (colour on a terminal, characters otherwise).",
        parameters: [Parameter("a", .array, help: "the array (gate activations, states, weights)")],
        options: [Parameter("rows", .int, default: .int(32), help: "at most this many rows; larger arrays are summarised in blocks"),
                  Parameter("by", .word, default: .none,
                            help: "how a block becomes one cell: extreme (largest |value|, sign kept), mean or std; default extreme for signed data, mean otherwise")
                      .choices(BlockAggregation.allCases.map(\.rawValue))],
        help: """
            Draws the array so its values can be looked at rather than read: on a terminal a \
            colour scale (diverging around 0 for signed data) with a legend; in pipes and \
            scripts plain characters. The header gives shape, dtype and value range. \
            `heatmap lstm.kernel` shows a cell's weights, `heatmap h` a state. An array larger \
            than the terminal is drawn in blocks, and the header says how each block became a \
            cell: for signed data (weights) its largest-magnitude value, because positive and \
            negative weights cancel in a mean and leave a blank picture; for images the mean; \
            `by=std` shows where a block varies.
            """,
        examples: [Example("heatmap (arange 12 | reshape 3 4)"),
                   Example("w = np.sin(np.arange(4096.0)).reshape(64, 64)\nheatmap w rows=8 by=std")],
        run: { call in
            guard let x = call.arguments.array("a") else { return .none }
            var aggregation: BlockAggregation? = nil
            if let by = call.arguments.string("by") {
                guard let a = BlockAggregation(rawValue: by) else {
                    throw call.error(Suggest.message("by must be extreme, mean or std, not '\(by)'", name: by,
                                                     candidates: BlockAggregation.allCases.map(\.rawValue)), argument: "by")
                }
                aggregation = a
            }
            call.print(try heatmapText(x, in: call.interpreter, rows: call.arguments.int("rows") ?? 32, aggregation: aggregation))
            return .none
        })

    // MARK: gates

    static let gates = Command(
        name: "gates", category: "Explore",
        summary: "One cell step opened up: each gate's pre-activation and activation (LSTM i, j, f, o; GRU r, u, c), the new state.",
        parameters: [Parameter("cell", .value, help: "a cell, a record with kernel and bias (a loaded cell .npz), or a tuple (kernel, bias)"),
                     Parameter("x", .array, help: "the input, (batch, input)"),
                     Parameter("state", .value, default: .none, help: "the state (c, h); default zeros")],
        options: [Parameter("values", .bool, default: .bool(false), help: "also print every gate, c and h in numpy's format")],
        help: """
            Runs one step of the cell as `step` does and shows what happened inside: \
            `concat([x, h], 1) @ kernel + bias` split into the four gates i (input), j \
            (candidate), f (forget, with forget_bias added) and o (output), each gate's range \
            before and after its sigmoid or tanh, and the new `c = c*f + i*j` and \
            `h = tanh(c)*o`. `values=True` prints the arrays. Assigned (`g = gates …`), the \
            gates are arrays: `g.f` (an activation), `g.f_pre` (before it), `g.c`, `g.h` — \
            so `heatmap g.f` draws one. A fresh cell is built on this step, as `step` builds it.
            """,
        examples: [Example("kernel = full((7, 16), 0.1, dtype=float32)\ngates (kernel, zeros(16)) (ones((2, 3)))"),
                   Example("lstm = cell 4\ng = gates lstm (ones((2, 3)))\ng.f.shape")],
        run: { call in
            let a = call.arguments
            guard let x = a.array("x") else { return .none }
            let cell = try cellFromValue(a["cell"], call: call)
            var state: CellState?
            if !a["state"].isNone {
                state = try ObjectArguments.state(a["state"], for: cell, call: call, argument: "state")
            }
            let inside = try cell.internals(x, state: state)
            let ev = call.evaluator
            let view = GateView(inside, xShape: x.shape,
                                cell: ev.argumentText(a, "cell", command: "gates") ?? "cell",
                                x: ev.argumentText(a, "x", command: "gates") ?? "x",
                                state: state == nil ? nil : ev.argumentText(a, "state", command: "gates"))
            return .object(GatesObject(view, showValues: a.bool("values") ?? false))
        })

    /// An engine cell: a workspace cell itself, or one built from a record of weights (a
    /// loaded cell .npz: its TF names, `cell` naming the kind when not the LSTM, and
    /// `forget_bias`) or a tuple `(kernel, bias)` (an LSTM's).
    static func cellFromValue(_ v: Value, call: Invocation) throws -> Cell {
        var weights: [String: NDArray] = [:]
        var kind = CellKind.standard
        var forgetBias: Float = 1
        switch v {
        case .object(let o as CellObject):
            // A fresh cell is built by the step itself, as `step` builds it.
            return o.cell
        case .record(let r):
            for f in r.fields {
                switch (f.name, f.value) {
                case ("cell", .string(let s)): kind = try CellCommands.cellKind(s, call: call, argument: "cell")
                case ("cell", .array(let a)):
                    kind = try CellCommands.cellKind(ModelCheckpoint.string(a) ?? "", call: call, argument: "cell")
                case ("forget_bias", .float(let d)): forgetBias = Float(d)
                case ("forget_bias", .array(let f)), ("forget_bias", .scalar(let f)): forgetBias = Float(f.scalars.first?.doubleValue ?? 1)
                case (let n, .array(let a)): weights[n] = a
                default: break
                }
            }
        case .tuple, .list where (v.sequenceItems ?? []).count == 2:
            let items = v.sequenceItems ?? []
            guard case .array(let k)? = items.first, case .array(let b)? = items.last else { throw notBuilt(call) }
            weights = ["kernel": k, "bias": b]
        default:
            throw call.error("expected a cell, got \(v.typeName)", argument: "cell",
                             explanation: "make one with `cell 128`, load a saved cell's .npz, or pass (kernel, bias)")
        }
        return try Cell(kind: kind, weights: weights, options: CellOptions(forgetBias: forgetBias))
    }

    static func notBuilt(_ call: Invocation) -> ShellError {
        call.error("the cell has no weights yet", argument: "cell",
                   explanation: "a cell creates its kernel on first use, when the input width is known: run `step` or `unroll` once")
    }
}
