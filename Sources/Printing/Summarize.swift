import Tensor

/// Which elements numpy shows: everything, or — when the array has more than `threshold`
/// elements — the first and last `edgeitems` of every axis longer than `2 * edgeitems`, with a
/// `...` marker between them (docs/printing.md §2).
///
/// Only the displayed "corner" is ever read or formatted, which keeps printing a
/// (128, 28, 28) array as cheap as printing a (6, 6, 6) one.
struct DisplayPlan: Sendable {
    let summarized: Bool
    /// Per axis, the displayed indices in order; `nil` marks the `...` position.
    let axes: [[Int?]]
    /// Per axis, the indices the element formatter is built from. They equal the displayed
    /// ones except for numpy's `edgeitems=0` quirk: `a[-0:]` is the whole axis, so the
    /// formatter then sees every element while only the last one is shown.
    let formatterAxes: [[Int]]

    init(shape: [Int], options: PrintOptions = .current) {
        let size = shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
        let summarized = !shape.contains(0) && size > options.threshold
        self.summarized = summarized
        // Clamped so `2 * e` cannot overflow; any e this large shows whole axes anyway.
        let e = min(max(options.edgeItems, 0), 1 << 40)
        var axes: [[Int?]] = []
        var formatterAxes: [[Int]] = []
        for n in shape {
            if summarized && n > 2 * e {
                // numpy shows the last item even when edgeitems is 0.
                let last = max(e, 1)
                axes.append(Array(0..<e).map { Optional($0) } + [nil] + Array((n - last)..<n).map { Optional($0) })
                formatterAxes.append(e == 0 ? Array(0..<n) : Array(0..<e) + Array((n - e)..<n))
            } else {
                axes.append(Array(0..<n).map { Optional($0) })
                formatterAxes.append(Array(0..<n))
            }
        }
        self.axes = axes
        self.formatterAxes = formatterAxes
    }

    /// The elements the formatter is built from, in C order (the displayed corner).
    func displayedElements(of array: NDArray) -> [Scalar] {
        var out: [Scalar] = []
        // Ctrl-C: stop reading; the caller drops a text made while a request is pending (10^8
        // elements took seconds here before the formatter's own checks were reached).
        var stopped = false
        func visit(_ axis: Int, _ offset: Int) {
            if axis == formatterAxes.count {
                if out.count & 0xFFFF == 0xFFFF && Cancellation.isRequested && !Cancellation.isDeferred { stopped = true }
                out.append(array.scalar(atStorageOffset: offset))
                return
            }
            for i in formatterAxes[axis] {
                if stopped { return }
                visit(axis + 1, offset + i * array.strides[axis])
            }
        }
        visit(0, array.offset)
        return out
    }
}
