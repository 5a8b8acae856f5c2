import Tensor

/// numpy's reductions beyond sum/mean/max/min: `std`, `var`, `prod`, `cumsum`, `cumprod`,
/// `all`, `any`, `median`, `percentile`, `quantile`, `average`, `ptp`, `count_nonzero`,
/// `histogram`. Bodies call module Tensor (`Statistics`, `SumsProducts`, `Sorting`).
enum StatisticsCommands {
    static let all: [Command] = [std, variance, prod, cumsum, cumprod, allCommand, anyCommand, median, percentile, quantile,
                                 average, ptp, countNonzero, histogram]

    typealias A = FunctionArguments

    static let axisParameter = Parameter("axis", .value, default: .none, help: "an axis, a tuple of axes, or None for all")
    static let keepdimsOption = Parameter("keepdims", .bool, default: .bool(false), help: "keep reduced axes with length 1")

    static func spread(_ name: String, std: Bool) -> Command {
        Command(
            name: name, category: "Reductions",
            summary: std ? "Standard deviation, over all or some axes." : "Variance, over all or some axes.",
            parameters: [Parameter("a", .array, help: "the array"), axisParameter],
            options: [ReductionArguments.dtype, ReductionArguments.out,
                      Parameter("ddof", .float, default: .int(0), help: "delta degrees of freedom: divide by N - ddof"),
                      keepdimsOption, ReductionArguments.whereMask],
            help: """
                numpy's `np.\(name)` (also `x.\(name)(...)`): \(std ? "the square root of " : "")the mean of \
                squared deviations from the mean, divided by N - ddof (ddof=1 for the sample \
                estimate). Computed as numpy does — pairwise sums for the mean and for the squares \
                — so float results match numpy bit for bit. Standardising: `(x - x.mean(0)) / x.std(0)`. \
                `dtype=` is the type it computes in (`dtype=np.float64` for float32 data), `where=` a \
                mask of the elements that count, `out=` an array that receives the result.
                """,
            examples: [Example("x = np.array([[1.0, 2.0], [3.0, 5.0]])\nnp.\(name)(x)\nx.\(name)(axis=0, ddof=1)"),
                       Example("x = np.arange(6, dtype=np.float32)\nx.\(name)(dtype=np.float64)\nnp.\(name)(x, where=x > 1)")],
            isMethod: true,
            run: { call in
                let x = try A.array(call, "a")
                let ddof = call.arguments.double("ddof") ?? 0
                let keep = call.arguments.bool("keepdims") ?? false
                let axes = try A.axes(call)
                let kw = try ReductionArguments.keywords(call, ["dtype", "where"])
                let r = std ? try x.standardDeviation(axis: axes, ddof: ddof, keepdims: keep, dtype: kw.dtype, mask: kw.mask)
                            : try x.variance(axis: axes, ddof: ddof, keepdims: keep, dtype: kw.dtype, mask: kw.mask)
                return try ReductionArguments.finish(call, x, r, axes: axes, keepdims: keep, ufunc: "add")
            })
    }

    static let std = spread("std", std: true)
    static let variance = spread("var", std: false)

    static let prod = Command(
        name: "prod", category: "Reductions",
        summary: "Product of elements, over all or some axes.",
        parameters: [Parameter("a", .array, help: "the array"), axisParameter],
        options: [ReductionArguments.dtype, ReductionArguments.out, keepdimsOption, ReductionArguments.initial, ReductionArguments.whereMask],
        help: """
            numpy's `np.prod` (also `x.prod(...)`): int32 and bools multiply in int64 (wrapping on overflow), floats keep their type; \
            `dtype=` is the type it multiplies in, `initial=` the first factor, `where=` a mask of the elements that take part, \
            `out=` an array that receives the result.
            """,
        examples: [Example("np.prod(np.arange(1, 6))"), Example("x = np.arange(1, 7)\nx.prod(dtype=np.float64)\nnp.prod(x, where=x > 3, initial=2)"), Example("np.arange(1, 7).reshape(2, 3).prod(axis=1)"),
                   .numpy("np.prod(np.array([True, True])).dtype"), .numpy("np.prod(np.arange(1, 4, dtype=np.int32)).dtype"),
                   .numpy("np.prod(np.ones(2, dtype=np.float32)).dtype")],
        isMethod: true,
        run: { call in
            let x = try A.array(call, "a"), axes = try A.axes(call), keep = call.arguments.bool("keepdims") ?? false
            let r = try x.product(axis: axes, keepdims: keep, keywords: try ReductionArguments.keywords(call))
            return try ReductionArguments.finish(call, x, r, axes: axes, keepdims: keep, ufunc: "multiply")
        })

