import Foundation
import Printing
import Tensor

/// `rnnsh print FILE` and `rnnsh repr FILE`: numpy's text for a saved array, the entry points
/// printing conformance is measured through (`compare.py`), so they stay stable.
///
/// `print` shows `str(a)` of an `.npy` file; an `.npz` file prints as the list of its arrays
/// (`[arr_0, arr_1, …]`, exactly as numpy prints a list), for both words. Output ends with one
/// newline, like Python's `print`; errors go to stderr with exit status 1.
enum FileCommands {
    /// Runs the command if `arguments` (without the program name) are `print|repr FILE`;
    /// returns the exit status, or nil when the arguments are something else.
    static func run(_ arguments: [String]) -> Int32? {
        guard arguments.count == 2, let mode = arguments.first, mode == "print" || mode == "repr",
              let path = arguments.last else { return nil }
        do {
            let text: String
            if path.lowercased().hasSuffix(".npz") {
                text = NumpyFormat.list(try NPZFile.read(path: path).map(\.array))
            } else {
                let array = try NPYFile.read(path: path)
                text = mode == "repr" ? NumpyFormat.repr(array) : NumpyFormat.str(array)
            }
            StandardStreams.out(text + "\n")
            return 0
        } catch {
            StandardStreams.err("rnnsh: \(error.message)\n")
            return 1
        }
    }
}
