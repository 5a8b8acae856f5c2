import Foundation

/// The samplers whose one draw is a vector: multinomial (binomials on the remaining count),
/// dirichlet (normalised gammas, or Generator's stick breaking for small alpha) and
/// multivariate_normal (standard normals times a square root of cov found by SVD). Each output
/// row is drawn in C order, so `size` only repeats the same per-row procedure.
public enum MultivariateSampling {
    /// numpy's output shape for these: `size` (an int or a tuple, or none) followed by `k`.
    static func shape(_ size: [Int]?, _ k: Int) -> [Int] { (size ?? []) + [k] }

    /// numpy's checks of `pvals` (`float32Input` tells whether the caller gave a float16/float32
    /// array, which changes numpy's wording when the rounded sum exceeds 1).
    static func checkPvals(_ p: [Double], float32Input: Bool, float32Sum: Double) throws(TensorError) {
        try ParameterConstraint.bounded01.check(array: p, "pvals")
        guard !p.isEmpty else { return }
        if RandomSampling.kahanSum(Array(p.prefix(Swift.max(p.count - 1, 1)))) > 1.0 + 1e-12 {
            if float32Input && float32Sum < 1.0001 {
                throw TensorError("sum(pvals[:-1].astype(np.float64)) > 1.0. The pvals array is cast to 64-bit floating point prior to checking the sum. Precision changes when casting may cause problems even if the sum of the original pvals is valid.", kind: .valueError)
            }
            throw TensorError("sum(pvals[:-1]) > 1.0", kind: .valueError)
        }
    }

    /// One multinomial row: binomial(n_left, p_j / p_left) for all but the last category, which
    /// takes what is left; stops early when nothing is left.
    static func multinomialRow(_ n: Int64, _ p: [Double], into row: inout [Int64], binomial: (Int64, Double) -> Int64) {
        var remaining = 1.0
        var dn = n
        let d = p.count
        for j in 0..<Swift.max(d - 1, 0) {
            row[j] = binomial(dn, p[j] / remaining)
            dn = dn &- row[j]
            if dn <= 0 { break }
            remaining -= p[j]
        }
        if dn > 0, d > 0 { row[d - 1] = dn }
    }

    /// `multinomial(n, pvals, size)` with a scalar n and 1-d pvals, rows drawn by `binomial`.
    static func multinomial(n: Int64, pvals p: [Double], size: [Int]?, float32Input: Bool, float32Sum: Double,
                            binomial: (Int64, Double) -> Int64) throws(TensorError) -> NDArray {
        try checkPvals(p, float32Input: float32Input, float32Sum: float32Sum)
        let d = p.count
        let shape = shape(size, d)
        let total = try Limits.checkAllocation(shape, .int64)
        if n < 0 { throw TensorError("n < 0", kind: .valueError) }
        var out = [Int64](repeating: 0, count: total)
        if d > 0 {
            var row = [Int64](repeating: 0, count: d)
            for r in 0..<(total / d) {
                if r & 0xFFFF == 0xFFFF { try Cancellation.check() }
                for j in 0..<d { row[j] = 0 }
                multinomialRow(n, p, into: &row, binomial: binomial)
                for j in 0..<d { out[r * d + j] = row[j] }
            }
        }
        return try NDArray(out, shape: shape)
    }

    /// Dirichlet rows by normalised gammas (`1/sum` times each, as numpy multiplies).
    static func dirichletByGammas(_ alpha: [Double], size: [Int]?, gamma: (Double) -> Double) throws(TensorError) -> NDArray {
        let k = alpha.count
        let shape = shape(size, k)
        let total = try Limits.checkAllocation(shape, .float64)
        var out = [Double](repeating: 0, count: total)
        var i = 0
        var rows = 0
        while i < total {
            rows += 1
            if rows & 0xFFFF == 0 { try Cancellation.check() }
            var acc = 0.0
            for j in 0..<k {
                out[i + j] = gamma(alpha[j])
                acc = acc + out[i + j]
            }
            let inv = 1 / acc
            for j in 0..<k { out[i + j] = out[i + j] * inv }
            i += k
        }
        return try NDArray(out, shape: shape)
    }

    /// Generator's dirichlet for max(alpha) < 0.1: stick breaking with betas of alpha_j and the
    /// sum of the alphas to its right.
    static func dirichletByStickBreaking(_ alpha: [Double], size: [Int]?, beta: (Double, Double) -> Double) throws(TensorError) -> NDArray {
        let k = alpha.count
        let shape = shape(size, k)
        let total = try Limits.checkAllocation(shape, .float64)
        var out = [Double](repeating: 0, count: total)
        var csum = [Double](repeating: 0, count: k)
        var s = 0.0
        for j in stride(from: k - 1, through: 0, by: -1) {
            s += alpha[j]
            csum[j] = s
        }
        guard s > 0 else { return try NDArray(out, shape: shape) }
        var i = 0
        var rows = 0
        while i < total {
            rows += 1
            if rows & 0xFFFF == 0 { try Cancellation.check() }
            var acc = 1.0
            for j in 0..<(k - 1) {
                let v = beta(alpha[j], csum[j + 1])
                out[i + j] = acc * v
                acc *= 1.0 - v
                if csum[j + 1] == 0 { break }
            }
            out[i + k - 1] = acc
            i += k
        }
        return try NDArray(out, shape: shape)
    }

