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

    @Flag(help: "Replay untrusted statements: files may be read, but written only under the current directory; no history, no settings. --check always replays this way.")
    var safe = false

    @Argument(help: "Session scripts (.rnn) to replay as transcripts; a Python program (.py) runs showing only its output.")
    var files: [String] = []

    @Flag(help: "Print the version, the CPU and the matrix-product kernels chosen for it, and exit.")
    var version = false

    func run() throws {
        if version {
            print(VersionInfo.text)
            return
        }
        Frontends.safe = safe
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
    @Flag(name: .customLong("claims"), help: "Print the help-claims differential cases instead (Tests/ShellTests/Fixtures/differential/help-claims.py).")
    var claims = false
    func run() throws {
        StandardStreams.out(claims ? DocsGenerator.claimCases() : DocsGenerator.markdown())
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

// A long session creates and drops big arrays all the time. glibc raises its mmap threshold
// each time such a block is freed, after which big arrays come from the heap, whose free space
// is fragmented and never returned: 300 × `z = np.ones(10**6)` grew RSS to 2.35 GB. A fixed
// threshold keeps every block of 128 KiB and more in its own mapping, returned to the system
// on free, and a trim threshold returns the heap's free top.
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
let M_TRIM_THRESHOLD: Int32 = -1, M_MMAP_THRESHOLD: Int32 = -3  // <malloc.h>, not in Glibc's module
_ = mallopt(M_MMAP_THRESHOLD, 128 << 10)
_ = mallopt(M_TRIM_THRESHOLD, 1 << 20)

let arguments = Array(CommandLine.arguments.dropFirst())
if let first = arguments.first, Tools.names.contains(first) {
    Tools.main(arguments)
} else if isatty(STDIN_FILENO) != 0 {
    // At a terminal the shell stays on the main thread: run on LargeStack's thread, readline's
    // prompt no longer took Ctrl-C (the half-typed line stayed) or a hang-up (no exit 129), as
    // REPLKeystrokeTests showed. Deep values typed at the prompt have the main thread's stack.
    RNNShell.main()
} else {
    // Scripts and pipes run on a thread with room for deep values (see LargeStack); main()
    // exits itself on errors.
    LargeStack.run {
        RNNShell.main()
        return 0
    }
}
