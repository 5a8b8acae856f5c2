/// The text of `help` and `help CMD`, generated from the registry.
public enum Help {
    /// Every command by category, one line each.
    public static func overview(_ registry: Registry) -> String {
        let width = (registry.names.map(\.count).max() ?? 0) + 2
        var lines: [String] = []
        for category in registry.categories {
            lines.append("\(category):")
            for c in registry.commands where c.category == category {
                lines.append("  " + c.name.padding(toLength: width, withPad: " ", startingAt: 0) + c.summary)
            }
            lines.append("")
        }
        lines.append("Type `help CMD` or `?CMD` for one command. Statements may use command form")
        lines.append("(`reshape x 2 3`, pipes `arange 6 | reshape 2 3`) or numpy form (`np.arange(6).reshape(2, 3)`).")
        return lines.joined(separator: "\n")
    }

    /// One command's page: usage, paragraph, arguments, options, examples.
    public static func page(_ c: Command) -> String {
        var lines = ["usage: \(c.synopsis)", ""]
        lines.append(contentsOf: wrap(c.help, width: 78))
        if c.isMethod {
            lines.append("")
            lines.append("Also a method: `x.\(c.name)(...)`, and callable as `np.\(c.name)(...)`.")
        }
        let width = (c.allParameters.map { $0.name.count }.max() ?? 0) + 3
        if !c.parameters.isEmpty {
            lines.append("")
            lines.append("Arguments:")
            for p in c.parameters {
                lines.append("  " + p.name.padding(toLength: width, withPad: " ", startingAt: 0) + p.help)
            }
        }
        if !c.options.isEmpty {
            lines.append("")
            lines.append("Options:")
            for p in c.options {
                let dflt = p.defaultText.map { " (default \($0))" } ?? " (required)"
                lines.append("  " + (p.name + "=").padding(toLength: width, withPad: " ", startingAt: 0) + p.help + dflt)
            }
        }
        if !c.examples.isEmpty {
            lines.append("")
            lines.append("Examples:")
            for e in c.examples {
                for l in e.source.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("  >>> " + l) }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Greedy word wrap.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
