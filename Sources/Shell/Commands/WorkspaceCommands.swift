import Foundation
import Tensor

/// Commands about the session itself: help, the workspace, history, scripts, timing, leaving.
enum WorkspaceCommands {
    static let all: [Command] = [help, vars, del, clear, reset, history, run, time, limit, quit, exit]

    static let help = Command(
        name: "help", category: "Workspace",
        summary: "List the commands, or explain one (also ?CMD, CMD?, help np.CMD, help x.CMD).",
        parameters: [Parameter("command", .word, default: .none, help: "a command, np.NAME, VAR.METHOD, a category, or a topic: pipe, operators, mutation")],
        help: """
            Without an argument, lists the commands by category. `help CATEGORY` lists one \
            category with a line on each command; `help CMD` shows the command's usage, its \
            arguments and options, and examples with their output. As in IPython, `?CMD`, \
            `CMD?` and `CMD??` ask the same, and numpy's spellings work: `help np.reshape`, \
            `np.reshape?`, and a method of a variable, `x.reshape?`; a variable itself, `x?`, \
            shows its type and value (and for an array what `info` tells). On a terminal a long page \
            opens in a pager ($PAGER, else less). `help pipe`, `help operators` and `help mutation` \
            explain the statement language: when `|` is a pipe, numpy's operators, arrays that change.
            """,
        examples: [Example("help transpose"), Example("?print"), Example("x = arange 3\nx.reshape?"), Example("help pipe")],
        run: { call in
            let width = min(max(call.interpreter.display.width, 40), 120)
            guard let asked = call.arguments.string("command") else {
                call.print(Help.overview(call.registry, width: width))
                return .none
            }
            // A variable named like a category (`lstm`) is the variable, as in IPython; the
            // category's own spelling (`help LSTM`) still lists it.
            let isVariable = call.workspace[asked] != nil && call.registry[asked] == nil
            if let category = call.registry.categories.first(where: { isVariable ? $0 == asked : $0.lowercased() == asked.lowercased() }) {
                call.print(Help.category(category, call.registry))
                return .none
            }
            if call.registry[asked] == nil, !isVariable, let topic = HelpTopics.page(asked) {
                call.print(topic)
                return .none
            }
            // `x?` on a variable that is not a command: IPython's answer (type, value) and more.
            if isVariable, let value = call.workspace[asked] {
                var related: [(name: String, array: NDArray)] = []
                for n in call.workspace.userNames where n != asked {
                    if case .array(let a)? = call.workspace[n] { related.append((n, a)) }
                }
                call.print(VariableHelp.page(asked, value, related: related))
                return .none
            }
            let (name, receiver) = Help.resolve(asked, isVariable: { call.workspace[$0] != nil })
            guard let command = call.registry[name] else {
                throw call.error(Suggest.message("no command named '\(asked)'", name: name, candidates: call.registry.names),
                                 argument: "command")
            }
            if let receiver, !command.isMethod {
                call.print("(\(receiver).\(name) is not a method of arrays; this is the command \(name))")
            }
            call.print(Help.page(command, width: width, registry: call.registry))
            return .none
        })

    static let vars = Command(
        name: "vars", category: "Workspace",
        summary: "List the variables: name, kind, shape, dtype, size (like IPython's %whos).",
        help: """
            Shows every variable of the workspace in the order they were created, with its kind, \
            and for arrays their shape, dtype and number of elements; other values get a short \
            summary. `_` (the last result) is not listed.
            """,
        examples: [Example("x = 3\nname = 'lstm'\nvars")],
        run: { call in
            call.print(VariableTable.render(call.workspace))
            return .none
        })