    static func accumulate(_ name: String, product: Bool) -> Command {
        Command(
            name: name, category: "Reductions",
            summary: product ? "Running product along an axis." : "Running sum along an axis.",
            parameters: [Parameter("a", .array, help: "the array"),
                         Parameter("axis", .optionalInt, default: .none, help: "the axis (None: the flattened array)"),
                         ReductionArguments.dtype, ReductionArguments.out],
            help: """
                numpy's `np.\(name)` (also `x.\(name)(...)`): element i is the \(product ? "product" : "sum") of elements 0…i along the axis; \
                `dtype=` is the type it computes in, `out=` an array of the result's shape that receives it.
                """,
            examples: [Example("np.\(name)(np.arange(1, 5))"), Example("np.arange(6).reshape(2, 3).\(name)(axis=1)"),
                       Example("np.\(name)(np.arange(1, 5), dtype=np.float32)")],
            isMethod: true,
            run: { call in
                let x = try A.array(call, "a")
                let dtype = call.arguments.isGiven("dtype") ? call.arguments.dtype("dtype") : nil
                let r = try x.accumulate(product: product, axis: call.arguments.int("axis"), dtype: dtype)
                guard let o = try ReductionArguments.out(call) else { return A.result(r) }
                return .array(try A.wrap { () throws(TensorError) -> NDArray in try x.storeAccumulation(r, into: o) })
            })
    }

    static let cumsum = accumulate("cumsum", product: false)
    static let cumprod = accumulate("cumprod", product: true)

    static func truth(_ name: String, all: Bool) -> Command {
        Command(
            name: name, category: "Reductions",
            summary: all ? "True when every element is true (over axes)." : "True when some element is true (over axes).",
            parameters: [Parameter("a", .array, help: "the array"), axisParameter],
            options: [keepdimsOption],
            help: "numpy's `np.\(name)` (also `x.\(name)()`): a numpy bool (or a bool array over axes); other dtypes count as their truth (nonzero).",
            examples: [Example("np.\(name)(np.array([[True, False], [True, True]]), axis=0)"),
                       .numpy("repr(np.\(name)(np.arange(3)))")],
            isMethod: true,
            run: { call in
                let x = try A.array(call, "a"), keep = call.arguments.bool("keepdims") ?? false
                let axes = try A.axes(call)
                return A.result(all ? try x.all(axis: axes, keepdims: keep) : try x.any(axis: axes, keepdims: keep))
            })
    }

    static let allCommand = truth("all", all: true)
    static let anyCommand = truth("any", all: false)

    static let median = Command(
        name: "median", category: "Reductions",
        summary: "The middle value (mean of the two middle values), over an axis.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("axis", .value, default: .none, help: "an axis, or None for the flattened array")],
        options: [keepdimsOption],
        help: "numpy's `np.median`: sorts each lane and takes the middle (the mean of the two middle values for even length); NaN anywhere gives NaN.",
        examples: [Example("np.median(np.array([3, 1, 4, 1, 5, 9]))"), Example("np.median(np.arange(6).reshape(2, 3), axis=1)")],
        run: { call in
            A.result(try A.array(call, "a").median(axis: try A.axis(call), keepdims: call.arguments.bool("keepdims") ?? false))
        })

