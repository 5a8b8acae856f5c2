/// numpy's `IntegerFormat`: plain decimals right-aligned to the widest displayed element,
/// where the `-` sign counts towards the width (SPEC §3.1).
struct IntFormatter: Sendable {
    let width: Int

    init(displayed values: [Int64]) {
        guard let lo = values.min(), let hi = values.max() else {
            width = 0
            return
        }
        width = max(String(lo).utf8.count, String(hi).utf8.count)
    }

    func string(_ x: Int64) -> String { leftPadded(String(x), to: width) }
}
