import Data
import RNN
import Tensor

/// Reading the shell's objects (datasets, splits, cells, models, states) out of command
/// arguments, with errors that say what was expected.
enum ObjectArguments {
    static func split(_ v: Value, call: Invocation, argument: String) throws(ShellError) -> SplitObject {
        if case .object(let o) = v, let s = o as? SplitObject { return s }
        if case .object(let o) = v, o is DatasetObject {
            throw call.error("expected a split such as data.train, got the whole dataset", argument: argument)
        }
        throw call.error("expected a split such as data.train, got \(v.typeName)", argument: argument)
    }

    static func cell(_ v: Value, call: Invocation, argument: String) throws(ShellError) -> Cell {
        if case .object(let o) = v, let c = o as? CellObject { return c.cell }
        throw call.error("expected a cell (make one with `cell 128`), got \(v.typeName)", argument: argument)
    }

    /// The model given, or the workspace's `model`.
    static func model(_ v: Value, call: Invocation, argument: String) throws(ShellError) -> ModelObject {
        if case .object(let o) = v, let m = o as? ModelObject { return m }
        if v.isNone {
            if case .object(let o)? = call.workspace["model"], let m = o as? ModelObject { return m }
            throw call.error("no model: train one first (`train`), or load one (`model = load FILE`)", argument: argument)
        }
        throw call.error("expected a model, got \(v.typeName)", argument: argument)
    }

    /// The dataset given, the workspace's `data`, or (when neither) the default dataset, loaded
    /// and announced.
    static func dataset(_ v: Value, call: Invocation, argument: String) throws(ShellError) -> DatasetObject {
        switch v {
        case .object(let o):
            if let d = o as? DatasetObject { return d }
            throw call.error("expected a dataset (`data = mnist`), got \(o.kind)", argument: argument)
        case .none:
            if case .object(let o)? = call.workspace["data"], let d = o as? DatasetObject { return d }
            return try load(nil, call: call)
        case .string(let path):
            return try load(call.resolvePath(path), call: call)
        default:
            throw call.error("expected a dataset (`data = mnist`), got \(v.typeName)", argument: argument)
        }
    }

    static func load(_ path: String?, call: Invocation) throws(ShellError) -> DatasetObject {
        let dataset: Dataset
        do { dataset = try Dataset.load(path: path) } catch { throw ShellError(error.message, explanation: error.explanation) }
        call.print("Loaded \(dataset.source): train \(dataset.train.count), validation \(dataset.validation.count), test \(dataset.test.count)")
        return DatasetObject(dataset)
    }

    /// A state of `cell`: a tuple (or list) of its parts (`(c, h)`), or the one array `h` of
    /// a cell whose state is its output (TF's GRUCell and BasicRNNCell states are one tensor).
    static func state(_ v: Value, for cell: Cell, call: Invocation, argument: String) throws(ShellError) -> CellState {
        let names = cell.stateNames
        let span = call.arguments.span(argument)
        if names.count == 1, v.sequenceItems == nil {
            return CellState([try call.evaluator.toArray(v, span: span)])
        }
        guard let items = v.sequenceItems, items.count == names.count else {
            let what = names.count == 1 ? "a \(cell.kind.tfClass) state is one array h"
                : "a state is a tuple (\(names.joined(separator: ", "))) of \(names.count == 2 ? "two" : String(names.count)) arrays"
            throw call.error("\(what), got \(v.typeName)", argument: argument,
                             explanation: "make one with `zero_state CELL BATCH`, or take it from `step`/`unroll`")
        }
        var parts: [NDArray] = []
        for item in items { parts.append(try call.evaluator.toArray(item, span: span)) }
        return CellState(parts)
    }

    /// A state as the shell shows it: a tuple of its parts, or the one array.
    static func stateValue(_ s: CellState) -> Value {
        s.parts.count == 1 ? .array(s.parts[0]) : .tuple(s.parts.map { .array($0) })
    }

    /// The steps of an unroll: a list/tuple of `(batch, input)` arrays, or one array
    /// `(steps, batch, input)` read along its first axis.
    static func steps(_ v: Value, call: Invocation, argument: String) throws(ShellError) -> [NDArray] {
        let span = call.arguments.span(argument)
        if let items = v.sequenceItems {
            var out: [NDArray] = []
            for item in items { out.append(try call.evaluator.toArray(item, span: span)) }
            return out
        }
        let a = try call.evaluator.toArray(v, span: span)
        guard a.ndim == 3 else {
            throw call.error("expected a list of (batch, input) arrays or one (steps, batch, input) array, got shape \(shapeString(a.shape))",
                             argument: argument, explanation: "the tutorial makes the list with `split (reshape (transpose x 1 0 2) -1 28) 28`")
        }
        var out: [NDArray] = []
        for t in 0..<a.shape[0] {
            do { out.append(try a.subscripted([.index(t)])) } catch { throw ShellError(error.message) }
        }
        return out
    }
}