    static func quantiles(_ name: String, scale: Double) -> Command {
        Command(
            name: name, category: "Reductions",
            summary: scale == 100 ? "The q-th percentile (linear interpolation)." : "The q-th quantile (linear interpolation).",
            parameters: [Parameter("a", .array, help: "the array"),
                         Parameter("q", .value, help: scale == 100 ? "percentage(s) in [0, 100]" : "quantile(s) in [0, 1]"),
                         Parameter("axis", .value, default: .none, help: "an axis, or None for the flattened array")],
            options: [Parameter("method", .string, default: .string("linear"), help: "only 'linear' (numpy's default)"), keepdimsOption],
            help: """
                numpy's `np.\(name)` with the default linear method: the value at virtual \
                index (n-1)·q of the sorted lane, interpolated between its neighbours exactly as \
                numpy's `_lerp` does. A list of q gives one result per q, first axis.
                """,
            examples: [Example("np.\(name)(np.arange(10), \(scale == 100 ? "[25, 50, 90]" : "[0.25, 0.5, 0.9]"))")],
            run: { call in
                let a = call.arguments
                let x = try A.array(call, "a")
                if a.string("method") != "linear" {
                    throw call.error("method \(ValueFormatter.pythonStringRepr(a.string("method") ?? "")) is not supported; rnnsh has numpy's default 'linear'", argument: "method")
                }
                let weak: Bool
                switch a["q"] { case .int, .float: weak = true; default: weak = false }
                let qa = try call.evaluator.toArray(a["q"], span: a.span("q"))
                let qs = try qa.doubleValues().map { $0 / scale }
                // numpy's quantile with integer q (0 or 1) takes elements without interpolating,
                // so the input's dtype survives; percentile divides q by 100 first (a float).
                let takes = scale == 1 && (qa.dtype.isInteger || qa.dtype == .bool)
                if qs.contains(where: { !($0 >= 0 && $0 <= 1) }) {
                    throw ShellError(scale == 100 ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]", span: a.span("q"), kind: .valueError)
                }
                let r = try x.quantile(qs, qShape: qa.shape, weakQ: weak, axis: try A.axis(call), keepdims: a.bool("keepdims") ?? false)
                return A.result(takes && !x.dtype.isFloat ? try r.astype(x.dtype) : r)
            })
    }

    static let percentile = quantiles("percentile", scale: 100)
    static let quantile = quantiles("quantile", scale: 1)

    static let average = Command(
        name: "average", category: "Reductions",
        summary: "Weighted mean over axes: sum(a * w) / sum(w).",
        parameters: [Parameter("a", .array, help: "the array"), axisParameter,
                     Parameter("weights", .value, default: .none, help: "weights (the shape of a, or of the axis)"),
                     Parameter("returned", .bool, default: .bool(false), help: "also return the sum of weights")],
        options: [keepdimsOption],
        help: "numpy's `np.average`: without weights it is `mean`; with weights, `sum(a * w) / sum(w)`, in float64 for integer input.",
        examples: [Example("np.average(np.array([1.0, 2.0, 4.0]), weights=[3, 1, 0])"), Example("np.average(np.arange(6).reshape(2, 3), axis=1, weights=[1, 0, 1])"),
                   .numpy("np.average(np.arange(3), weights=[1, 1, 2]).dtype")],
        run: { call in
            let a = call.arguments
            let x = try A.array(call, "a")
            let keep = a.bool("keepdims") ?? false
            let axes = try A.axes(call)
            if a["weights"].isNone {
                let m = try x.reduce(.mean, axis: axes, keepdims: keep)
                if a.bool("returned") == true {
                    let n = try x.reducedCount(axes)
                    let count = try NDArray.full(m.shape, .float(Double(n)), dtype: m.dtype)
                    return .tuple([A.result(m), A.result(count)])
                }
                return A.result(m)
            }
            let w = try call.evaluator.toArray(a["weights"], span: a.span("weights"))
            let (avg, scl) = try x.average(axis: axes, weights: w, keepdims: keep)
            if a.bool("returned") == true { return .tuple([A.result(avg), A.result(scl)]) }
            return A.result(avg)
        })

