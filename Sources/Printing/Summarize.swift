import Tensor

/// Which elements numpy shows: everything, or — when the array has more than `threshold`
/// elements — the first and last `edgeItems` of every axis longer than `2 * edgeItems`, with a
/// `...` marker between them (SPEC §2).
///
/// Only the displayed "corner" is ever read or formatted, which keeps printing a
/// (128, 28, 28) array as cheap as printing a (6, 6, 6) one.
struct DisplayPlan: Sendable {
    static let threshold = 1000
    static let edgeItems = 3

    let summarized: Bool
    /// Per axis, the displayed indices in order; `nil` marks the `...` position.
    let axes: [[Int?]]

    init(shape: [Int]) {
        let size = shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
        summarized = size > DisplayPlan.threshold
        axes = shape.map { n in
            if size > DisplayPlan.threshold && n > 2 * DisplayPlan.edgeItems {
                let e = DisplayPlan.edgeItems
                return Array(0..<e).map { Optional($0) } + [nil] + Array((n - e)..<n).map { Optional($0) }
            }
            return Array(0..<n).map { Optional($0) }
        }
    }

    /// The displayed elements in C order (what numpy's formatter is built from).
    func displayedElements(of array: NDArray) -> [Scalar] {
        var out: [Scalar] = []
        func visit(_ axis: Int, _ offset: Int) {
            if axis == axes.count {
                out.append(array.scalar(atStorageOffset: offset))
                return
            }
            for case let i? in axes[axis] {
                visit(axis + 1, offset + i * array.strides[axis])
            }
        }
        visit(0, array.offset)
        return out
    }
}
