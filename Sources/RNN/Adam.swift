/// Adam exactly as TF1's `AdamOptimizer` (the CPU `ApplyAdam` kernel):
///
///     lr_t = lr · sqrt(1 − β2^t) / (1 − β1^t)
///     m   += (g − m)·(1 − β1)
///     v   += (g² − v)·(1 − β2)
///     w   −= m·lr_t / (sqrt(v) + ε)
///
/// with β1^t and β2^t kept as float32 running products that start at β1, β2 and are multiplied
/// after each step (TF's `beta1_power`/`beta2_power` variables), so the arithmetic matches TF's.
public struct AdamConfig: Sendable, Equatable {
    public var learningRate: Float = 0.001
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.learningRate = learningRate; self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon
    }
}

/// The optimizer's state for one flat parameter vector: first and second moments and the powers.
public final class AdamState: @unchecked Sendable {
    public let config: AdamConfig
    let m: FloatBuffer, v: FloatBuffer
    public let count: Int
    private(set) var beta1Power: Float, beta2Power: Float
    public private(set) var steps = 0

    public init(count: Int, config: AdamConfig) {
        self.config = config
        self.count = count
        m = FloatBuffer(count); v = FloatBuffer(count)
        beta1Power = config.beta1; beta2Power = config.beta2
    }

    /// Restores a saved state (moments and step count).
    func restore(m mv: [Float], v vv: [Float], steps s: Int) {
        mv.withUnsafeBufferPointer { src in for k in 0..<min(count, src.count) { m.pointer[k] = src[k] } }
        vv.withUnsafeBufferPointer { src in for k in 0..<min(count, src.count) { v.pointer[k] = src[k] } }
        steps = 0; beta1Power = config.beta1; beta2Power = config.beta2
        for _ in 0..<max(s, 0) { advancePowers() }
    }

    /// The state as TF1's Adam slots hold it (`var/Adam` = m, `var/Adam_1` = v, and the
    /// optimizer's `beta1_power`, `beta2_power`), so a TF1 graph can show and checkpoint it.
    /// `m` and `v` must hold `count` floats.
    public func read(m mp: UnsafeMutablePointer<Float>, v vp: UnsafeMutablePointer<Float>) -> (beta1Power: Float, beta2Power: Float) {
        mp.update(from: m.pointer, count: count)
        vp.update(from: v.pointer, count: count)
        return (beta1Power, beta2Power)
    }

    /// β1^t and β2^t as they stand (the next update's).
    public var powers: (beta1Power: Float, beta2Power: Float) { (beta1Power, beta2Power) }

    /// Sets the state from TF1's slots (a restored checkpoint, or a re-run initializer): the
    /// powers are taken as saved, so the next update is bit for bit the one TF would make.
    public func set(m mp: UnsafePointer<Float>, v vp: UnsafePointer<Float>, beta1Power b1: Float, beta2Power b2: Float) {
        m.pointer.update(from: mp, count: count)
        v.pointer.update(from: vp, count: count)
        beta1Power = b1; beta2Power = b2
    }

    private func advancePowers() {
        beta1Power *= config.beta1; beta2Power *= config.beta2; steps += 1
    }

    /// One update of `params` with `grads` (both `count` floats).
    /// `learningRate` replaces the configured one for this step (TF1's learning rate given as a
    /// tensor, read at each update).
    public func apply(params w: UnsafeMutablePointer<Float>, grads g: UnsafePointer<Float>, learningRate: Float? = nil) {
        let one: Float = 1
        let alpha = (learningRate ?? config.learningRate) * (one - beta2Power).squareRoot() / (one - beta1Power)
        typealias V = SIMD8<Float>
        let a = V(repeating: alpha), b1 = V(repeating: one - config.beta1), b2 = V(repeating: one - config.beta2)
        let eps = V(repeating: config.epsilon)
        let m = self.m.pointer, v = self.v.pointer
        var k = 0
        while k + 8 <= count {
            let gv = Activations.load(g + k)
            var mv = Activations.load(m + k), vv = Activations.load(v + k)
            mv += (gv - mv) * b1
            vv += (gv * gv - vv) * b2
            Activations.store(mv, m + k); Activations.store(vv, v + k)
            Activations.store(Activations.load(w + k) - (mv * a) / (vv.squareRoot() + eps), w + k)
            k += 8
        }
        while k < count {
            m[k] += (g[k] - m[k]) * (one - config.beta1)
            v[k] += (g[k] * g[k] - v[k]) * (one - config.beta2)
            w[k] -= (m[k] * alpha) / (v[k].squareRoot() + config.epsilon)
            k += 1
        }
        advancePowers()
    }
}
