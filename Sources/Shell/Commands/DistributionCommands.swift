import Tensor

/// The distributions of `np.random` / `RandomState` and `Generator` with scalar parameters
/// (beta, gamma, laplace, ...), registered from the core's `Distribution` table: one command per
/// distribution and API, with numpy's parameter names and defaults. The vector-valued ones
/// (multinomial, dirichlet, multivariate_normal) follow. Sampling, checks and broadcasting are
/// the core's (Tensor/Random); here only arguments are converted and results returned as numpy
/// returns them (a Python float/int with no size and scalar parameters, an array otherwise).
extension RandomCommands {
    /// One line per distribution for help.
    static func summary(_ d: Distribution) -> String {
        switch d {
        case .beta: return "Beta samples: a, b > 0"
        case .binomial: return "Binomial samples: successes in n trials of probability p"
        case .chisquare: return "Chi-square samples with df degrees of freedom"
        case .exponential: return "Exponential samples with mean `scale`"
        case .f: return "F (Fisher) samples with dfnum, dfden degrees of freedom"
        case .gamma: return "Gamma samples of a shape and scale"
        case .geometric: return "Geometric samples: trials until the first success"
        case .gumbel: return "Gumbel (extreme value) samples"
        case .hypergeometric: return "Hypergeometric samples: good items in nsample drawn without replacement"
        case .laplace: return "Laplace (double exponential) samples"
        case .logistic: return "Logistic samples"
        case .lognormal: return "Log-normal samples: exp of normal(mean, sigma)"
        case .logseries: return "Logarithmic series samples"
        case .negativeBinomial: return "Negative binomial samples: failures before n successes"
        case .noncentralChisquare: return "Noncentral chi-square samples"
        case .noncentralF: return "Noncentral F samples"
        case .pareto: return "Pareto II (Lomax) samples"
        case .poisson: return "Poisson samples with expected count lam"
        case .power: return "Power-function samples on [0, 1] with exponent a - 1"
        case .rayleigh: return "Rayleigh samples"
        case .standardCauchy: return "Standard Cauchy samples"
        case .standardExponential: return "Standard exponential samples"
        case .standardGamma: return "Standard gamma samples (scale 1)"
        case .standardT: return "Student's t samples with df degrees of freedom"
        case .triangular: return "Triangular samples on [left, right] peaking at mode"
        case .vonmises: return "von Mises (circular normal) samples"
        case .wald: return "Wald (inverse Gaussian) samples"
        case .weibull: return "Weibull samples"
        case .zipf: return "Zipf samples"
        }
    }

    /// Example arguments, numpy's usual call.
    static func exampleArguments(_ d: Distribution) -> String {
        switch d {
        case .beta: return "(2, 3, 3)"
        case .binomial: return "(10, 0.5, 5)"
        case .chisquare: return "(2, 3)"
        case .exponential: return "(2.0, 3)"
        case .f: return "(3, 4, 3)"
        case .gamma: return "(2.0, 1.0, 3)"
        case .geometric: return "(0.3, 5)"
        case .gumbel, .laplace, .logistic: return "(0, 1, 3)"
        case .hypergeometric: return "(10, 5, 6, 5)"
        case .lognormal: return "(0, 1, 3)"
        case .logseries: return "(0.5, 3)"
        case .negativeBinomial: return "(5, 0.5, 5)"
        case .noncentralChisquare: return "(2, 1, 3)"
        case .noncentralF: return "(3, 4, 1, 3)"
        case .pareto: return "(3, 3)"
        case .poisson: return "(3.0, 5)"
        case .power: return "(2, 3)"
        case .rayleigh: return "(1, 3)"
        case .standardCauchy, .standardExponential: return "(3)"
        case .standardGamma: return "(2, 3)"
        case .standardT: return "(3, 3)"
        case .triangular: return "(0, 1, 2, 3)"
        case .vonmises: return "(0, 1, 3)"
        case .wald: return "(1, 1, 3)"
        case .weibull: return "(2, 3)"
        case .zipf: return "(2, 3)"
        }
    }

