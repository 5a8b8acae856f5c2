import Foundation

/// Tab-completion candidates, from the registry and the workspace.
///
/// The word being completed is the identifier (or dotted name, or path) that ends at the
/// cursor. Candidates are whole words for that token: after `x.` the attribute/method names,
/// after `np.` the commands, in a command's arguments also its option names as `name=`, inside
/// quotes and after `load`/`run`/`save` file paths (directories end in `/`).
struct Completer {
    let registry: Registry
    let workspace: Workspace
    let workingDirectory: String?

    static let pathCommands: Set<String> = ["load", "run", "save", "savez", "history"]
    /// Command families whose names numpy also has (offered after `np.`).
    static let numpyCategories: Set<String> = ["Arrays", "Shape", "Math", "Random", "Files"]

    func candidates(line: String, cursor: Int) -> [String] {
        let chars = Array(line.prefix(max(0, cursor)))
        // Inside an open quote: a file path.
        if let quoteStart = openQuote(chars) {
            return paths(String(chars[(quoteStart + 1)...]))
        }
        var start = chars.count
        while start > 0 && Self.isIdentifier(chars[start - 1]) { start -= 1 }
        let partial = String(chars[start...])
        // The space-delimited word, for paths typed without quotes.
        var wordStart = chars.count
        while wordStart > 0 && !" \t=,(".contains(chars[wordStart - 1]) { wordStart -= 1 }
        let word = String(chars[wordStart...])
        let context = commandContext(Array(chars[..<wordStart]))

        if word.contains("/") || word.hasPrefix("~") {
            return paths(word)
        }
        if start > 0 && chars[start - 1] == "." {
            var baseStart = start - 1
            while baseStart > 0 && (Self.isIdentifier(chars[baseStart - 1]) || chars[baseStart - 1] == ".") { baseStart -= 1 }
            let base = String(chars[baseStart..<(start - 1)])
            var found = attributes(of: base).filter { $0.hasPrefix(partial) }
            if let context, Self.pathCommands.contains(context.name), !context.isFirstWord {
                found += paths(word)
            }
            return Array(Set(found)).sorted()
        }
        var names: [String] = []
        if let context, !context.isFirstWord, let command = registry[context.name] {
            // Right after `name=`: that option's values (`format=` → tf, keras, torch).
            if start > 0 && chars[start - 1] == "=" {
                var k = start - 1
                while k > 0 && Self.isIdentifier(chars[k - 1]) { k -= 1 }
                let option = String(chars[k..<(start - 1)])
                if let p = command.allParameters.first(where: { $0.name == option }), !p.completionValues.isEmpty {
                    return p.completionValues.filter { $0.hasPrefix(partial) }.sorted()
                }
            }
            // Options already given in this call are not offered again.
            let given = Self.givenOptions(Array(chars[..<start]))
            names += command.allParameters.filter { $0.kind != .statement && !given.contains($0.name) }.map { $0.name + "=" }
            // The first argument of a command form with a fixed set of values (`download mnist`).
            if context.isCommandForm, let first = command.parameters.first, !first.choices.isEmpty,
               Self.wordsAfterCommand(Array(chars[..<wordStart])) == 0 {
                names += first.choices
            }
            if Self.pathCommands.contains(context.name) { names += paths(word) }
        }
        // Command-form arguments are values: command names only where a command can start
        // (the statement's first word, after `|` or `(`) or as functions in numpy-form calls.
        if !(context?.isCommandForm ?? false) { names += registry.names }
        names += workspace.userNames + Constants.names + ["True", "False", "None"]
        return Array(Set(names.filter { $0.hasPrefix(partial) && !$0.isEmpty })).sorted()
    }

    static func isIdentifier(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// The `name=` keywords written in the current call or pipeline stage before the cursor.
    static func givenOptions(_ chars: [Character]) -> Set<String> {
        var stage = chars.count
        var depth = 0
        while stage > 0 {
            let c = chars[stage - 1]
            if c == ")" { depth += 1 } else if c == "(" { if depth == 0 { break }; depth -= 1 }
            if depth == 0 && (c == "|" || c == ";") { break }
            stage -= 1
        }
        var given: Set<String> = []
        var i = stage
        while i < chars.count {
            if chars[i] == "=" && i + 1 < chars.count && chars[i + 1] == "=" { i += 2; continue }
            if chars[i] == "=" && i > 0 && !"=!<>".contains(chars[i - 1]) {
                var k = i
                while k > stage && isIdentifier(chars[k - 1]) { k -= 1 }
                if k < i { given.insert(String(chars[k..<i])) }
            }
            i += 1
        }
        return given
    }

    /// How many words follow the command's name in the current command-form stage.
    static func wordsAfterCommand(_ chars: [Character]) -> Int {
        var stage = chars.count
        while stage > 0 && !"|;(".contains(chars[stage - 1]) { stage -= 1 }
        var words = String(chars[stage...]).split(whereSeparator: { $0 == " " || $0 == "\t" })
        if let eq = words.firstIndex(of: "="), eq <= 3 { words = Array(words[(eq + 1)...]) }
        return max(words.count - 1, 0)
    }

    /// The index of an unclosed quote in `chars`, if any.
    func openQuote(_ chars: [Character]) -> Int? {
        var open: (Character, Int)? = nil
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let (q, _) = open {
                if c == "\\" { i += 2; continue }
                if c == q { open = nil }
            } else if c == "'" || c == "\"" {
                open = (c, i)
            } else if c == "#" {
                return nil
            }
            i += 1
        }
        return open?.1
    }

