import Foundation

/// Plain Double-precision references of the equations, written independently of the engine:
/// TF's BasicLSTMCell, Keras's LSTM and PyTorch's LSTM, plus the dense + softmax
/// cross-entropy head. Used for finite differences and for checking converted weights.
enum Reference {
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }

    /// TF1 BasicLSTMCell unrolled. kernel [(I+U)·4U] row-major, gates i, j, f, o.
    /// xs[t] is [B·I]; returns outputs [T][B·U] and the final c.
    static func tfLSTM(kernel: [Double], bias: [Double], forgetBias: Double, xs: [[Double]],
                       c0: [Double], h0: [Double], batch B: Int, input I: Int, units U: Int)
        -> (outputs: [[Double]], c: [Double]) {
        var c = c0, h = h0
        var outs: [[Double]] = []
        let G = 4 * U
        for x in xs {
            var nc = c, nh = h
            for b in 0..<B {
                var g = bias
                for k in 0..<G {
                    for r in 0..<I { g[k] += x[b * I + r] * kernel[r * G + k] }
                    for r in 0..<U { g[k] += h[b * U + r] * kernel[(I + r) * G + k] }
                }
                for u in 0..<U {
                    let i = sigmoid(g[u]), j = Foundation.tanh(g[U + u])
                    let f = sigmoid(g[2 * U + u] + forgetBias), o = sigmoid(g[3 * U + u])
                    nc[b * U + u] = c[b * U + u] * f + i * j
                    nh[b * U + u] = Foundation.tanh(nc[b * U + u]) * o
                }
            }
            c = nc; h = nh
            outs.append(h)
        }
        return (outs, c)
    }

    /// Keras LSTM (gates i, f, c, o; kernel [I, 4U], recurrent [U, 4U], bias [4U]): outputs per step.
    static func kerasLSTM(kernel: [Double], recurrent: [Double], bias: [Double], xs: [[Double]],
                          batch B: Int, input I: Int, units U: Int) -> [[Double]] {
        var c = [Double](repeating: 0, count: B * U), h = c
        var outs: [[Double]] = []
        let G = 4 * U
        for x in xs {
            var nc = c, nh = h
            for b in 0..<B {
                var z = bias
                for k in 0..<G {
                    for r in 0..<I { z[k] += x[b * I + r] * kernel[r * G + k] }
                    for r in 0..<U { z[k] += h[b * U + r] * recurrent[r * G + k] }
                }
                for u in 0..<U {
                    let i = sigmoid(z[u]), f = sigmoid(z[U + u])
                    let cc = Foundation.tanh(z[2 * U + u]), o = sigmoid(z[3 * U + u])
                    nc[b * U + u] = f * c[b * U + u] + i * cc
                    nh[b * U + u] = o * Foundation.tanh(nc[b * U + u])
                }
            }
            c = nc; h = nh
            outs.append(h)
        }
        return outs
    }

    /// PyTorch nn.LSTM (gates i, f, g, o; W_ih [4U, I], W_hh [4U, U], b_ih, b_hh): outputs per step.
    static func torchLSTM(wih: [Double], whh: [Double], bih: [Double], bhh: [Double], xs: [[Double]],
                          batch B: Int, input I: Int, units U: Int) -> [[Double]] {
        var c = [Double](repeating: 0, count: B * U), h = c
        var outs: [[Double]] = []
        let G = 4 * U
        for x in xs {
            var nc = c, nh = h
            for b in 0..<B {
                var z = [Double](repeating: 0, count: G)
                for k in 0..<G {
                    z[k] = bih[k] + bhh[k]
                    for r in 0..<I { z[k] += wih[k * I + r] * x[b * I + r] }
                    for r in 0..<U { z[k] += whh[k * U + r] * h[b * U + r] }
                }
                for u in 0..<U {
                    let i = sigmoid(z[u]), f = sigmoid(z[U + u])
                    let g = Foundation.tanh(z[2 * U + u]), o = sigmoid(z[3 * U + u])
                    nc[b * U + u] = f * c[b * U + u] + i * g
                    nh[b * U + u] = o * Foundation.tanh(nc[b * U + u])
                }
            }
            c = nc; h = nh
            outs.append(h)
        }
        return outs
    }

    /// Mean softmax cross-entropy of `h·W + b` against class ids.
    static func denseLoss(h: [Double], w: [Double], b: [Double], labels: [Int], units U: Int, classes K: Int) -> Double {
        let B = labels.count
        var total = 0.0
        for r in 0..<B {
            var z = b
            for k in 0..<K { for u in 0..<U { z[k] += h[r * U + u] * w[u * K + k] } }
            let m = z.max() ?? 0
            let lse = Foundation.log(z.reduce(0) { $0 + Foundation.exp($1 - m) }) + m
            total += lse - z[labels[r]]
        }
        return total / Double(B)
    }
}
