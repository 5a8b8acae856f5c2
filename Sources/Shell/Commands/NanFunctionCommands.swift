import Tensor

/// numpy's NaN-ignoring reductions: `nansum`, `nanmean`, `nanmax`, `nanmin`, `nanargmax`,
/// `nanargmin`, `nanvar`, `nanstd` (module Tensor's `NanFunctions`). Data with missing values
/// is where tutorials meet them.
enum NanFunctionCommands {
    static let all: [Command] = [nansum, nanmean, nanmax, nanmin, nanargmax, nanargmin, nanvar, nanstd]

    typealias A = FunctionArguments

    static let example = "x = np.array([[1.0, np.nan], [3.0, 4.0]])"

    static func reduction(_ name: String, _ summary: String, _ body: @escaping @Sendable (NDArray, [Int]?, Bool) throws(TensorError) -> NDArray) -> Command {
        Command(
            name: name, category: "Reductions",
            summary: summary,
            parameters: [Parameter("a", .array, help: "the array"), StatisticsCommands.axisParameter],
            options: [StatisticsCommands.keepdimsOption],
            help: "numpy's `np.\(name)`: NaN values are left out (integer and bool arrays have none, and reduce as usual).",
            examples: [Example("\(example)\nnp.\(name)(x)\nnp.\(name)(x, axis=0)")],
            run: { call in
                A.result(try body(try A.array(call, "a"), try A.axes(call), call.arguments.bool("keepdims") ?? false))
            })
    }

    static let nansum = reduction("nansum", "Sum, treating NaN as zero.") { (x, axis, keep) throws(TensorError) in try x.nanSum(axis: axis, keepdims: keep) }
    static let nanmean = reduction("nanmean", "Mean of the values that are not NaN.") { (x, axis, keep) throws(TensorError) in try x.nanMean(axis: axis, keepdims: keep) }
    static let nanmax = reduction("nanmax", "Maximum, ignoring NaN.") { (x, axis, keep) throws(TensorError) in try x.nanExtreme(max: true, axis: axis, keepdims: keep) }
    static let nanmin = reduction("nanmin", "Minimum, ignoring NaN.") { (x, axis, keep) throws(TensorError) in try x.nanExtreme(max: false, axis: axis, keepdims: keep) }

    static func argExtreme(_ name: String, max: Bool) -> Command {
        Command(
            name: name, category: "Reductions",
            summary: max ? "Index of the maximum, ignoring NaN." : "Index of the minimum, ignoring NaN.",
            parameters: [Parameter("a", .array, help: "the array"),
                         Parameter("axis", .optionalInt, default: .none, help: "the axis (None: the flattened array)")],
            options: [StatisticsCommands.keepdimsOption],
            help: "numpy's `np.\(name)`: like `arg\(max ? "max" : "min")` with NaN left out; a slice of only NaN is numpy's ValueError.",
            examples: [Example("\(example)\nnp.\(name)(x)\nnp.\(name)(x, axis=1)")],
            run: { call in
                A.result(try A.array(call, "a").nanArgExtreme(max: max, axis: call.arguments.int("axis"), keepdims: call.arguments.bool("keepdims") ?? false))
            })
    }

    static let nanargmax = argExtreme("nanargmax", max: true)
    static let nanargmin = argExtreme("nanargmin", max: false)

    static func spread(_ name: String, std: Bool) -> Command {
        Command(
            name: name, category: "Reductions",
            summary: std ? "Standard deviation, ignoring NaN." : "Variance, ignoring NaN.",
            parameters: [Parameter("a", .array, help: "the array"), StatisticsCommands.axisParameter],
            options: [Parameter("ddof", .float, default: .int(0), help: "delta degrees of freedom: divide by N - ddof"),
                      StatisticsCommands.keepdimsOption],
            help: "numpy's `np.\(name)`: the \(std ? "standard deviation" : "variance") of the values that are not NaN (numpy's algorithm).",
            examples: [Example("\(example)\nnp.\(name)(x)\nnp.\(name)(x, axis=0)")],
            run: { call in
                A.result(try A.array(call, "a").nanVariance(axis: try A.axes(call), ddof: call.arguments.double("ddof") ?? 0,
                                                             keepdims: call.arguments.bool("keepdims") ?? false, std: std))
            })
    }

    static let nanvar = spread("nanvar", std: false)
    static let nanstd = spread("nanstd", std: true)
}
