import Foundation
import TestSupport
import Testing
import Tensor
@testable import Shell

/// Issue 12, checked on the real binary: broken output streams end quietly with Python's
/// status, Ctrl-C stops each kind of long operation and the statement changes nothing, SIGTERM
/// ends the REPL and keeps its history, kill -9 during a save never damages the target or
/// leaves temporaries behind, and a long session's memory stays flat.
@Suite(.serialized) struct RobustnessProcessTests {
    typealias Running = TrainProcessTests.Running

    static let interopFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InteropTests/Fixtures").path

    static func tempDir(_ label: String) throws -> String { try ScratchDirectory("robust-\(label)").path }

    /// Runs `script` with bash (rnnsh's path in `$R`); returns the exit status and stderr.
    static func bash(_ script: String) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        var env = ProcessInfo.processInfo.environment
        env["R"] = try REPLTerminal.binary().path
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Found by the red team: a failed write to stdout trapped (`try!` in the output path).
    /// Python ends with status 120 after one line on stderr; a broken pipe says nothing.
    @Test func brokenOutputStreamsEndQuietlyWithStatus120() throws {
        let full = try Self.bash(#""$R" -c 'arange 5' > /dev/full; echo "status $?" >&2"#)
        #expect(full.stderr == "rnnsh: cannot write to stdout: [Errno 28] No space left on device\nstatus 120\n")
        let closed = try Self.bash(#""$R" -c 'arange 5' >&-; echo "status $?" >&2"#)
        #expect(closed.stderr == "rnnsh: cannot write to stdout: [Errno 9] Bad file descriptor\nstatus 120\n")
        let pipe = try Self.bash(#"trap '' PIPE; set -o pipefail; yes 'arange 5' 2>/dev/null | head -n 20000 2>/dev/null | "$R" | head -c 10 > /dev/null; echo "status $?" >&2"#)
        #expect(pipe.stderr == "status 120\n")
        let noStderr = try Self.bash(#""$R" -c 'x = undefined_name' 2>&-; echo "status $?" >&2"#)
        #expect(noStderr.stderr == "status 120\n")
    }

    /// Ctrl-C (SIGINT) during each kind of long operation: the statement fails with
    /// `interrupted` soon after, nothing after it runs, and rnnsh is not killed.
    @Test(arguments: [
        ("matmul", "a = np.ones((2500, 2500)); b = a @ a"),
        ("literal", "x = np.array([[0.5] * 5000] * 5000)"),
        ("printing", "x = [[1] * 4000] * 4000; print(x)"),
        // Formatting every float of a big array (digits, then layout) had no check: 113 s from
        // Ctrl-C to the prompt for 10^7 elements in a debug build.
        ("float array printing", "np.set_printoptions(threshold=10**9); a = np.random.rand(3 * 10**6); a"),
        // print(x) of a long array wrote the text its formatter had cut short at Ctrl-C and
        // went on (status 0), and s = str(x) bound the cut text; rows shorter than the row
        // loop's poll were never checked at all (red team, second stop).
        ("print of a long array", "np.set_printoptions(threshold=10**9); x = np.ones(10**7); print(x)"),
        ("str of a long array", "np.set_printoptions(threshold=10**9); x = np.ones(10**7); s = str(x)"),
        ("many short rows", "np.set_printoptions(threshold=10**9); x = np.ones((10**7, 3)); x"),
        ("elementwise", "x = np.ones(3 * 10**7); " + String(repeating: "y = x * 2 + 1 - x * 3; ", count: 40)),
        // 1.2 GB of draws: the first fill of the draws' buffer and the copy into the array
        // stopped nowhere (9 s from Ctrl-C to the prompt at 3·10^8 in a debug build).
        ("huge randint", "y = np.random.randint(0, 7, 15 * 10**7)"),
        // 3·10^12 elements described by 3 stored values: the reduction loop never looked at
        // Ctrl-C (still running 300 s after it).
        ("reduction over a broadcast view", "x = np.ones(3); y = np.broadcast_to(x, (2**40, 3)); m = y.max()"),
        // Knuth's division of a 4-million-bit number (~45 s in a debug build) polls for Ctrl-C.
        ("bigint division", "x = (1 << 4000000) // ((1 << 2400000) - 1)"),
        // libhdf5 never returns on this file; the read runs in a child, which Ctrl-C kills.
        ("damaged hdf5", "load '\(RobustnessProcessTests.interopFixtures)/damaged_hdf5_hangs.h5'"),
    ])
    func ctrlCStopsALongOperation(name: String, statement: String) throws {
        let p = try Running(["-c", "print('go')\n\(statement)\nprint('done')"], environment: ["NO_COLOR": "1"])
        #expect(p.wait(timeout: 60) { $0.contains("go") }, "\(name) did not start: \(p.stderr)")
        usleep(400_000)
        let started = Date()
        kill(p.process.processIdentifier, SIGINT)
        let status = p.finish(timeout: 30)
        let took = Date().timeIntervalSince(started)
        #expect(status == 1, "\(name): status \(String(describing: status)), stderr \(p.stderr)")
        #expect(p.stderr.hasPrefix("error: interrupted\nstopped by Ctrl-C; the workspace is unchanged\n"), "\(name): \(p.stderr)")
        #expect(!p.stdout.contains("done"))
        // The issue asks for 0.5 s (measured by scripts/measure_robustness.sh on an idle
        // machine); a loaded test machine gets slack, a hang does not.
        #expect(took < 3, "\(name) took \(took) s to stop")
    }

    /// Ctrl-C while `load` rebuilds a torch tensor of 2.5·10^8 elements from one stored
    /// element (stride 0, as `expand` saves it; 1 GB to write): the load stops within the
    /// bound and the next statement runs. The rebuild once built an index of every element
    /// first, without a check.
    @Test func ctrlCStopsATorchTensorRebuild() throws {
        let dir = try Self.tempDir("torch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func string(_ s: String) -> [UInt8] { [0x58] + withUnsafeBytes(of: UInt32(s.utf8.count).littleEndian) { Array($0) } + Array(s.utf8) }
        let n = 250_000_000
        // OrderedDict([('w', _rebuild_tensor_v2(storage('0', numel 1), 0, (n,), (0,), False, None))])
        let pickle: [UInt8] = [0x80, 0x02] + Array("ccollections\nOrderedDict\n".utf8) + [0x29, 0x52] + string("w")
            + Array("ctorch._utils\n_rebuild_tensor_v2\n".utf8) + [0x28, 0x28] + string("storage") + Array("ctorch\nFloatStorage\n".utf8)
            + string("0") + string("cpu") + [0x4b, 1, 0x74, 0x51, 0x4b, 0, 0x4a] + withUnsafeBytes(of: Int32(n).littleEndian) { Array($0) }
            + [0x85, 0x4b, 0, 0x85, 0x89, 0x4e, 0x74, 0x52, 0x73, 0x2e]
        let zip = try ZipArchive.encode([(name: "a/data.pkl", data: pickle), (name: "a/data/0", data: [0, 0, 0xc0, 0x3f])], compressed: false)
        try Data(zip).write(to: URL(fileURLWithPath: dir + "/big.pt"))
        let p = try Running(["-c", "print('go')\nload 'big.pt'\nprint('next')"], environment: ["NO_COLOR": "1"], directory: dir)
        #expect(p.wait(timeout: 60) { $0.contains("go") }, "did not start: \(p.stderr)")
        usleep(150_000)
        let started = Date()
        kill(p.process.processIdentifier, SIGINT)
        let status = p.finish(timeout: 30)
        let took = Date().timeIntervalSince(started)
        #expect(status == 1, "status \(String(describing: status)), stderr \(p.stderr)")
        #expect(p.stderr.hasPrefix("error: interrupted"), "\(p.stderr)")
        #expect(took < 3, "took \(took) s to stop")
    }

    /// Ctrl-C during `np.tile` of 10^8 elements: tile copied through an index of every output
    /// element (2.4 GB of Ints, then an 8-byte copy each) with no check, and the statement
    /// ended ~75 s after Ctrl-C (red team). It now copies whole blocks, checking between them.
    /// The signal goes 0.1 s into the tile; on a machine where 3 copies finish sooner, 6 are
    /// asked for.
    @Test func ctrlCStopsATileWithinAFractionOfASecond() throws {
        for reps in [3, 6] {
            let p = try Running(["-c", "x = np.ones(10**8)\nprint('go')\ny = np.tile(x, \(reps))\nprint('done')"], environment: ["NO_COLOR": "1"])
            #expect(p.wait(timeout: 120) { $0.contains("go") }, "did not start: \(p.stderr)")
            usleep(100_000)
            let finishedEarly = p.stdout.contains("done")
            let started = Date()
            kill(p.process.processIdentifier, SIGINT)
            let status = p.finish(timeout: 120)
            let took = Date().timeIntervalSince(started)
            if finishedEarly && reps == 3 { continue }
            #expect(!finishedEarly, "np.tile(x, \(reps)) finished before Ctrl-C")
            #expect(status == 1, "status \(String(describing: status)), stderr \(p.stderr)")
            #expect(p.stderr.hasPrefix("error: interrupted\nstopped by Ctrl-C; the workspace is unchanged\n"), "\(p.stderr)")
            #expect(!p.stdout.contains("done"))
            // ~0.1 s here when idle (checks every 32 MB copied); slack for a loaded machine.
            #expect(took < 1.5, "took \(took) s to stop")
            return
        }
    }

    /// Sizes for the statements below: `SCALE` is replaced by a factor that starts at 1 and
    /// grows when the statement finished before the Ctrl-C (a fast machine); a debug build is
    /// ~10× slower, so it starts at a tenth.
    #if DEBUG
    static let big = "SCALE * 10**6"
    static let side = "int(400 * SCALE ** (1 / 3))"
    #else
    static let side = "int(1200 * SCALE ** (1 / 3))"
    static let big = "SCALE * 10**7"
    #endif

    /// Ctrl-C during the long operations issue 12 found uninterruptible (files, sorts, linear
    /// algebra, einsum, random draws), as piped statements: the statement stops, the one
    /// after it still runs and sees the workspace as it was (`y` keeps its old value), and
    /// no file the statement was writing is left behind. scripts/ctrl_c_latency.py measures
    /// how soon each stops on the release build.
    ///
    /// The signal goes 0.1 s after the statement starts. On a fast machine some statements
    /// (an einsum, a random draw) finish sooner than that; the statement's own output
    /// (`print(y)` after it) then shows before the signal is sent, so the case is run again
    /// with its sizes doubled, up to 3 times. Output after the signal that shows the statement
    /// completed is a failure: Ctrl-C did not stop it.
    @Test(arguments: [
        ("npz save", "a = np.random.rand(2 * \(big))", "np.savez_compressed('out.npz', a=a, b=a, c=a)"),
        ("sort", "a = np.random.rand(3 * \(big))", "y = np.sort(a)"),
        ("argsort", "a = np.random.rand(3 * \(big))", "y = np.argsort(a)"),
        ("unique", "a = np.random.randint(0, 10**9, 3 * \(big))", "y = np.unique(a)"),
        ("percentile", "a = np.random.rand(3 * \(big))", "y = np.percentile(a, [10, 50, 90])"),
        ("einsum", "a = np.random.rand(\(side), \(side))", "y = np.einsum('ij,jk->ik', a, a)"),
        ("inv", "a = np.random.rand(int(4000 * SCALE ** (1 / 3)), int(4000 * SCALE ** (1 / 3)))", "y = np.linalg.inv(a)"),
        ("random", "", "y = np.random.rand(8 * \(big))"),
        ("randint", "", "y = np.random.randint(0, 7, 8 * \(big))"),
        ("generator", "g = np.random.default_rng(0)", "y = g.normal(size=8 * \(big))"),
        // The distributions (one shared fill loop), broadcast parameters, and vector-valued draws.
        ("legacy gamma", "", "y = np.random.gamma(2.5, size=8 * \(big))"),
        ("generator beta broadcast", "g = np.random.default_rng(0)", "y = g.beta([0.5, 2], 3, size=(2 * \(big), 2))"),
        ("multinomial", "", "y = np.random.multinomial(100, [0.2, 0.3, 0.5], size=\(big))"),
        ("dirichlet", "", "y = np.random.dirichlet([1, 2, 3], size=\(big))"),
        // Without replacement numpy shuffles the whole population: a permutation of 3·10^8
        // had no Ctrl-C check (hung for minutes in a debug build, 4.8 s in release).
        ("choice without replacement", "", "y = np.random.choice(30 * \(big), 3, replace=False)"),
        ("permutation", "", "y = np.random.permutation(30 * \(big))"),
        ("generator choice", "g = np.random.default_rng(0)", "y = g.choice(30 * \(big), 10 * \(big), replace=False)"),
        // With p: the probabilities were boxed one scalar at a time, then one pick per draw, no check.
        ("choice with p", "p = np.ones(10 * \(big)) / (10 * \(big))", "y = np.random.choice(10 * \(big), 10 * \(big), p=p)"),
        // Rejection loops that never accept (numpy's C spins too): each draw gave up only after
        // 4096 tries once Ctrl-C came, and the fill loop checked every 2^20 draws, so these
        // went on for over a minute after Ctrl-C.
        ("zipf near 1", "", "y = np.random.zipf(1.0000001, size=10**6)"),
        // A string split into tens of millions of parts went through Foundation, deaf to Ctrl-C.
        ("str split", "s = 'a,' * (3 * \(big))", "y = s.split(',')"),
    ])
    func ctrlCStopsAndChangesNothing(name: String, setup: String, statement: String) throws {
        // A square's side grows by the cube root of the scale (the work of an n×n product or
        // inverse grows as n³).
        let scales = ["1", "2", "4"]
        for (attempt, scale) in scales.enumerated() {
            let dir = try Self.tempDir("ctrlc")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let scaled = { (text: String) in text.replacingOccurrences(of: "SCALE", with: scale) }
            let script = "y = 1\n\(scaled(setup))\nprint('go')\n\(scaled(statement))\nprint(y)\nprint('end')\n"
            try script.write(toFile: dir + "/input.txt", atomically: true, encoding: .utf8)
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
            let p = try Running([], environment: ["NO_COLOR": "1", "HOME": dir], input: dir + "/input.txt", directory: dir)
            #expect(p.wait(timeout: 300) { $0.contains("go") }, "\(name) did not start: \(p.stderr)")
            usleep(100_000)
            let finishedEarly = p.stdout.split(separator: "go\n", maxSplits: 1).dropFirst().first.map { !$0.isEmpty } ?? false
            kill(p.process.processIdentifier, SIGINT)
            let status = p.finish(timeout: 60)
            if finishedEarly && attempt < scales.count - 1 { continue }
            #expect(!finishedEarly, "\(name) finished before Ctrl-C even at scale \(scale)")
            #expect(status == 1, "\(name): status \(String(describing: status)), stderr \(p.stderr)")
            #expect(p.stderr.hasPrefix("<stdin>:4: error: interrupted"), "\(name): \(p.stderr)")
            // The same explanation for every interrupt (a random draw's once had none).
            #expect(p.stderr.contains("\nstopped by Ctrl-C; the workspace is unchanged\n"), "\(name): \(p.stderr)")
            #expect(p.stdout.hasSuffix("go\n1\nend\n"), "\(name): \(p.stdout.suffix(200))")
            let after = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
            #expect(after == before, "\(name) left \(after.subtracting(before))")
            return
        }
    }

    /// numpy's file functions never expand `~` (numpy calls no `os.path.expanduser`):
    /// `np.save('~/x', a)` writes into a folder named `~` in the working directory, or fails
    /// when there is none, as CPython+numpy do; it wrote into `$HOME`. The shell's command
    /// form (`save x ~/y.npy`) still means `$HOME`, as a shell user expects.
    @Test func numpyFileFunctionsTakeTildeLiterallyAndCommandsExpandIt() throws {
        let dir = try Self.tempDir("tilde")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let home = dir + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
        func session(_ script: String) throws -> (stdout: String, errors: [Substring]) {
            try script.write(toFile: dir + "/input.txt", atomically: true, encoding: .utf8)
            let p = try Running([], environment: ["NO_COLOR": "1", "HOME": home], input: dir + "/input.txt", directory: dir)
            _ = p.finish(timeout: 120)
            return (p.stdout, p.stderr.split(separator: "\n").filter { $0.contains("rror") })
        }
        // No folder `~`: CPython+numpy's FileNotFoundError, the name as given.
        let first = try session("""
            np.save('~/x', np.arange(3))
            np.savez('~/z', a=np.arange(2))
            save (arange 2) ~/y.npy
            print(load ~/y.npy)
            np.load('~/y.npy')
            print('end')

            """)
        #expect(first.stdout == "[0 1]\nend\n")
        #expect(first.errors.count == 3, "\(first.errors)")
        #expect(first.errors.first?.hasSuffix("[Errno 2] No such file or directory: '~/x.npy'") == true, "\(first.errors)")
        #expect(first.errors.dropFirst().first?.hasSuffix("[Errno 2] No such file or directory: '~/z.npz'") == true, "\(first.errors)")
        #expect(first.errors.last?.hasSuffix("[Errno 2] No such file or directory: '~/y.npy'") == true, "\(first.errors)")
        #expect(FileManager.default.fileExists(atPath: home + "/y.npy"))
        #expect(!FileManager.default.fileExists(atPath: home + "/x.npy"))
        #expect(!FileManager.default.fileExists(atPath: home + "/z.npz"))
        // With a folder `~` in the working directory, numpy's functions write and read there.
        try FileManager.default.createDirectory(atPath: dir + "/~", withIntermediateDirectories: false)
        let second = try session("np.save('~/x', np.arange(3))\nnp.savez('~/z', a=np.arange(2))\nprint(np.load('~/x.npy'), np.load('~/z.npz')['a'])\n")
        #expect(second.stdout == "[0 1 2] [0 1]\n" && second.errors.isEmpty, "\(second)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir + "/~")) == ["x.npy", "z.npz"])
        #expect(!FileManager.default.fileExists(atPath: home + "/x.npy"))
    }

    /// Containers nested 100,000 deep (`y.append([]); y = y[0]` in a loop): printing one is
    /// CPython's RecursionError, and dropping one frees it level by level. Both overflowed the
    /// stack (rc 139, red team): repr recursed once per level, and so did Swift's release of
    /// the nested lists and dicts (tuples: RobustnessDeepValueTests).
    @Test func deeplyNestedContainersPrintAndFreeWithoutCrashing() throws {
        let dir = try Self.tempDir("deep")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = """
            x = []
            y = x
            for i in range(100000):
                y.append([])
                y = y[0]

            print(x)
            s = str(x)
            a = np.array(x)
            z = []
            w = z
            for i in range(500):
                w.append([])
                w = w[0]

            print(len(str(z)))
            d = {}
            for i in range(100000):
                d = {1: d, 2: [d]}

            x = 0; y = 0; d = 0
            print('freed')

            """
        try script.write(toFile: dir + "/input.txt", atomically: true, encoding: .utf8)
        let p = try Running([], environment: ["NO_COLOR": "1", "HOME": dir], input: dir + "/input.txt", directory: dir)
        let status = p.finish(timeout: 120)
        // CPython 3.11 prints the same two lines and raises the same error twice.
        #expect(p.stdout == "1002\nfreed\n", "\(p.stdout.prefix(300))")
        #expect(p.stderr.components(separatedBy: "maximum recursion depth exceeded while getting the repr of an object").count == 3, "\(p.stderr.prefix(2000))")
        // np.array of it is refused by its dimension count (its string check recursed once per
        // level too), in numpy's words.
        #expect(p.stderr.contains("ValueError: setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 64."), "\(p.stderr.prefix(2000))")
        #expect(status == 1, "status \(String(describing: status))")
    }

    /// Ctrl-C during an in-place shuffle: it stops, and the array is as it was (the shuffle
    /// journals the array before its first swap, so the statement's rollback restores it).
    @Test func ctrlCDuringAnInPlaceShuffleLeavesTheArrayAsItWas() throws {
        let dir = try Self.tempDir("shuffle")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 3 * 10**7 elements (240 MB) in both builds: at 3 * 10**8 the undo copy the shuffle takes
        // before its first swap, and the rollback's copy back, took 10.4 s of the stop on an idle
        // 2-core EPYC (release). That latency is a known gap (docs/language.md); this test is about
        // the rollback being exact.
        let n = "3 * 10**7"
        let script = "x = np.arange(\(n))\nprint('go')\nnp.random.shuffle(x)\nprint(bool((x == np.arange(x.size)).all()))\n"
        try script.write(toFile: dir + "/input.txt", atomically: true, encoding: .utf8)
        let p = try Running([], environment: ["NO_COLOR": "1", "HOME": dir], input: dir + "/input.txt", directory: dir)
        #expect(p.wait(timeout: 300) { $0.contains("go") }, "did not start: \(p.stderr)")
        usleep(100_000)
        let started = Date()
        kill(p.process.processIdentifier, SIGINT)
        let status = p.finish(timeout: 60)
        let took = Date().timeIntervalSince(started)
        #expect(status == 1, "status \(String(describing: status)), stderr \(p.stderr)")
        #expect(p.stderr.hasPrefix("<stdin>:3: error: interrupted\nstopped by Ctrl-C; the workspace is unchanged\n"), "\(p.stderr)")
        #expect(p.stdout == "go\nTrue\n", "\(p.stdout)")
        #expect(took < 10, "took \(took) s to stop")
    }

    /// SIGTERM while a statement runs in the REPL: the work stops, the history is saved, the
    /// exit status is 128 + 15, as a shell reports death by SIGTERM.
    @Test func sigtermStopsWorkSavesHistoryAndExits() throws {
        let terminal = try REPLTerminal()
        defer { terminal.close() }
        try terminal.waitFor("the prompt") { REPLTerminal.lastLine($0) == "rnnsh>" }
        try terminal.type("kept = 1")
        try terminal.send("Enter")
        try terminal.type("a = np.ones((3000, 3000)); b = a @ a")
        try terminal.send("Enter")
        usleep(500_000)
        try terminal.signalREPL(SIGTERM)
        let screen = try terminal.waitFor(text: "[exit 143]", timeout: 10)
        #expect(!screen.contains("Signal") && !screen.contains("crash"), "\(screen)")
        let saved = try String(contentsOf: terminal.home.appendingPathComponent("history"), encoding: .utf8)
        #expect(saved == "kept = 1\na = np.ones((3000, 3000)); b = a @ a\n", "history file: \(saved)")
    }

    /// Ctrl-C in the REPL during a big product: the prompt comes back, the statement's
    /// assignments are rolled back, the session goes on.
    @Test func ctrlCInTheREPLRollsTheStatementBack() throws {
        let terminal = try REPLTerminal()
        defer { terminal.close() }
        try terminal.waitFor("the prompt") { REPLTerminal.lastLine($0) == "rnnsh>" }
        try terminal.type("a = np.ones((3000, 3000)); b = a @ a")
        try terminal.send("Enter")
        usleep(500_000)
        try terminal.send("C-c")
        try terminal.waitFor(text: "error: interrupted", timeout: 5)
        try terminal.type("b")
        try terminal.send("Enter")
        try terminal.waitFor(text: "name 'b' is not defined", timeout: 5)
    }

    /// kill -9 at random moments of a 24 MB save, 50 times: the target is always either the old
    /// file or the complete new one, and the next save removes the temporaries the killed ones
    /// left behind.
    @Test func killMinus9DuringSaveNeverDamagesTheTarget() throws {
        let dir = try Self.tempDir("kill9")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/big.npy"
        let old = try NPYFile.encode(NDArray([Int64(1), 2, 3]))
        try Data(old).write(to: URL(fileURLWithPath: target))
        let new = try NPYFile.encode(try NDArray(zeros: [3_000_000], dtype: .float64))
        var random = FuzzTests.Random(state: 12)
        var sawNew = false
        for _ in 0..<50 {
            let p = try Running(["-c", "x = np.zeros(3 * 10**6); np.save('\(target)', x)"], environment: [:])
            usleep(UInt32(20_000 + random.below(250_000)))
            kill(p.process.processIdentifier, SIGKILL)
            _ = p.finish(timeout: 30)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: target)))
            #expect(bytes == old || bytes == new, "damaged target: \(bytes.count) bytes")
            if bytes == new { sawNew = true }
        }
        let p = try Running(["-c", "x = np.zeros(3 * 10**6); np.save('\(target)', x)"], environment: [:])
        let status = p.finish(timeout: 60)
        #expect(status == 0, "\(p.stderr)")
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: target))) == new)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "big.npy" }
        #expect(left.isEmpty, "temporaries left behind: \(left)")
        // Some kills came after the rename (the save had finished): both outcomes were seen
        // only if the timings spread; not required, the invariant above is what matters.
        _ = sawNew
    }

    /// A long session of create-and-drop statements stays flat: the peak RSS of 3,000 (debug: 1,000) ×
    /// `z = np.ones(10**6)` (8 MB each) next to a live array stays under 100 MB.
    /// `RNNSH_RSS_STATEMENTS=50000` runs the issue's full count.
    @Test func longSessionMemoryStaysFlat() throws {
        #if DEBUG
        let defaultCount = 1000
        #else
        let defaultCount = 3000
        #endif
        let count = ProcessInfo.processInfo.environment["RNNSH_RSS_STATEMENTS"].flatMap(Int.init) ?? defaultCount
        let p = Process()
        p.executableURL = try REPLTerminal.binary()
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        var script = "keep = np.ones(10**6)\n"
        script += String(repeating: "z = np.ones(10**6)\n", count: count)
        script += "print('end')\n"
        let writer = input.fileHandleForWriting
        let bytes = Data(script.utf8)
        DispatchQueue.global().async { writer.write(bytes) }
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("end") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        let status = (try? String(contentsOfFile: "/proc/\(p.processIdentifier)/status", encoding: .utf8)) ?? ""
        try writer.close()
        p.waitUntilExit()
        let peakKB = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? -1
        #expect(peakKB > 0 && peakKB < 100 * 1024, "peak RSS \(peakKB) kB after \(count) statements")
    }

    /// The grammar fuzz through the real binary, the way an untrusted script arrives: piped
    /// into `rnnsh --safe` in a scratch directory, as the unprivileged user `nobody` when the
    /// tests run as root (`setpriv`), so even a bug in the write policy could not touch
    /// anything outside. No statement may kill the process (a trap is a signal, status >= 128).
    @Test func generatedStatementsThroughTheBinaryAsAnUnprivilegedUser() throws {
        #if DEBUG
        let count = 4000
        #else
        let count = 20_000
        #endif
        let dir = try Self.tempDir("fuzz-bin")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        chmod(dir, 0o777)
        var r = FuzzTests.Random(state: 77)
        let seeds = FuzzTests.seedStatements.filter { !$0.contains("mnist") && !$0.contains("train") && !$0.contains("limit") }
        let fuzz = FuzzTests()
        var script = ""
        for _ in 0..<count {
            let s = fuzz.statement(&r, seeds: seeds)
            if s.contains("mnist") || s.contains("train") || s.contains("limit") || s.contains("quit") || s.contains("exit") { continue }
            let line = s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            // An unclosed bracket or triple-quoted string would (rightly, as in CPython) join all
            // the following lines into one statement: `sep='f.npz'yxs'''abc…` at line 1,254 of
            // the debug run made the rest of the input one string, and the last statement never ran.
            var scanner = ContinuationScanner()
            scanner.append(line)
            if scanner.needsMore { continue }
            script += line + "\n"
        }
        // The last statement proves the whole input was read and run (as the user it ran as);
        // the error of the one before it, at its own line, that the input was cut into
        // statements as a script is (blocks opened by generated `…:` lines end at column 0).
        script += "del undefined_for_sure\nsave (arange 3) fuzz-done.npy\n"
        let delLine = script.split(separator: "\n", omittingEmptySubsequences: false).count - 2
        let input = dir + "/input.txt"
        try script.write(toFile: input, atomically: true, encoding: .utf8)
        let binary = try REPLTerminal.binary().path
        let asNobody = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: asNobody ? "/usr/bin/setpriv" : binary)
        p.arguments = asNobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "--safe"] : ["--safe"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = dir
        env["RNNSH_HISTORY"] = ""
        p.environment = env
        p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        p.standardOutput = FileHandle.nullDevice
        let errors = dir + "/errors.txt"
        FileManager.default.createFile(atPath: errors, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try p.run()
        p.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: dir + "/fuzz-done.npy"), "the replay stopped early")
        let stderr = String(decoding: FileManager.default.contents(atPath: errors) ?? Data(), as: UTF8.self)
        #expect(stderr.contains("<stdin>:\(delLine): NameError: name 'undefined_for_sure' is not defined\n"), "the last error is not on its line")
        #expect(p.terminationReason == .exit && p.terminationStatus <= 1,
                "rnnsh died: reason \(p.terminationReason.rawValue), status \(p.terminationStatus)")
    }
}
