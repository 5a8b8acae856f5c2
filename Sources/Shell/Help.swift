/// The text of `help` and `help CMD`, generated from the registry.
public enum Help {
    /// The index: each category and its command names, wrapped to `width`. Short on purpose:
    /// `help CATEGORY` gives the one-line summaries, `help CMD` the page.
    public static func overview(_ registry: Registry, width: Int = 80) -> String {
        let categories = registry.categories
        let labelWidth = (categories.map(\.count).max() ?? 0) + 3
        var lines = ["Commands by category; help CATEGORY lists one, help CMD (or CMD?) explains one:", ""]
        for category in categories {
            let names = registry.commands.filter { $0.category == category }.map(\.name)
            let label = "  " + (category + ":").padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let indent = String(repeating: " ", count: label.count)
            for (k, line) in wrap(names.joined(separator: " "), width: max(width - label.count, 20)).enumerated() {
                lines.append((k == 0 ? label : indent) + line)
            }
        }
        lines.append("")
        lines.append(contentsOf: wrap("Statements may use command form (`reshape x 2 3`, pipes `arange 6 | reshape 2 3`) "
                                      + "or numpy form (`np.arange(6).reshape(2, 3)`).", width: width))
        lines.append(contentsOf: wrap("Topics: `help pipe` (when `|` is a pipe), `help operators`, `help mutation` (arrays that change).", width: width))
        return lines.joined(separator: "\n")
    }

    /// One category: each command with its summary.
    public static func category(_ category: String, _ registry: Registry) -> String {
        let commands = registry.commands.filter { $0.category == category }
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        return (["\(category):"] + commands.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.summary })
            .joined(separator: "\n")
    }

    /// What `help NAME` is asking about: `np.reshape` and `numpy.reshape` are the command
    /// `reshape`; `x.reshape` (x a variable) is the method `reshape`, reported with its receiver.
    public static func resolve(_ asked: String, isVariable: (String) -> Bool) -> (name: String, receiver: String?) {
        for prefix in ["np.", "numpy."] where asked.hasPrefix(prefix) {
            return (String(asked.dropFirst(prefix.count)), nil)
        }
        if let dot = asked.lastIndex(of: ".") {
            let base = String(asked[..<dot])
            return (String(asked[asked.index(after: dot)...]), isVariable(base) || !base.isEmpty ? base : nil)
        }
        return (asked, nil)
    }

    /// One command's page: usage, paragraph, arguments, options, and examples — with the output
    /// they print when `registry` is given (each example runs in a scratch session, as the docs
    /// are made; examples whose output varies, such as training, are shown without it).
    public static func page(_ c: Command, width: Int = 80, registry: Registry? = nil) -> String {
        var lines = ["usage: \(c.synopsis)", ""]
        lines.append(contentsOf: wrap(c.help, width: width - 2))
        if c.isMethod {
            lines.append("")
            lines.append("Also a method: `x.\(c.name)(...)`, and callable as `np.\(c.name)(...)`.")
        }
        let column = (c.allParameters.map { $0.name.count }.max() ?? 0) + 3
        func described(_ name: String, _ text: String) -> [String] {
            let indent = String(repeating: " ", count: column + 2)
            return wrap(text, width: max(width - indent.count, 20)).enumerated().map { k, line in
                (k == 0 ? "  " + name.padding(toLength: column, withPad: " ", startingAt: 0) : indent) + line
            }
        }
        if !c.parameters.isEmpty {
            lines.append("")
            lines.append("Arguments:")
            for p in c.parameters { lines += described(p.name, p.help) }
        }
        if !c.options.isEmpty {
            lines.append("")
            lines.append("Options:")
            for p in c.options { lines += described(p.name + "=", p.help + (p.defaultText.map { " (default \($0))" } ?? " (required)")) }
        }
        if !c.examples.isEmpty {
            lines.append("")
            lines.append("Examples:")
            for e in c.examples {
                if let registry, e.isDeterministic {
                    for (statement, output) in DocsGenerator.run(e, registry: registry) {
                        for (k, l) in statement.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                            lines.append((k == 0 ? "  >>> " : "  ... ") + l)
                        }
                        for o in output { lines += o.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 } }
                    }
                } else {
                    for l in e.source.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("  >>> " + l) }
                }
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