    static func declared(_ spec: [Distribution.Parameter]) -> [Parameter] {
        spec.map { p in
            let help = p.isInteger ? "an int (or an array of them; broadcast)" : "a number or an array (broadcast)"
            if let d = p.defaultValue { return Parameter(p.name, .value, default: .float(d), help: help) }
            return Parameter(p.name, .value, help: help)
        } + [sizeParameter]
    }

    static func parameterArrays(_ call: Invocation, _ spec: [Distribution.Parameter]) throws(ShellError) -> [NDArray] {
        var out: [NDArray] = []
        for p in spec { out.append(try parameter(call, p.name, default: p.defaultValue ?? 0)) }
        return out
    }

    /// Names the plain command namespace already gives these (kept, so `binomial 10 0.5 5` works).
    static let plainDistributionNames: Set<String> = ["binomial", "poisson", "exponential"]

    static var legacyDistributions: [LegacyFunction] {
        Distribution.allCases.map { d in
            let spec = d.parameters(legacy: true)
            return LegacyFunction(
                name: d.rawValue, summary: "\(summary(d)): np.random.\(d.rawValue).",
                parameters: declared(spec),
                help: "numpy's RandomState algorithm (numpy/random/src/legacy), so a seed gives numpy's numbers; parameters broadcast against each other and `size`, with numpy's errors. See docs/random.md.",
                exampleCall: exampleArguments(d),
                body: { call, state in
                    let s = try size(call)
                    let params = try parameterArrays(call, spec)
                    let a = try wrap { () throws(TensorError) in try state.sample(d, params, size: s) }
                    return d.isDiscrete ? ints(a, size: s) : floats(a, size: s)
                },
                qualified: !plainDistributionNames.contains(d.rawValue))
        }
    }

    /// Generator's distributions from the table (exponential and standard_exponential keep
    /// their own commands, which take dtype/method).
    static var generatorDistributions: [Command] {
        Distribution.allCases.filter { $0 != .exponential && $0 != .standardExponential }.map { d in
            let spec = d.parameters(legacy: false)
            var parameters = declared(spec)
            if d == .standardGamma { parameters.append(floatDtype) }
            return generatorMethod(
                d.rawValue, summary: "\(summary(d)): rng.\(d.rawValue).", parameters: parameters,
                help: "numpy's Generator algorithm (ziggurat normals and exponentials, Marsaglia–Tsang gamma, ...), so `default_rng(seed)` gives numpy's numbers; parameters broadcast, with numpy's errors.",
                exampleCall: exampleArguments(d),
                body: { call, g in
                    let s = try size(call)
                    let params = try parameterArrays(call, spec)
                    let dtype = d == .standardGamma ? (call.arguments.dtype("dtype") ?? .float64) : .float64
                    if dtype != .float64 && dtype != .float32 {
                        throw call.error("Unsupported dtype dtype('\(dtype.name)') for standard_gamma", argument: "dtype", kind: .typeError)
                    }
                    let a = try wrap { () throws(TensorError) in try g.sample(d, params, size: s, dtype: dtype) }
                    return d.isDiscrete ? ints(a, size: s) : floats(a, size: s)
                })
        }
    }

    // MARK: - Vector-valued