    static let ptp = Command(
        name: "ptp", category: "Reductions",
        summary: "Range of values (max - min), over axes.",
        parameters: [Parameter("a", .array, help: "the array"), axisParameter],
        options: [keepdimsOption],
        help: "numpy's `np.ptp` (peak to peak): max − min in the array's dtype. numpy 2 has no `x.ptp()` method.",
        examples: [Example("np.ptp(np.array([[4, 9, 2], [10, 6, 3]]), axis=1)"), .numpy("repr(np.ptp(np.array([1, 250], dtype=np.uint8)))")],
        run: { call in
            A.result(try A.array(call, "a").peakToPeak(axis: try A.axes(call), keepdims: call.arguments.bool("keepdims") ?? false))
        })

    static let countNonzero = Command(
        name: "count_nonzero", category: "Reductions",
        summary: "How many elements are not zero (over axes).",
        parameters: [Parameter("a", .array, help: "the array"), axisParameter],
        options: [keepdimsOption],
        help: "numpy's `np.count_nonzero`: an int64 count (an array of counts with an axis).",
        examples: [Example("np.count_nonzero(np.array([[0, 1, 7], [0, 0, 3]]))"), Example("np.count_nonzero(np.eye(3), axis=0)"),
                   .numpy("repr(np.count_nonzero(np.array([0.0, 2.5])))"), .numpy("np.count_nonzero(np.eye(2, dtype=np.float32), axis=0).dtype")],
        run: { call in
            let x = try A.array(call, "a")
            let axes = try A.axes(call), keep = call.arguments.bool("keepdims") ?? false
            let r = try x.countNonzero(axis: axes, keepdims: keep)
            return A.result(r)
        })

    static let histogram = Command(
        name: "histogram", category: "Reductions",
        summary: "Counts in equal-width bins, and the bin edges.",
        parameters: [Parameter("a", .array, help: "the data (flattened)"),
                     Parameter("bins", .value, default: .int(10), help: "the number of equal-width bins, or the bin edges (increasing)"),
                     Parameter("range", .value, default: .none, help: "(lower, upper); default (a.min(), a.max())"),
                     Parameter("density", .value, default: .none, help: "True: a density (integrates to 1)"),
                     Parameter("weights", .value, default: .none, help: "a weight for each element")],
        help: "numpy's `np.histogram`: returns (hist, bin_edges); the last bin includes its right edge. `bins` is a count of equal-width bins over `range`, or the edges themselves (then `range` is not used and values outside the edges are not counted).",
        examples: [Example("np.histogram(np.array([1, 2, 1, 4, 5, 5, 5]), bins=4)")],
        run: { call in
            let a = call.arguments
            let x = try A.array(call, "a")
            var range: (Double, Double)?
            if let items = a["range"].sequenceItems {
                guard items.count == 2 else { throw call.error("too many values to unpack (expected 2)", argument: "range") }
                let lo = try call.evaluator.toArray(items[0], span: a.span("range")).firstDouble ?? 0
                let hi = try call.evaluator.toArray(items[1], span: a.span("range")).firstDouble ?? 0
                range = (lo, hi)
            }
            let w: NDArray? = a["weights"].isNone ? nil : try call.evaluator.toArray(a["weights"], span: a.span("weights"))
            var density = false
            if case .bool(let b) = a["density"] { density = b }
            switch a["bins"] {
            case .int, .bool:
                let (h, e) = try x.histogram(bins: try ArgumentBinder.integer(a["bins"], a.span("bins")), range: range, weights: w, density: density)
                return .tuple([.array(h), .array(e)])
            case .string(let s):
                throw ShellError("bins='\(s)' (numpy's bin-width estimators) is not supported in rnnsh: give a number of bins or the edges", span: a.span("bins") ?? call.span, kind: .notImplementedError)
            default:
                // Given edges: numpy's non-uniform counting (searchsorted), range= unused.
                let (h, e) = try x.histogram(edges: try call.evaluator.toArray(a["bins"], span: a.span("bins")), weights: w, density: density)
                return .tuple([.array(h), .array(e)])
            }
        })
}
