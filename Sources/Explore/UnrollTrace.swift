import Tensor
import Printing

/// `unroll … trace=true`: one line per step of the cell —
/// `step 3: [x (2,3), h (2,128)] (2,131) → gates (2,512) → c (2,128), h (2,128)` — so the shape
/// of every quantity of `static_rnn` is visible, with each step's output on request. The
/// bracket is the concatenation `concat([x, h], 1)` the cell's kernel multiplies (not a sum).
public enum UnrollTrace {
    /// A shape without spaces, the way the per-step lines write it: `(2,128)`.
    static func compact(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
    }

    /// The line for step `t` of a cell with `units` units on an input of shape `x`, whose
    /// gates are `gateBlocks`·units wide and whose state parts are `stateNames` (the LSTM's
    /// defaults: 4 blocks, `c`, `h`).
    public static func line(step t: Int, x: [Int], units: Int, gateBlocks: Int = 4, stateNames: [String] = ["c", "h"]) -> String {
        let batch = x.first ?? 0
        let h = compact([batch, units])
        let joined = compact([batch, (x.count > 1 ? x[1] : 0) + units])
        return "step \(t): [x \(compact(x)), h \(h)] \(joined) → gates \(compact([batch, gateBlocks * units])) → "
            + stateNames.map { "\($0) \(h)" }.joined(separator: ", ")
    }

    /// Every step's line; with `values`, each step's output h (numpy's format) under its line.
    public static func text(inputs: [NDArray], outputs: [NDArray], units: Int, gateBlocks: Int = 4,
                            stateNames: [String] = ["c", "h"], values: Bool = false) -> String {
        var lines: [String] = []
        for (t, x) in inputs.enumerated() {
            lines.append(line(step: t, x: x.shape, units: units, gateBlocks: gateBlocks, stateNames: stateNames))
            if values, t < outputs.count { lines.append(NumpyFormat.str(outputs[t])) }
        }
        return lines.joined(separator: "\n")
    }
}
