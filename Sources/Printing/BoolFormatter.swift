/// numpy's `BoolFormat`: inside an array `True` is padded to the width of `False`, whether or
/// not a `False` is present (docs/printing.md §3.2); a 0-d array prints the bare word.
struct BoolFormatter: Sendable {
    let padded: Bool

    init(ndim: Int) { padded = ndim > 0 }

    func string(_ x: Bool) -> String { x ? (padded ? " True" : "True") : "False" }
}
