/// Every command the shell knows, by name. The single source for help, completion, argument
/// checking, the parser's idea of which words start command form, and `docs/commands.md`.
public struct Registry: Sendable {
    private var byName: [String: Command] = [:]
    /// Registration order: the order of help and docs within a category.
    private var order: [String] = []

    public init(_ commands: [Command] = []) {
        for c in commands { register(c) }
    }

    /// Adds (or replaces) a command.
    public mutating func register(_ command: Command) {
        if byName.updateValue(command, forKey: command.name) == nil { order.append(command.name) }
    }

    public subscript(name: String) -> Command? { byName[name] }

    /// All commands in registration order.
    public var commands: [Command] { order.compactMap { byName[$0] } }

    public var names: [String] { order }

    /// Categories in first-registration order.
    public var categories: [String] {
        var seen: [String] = []
        for c in commands where !seen.contains(c.category) { seen.append(c.category) }
        return seen
    }

    /// What the parser needs: command names and which of them take a whole statement.
    public var grammar: Parser.Grammar {
        Parser.Grammar(commands: Set(order), statementCommands: Set(commands.filter(\.takesStatement).map(\.name)))
    }

    /// The built-in commands. Each family lives in its own file under `Commands/`; a new family
    /// is one more line here.
    public static let standard: Registry = {
        var r = Registry()
        for family in [ArrayCreation.all, ShapeCommands.all, MathCommands.all, OperatorCommands.all, IndexingCommands.all, DTypeCommands.all, MathFunctionCommands.all, StatisticsCommands.all, SortingCommands.all, SetCommands.all, InsertDeleteCommands.all, CreationRoutines.all,
                       ManipulationCommands.all, NanFunctionCommands.all, CorrelationCommands.all, SearchingCommands.all, CalculusCommands.all, UfuncMethodCommands.all, ArrayMethodCommands.all, ArrayFlagCommands.all, CopyToCommand.all, ArrayViewCommands.all, TextFileCommands.all, ArrangementCommands.all, LinalgCommands.all, RandomCommands.all, FileIOCommands.all, OutputCommands.all, PrintOptionCommands.all, WorkspaceCommands.all,
                       ExploreCommands.all, GraphCommands.all, DataCommands.all, DownloadCommand.all, CellCommands.all, TrainCommands.all, ModelIOCommands.all, ViewCommands.all,
                       DiagonalCommands.all, BlockCommands.all, SelectionCommands.all, CallbackCommands.all, PartitionCommands.all, SmallRoutineCommands.all, [ErrstateContext.command], FloatErrorCommands.all, ArrayPropertyCommands.all] {
            for c in family { r.register(c) }
        }
        // numpy's second names for the same function (`np.mod` is `np.remainder`; numpy 2's
        // array-API names `np.concat` and `np.permute_dims` that newer tutorials use).
        for (alias, target) in [("mod", "remainder"), ("true_divide", "divide"), ("amax", "max"), ("amin", "min"),
                                ("concat", "concatenate"), ("permute_dims", "transpose")] {
            guard var c = r[target] else { continue }
            c.name = alias
            c.summary = "Another name for \(target): " + c.summary
            c.examples = c.examples.map { Example($0.source.replacingOccurrences(of: "np.\(target)(", with: "np.\(alias)("), deterministic: $0.isDeterministic) }
            r.register(c)
        }
        // numpy's ufuncs take `out=`: one wrapper adds it to each (see UfuncOutput).
        for name in r.names where UfuncOutput.names.contains(name) {
            if let c = r[name] { r.register(UfuncOutput.accepting(c)) }
        }
        return r
    }()
}