    static let del = Command(
        name: "del", category: "Workspace",
        summary: "Delete variables.",
        parameters: [Parameter("names", .word, variadic: true, help: "the variables to delete")],
        help: "Removes the named variables from the workspace, like Python's `del x, y`.",
        examples: [Example("x = 1\ny = 2\ndel x\nvars")],
        run: { call in
            var ws = call.workspace
            for item in call.arguments["names"].sequenceItems ?? [] {
                guard case .string(let n) = item else { continue }
                for name in n.split(separator: ",").map({ String($0) }) where !name.isEmpty {
                    guard name.unicodeScalars.allSatisfy({ Lexer.isIdentifierContinue($0) }) else {
                        throw call.error("cannot delete \(ValueFormatter.pythonStringRepr(name)): not a variable name", argument: "names")
                    }
                    guard ws[name] != nil else {
                        throw call.error(Suggest.message("name '\(name)' is not defined", name: name, candidates: ws.names),
                                         argument: "names")
                    }
                    ws[name] = nil
                }
            }
            call.workspace = ws
            return .none
        })

    /// A shell user's reflex: `clear` clears the screen and nothing else (it used to empty the
    /// workspace, wiping a trained model without a word).
    static let clear = Command(
        name: "clear", category: "Workspace",
        summary: "Clear the terminal screen (variables are kept; `reset` deletes them).",
        help: """
            Clears the screen as the shell's `clear` does. Outside a terminal (pipes, scripts, \
            transcripts) it prints nothing. Your variables stay; to delete them all use `reset`.
            """,
        examples: [Example("x = 1\nclear\nx")],
        run: { call in
            // A transient line is the one output the front ends put on a terminal only and
            // without a newline: home, erase the screen and the scrollback.
            call.emit(.progress("\u{1B}[H\u{1B}[2J\u{1B}[3J"))
            return .none
        })

    /// Emptying the workspace: asks first on a terminal, since a trained model is minutes of work.
    static let reset = Command(
        name: "reset", category: "Workspace",
        summary: "Delete every variable (asks y/N first on a terminal).",
        help: """
            Empties the workspace (IPython's `%reset`, MATLAB's `clear`). In the interactive \
            shell it first asks `Delete all N variables? [y/N]` and does nothing unless you \
            answer y. In scripts, pipes and `-c` it does not ask (there is nobody to answer), \
            so a replayed session behaves the same every time. History is kept.
            """,
        examples: [Example("x = 1\nreset\nvars")],
        run: { call in
            let count = call.workspace.names.filter { $0 != "_" }.count
            if count > 0, let confirm = call.interpreter.options.confirm {
                let question = "Delete all \(count) variable\(count == 1 ? "" : "s")? [y/N] "
                guard confirm(question) else {
                    call.print("nothing deleted")
                    return .none
                }
            }
            call.workspace.removeAll()
            return .none
        })

