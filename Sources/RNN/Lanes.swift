/// Eight-lane loads and stores for the cells' element-wise work over a row with a partial tail:
/// `ld`/`st` load and store n lanes (n is 8 except at the tail).
///
/// A cell's row work is a static function called once per row (as `LSTMLayer.cellForward`),
/// which loops over the row itself with the lane body as an `@inline(__always)` local function,
/// `lanes(u, 8)` in the loop and `lanes(u, U - u)` once for the tail:
///
///     var u = 0
///     while u + 8 <= U { lanes(u, 8); u += 8 }
///     if u < U { lanes(u, U - u) }
///
/// A closure handed to a shared `forEach(count) { u, n in … }` was compiled as an out-of-line
/// function called every eight lanes, with the tail's branches inside: 13% of the plain RNN's
/// training time (`perf`), where the LSTM's inlined loops cost a third of that per element.
/// The same local function written inside the kernel's big `forward` was still left out of
/// line in the GRU (the inliner gives up in large callers); inside a one-row function it is not.
enum Lanes {
    typealias V = SIMD8<Float>
    @inline(__always) static func ld(_ p: UnsafePointer<Float>, _ n: Int) -> V {
        n == 8 ? Activations.load(p) : Activations.loadPartial(p, n)
    }
    @inline(__always) static func ld(_ p: UnsafeMutablePointer<Float>, _ n: Int) -> V { ld(UnsafePointer(p), n) }
    @inline(__always) static func st(_ v: V, _ p: UnsafeMutablePointer<Float>, _ n: Int) {
        if n == 8 { Activations.store(v, p) } else { Activations.storePartial(v, p, n) }
    }
}

/// The activations shared by cells whose state is just `h` and whose products read the row
/// `[x_t, h_{t-1}]` (`BasicRNNCell`, `GRUCell`): `xh[t]` `[B, I+U]` holds that row, a step
/// writes `h_t` straight into the `h` half of `xh[t+1]` (the last to `hLast`), so the
/// kernel-gradient product over all steps needs no gathering (as in `LSTMActivations`).
class HRowActivations {
    let xh = FloatBuffer(), hLast = FloatBuffer(), dh = FloatBuffer(), dhNext = FloatBuffer()
    private(set) var dims = SequenceDims(batch: 0, input: 0, units: 0, steps: 0)

    func prepareRows(_ d: SequenceDims) {
        dims = d
        xh.ensure(d.steps * d.batch * d.rowWidth)
        hLast.ensure(d.batch * d.units)
        dh.ensure(d.batch * d.units); dhNext.ensure(d.batch * d.units)
    }
    func input(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float> { xh.pointer + (t * dims.batch + b) * dims.rowWidth }
    func hIn(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float> { input(t, b) + dims.input }
    func initialState(_ k: Int, _ b: Int) -> UnsafeMutablePointer<Float> { hIn(0, b) }
    func output(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float> {
        t == dims.steps - 1 ? hLast.pointer + b * dims.units : hIn(t + 1, b)
    }
    func finalState(_ k: Int, _ b: Int) -> UnsafeMutablePointer<Float> { output(dims.steps - 1, b) }
    func stateGradient(_ k: Int) -> UnsafeMutablePointer<Float> { dh.pointer }
}
