import Foundation

/// The draws numpy's standard gamma consumes, so one copy of the algorithm serves its three C
/// twins: `random_standard_gamma` (Generator: ziggurat normal and exponential),
/// `random_standard_gamma_f` (the same in float32, with `powf`/`logf`) and
/// `legacy_standard_gamma` (RandomState: polar Gaussian with its cache, exponential `-log(1 - U)`).
/// The three differ only in these draws and the precision of `pow`/`log`; the order in which
/// draws are taken is the algorithm's, so every stream stays as numpy's.
public protocol GammaDraws {
    associatedtype Real: BinaryFloatingPoint
    mutating func drawUniform() -> Real
    mutating func drawNormal() -> Real
    mutating func drawExponential() -> Real
    static func pow(_ x: Real, _ y: Real) -> Real
    static func log(_ x: Real) -> Real
}

extension GammaDraws {
    /// Exponential for shape 1; Johnk-style rejection (Ahrens–Dieter GS) below 1; Marsaglia and
    /// Tsang above.
    public mutating func standardGamma(_ shape: Real) -> Real {
        if shape == 1.0 { return drawExponential() }
        if shape == 0.0 { return 0.0 }
        if shape < 1.0 {
            while true {
                let u = drawUniform()
                let v = drawExponential()
                if u <= 1.0 - shape {
                    let x = Self.pow(u, 1.0 / shape)
                    if x <= v { return x }
                } else {
                    let y = -Self.log((1 - u) / shape)
                    let x = Self.pow(1.0 - shape + shape * y, 1.0 / shape)
                    if x <= v + y { return x }
                }
            }
        }
        let b = shape - 1.0 / 3.0
        let c = 1.0 / (9 * b).squareRoot()
        while true {
            var x: Real = 0, v: Real = 0
            repeat {
                x = drawNormal()
                v = 1.0 + c * x
            } while v <= 0.0
            v = v * v * v
            let u = drawUniform()
            if u < 1.0 - 0.0331 * (x * x) * (x * x) { return b * v }
            if Self.log(u) < 0.5 * x * x + b * (1.0 - v + Self.log(v)) { return b * v }
        }
    }
}

/// Generator's double draws: `next_double` and the ziggurats.
public struct ZigguratDraws<G: BitGenerator>: GammaDraws {
    public var bits: G
    public mutating func drawUniform() -> Double { bits.nextDouble() }
    public mutating func drawNormal() -> Double { bits.standardNormal() }
    public mutating func drawExponential() -> Double { bits.standardExponential() }
    public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    public static func log(_ x: Double) -> Double { Foundation.log(x) }
}

/// Generator's float32 draws: `next_float`, the float ziggurats, `powf` and `logf`.
public struct ZigguratFloatDraws<G: BitGenerator>: GammaDraws {
    public var bits: G
    public mutating func drawUniform() -> Float { bits.nextFloat() }
    public mutating func drawNormal() -> Float { bits.standardNormalFloat() }
    public mutating func drawExponential() -> Float { bits.standardExponentialFloat() }
    public static func pow(_ x: Float, _ y: Float) -> Float { Foundation.powf(x, y) }
    public static func log(_ x: Float) -> Float { Foundation.logf(x) }
}

/// RandomState's draws: MT19937's double, the cached polar Gaussian, `-log(1 - U)`.
extension LegacyRandomState: GammaDraws {
    public mutating func drawUniform() -> Double { bits.nextDouble() }
    public mutating func drawNormal() -> Double { nextGauss() }
    public mutating func drawExponential() -> Double { legacyStandardExponential() }
    public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    public static func log(_ x: Double) -> Double { Foundation.log(x) }
}
