import Foundation
import Shell

/// `rnnsh FILE.rnn` and `rnnsh --check FILE.rnn...`.
enum Transcripts {
    /// Replays a script, printing the transcript live. The first unexpected error goes to stderr
    /// as `FILE:LINE: error: …` and ends the replay with status 1 (unless `keepGoing`).
    /// A Python file (`.py`, a tutorial's program) runs as `python3 FILE.py` runs it: only what
    /// it prints, no echoed statements.
    static func replay(file: String, keepGoing: Bool) -> Int32 {
        let source: String
        do { source = try FileText.read(file) } catch {
            Frontends.writeErr(error.rendered(color: Frontends.stderrColor))
            return 1
        }
        // A program's warnings name it as python3 names a script: its absolute path, with the
        // source line. A transcript's statements are typed input (`<stdin>`).
        let isProgram = file.hasSuffix(".py")
        let place: Interpreter.Options.WarningPlace = isProgram
            ? .script(URL(fileURLWithPath: file).standardizedFileURL.path) : .stdin
        let shell = Frontends.interpreter(mode: isProgram ? .program : .session, warnings: place, argv: [file])
        let result = Transcript.replay(source, interpreter: shell, keepGoing: keepGoing, echo: !isProgram, onText: { text in
            LiveOutput.endProgress()
            StandardStreams.out(text)
        }, onProgress: LiveOutput.progress, onWarning: { warning in
            LiveOutput.endProgress()
            Frontends.writeErr(warning)
        })
        LiveOutput.endProgress()
        for (line, error) in result.errors {
            Frontends.writeErr(error.rendered(color: Frontends.stderrColor, prefix: "\(file):\(line): "))
        }
        if let status = shell.exitStatus, status != 0 { return status }
        return result.errors.isEmpty ? 0 : 1
    }

    /// The comment line that exempts a script from `--check`.
    static let noTranscriptMarker = "# rnnsh: no transcript"

    /// What `--check` concluded about one script.
    enum CheckResult {
        case passed, failed, skipped, updated
    }

    /// Compares each script's transcript with the `.out` beside it (or rewrites it), prints
    /// `FAIL FILE` for each script that differs, and ends with the `N passed, M failed` line test
    /// runners close with.
    static func check(files: [String], update: Bool) -> Int32 {
        if files.isEmpty {
            Frontends.writeErr("error: --check needs at least one FILE.rnn")
            return 2
        }
        var counts: [CheckResult: Int] = [:]
        for file in files {
            let result = check(file: file, update: update)
            counts[result, default: 0] += 1
            if result == .failed { Frontends.writeOut("FAIL \(file)") }
        }
        let skipped = counts[.skipped] ?? 0, failed = counts[.failed] ?? 0
        var summary = "\((counts[.passed] ?? 0) + (counts[.updated] ?? 0)) passed, \(failed) failed"
        if skipped > 0 { summary += ", \(skipped) skipped" }
        Frontends.writeOut(summary)
        return failed > 0 ? 1 : 0
    }

    static func check(file: String, update: Bool) -> CheckResult {
        let outFile = (file.hasSuffix(".rnn") ? String(file.dropLast(4)) : file) + ".out"
        let source: String
        do { source = try FileText.read(file) } catch {
            Frontends.writeErr(error.rendered(color: Frontends.stderrColor))
            return .failed
        }
        // A script whose output varies by machine (training: timings, BLAS rounding) says
        // so with a `# rnnsh: no transcript` line; `rnnsh FILE` replays it, --check skips it.
        if source.split(separator: "\n").contains(where: { $0.hasPrefix(noTranscriptMarker) }) {
            Frontends.writeOut("skip \(file) (marked `\(noTranscriptMarker)`: its output varies by machine)")
            return .skipped
        }
        // Scripts resolve relative paths against their own directory, wherever rnnsh runs.
        let dir = URL(fileURLWithPath: file).deletingLastPathComponent().path
        // Scripts under --check are replayed as untrusted (`--safe`): writes only under the
        // current directory.
        var options = Interpreter.Options(workingDirectory: dir)
        options.writePolicy = Frontends.safePolicy
        let shell = Interpreter(options: options)
        let result = Transcript.replay(source, interpreter: shell, keepGoing: true)
        var failed = false
        for (line, error) in result.errors {
            Frontends.writeErr(error.rendered(color: Frontends.stderrColor, prefix: "\(file):\(line): "))
            failed = true
        }
        if update {
            do { try FileText.writeAtomically(result.text, to: outFile) } catch {
                Frontends.writeErr(error.rendered(color: Frontends.stderrColor))
                return .failed
            }
            Frontends.writeOut("updated \(outFile)")
            return failed ? .failed : .updated
        }
        // A missing transcript is an error of its own, not a diff against an empty file.
        guard FileManager.default.fileExists(atPath: outFile) else {
            Frontends.writeErr("error: \(file): no transcript \(outFile) to compare with (create it with --check --update)")
            return .failed
        }
        let expected = (try? FileText.read(outFile)) ?? ""
        if let diff = Transcript.unifiedDiff(expected: expected, actual: result.text, expectedName: outFile, actualName: "\(file) (replayed)") {
            StandardStreams.out(diff)
            return .failed
        }
        if failed { return .failed }
        Frontends.writeOut("ok \(file)")
        return .passed
    }
}