    /// `n` of multinomial: an int (a float is truncated, as numpy's C long conversion does).
    static func trialCount(_ call: Invocation) throws(ShellError) -> Int64 {
        switch call.arguments["n"] {
        case .int(let i): return Int64(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where d.isFinite && Swift.abs(d) < 9e18: return Int64(d.rounded(.towardZero))
        case .scalar(let a) where a.size == 1:
            let d = a.scalars.first?.doubleValue ?? 0
            if d.isFinite && Swift.abs(d) < 9e18 { return Int64(d.rounded(.towardZero)) }
        default: break
        }
        throw call.error("rnnsh's multinomial takes one integer n (an array of n is not supported yet)", argument: "n", kind: .typeError)
    }

    /// pvals as float64 values, whether it was a float16/32 array, and its sum in that dtype.
    static func pvals(_ call: Invocation, legacy: Bool) throws(ShellError) -> (p: [Double], narrow: Bool, narrowSum: Double) {
        let v = call.arguments["pvals"]
        let a = try call.evaluator.toArray(v, span: call.arguments.span("pvals"))
        if a.ndim == 0 {
            if legacy { throw call.error("pvals must be a 1-d sequence", argument: "pvals", kind: .typeError) }
            throw call.error("pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.", argument: "pvals", kind: .valueError)
        }
        if a.ndim > 1 {
            if legacy { throw call.error("object too deep for desired array", argument: "pvals", kind: .valueError) }
            throw call.error("rnnsh's multinomial takes a 1-d pvals (2-d pvals are not supported yet)", argument: "pvals", kind: .valueError)
        }
        let d = try wrap { () throws(TensorError) in try a.astype(.float64).elements(as: Double.self) ?? [] }
        var narrow = false
        if case .array = v, a.dtype == .float32 || a.dtype == .float16 { narrow = true }
        var sum = 0.0
        if narrow {
            // numpy's pvals.sum() in the array's own dtype (pairwise summation rounds per element in float32).
            let s = try wrap { () throws(TensorError) in try a.sum() }
            sum = s.scalars.first?.doubleValue ?? 0
        }
        return (d, narrow, sum)
    }

    static func alpha(_ call: Invocation) throws(ShellError) -> [Double] {
        let v = call.arguments["alpha"]
        let a = try call.evaluator.toArray(v, span: call.arguments.span("alpha"))
        if a.ndim == 0 { throw call.error("object of type '\(v.typeName)' has no len()", argument: "alpha", kind: .typeError) }
        if a.ndim > 1 { throw call.error("object too deep for desired array", argument: "alpha", kind: .valueError) }
        return try wrap { () throws(TensorError) in try a.astype(.float64).elements(as: Double.self) ?? [] }
    }

    static let multivariateParameters: [Parameter] = [
        Parameter("mean", .value, help: "the mean vector (1-d, length N)"),
        Parameter("cov", .value, help: "the N×N covariance (symmetric positive-semidefinite)"),
        sizeParameter,
        Parameter("check_valid", .value, default: .string("warn"), help: "'warn', 'raise' or 'ignore': what to do when cov is not positive-semidefinite (rnnsh prints no warning)"),
        Parameter("tol", .value, default: .float(1e-8), help: "tolerance of that check"),
    ]

    static func normalArguments(_ call: Invocation) throws(ShellError) -> (mean: NDArray, cov: NDArray, check: Bool, raise: Bool) {
        let mean = try call.evaluator.toArray(call.arguments["mean"], span: call.arguments.span("mean"))
        let cov = try call.evaluator.toArray(call.arguments["cov"], span: call.arguments.span("cov"))
        var mode = "warn"
        if case .string(let s) = call.arguments["check_valid"] { mode = s }
        if mode != "ignore" && mode != "warn" && mode != "raise" {
            throw call.error("check_valid must equal 'warn', 'raise', or 'ignore'", argument: "check_valid", kind: .valueError)
        }
        return (mean, cov, mode != "ignore", mode == "raise")
    }

    static var legacyMultivariate: [LegacyFunction] {
        [
            LegacyFunction(
                name: "multinomial", summary: "Multinomial counts: np.random.multinomial(n, pvals, size).",
                parameters: [Parameter("n", .value, help: "number of trials"),
                             Parameter("pvals", .value, help: "probabilities of the categories (the last takes what is left)"),
                             sizeParameter],
                help: "Each row: binomial(n_left, p_j / p_left) for every category but the last, which takes the rest (numpy 1.16's binomial, so a seed gives numpy's counts).",
                exampleCall: "(10, [0.2, 0.3, 0.5])",
                body: { call, state in
                    let n = try trialCount(call)
                    let (p, narrow, sum) = try pvals(call, legacy: true)
                    let s = try size(call)
                    return .array(try wrap { () throws(TensorError) in try state.multinomial(n: n, pvals: p, size: s, float32Input: narrow, float32Sum: sum) })
                },
                qualified: true),
            LegacyFunction(
                name: "dirichlet", summary: "Dirichlet samples: np.random.dirichlet(alpha, size).",
                parameters: [Parameter("alpha", .value, help: "concentrations (> 0), length k"), sizeParameter],
                help: "Each row: k legacy gamma draws divided by their sum.",
                exampleCall: "([1, 1, 1])",
                body: { call, state in
                    let a = try alpha(call)
                    let s = try size(call)
                    return .array(try wrap { () throws(TensorError) in try state.dirichlet(a, size: s) })
                },
                qualified: true),
            LegacyFunction(
                name: "multivariate_normal", summary: "Multivariate normal samples: np.random.multivariate_normal(mean, cov, size).",
                parameters: multivariateParameters,
                help: "Standard normals from the legacy Gaussian times sqrt(s)·vh from the SVD of cov (LAPACK's dgesdd, as numpy), plus the mean.",
                exampleCall: "([0, 0], [[1, 0], [0, 1]], 2)",
                body: { call, state in
                    let (mean, cov, check, raise) = try normalArguments(call)
                    let s = try size(call)
                    return .array(try wrap { () throws(TensorError) in
                        try state.multivariateNormal(mean: mean, cov: cov, size: s, raiseIfNotPSD: raise, checkPSD: check).0
                    })
                },
                qualified: true),
        ]
    }

    static var generatorMultivariate: [Command] {
        [
            generatorMethod(
                "multinomial", summary: "Multinomial counts: rng.multinomial(n, pvals, size).",
                parameters: [Parameter("n", .value, help: "number of trials"),
                             Parameter("pvals", .value, help: "probabilities of the categories (the last takes what is left)"),
                             sizeParameter],
                help: "Each row: Generator's binomial(n_left, p_j / p_left) per category but the last.",
                exampleCall: "(10, [0.2, 0.3, 0.5])",
                body: { call, g in
                    let n = try trialCount(call)
                    let (p, narrow, sum) = try pvals(call, legacy: false)
                    let s = try size(call)
                    return .array(try wrap { () throws(TensorError) in try g.multinomial(n: n, pvals: p, size: s, float32Input: narrow, float32Sum: sum) })
                }),
            generatorMethod(
                "dirichlet", summary: "Dirichlet samples: rng.dirichlet(alpha, size).",
                parameters: [Parameter("alpha", .value, help: "concentrations (≥ 0), length k"), sizeParameter],
                help: "Normalised standard gammas; when every alpha < 0.1, stick breaking with betas (as numpy, to avoid 0/0).",
                exampleCall: "([1, 1, 1])",
                body: { call, g in
                    let a = try alpha(call)
                    let s = try size(call)
                    return .array(try wrap { () throws(TensorError) in try g.dirichlet(a, size: s) })
                }),
            generatorMethod(
                "multivariate_normal", summary: "Multivariate normal samples: rng.multivariate_normal(mean, cov, size).",
                parameters: multivariateParameters + [Parameter("method", .value, default: .string("svd"), help: "'svd' (numpy's default; 'eigh' and 'cholesky' are not supported yet)")],
                help: "Ziggurat normals times (u·sqrt(s)).T from the SVD of cov, plus the mean.",
                exampleCall: "([0, 0], [[1, 0], [0, 1]], 2)",
                body: { call, g in
                    var method = "svd"
                    if case .string(let m) = call.arguments["method"] { method = m }
                    if method != "svd" && method != "eigh" && method != "cholesky" {
                        throw call.error("method must be one of {'eigh', 'svd', 'cholesky'}", argument: "method", kind: .valueError)
                    }
                    if method != "svd" {
                        throw call.error("rnnsh's multivariate_normal supports method='svd' only", argument: "method", kind: .valueError)
                    }
                    let (mean, cov, check, raise) = try normalArguments(call)
                    let s = try size(call)
                    return .array(try wrap { () throws(TensorError) in
                        try g.multivariateNormal(mean: mean, cov: cov, size: s, raiseIfNotPSD: raise, checkPSD: check).0
                    })
                }),
        ]
    }
}
