import Data

/// rnnsh's version and the startup banner. The banner is only for people at a terminal: it
/// says what this is, which dataset `mnist` will load, and how to get help.
public enum Version {
    public static let number = "0.4.0"

    /// The numpy release whose behaviour rnnsh copies, as `np.__version__` reports it: the
    /// differential fixtures are recorded with it (their `numpy` field), so a script that
    /// branches on the version takes the branch the recorded numpy took.
    public static let emulatedNumpy = "2.4.6"

    /// Three lines: the version, the dataset `mnist` would load (or how to get one), the way in.
    public static func banner(environment: [String: String] = DatasetLocator.processEnvironment) -> String {
        var lines = ["rnnsh \(number): numpy and recurrent networks, one statement at a time"]
        if let found = try? DatasetLocator.locate(environment: environment) {
            var line = "dataset: \(found.description)"
            if found.path.hasPrefix(DatasetLocator.debianFashionMNIST.dropLast()) {
                line += "; `download mnist` gets the digits"
            }
            lines.append(line)
        } else {
            lines.append("dataset: none found; `download mnist` gets the MNIST digits")
        }
        lines.append("type help for the commands, NAME? for one of them, Ctrl-D to leave")
        return lines.joined(separator: "\n")
    }
}
