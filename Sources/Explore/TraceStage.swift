import Tensor
import Printing

/// A value as a trace shows it: one array, several (the list `split` returns, a tuple), or
/// something else the shell already knows how to print (a shape tuple, a cell).
public enum TracedValue: Sendable {
    case array(NDArray)
    case arrays([NDArray], isTuple: Bool)
    case other(kind: String, text: String)

    var arrays: [NDArray] {
        switch self {
        case .array(let a): return [a]
        case .arrays(let list, _): return list
        case .other: return []
        }
    }
}

/// One stage of a traced pipeline or method chain (`arange 24 | reshape 2 4 3 | …`,
/// `x.reshape(2, 4, 3).T`), printed as it happens: the operation and its arguments, the
/// resulting shape as numpy writes it, dtype, byte strides, whether it is a view of an earlier
/// stage (only strides changed) or new memory, then the value exactly as numpy prints it.
///
/// The evaluator builds one per stage; `inputs` are the arrays the stage read, each with the
/// label the trace uses for it (`#2`, or a workspace name), so "view of #2" names the right one.
public struct TraceStage: Sendable {
    /// Where the result's memory comes from.
    public enum Memory: Sendable, Equatable {
        /// Freshly computed (`arange`, arithmetic).
        case new
        /// Shares memory with an input: only shape, strides or offset changed.
        case view(of: String)
        /// The input's elements copied into new memory by a shape op; `reason` says why.
        case copy(of: String, reason: String?)
        /// Not an array.
        case none
    }

    public var number: Int
    public var operation: String
    public var arguments: String
    public var value: TracedValue
    public var memory: Memory

    /// Operations that only move elements: a result that does not share memory with the input is
    /// a copy of it, not a computation.
    static let shapeOperations: Set<String> = [
        "reshape", "ravel", "flatten", "transpose", "T", "swapaxes", "split", "array_split",
        "squeeze", "expand_dims", "astype", "copy", "index", "getitem", "[]",
    ]

    public init(number: Int, operation: String, arguments: String, inputs: [(label: String, array: NDArray)], value: TracedValue) {
        self.number = number
        self.operation = operation
        self.arguments = arguments
        self.value = value
        self.memory = TraceStage.memory(operation: operation, inputs: inputs, value: value)
    }

    static func memory(operation: String, inputs: [(label: String, array: NDArray)], value: TracedValue) -> Memory {
        let outs = value.arrays
        guard let first = outs.first else { return .none }
        if let shared = inputs.first(where: { i in outs.contains { $0.storage === i.array.storage } }) {
            return .view(of: shared.label)
        }
        if shapeOperations.contains(operation) || operation.hasSuffix("]"), let input = inputs.first {
            var reason: String?
            if operation == "reshape" || operation == "ravel" {
                reason = input.array.isCContiguous ? nil : "\(input.label) is not C-contiguous"
            } else if operation == "astype" && input.array.dtype != first.dtype {
                reason = "a new dtype needs new memory"
            }
            return .copy(of: input.label, reason: reason)
        }
        return .new
    }

    /// `#4 reshape -1 3 → (8, 3) int64, strides (24, 8), copy of #3 (#3 is not C-contiguous)`.
    public var header: String {
        var s = "#\(number) \(operation)"
        if !arguments.isEmpty { s += " \(arguments)" }
        s += " → "
        let plural: Bool
        switch value {
        case .array(let a):
            s += "\(shapeString(a.shape)) \(a.dtype.name), strides \(shapeString(a.byteStrides))"
            plural = false
        case .arrays(let list, let isTuple):
            let kind = isTuple ? "tuple" : "list"
            let shapes = Set(list.map { shapeString($0.shape) + " " + $0.dtype.name })
            if let first = list.first, shapes.count == 1 {
                s += "\(kind) of \(list.count) × \(shapeString(first.shape)) \(first.dtype.name), strides \(shapeString(first.byteStrides))"
            } else {
                s += "\(kind) of \(list.count) arrays: " + list.map { shapeString($0.shape) }.joined(separator: ", ")
            }
            plural = list.count != 1
        case .other(let kind, _):
            s += kind
            plural = false
        }
        switch memory {
        case .new: s += plural ? ", new arrays" : ", new array"
        case .view(let of): s += plural ? ", views of \(of)" : ", view of \(of)"
        case .copy(let of, let reason): s += ", copy of \(of)" + (reason.map { " (\($0))" } ?? "")
        case .none: break
        }
        return s
    }

    /// The value as `print()` shows it in numpy.
    public var valueText: String {
        switch value {
        case .array(let a): return NumpyFormat.str(a)
        case .arrays(let list, let isTuple): return isTuple ? NumpyFormat.tuple(list) : NumpyFormat.list(list)
        case .other(_, let text): return text
        }
    }

    /// Header, then the value (unless `showValue` is false). No trailing newline.
    public func text(showValue: Bool = true) -> String {
        showValue ? header + "\n" + valueText : header
    }
}
