// The rnnsh executable: flags and the non-interactive front ends (pipe mode, scripts, -c,
// --check, print/repr of array files, docs). The interactive REPL lives beside this file.
import ArgumentParser
import Foundation
import RNN
import Shell

/// `rnnsh [FILE.rnn...] [-c STATEMENTS] [--check [--update]] [--keep-going]`, plus the
/// subcommands `print`, `repr`, `docs`, `bench`.
struct RNNShell: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnnsh",
        abstract: "A shell for learning recurrent networks: numpy-exact arrays, an LSTM engine, a REPL.",
        discussion: """
            With no arguments: an interactive shell when stdin is a terminal, otherwise statements \
            are read from stdin (errors go to stderr and the next statement runs).

            Other modes: `rnnsh print FILE.npy|.npz`, `rnnsh repr FILE.npy` (numpy's text for a saved array), `rnnsh docs` (the command reference as Markdown), `rnnsh bench`.
            """,
        version: "rnnsh \(Version.number)\nGEMM kernels: \(GEMMKernels.description)")

    @Option(name: .customShort("c"), parsing: .unconditional, help: ArgumentHelp("Run these statements (separated by ';' or newlines) and exit.", valueName: "statements"))
    var command: String?

    @Flag(help: "Replay each FILE.rnn and compare with FILE.out; print a unified diff on any difference.")
    var check = false

    @Flag(help: "With --check: rewrite FILE.out instead of comparing.")
    var update = false

    @Flag(help: "When replaying a script, show an error and continue (the exit status is still 1).")
    var keepGoing = false

    @Argument(help: "Session scripts (.rnn) to replay as transcripts.")
    var files: [String] = []

    @Flag(help: "Print the version, the CPU and the matrix-product kernels chosen for it, and exit.")
    var version = false

    func run() throws {
        if version {
            print(VersionInfo.text)
            return
        }
        let status = Frontends.main(command: command, check: check, update: update, keepGoing: keepGoing, files: files)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `rnnsh print FILE.npy|FILE.npz`: numpy's str of a saved array (an .npz as the list of its arrays).
struct PrintFile: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "print", abstract: "Print an .npy/.npz file as numpy's print() does.")
    @Argument(help: "An .npy or .npz file.") var file: String
    func run() throws {
        let status = FileCommands.run(["print", file]) ?? 1
        if status != 0 { throw ExitCode(status) }
    }
}

/// `rnnsh repr FILE.npy`: numpy's repr of a saved array.
struct ReprFile: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repr", abstract: "Print an .npy file as numpy's repr() does.")
    @Argument(help: "An .npy or .npz file.") var file: String
    func run() throws {
        let status = FileCommands.run(["repr", file]) ?? 1
        if status != 0 { throw ExitCode(status) }
    }
}

/// `rnnsh docs`: the command reference (docs/commands.md) as Markdown on stdout.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "docs", abstract: "Print the command reference (docs/commands.md) as Markdown.")
    func run() throws {
        FileHandle.standardOutput.write(Data(DocsGenerator.markdown().utf8))
    }
}

/// `rnnsh bench`: the engine's benchmarks (see Bench.swift).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Run the benchmarks.")
    func run() throws {
        let status = runBench()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The tool modes, chosen by the first word (`rnnsh print …`). They are not subcommands of
/// `RNNShell` because its positional script arguments would swallow the word.
struct Tools: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rnnsh", subcommands: [PrintFile.self, ReprFile.self, Docs.self, BenchCommand.self])
    static let names: Set<String> = ["print", "repr", "docs", "bench"]
}

let arguments = Array(CommandLine.arguments.dropFirst())
if let first = arguments.first, Tools.names.contains(first) {
    Tools.main(arguments)
} else {
    RNNShell.main()
}