    /// The command whose arguments the cursor is in: the name before the innermost open `(`
    /// (numpy form), else the first word of the current pipeline stage (command form).
    func commandContext(_ chars: [Character]) -> (name: String, isFirstWord: Bool, isCommandForm: Bool)? {
        var depth = 0
        var i = chars.count - 1
        var stageStart = 0
        while i >= 0 {
            let c = chars[i]
            if c == ")" || c == "]" { depth += 1 }
            if c == "(" || c == "[" {
                if depth == 0 {
                    if c == "[" { return nil }
                    // `name(` is a numpy-form call; `name (` opens a nested expression.
                    var k = i
                    while k > 0 && Self.isIdentifier(chars[k - 1]) { k -= 1 }
                    if k < i { return (String(chars[k..<i]), false, false) }
                    stageStart = i + 1
                    break
                }
                depth -= 1
            }
            if depth == 0 && (c == "|" || c == ";") { stageStart = i + 1; break }
            i -= 1
        }
        let stage = String(chars[stageStart...])
        var words = stage.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // Skip an assignment: `x = reshape …`.
        if let eq = words.firstIndex(of: "="), eq <= 3 { words = Array(words[(eq + 1)...]) }
        guard let first = words.first else { return nil }
        let name = first.hasPrefix("np.") ? String(first.dropFirst(3)) : first
        guard registry[name] != nil else { return nil }
        return (name, false, true)
    }

    /// Names after `base.`.
    func attributes(of base: String) -> [String] {
        if base == "np" || base == "numpy" {
            // numpy's namespace holds array functions, not rnnsh's cells, models or views:
            // `np.zer` + Tab is `np.zeros`, not also `np.zero_state`.
            let numpyish = registry.commands.filter { Self.numpyCategories.contains($0.category) }.map(\.name)
            return numpyish + Constants.names.filter { $0 != "np" && $0 != "numpy" }
        }
        let parts = base.split(separator: ".").map(String.init)
        guard let first = parts.first, var value = workspace[first] else { return [] }
        for p in parts.dropFirst() {
            switch value {
            case .record(let r): guard let v = r[p] else { return [] }; value = v
            case .object(let o): guard let v = o.attribute(p) else { return [] }; value = v
            default: return []
            }
        }
        var names = Attributes.names(of: value)
        if Attributes.acceptsMethods(value) { names += registry.commands.filter(\.isMethod).map(\.name) }
        return names
    }

    /// Files and directories whose path starts with `typed` (directories end with `/`).
    func paths(_ typed: String) -> [String] {
        let fm = FileManager.default
        var dirPart = ""
        var filePart = typed
        if let slash = typed.lastIndex(of: "/") {
            dirPart = String(typed[...slash])
            filePart = String(typed[typed.index(after: slash)...])
        }
        var dir = dirPart.isEmpty ? "." : dirPart
        if dir == "~/" || dir.hasPrefix("~/") { dir = Interpreter.homeDirectory + dir.dropFirst() }
        if !dir.hasPrefix("/") { dir = (workingDirectory ?? fm.currentDirectoryPath) + "/" + dir }
        guard let entries = try? fm.contentsOfDirectory(atPath: dir) else { return [] }
        var out: [String] = []
        for e in entries where e.hasPrefix(filePart) && (!e.hasPrefix(".") || filePart.hasPrefix(".")) {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: dir + "/" + e, isDirectory: &isDir)
            out.append(dirPart + e + (isDir.boolValue ? "/" : ""))
        }
        return out.sorted()
    }
}

extension Interpreter {
    /// Completion candidates for the word that ends at `cursor` (a count of characters into
    /// `line`): whole words for the token being typed — command and variable names, `name=`
    /// options of the command being typed, attributes and methods after `x.`, numpy names after
    /// `np.`, and file paths inside quotes or after `load`/`run`/`save`. Sorted, no duplicates.
    public func completions(line: String, cursor: Int) -> [String] {
        Completer(registry: registry, workspace: workspace, workingDirectory: options.workingDirectory)
            .candidates(line: line, cursor: cursor)
    }
}