    /// What `multivariate_normal` does with its covariance: `svd(cov)` and the factor that maps
    /// standard normals to the distribution. `legacy` gives RandomState's `sqrt(s)[:, None] * vh`
    /// (applied as `x @ factor`), otherwise Generator's `(u * sqrt(s)).T` (as `x @ factor`
    /// too). `psd` is numpy's check `allclose(vh.T * s @ vh, cov, rtol=1e-8, atol=1e-8)`.
    public struct CovarianceFactor {
        public var factor: [Double]
        public var n: Int
        public var psd: Bool
    }

    public static func covarianceFactor(_ cov: NDArray, legacy: Bool, tol: Double = 1e-8) throws(TensorError) -> CovarianceFactor {
        let c = try cov.astype(.float64)
        let n = c.shape[0]
        let (u, s, vt) = try c.svd(full: true, computeUV: true)
        guard let u, let vt else { throw TensorError("SVD did not converge", kind: .linAlgError) }
        let uv = try u.astype(.float64).contiguous().elements(as: Double.self) ?? []
        let sv = try s.contiguous().elements(as: Double.self) ?? []
        let vv = try vt.astype(.float64).contiguous().elements(as: Double.self) ?? []
        let cv = try c.contiguous().elements(as: Double.self) ?? []
        // psd: (vh.T * s) @ vh against cov, numpy's allclose.
        var psd = true
        for i in 0..<n {
            for j in 0..<n {
                var acc = 0.0
                for k in 0..<n { acc += (vv[k * n + i] * sv[k]) * vv[k * n + j] }
                let b = cv[i * n + j]
                if !(Swift.abs(acc - b) <= tol + tol * Swift.abs(b)) { psd = false }
            }
        }
        var factor = [Double](repeating: 0, count: n * n)
        for k in 0..<n {
            let r = sv[k].squareRoot()
            for j in 0..<n {
                // legacy: F[k][j] = sqrt(s_k) * vh[k][j]; Generator: F[k][j] = (u * sqrt(s))[j][k].
                factor[k * n + j] = legacy ? r * vv[k * n + j] : uv[j * n + k] * r
            }
        }
        return CovarianceFactor(factor: factor, n: n, psd: psd)
    }

    /// `mean + x @ factor` for rows x of standard normals (`normals` in C order, n per row).
    ///
    /// numpy's product is OpenBLAS's, and its rounding is part of the numbers. For two or more
    /// rows (a matrix product) every output is a chain of fused multiply-adds over k in order,
    /// starting from 0; the legacy single row (`np.dot` of a vector) rounds the same way. A single
    /// row of Generator's `x @ factor.T` goes through OpenBLAS's transposed matrix–vector kernel,
    /// whose tail for n ≤ 3 computes x₁f₁, then fuses x₀f₀, then x₂f₂; that is reproduced for
    /// n ≤ 3 (measured against numpy 2.4 on x86-64). Wider single rows may differ in the last bit.
    static func transform(_ normals: [Double], _ f: CovarianceFactor, mean: [Double], meanFirst: Bool) -> [Double] {
        let n = f.n
        var out = [Double](repeating: 0, count: normals.count)
        let singleGeneratorRow = meanFirst && normals.count == n && (n == 2 || n == 3)
        var r = 0
        while r < normals.count {
            for j in 0..<n {
                var acc = 0.0
                if singleGeneratorRow {
                    acc = normals[r + 1] * f.factor[n + j]
                    acc = acc.addingProduct(normals[r], f.factor[j])
                    if n == 3 { acc = acc.addingProduct(normals[r + 2], f.factor[2 * n + j]) }
                } else {
                    for k in 0..<n { acc = acc.addingProduct(normals[r + k], f.factor[k * n + j]) }
                }
                out[r + j] = meanFirst ? mean[j] + acc : acc + mean[j]
            }
            r += n
        }
        return out
    }

    /// numpy's argument checks of `multivariate_normal`.
    public static func checkShapes(mean: NDArray, cov: NDArray) throws(TensorError) {
        if mean.ndim != 1 { throw TensorError("mean must be 1 dimensional", kind: .valueError) }
        if cov.ndim != 2 || cov.shape[0] != cov.shape[1] { throw TensorError("cov must be 2 dimensional and square", kind: .valueError) }
        if mean.shape[0] != cov.shape[0] { throw TensorError("mean and cov must have same length", kind: .valueError) }
    }
}