    static let history = Command(
        name: "history", category: "Workspace",
        summary: "Show the statements typed so far, or save the ones that worked as a script.",
        parameters: [Parameter("action", .word, default: .none, help: "`save` to write a script"),
                     Parameter("file", .path, default: .none, help: "where `history save` writes")],
        help: """
            `history` lists the statements of this session, numbered. `history save FILE` writes \
            the statements that succeeded, one per line, as a `.rnn` script that `run FILE` or \
            `rnnsh FILE` replays.
            """,
        examples: [Example("x = 1\ny = x + 1\nhistory")],
        run: { call in
            let action = call.arguments.string("action")
            switch action {
            case nil:
                let lines = call.interpreter.history
                let width = String(lines.count).count
                call.print(lines.enumerated().map { i, s in
                    let n = String(i + 1)
                    return String(repeating: " ", count: width - n.count) + n + "  " + s.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width + 2))
                }.joined(separator: "\n"))
            case "save"?:
                guard let file = call.arguments.string("file") else {
                    throw call.error("history save needs a file name", explanation: "usage: history save FILE")
                }
                let text = call.interpreter.lastSucceededStatements.map { $0 + "\n" }.joined()
                try FileText.writeAtomically(text, to: call.writablePath(file), shown: file)
                let n = call.interpreter.lastSucceededStatements.count
                call.print("saved \(n) statement\(n == 1 ? "" : "s") to \(file)")
            case let other?:
                throw call.error("unknown history action \(ValueFormatter.pythonStringRepr(other))", argument: "action", explanation: "use `history` or `history save FILE`")
            }
            return .none
        })

    static let run = Command(
        name: "run", category: "Workspace",
        summary: "Run a script's statements in this workspace.",
        parameters: [Parameter("file", .path, help: "an .rnn script")],
        help: """
            Replays the statements of FILE into the current workspace, printing what they print. \
            A statement marked with a trailing `# error:` comment is expected to fail and does \
            not stop the script; any other failure stops it with `FILE:LINE: error`, and — like \
            any failed statement — leaves the workspace as it was before `run`.
            """,
        examples: [],
        run: { call in
            guard let file = call.arguments.string("file") else { _ = try call.path("file"); return .none }
            try ScriptRunner.run(file: file, into: call)
            return .none
        })

    static let time = Command(
        name: "time", category: "Workspace",
        summary: "Run a statement and report how long it took.",
        parameters: [Parameter("statement", .statement, help: "any statement, e.g. `x = arange 1000000`")],
        help: """
            Runs the statement as if typed (assignments happen, output prints) and then prints \
            its wall-clock time, like IPython's `%time`.
            """,
        examples: [Example("time x = arange 1000", deterministic: false)],
        run: { call in
            guard let (statement, text) = call.arguments.statement("statement") else { return .none }
            let clock = ContinuousClock()
            let start = clock.now
            _ = try call.execute(statement, text: text)
            let elapsed = clock.now - start
            call.print("Wall time: " + Durations.format(elapsed))
            return .none
        })

    /// The memory budget's only user-facing control: every "Unable to allocate" explanation
    /// names this command.
    static let limit = Command(
        name: "limit", category: "Workspace",
        summary: "Show or set the memory budget for all arrays (default: a quarter of physical memory).",
        parameters: [Parameter("gib", .float, default: .none, help: "the new budget in GiB, e.g. 8 or 0.5")],
        help: """
            One budget covers every array alive — the workspace and the temporaries of the \
            running statement — and the lists and strings a statement builds. An allocation \
            that would go over it is refused before any memory is touched, with numpy's \
            `Unable to allocate …` message (or Python's MemoryError for lists and strings). \
            `limit` shows the budget; `limit 8` sets it to 8 GiB for the rest of the session.
            """,
        examples: [Example("limit")],
        run: { call in
            if let gib = call.arguments.double("gib") {
                let bytes = gib * Double(1 << 30)
                guard gib.isFinite, bytes >= 1, bytes < Double(1 << 62) else {
                    throw call.error("limit must be a positive number of GiB below 4294967296, not \(gib)", argument: "gib")
                }
                try call.checkMaySetSettings("the memory budget")
                Limits.maxBytes = Int(bytes)
            }
            call.print("memory limit: " + Limits.formatBytes(Limits.maxBytes))
            return .none
        })

    static let quit = Command(
        name: "quit", category: "Workspace",
        summary: "Leave rnnsh (also exit, Ctrl-D).",
        parameters: [Parameter("status", .int, default: .int(0), help: "exit status")],
        help: "Ends the session. In the REPL, history is saved first.",
        run: { call in
            call.interpreter.exitStatus = Int32(truncatingIfNeeded: call.arguments.int("status") ?? 0)
            return .none
        })

    static let exit: Command = {
        var c = quit
        c.name = "exit"
        c.summary = "Leave rnnsh (same as quit)."
        return c
    }()
}

/// `1.23 ms`, `45.6 s`: three significant digits in a unit that reads well.
enum Durations {
    static func format(_ d: Duration) -> String {
        let (s, atto) = d.components
        let seconds = Double(s) + Double(atto) / 1e18
        if seconds >= 1 { return String(format: "%.3g s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.3g ms", seconds * 1e3) }
        return String(format: "%.3g µs", seconds * 1e6)
    }
}
