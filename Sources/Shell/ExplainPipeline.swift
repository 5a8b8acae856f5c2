/// `explain transpose x 1 0 2 | reshape -1 3`: a learner writes the pipeline they are about to
/// run and puts `explain` in front, so every stage is explained in order — shapes, strides, view
/// or copy — each naming its input by the previous stage's result (`x → y`, then `y → z`).
/// Without this the pipe handed explain's `None` to reshape ("got NoneType").
extension Evaluator {
    /// The result names of stages 1, 2, …: never the source's own name.
    static func pipelineResultNames(avoiding source: String, count: Int) -> [String] {
        let pool = ["y", "z", "w", "v", "u"].filter { $0 != source }
        return (0..<count).map { $0 < pool.count ? pool[$0] : "y\($0 + 1)" }
    }

    func explainPipeline(_ args: [CallArgument], span: Range<Int>, then stages: [Expr]) throws(ShellError) -> Value {
        guard case .some(let opArgument) = args.first else {
            throw ShellError("explain needs an op and its array: explain transpose x 1 0 2 | reshape -1 3", span: span)
        }
        let op = opArgument.value.commandWord
        let sourceText = args.count > 1 ? rawText(args[1].value.span) : op.hasSuffix(".T") ? String(op.dropLast(2)) : "x"
        let source = ExploreCommands.displayName(sourceText, taken: Set(workspace.userNames)).name
        let results = Self.pipelineResultNames(avoiding: source, count: stages.count + 1)
        defer { explainNames = nil }

        // Stage 1 as `explain` alone explains it; then the op itself runs to feed stage 2.
        explainNames = (nil, results[0])
        _ = try callCommand("explain", args, piped: nil, nameSpan: opArgument.value.span, span: span, form: .command)
        explainNames = nil
        var value: Value
        if args.count == 1, op.hasSuffix(".T") {
            value = try evaluate(.attribute(.name(String(op.dropLast(2)), opArgument.value.span), "T", opArgument.value.span))
        } else {
            let opArgs = args.dropFirst().filter { $0.label != "names" }
            // The op as written after `explain`, in command form (`transpose x 1 0 2`).
            value = try callCommand(op, Array(opArgs), piped: nil, nameSpan: opArgument.value.span, span: span, form: .command)
        }

        for (k, stage) in stages.enumerated() {
            let (name, stageArgs, nameSpan, stageSpan): (String, [CallArgument], Range<Int>, Range<Int>)
            switch stage {
            case .command(let n, let a, let ns, let s): (name, stageArgs, nameSpan, stageSpan) = (n, a, ns, s)
            case .call(.name(let n, let ns), let a, let s): (name, stageArgs, nameSpan, stageSpan) = (n, a, ns, s)
            case .name(let n, let s): (name, stageArgs, nameSpan, stageSpan) = (n, [], s, s)
            default:
                throw ShellError("explain follows a pipeline of reshape, transpose and split stages", span: stage.span)
            }
            guard case .array = value else {
                throw ShellError("explain: stage \(k + 2) (\(name)) gets a \(value.typeName), not an array; split must be the last stage",
                                 span: stageSpan)
            }
            explainNames = (results[k], results[k + 1])
            let opWord = CallArgument(value: .word(name, nameSpan))
            guard let explain = registry["explain"] else { return .none }
            var inputs = [ArgumentInput(label: nil, expr: opWord.value), ArgumentInput(value: value, span: nil)]
            inputs += stageArgs.map { ArgumentInput(label: $0.label, expr: $0.value, labelSpan: $0.labelSpan) }
            _ = try call(explain, inputs, span: stageSpan)
            explainNames = nil
            value = try evaluateStage(stage, piped: value)
        }
        return .none
    }
}

extension Expr {
    /// The word a command-form argument spells (`transpose`, `x.T`), as `explain`'s op.
    var commandWord: String {
        switch self {
        case .name(let n, _), .word(let n, _), .string(let n, _): return n
        case .attribute(.name(let base, _), let attr, _): return base + "." + attr
        default: return ""
        }
    }
}