extension LegacyRandomState {
    /// `RandomState.multinomial(n, pvals, size)`: numpy 1.16's binomials.
    public mutating func multinomial(n: Int64, pvals: [Double], size: [Int]?, float32Input: Bool = false,
                                     float32Sum: Double = 0) throws(TensorError) -> NDArray {
        try MultivariateSampling.multinomial(n: n, pvals: pvals, size: size, float32Input: float32Input, float32Sum: float32Sum) { n, p in
            bits.legacyBinomial(n: n, p: p)
        }
    }

    /// `RandomState.dirichlet(alpha, size)`.
    public mutating func dirichlet(_ alpha: [Double], size: [Int]?) throws(TensorError) -> NDArray {
        if alpha.contains(where: { $0 <= 0 }) { throw TensorError("alpha <= 0", kind: .valueError) }
        return try MultivariateSampling.dirichletByGammas(alpha, size: size) { legacyStandardGamma($0) }
    }

    /// `RandomState.multivariate_normal(mean, cov, size, check_valid)`: legacy Gaussians, then
    /// `x @ (sqrt(s)[:, None] * vh)` and `+= mean`. `raiseIfNotPSD` is check_valid='raise'.
    public mutating func multivariateNormal(mean: NDArray, cov: NDArray, size: [Int]?, raiseIfNotPSD: Bool,
                                            checkPSD: Bool) throws(TensorError) -> (NDArray, notPSD: Bool) {
        try MultivariateSampling.checkShapes(mean: mean, cov: cov)
        let n = mean.shape[0]
        let shape = MultivariateSampling.shape(size, n)
        let normals = try standardNormal(shape)
        let f = try MultivariateSampling.covarianceFactor(cov, legacy: true)
        if checkPSD && !f.psd && raiseIfNotPSD { throw TensorError("covariance is not symmetric positive-semidefinite.", kind: .valueError) }
        let m = try mean.astype(.float64).contiguous().elements(as: Double.self) ?? []
        let x = MultivariateSampling.transform(normals.elements(as: Double.self) ?? [], f, mean: m, meanFirst: false)
        return (try NDArray(x, shape: shape), checkPSD && !f.psd)
    }
}

extension Generator {
    /// `Generator.multinomial(n, pvals, size)` for a scalar n and 1-d pvals.
    public mutating func multinomial(n: Int64, pvals: [Double], size: [Int]?, float32Input: Bool = false,
                                     float32Sum: Double = 0) throws(TensorError) -> NDArray {
        if pvals.isEmpty {
            throw TensorError("pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.", kind: .valueError)
        }
        return try MultivariateSampling.multinomial(n: n, pvals: pvals, size: size, float32Input: float32Input, float32Sum: float32Sum) { n, p in
            bits.binomial(n: n, p: p)
        }
    }

    /// `Generator.dirichlet(alpha, size)`: stick breaking when every alpha < 0.1.
    public mutating func dirichlet(_ alpha: [Double], size: [Int]?) throws(TensorError) -> NDArray {
        if alpha.contains(where: { $0 < 0 }) { throw TensorError("alpha < 0", kind: .valueError) }
        if !alpha.isEmpty, (alpha.max() ?? 0) < 0.1 {
            return try MultivariateSampling.dirichletByStickBreaking(alpha, size: size) { bits.beta($0, $1) }
        }
        return try MultivariateSampling.dirichletByGammas(alpha, size: size) { bits.standardGamma($0) }
    }

    /// `Generator.multivariate_normal(mean, cov, size, check_valid)` with method='svd':
    /// ziggurat normals, then `mean + x @ (u * sqrt(s)).T`.
    public mutating func multivariateNormal(mean: NDArray, cov: NDArray, size: [Int]?, raiseIfNotPSD: Bool,
                                            checkPSD: Bool) throws(TensorError) -> (NDArray, notPSD: Bool) {
        try MultivariateSampling.checkShapes(mean: mean, cov: cov)
        let n = mean.shape[0]
        let shape = MultivariateSampling.shape(size, n)
        let normals = try standardNormal(shape, dtype: .float64)
        let f = try MultivariateSampling.covarianceFactor(cov, legacy: false)
        if checkPSD && !f.psd && raiseIfNotPSD { throw TensorError("covariance is not symmetric positive-semidefinite.", kind: .valueError) }
        let m = try mean.astype(.float64).contiguous().elements(as: Double.self) ?? []
        let x = MultivariateSampling.transform(normals.elements(as: Double.self) ?? [], f, mean: m, meanFirst: true)
        return (try NDArray(x, shape: shape), checkPSD && !f.psd)
    }
}
